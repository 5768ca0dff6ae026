import { IoTClient, ListSecurityProfilesCommand } from '@aws-sdk/client-iot';
import type { IoTClientConfig } from '@aws-sdk/client-iot';
import type { RuntimeConfig } from '../../config/runtime-config';
import type { RenewingCredentialsProvider } from './cognito-credentials';
import type { ConnectivityMonitor } from './connectivity';
import { toAppError } from './errors';
import { backoffDelayMs, MAX_ATTEMPTS, retryDecision } from './retry-policy';

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

/** How the client retries and whom it tells; every member is optional. */
export interface IotClientOptions {
  /** Told about answers, unanswered calls and scheduled retries (the banner and save bar read it). */
  monitor?: ConnectivityMonitor;
  /** Attempts per call, the first included (default MAX_ATTEMPTS; 1 turns retries off). */
  maxAttempts?: number;
  /** Waits between attempts; tests pass one that does not really wait. */
  sleep?: (ms: number) => Promise<void>;
  /** The jitter's dice (default Math.random). */
  random?: () => number;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when `error` came back from the endpoint as an HTTP answer (the endpoint is reachable). */
function isAnswer(error: unknown): boolean {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  return typeof metadata?.httpStatusCode === 'number';
}

/**
 * Builds the one IoT client of a session from the runtime config: the endpoint override (absent
 * means the real AWS endpoint of the region), signed with `signInCredentials` (the signed-in
 * user's temporary credentials, renewed by the provider) or else the local key pair. Calls are
 * retried by the policy of retry-policy.ts and reported to `options.monitor`.
 */
export function createIotClient(
  config: RuntimeConfig,
  signInCredentials?: RenewingCredentialsProvider,
  options: IotClientOptions = {},
): IoTClient {
  const { monitor, maxAttempts = MAX_ATTEMPTS, sleep = wait, random = Math.random } = options;
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
    // The SDK's own retry middleware stays at one attempt: the retryWithBackoff middleware below
    // does the retries instead, because it knows the operation and its input (to retry a write
    // only when that is safe) and can tell the UI which attempt is under way.
    maxAttempts: 1,
  });
  // Outermost (initialize step, high priority): each attempt runs the whole chain again, so it
  // is serialized and signed afresh, and the credentials renewal below has acted before it.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = context.commandName ?? 'UnknownCommand';
      let retryId: number | null = null;
      try {
        for (let attempt = 1; ; attempt += 1) {
          try {
            const output = await next(args);
            monitor?.dispatch({ type: 'endpoint-answered' });
            return output;
          } catch (error) {
            if (isAnswer(error)) monitor?.dispatch({ type: 'endpoint-answered' });
            const reason =
              attempt < maxAttempts ? retryDecision(operation, args.input, error) : null;
            if (reason === null) {
              const appError = toAppError(error);
              if (appError.kind === 'network') {
                monitor?.dispatch({ type: 'endpoint-unreachable', message: appError.message });
              }
              throw error;
            }
            const delayMs = backoffDelayMs(attempt, reason, random);
            retryId ??= monitor?.nextRetryId() ?? null;
            if (retryId !== null) {
              monitor?.dispatch({
                type: 'retry-scheduled',
                activity: {
                  id: retryId,
                  operation,
                  attempt: attempt + 1,
                  maxAttempts,
                  delayMs,
                  reason,
                },
              });
            }
            await sleep(delayMs);
          }
        }
      } finally {
        if (retryId !== null) monitor?.dispatch({ type: 'retry-ended', id: retryId });
      }
    },
    { step: 'initialize', name: 'retryWithBackoff', priority: 'high' },
  );
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

/**
 * Asks the endpoint for one profile name, once, to learn whether it answers again; resolves
 * either way (the outcome reaches the monitor of the client that sent it).
 */
export async function probeEndpoint(client: IoTClient): Promise<void> {
  await client.send(new ListSecurityProfilesCommand({ maxResults: 1 })).catch(() => undefined);
}
