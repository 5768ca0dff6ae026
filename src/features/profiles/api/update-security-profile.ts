import { UpdateSecurityProfileCommand } from '@aws-sdk/client-iot';
import type { IoTClient } from '@aws-sdk/client-iot';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  SecurityProfile,
  UpdateSecurityProfileRequest,
} from '../../../domain/security-profile';
import { useIotClient } from '../../../lib/aws/iot-client-context';
import { toSecurityProfile } from './profile-mapping';
import { profileKeys } from './profile-queries';

/**
 * Sends UpdateSecurityProfile and returns the profile as the service answered (the new version).
 * A stale `expectedVersion` rejects with VersionConflictException.
 */
export async function updateSecurityProfile(
  client: IoTClient,
  request: UpdateSecurityProfileRequest,
): Promise<SecurityProfile> {
  const output = await client.send(new UpdateSecurityProfileCommand(request));
  // The Update answer carries every member Describe does, under the same names.
  return toSecurityProfile(output);
}

/**
 * The save mutation. On success the detail cache holds the answer (no refetch needed) and the
 * list is marked stale, since its row shows the version and behaviour count.
 */
export function useUpdateSecurityProfile() {
  const client = useIotClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateSecurityProfileRequest) => updateSecurityProfile(client, request),
    onSuccess: async (profile) => {
      queryClient.setQueryData(profileKeys.detail(profile.securityProfileName), profile);
      await queryClient.invalidateQueries({ queryKey: profileKeys.lists() });
    },
  });
}
