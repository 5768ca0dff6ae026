import { IoTClient } from '@aws-sdk/client-iot';
import type { IoTClientConfig } from '@aws-sdk/client-iot';
import type { RuntimeConfig } from '../../config/runtime-config';

/** Thrown by the credentials provider when the config offers no way to sign requests. */
export class CredentialsUnavailableError extends Error {
  override readonly name = 'CredentialsUnavailableError';
}

/**
 * Builds the one IoT client of a session from the runtime config: the endpoint override (absent
 * means the real AWS endpoint of the region) and, until sign-in exists, the local key pair.
 */
export function createIotClient(config: RuntimeConfig): IoTClient {
  const { localCredentials } = config;
  const credentials: IoTClientConfig['credentials'] = localCredentials
    ? {
        accessKeyId: localCredentials.accessKeyId,
        secretAccessKey: localCredentials.secretAccessKey,
      }
    : async () => {
        throw new CredentialsUnavailableError(
          'This build cannot sign in yet, and config.json has no localCredentials for a local endpoint.',
        );
      };
  return new IoTClient({
    region: config.region,
    ...(config.iotEndpoint === undefined ? {} : { endpoint: config.iotEndpoint }),
    credentials,
    // TanStack Query owns retries (see query-client.ts); a second retry layer in the SDK would
    // multiply attempts and delay the error state by seconds.
    maxAttempts: 1,
  });
}
