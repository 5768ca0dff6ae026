import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { ExplainedError, toAppError } from './errors';

/** Temporary AWS credentials as the SDK signs with them. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** A credentials provider the SDK calls before each request; `reset` forgets what it holds. */
export interface RenewingCredentialsProvider {
  (): Promise<TemporaryCredentials>;
  /** Drops the cached credentials (sign-out, another user): the next call fetches afresh. */
  reset(): void;
}

/** The SDK itself refreshes credentials that expire within five minutes. */
const MAX_RENEWAL_MARGIN_MS = 10 * 60 * 1000;

/**
 * How long before expiry credentials are renewed: a quarter of their lifetime, at most ten minutes
 * (more than the SDK's own five-minute window, so the SDK never signs with credentials we consider
 * stale), so one-hour credentials renew ten minutes ahead and six-second ones 1.5 s ahead.
 */
export function renewalMarginMs(lifetimeMs: number): number {
  return Math.min(MAX_RENEWAL_MARGIN_MS, Math.max(0, lifetimeMs) / 4);
}

/**
 * Caches what `fetchCredentials` returns and fetches anew once the credentials are within
 * `renewalMarginMs` of their expiry: on the next call, and also unprompted by a timer at that
 * moment, so an edit that makes no AWS call for a while still finds valid credentials when it
 * saves. Concurrent callers share one fetch; a failed fetch is not cached (the next call tries
 * again; a failed timed renewal is retried by the next call).
 */
export function createRenewingCredentials(
  fetchCredentials: () => Promise<TemporaryCredentials>,
  now: () => number = Date.now,
): RenewingCredentialsProvider {
  let cached: { credentials: TemporaryCredentials; renewAt: number } | undefined;
  let inFlight: Promise<TemporaryCredentials> | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (renewAt: number) => {
    clearTimeout(timer);
    if (!Number.isFinite(renewAt)) return;
    timer = setTimeout(
      () => {
        if (inFlight === undefined) fetchFresh().catch(() => undefined);
      },
      Math.max(0, renewAt - now()),
    );
  };

  const fetchFresh = (): Promise<TemporaryCredentials> => {
    const started = now();
    const mine = generation;
    const pending = fetchCredentials().then(
      (credentials) => {
        // A reset while fetching (sign-out) must not let the old user's credentials back in.
        if (mine === generation) {
          const expiresAt = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
          cached = { credentials, renewAt: expiresAt - renewalMarginMs(expiresAt - started) };
          inFlight = undefined;
          schedule(cached.renewAt);
        }
        return credentials;
      },
      (error: unknown) => {
        if (mine === generation) inFlight = undefined;
        throw error;
      },
    );
    inFlight = pending;
    return pending;
  };

  const provider = (): Promise<TemporaryCredentials> => {
    if (cached && now() < cached.renewAt) return Promise.resolve(cached.credentials);
    return inFlight ?? fetchFresh();
  };
  provider.reset = () => {
    generation += 1;
    clearTimeout(timer);
    cached = undefined;
    inFlight = undefined;
  };
  return provider;
}

/** Where and how to exchange an ID token for credentials of a Cognito identity pool. */
export interface CognitoCredentialsOptions {
  identityPoolId: string;
  /** The identity pool's region. */
  region: string;
  /** `cognito-idp.<region>.amazonaws.com/<user pool id>` for a user pool. */
  loginsKey: string;
  /** The Cognito Identity endpoint; left out for AWS itself. */
  endpoint?: string;
  /** A valid ID token of the signed-in user, renewed by the caller when it is about to expire. */
  getIdToken: () => Promise<string>;
  now?: () => number;
}

/** Rewrites a failure of the identity pool into advice a person can act on. */
export function explainIdentityFailure(error: unknown, endpoint: string): Error {
  if (error instanceof ExplainedError) return error;
  const appError = toAppError(error);
  if (appError.kind === 'network') {
    return new ExplainedError({
      name: 'IdentityPoolUnreachable',
      kind: 'network',
      message: appError.message,
      userMessage:
        `Could not get AWS credentials: the Cognito identity pool at ${endpoint} did not answer ` +
        '(the browser reported a network or CORS failure). Check your connection, that the ' +
        "endpoint is running, and that it allows this page's origin; then reload.",
      retryable: true,
      cause: error,
    });
  }
  if (appError.name === 'NotAuthorizedException') {
    return new ExplainedError({
      name: appError.name,
      kind: 'unauthorized',
      message: appError.message,
      userMessage: `The identity pool refused your sign-in (${appError.message}). Sign out and sign in again; if it persists, ask an administrator to check the identity pool's user pool settings.`,
      cause: error,
    });
  }
  if (appError.kind === 'not-found') {
    return new ExplainedError({
      name: appError.name,
      kind: 'unauthorized',
      message: appError.message,
      userMessage: `The identity pool in config.json does not exist (${appError.message}). Check cognito.identityPoolId and cognito.region.`,
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Temporary credentials of the signed-in user from a Cognito identity pool
 * (`fromCognitoIdentityPool`), cached and renewed ahead of expiry; the ID token is asked for on
 * every exchange, so a renewed token is used as soon as it exists. Nothing is persisted.
 */
export function createCognitoCredentials(
  options: CognitoCredentialsOptions,
): RenewingCredentialsProvider {
  const endpointLabel = options.endpoint ?? `cognito-identity.${options.region}.amazonaws.com`;
  const newPoolProvider = () =>
    fromCognitoIdentityPool({
      identityPoolId: options.identityPoolId,
      logins: { [options.loginsKey]: options.getIdToken },
      clientConfig: {
        region: options.region,
        ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
        maxAttempts: 1,
      },
    });
  // The pool provider remembers the IdentityId of the first exchange, so it lives per user.
  let poolProvider = newPoolProvider();
  const renewing = createRenewingCredentials(async () => {
    try {
      const credentials = await poolProvider();
      return {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        ...(credentials.sessionToken === undefined
          ? {}
          : { sessionToken: credentials.sessionToken }),
        ...(credentials.expiration === undefined ? {} : { expiration: credentials.expiration }),
      };
    } catch (error) {
      throw explainIdentityFailure(error, endpointLabel);
    }
  }, options.now);
  const provider = () => renewing();
  provider.reset = () => {
    renewing.reset();
    poolProvider = newPoolProvider();
  };
  return provider;
}
