import { IoTClient } from '@aws-sdk/client-iot';
import type { IoTClientConfig } from '@aws-sdk/client-iot';
import type { RuntimeConfig } from '../../config/runtime-config';
import type { RenewingCredentialsProvider } from './cognito-credentials';

/** Thrown by the credentials provider when the config offers no way to sign requests. */
export class CredentialsUnavailableError extends Error {
  override readonly name = 'CredentialsUnavailableError';
}

/**
 * Answers meaning the temporary credentials themselves are no longer good (expired early, or
 * unknown to an endpoint that restarted): fetching new ones can heal them.
 */
const REFUSED_CREDENTIALS = new Set([
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
]);

/**
 * Builds the one IoT client of a session from the runtime config: the endpoint override (absent
 * means the real AWS endpoint of the region), signed with `signInCredentials` (the signed-in
 * user's temporary credentials, renewed by the provider) or else the local key pair.
 */
export function createIotClient(
  config: RuntimeConfig,
  signInCredentials?: RenewingCredentialsProvider,
): IoTClient {
  const { localCredentials } = config;
  let credentials: IoTClientConfig['credentials'];
  if (signInCredentials) {
    // Marked as memoized so the SDK asks our provider before every request instead of caching
    // on its own until five minutes before expiry: ours decides when to renew, and a reset
    // after a refusal takes effect on the very next request.
    credentials = Object.assign(() => signInCredentials(), { memoized: true });
  } else if (localCredentials) {
    credentials = {
      accessKeyId: localCredentials.accessKeyId,
      secretAccessKey: localCredentials.secretAccessKey,
    };
  } else {
    credentials = async () => {
      throw new CredentialsUnavailableError(
        'config.json has neither cognito settings for sign-in nor localCredentials for a local endpoint.',
      );
    };
  }
  const client = new IoTClient({
    region: config.region,
    ...(config.iotEndpoint === undefined ? {} : { endpoint: config.iotEndpoint }),
    credentials,
    // TanStack Query owns retries (see query-client.ts); a second retry layer in the SDK would
    // multiply attempts and delay the error state by seconds.
    maxAttempts: 1,
  });
  if (signInCredentials) {
    client.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          if (error instanceof Error && REFUSED_CREDENTIALS.has(error.name)) {
            signInCredentials.reset();
          }
          throw error;
        }
      },
      { step: 'initialize', name: 'renewRefusedCredentials' },
    );
  }
  return client;
}
