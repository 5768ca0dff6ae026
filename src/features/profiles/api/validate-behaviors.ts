import { ValidateSecurityProfileBehaviorsCommand } from '@aws-sdk/client-iot';
import type { IoTClient } from '@aws-sdk/client-iot';
import { queryOptions } from '@tanstack/react-query';
import type { Behavior } from '../../../domain/security-profile';
import { profileKeys } from './profile-queries';

/** The service's verdict on a set of behaviors: valid, or the problems it names. */
export interface BehaviorsVerdict {
  valid: boolean;
  /** One message per problem, as the service words it (`behaviors[1].criteria…: …`). */
  problems: string[];
}

/**
 * Sends ValidateSecurityProfileBehaviors. A semantic problem is a 200 answer with `valid: false`;
 * a malformed behavior rejects with InvalidRequestException, like any other operation.
 */
export async function validateSecurityProfileBehaviors(
  client: IoTClient,
  behaviors: readonly Behavior[],
  { signal }: { signal?: AbortSignal } = {},
): Promise<BehaviorsVerdict> {
  const output = await client.send(
    new ValidateSecurityProfileBehaviorsCommand({ behaviors: [...behaviors] }),
    { abortSignal: signal },
  );
  const problems = (output.validationErrors ?? []).map(
    (error) => error.errorMessage ?? 'The service named a problem without a message.',
  );
  // A verdict of "not valid" without a reason still blocks; one with reasons but valid: true is
  // read as the service wrote it.
  return { valid: output.valid === true, problems };
}

/** Keys of server-side behavior validation: one entry per distinct list of behaviors. */
export const validateBehaviorsKeys = {
  all: [...profileKeys.all, 'validate-behaviors'] as const,
  // The query key hash serialises objects with sorted keys, so the behaviors themselves are the
  // key: equal content, in any member order, shares one verdict.
  of: (behaviors: readonly Behavior[]) => [...validateBehaviorsKeys.all, behaviors] as const,
};

/**
 * The server's verdict on `behaviors`. It depends on the account's custom metrics and dimensions
 * too, which change rarely, so a verdict stays fresh for a minute.
 */
export function validateBehaviorsOptions(client: IoTClient, behaviors: readonly Behavior[]) {
  return queryOptions({
    queryKey: validateBehaviorsKeys.of(behaviors),
    queryFn: ({ signal }) => validateSecurityProfileBehaviors(client, behaviors, { signal }),
    staleTime: 60_000,
  });
}
