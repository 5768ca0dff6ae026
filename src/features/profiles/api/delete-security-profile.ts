import { DeleteSecurityProfileCommand } from '@aws-sdk/client-iot';
import type { IoTClient } from '@aws-sdk/client-iot';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIotClient } from '../../../lib/aws/iot-client-context';
import { profileKeys } from './profile-queries';

export interface DeleteSecurityProfileRequest {
  securityProfileName: string;
  /** The version the analyst saw; a newer one rejects with VersionConflictException. */
  expectedVersion?: number;
}

/** Sends DeleteSecurityProfile. */
export async function deleteSecurityProfile(
  client: IoTClient,
  request: DeleteSecurityProfileRequest,
): Promise<void> {
  await client.send(new DeleteSecurityProfileCommand(request));
}

/** The delete mutation: on success the profile leaves the detail cache and the list is stale. */
export function useDeleteSecurityProfile() {
  const client = useIotClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DeleteSecurityProfileRequest) => deleteSecurityProfile(client, request),
    onSuccess: async (_result, request) => {
      queryClient.removeQueries({ queryKey: profileKeys.detail(request.securityProfileName) });
      await queryClient.invalidateQueries({ queryKey: profileKeys.lists() });
    },
  });
}
