import { CreateSecurityProfileCommand } from '@aws-sdk/client-iot';
import type { IoTClient } from '@aws-sdk/client-iot';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSecurityProfileRequest } from '../../../domain/security-profile';
import { useIotClient } from '../../../lib/aws/iot-client-context';
import { profileKeys } from './profile-queries';

export interface CreatedSecurityProfile {
  securityProfileName: string;
  securityProfileArn: string;
}

/** Sends CreateSecurityProfile; a taken name rejects with ResourceAlreadyExistsException. */
export async function createSecurityProfile(
  client: IoTClient,
  request: CreateSecurityProfileRequest,
): Promise<CreatedSecurityProfile> {
  const output = await client.send(new CreateSecurityProfileCommand(request));
  return {
    securityProfileName: output.securityProfileName ?? request.securityProfileName,
    securityProfileArn: output.securityProfileArn ?? '',
  };
}

/**
 * The create mutation. Create answers with the name and ARN only, so the new profile's detail is
 * dropped from the cache (a page opening it describes it fresh) and the list is marked stale.
 */
export function useCreateSecurityProfile() {
  const client = useIotClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateSecurityProfileRequest) => createSecurityProfile(client, request),
    onSuccess: async (created) => {
      queryClient.removeQueries({ queryKey: profileKeys.detail(created.securityProfileName) });
      await queryClient.invalidateQueries({ queryKey: profileKeys.lists() });
    },
  });
}
