/**
 * The one place where anything thrown on the way to AWS becomes an AppError the UI can show.
 * SDK exceptions are recognised by shape (`$metadata`, `$fault`) rather than by class, so the same
 * mapping serves every SDK client the app will use (IoT today, Cognito Identity later).
 */

export type AppErrorKind =
  | 'not-found'
  | 'conflict'
  | 'invalid-request'
  | 'throttled'
  | 'limit-exceeded'
  | 'unauthorized'
  | 'network'
  | 'aborted'
  | 'server'
  | 'unknown';

export interface AppError {
  kind: AppErrorKind;
  /** The exception name as the service or runtime reported it, e.g. "ResourceNotFoundException". */
  name: string;
  /** The raw message, kept for diagnostics. */
  message: string;
  /** What to tell a person: what happened and what to check. */
  userMessage: string;
  status?: number;
  requestId?: string;
  /** Whether trying again unchanged can succeed. */
  retryable: boolean;
  cause: unknown;
}

/**
 * An error whose advice is already known where it is thrown (sign-in, the identity pool), so the
 * generic mapping below must not replace it with advice about AWS IoT.
 */
export class ExplainedError extends Error {
  override readonly name: string;
  readonly kind: AppErrorKind;
  readonly userMessage: string;
  readonly retryable: boolean;

  constructor(options: {
    name: string;
    kind: AppErrorKind;
    message: string;
    userMessage: string;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = options.name;
    this.kind = options.kind;
    this.userMessage = options.userMessage;
    this.retryable = options.retryable ?? false;
  }
}

interface SdkLikeError {
  name: string;
  message: string;
  $fault?: 'client' | 'server';
  $retryable?: unknown;
  $metadata: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
}

const AUTH_ERROR_NAMES = new Set([
  'UnauthorizedException',
  'AccessDeniedException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'NotAuthorizedException',
  'CredentialsUnavailableError',
  'CredentialsProviderError',
]);

const KIND_BY_NAME: Record<string, AppErrorKind> = {
  AbortError: 'aborted',
  ResourceNotFoundException: 'not-found',
  VersionConflictException: 'conflict',
  ResourceAlreadyExistsException: 'conflict',
  InvalidRequestException: 'invalid-request',
  ThrottlingException: 'throttled',
  LimitExceededException: 'limit-exceeded',
  InternalFailureException: 'server',
  InternalException: 'server',
  ServiceUnavailableException: 'server',
};

function isSdkLikeError(error: unknown): error is SdkLikeError {
  return (
    error instanceof Error &&
    typeof (error as Partial<SdkLikeError>).$metadata === 'object' &&
    (error as Partial<SdkLikeError>).$metadata !== null
  );
}

/** In Node (tests, scripts) the SDK's HTTP handler reports a lost connection by these codes. */
const NODE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * A request the browser refused or could not send surfaces as a bare TypeError from fetch, with a
 * browser-specific message ("Failed to fetch", "Load failed", "NetworkError when attempting…").
 */
function isNetworkFailure(error: unknown): boolean {
  return (
    (error instanceof TypeError &&
      /failed to fetch|load failed|networkerror|network request failed|fetch failed/i.test(
        error.message,
      )) ||
    (error instanceof Error &&
      NODE_NETWORK_CODES.has(String((error as { code?: unknown }).code ?? '')))
  );
}

function kindOf(name: string, status: number | undefined): AppErrorKind {
  const byName = KIND_BY_NAME[name];
  if (byName) return byName;
  if (AUTH_ERROR_NAMES.has(name) || status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'server';
  if (status !== undefined && status >= 400) return 'invalid-request';
  return 'unknown';
}

function userMessageFor(kind: AppErrorKind, message: string): string {
  switch (kind) {
    case 'not-found':
      return `Not found: ${message}`;
    case 'conflict':
      return `Someone else changed this resource first: ${message}`;
    case 'invalid-request':
      return `The request was refused as invalid: ${message}`;
    case 'throttled':
      return 'AWS IoT is throttling requests. Wait a moment and try again.';
    case 'limit-exceeded':
      return `An AWS IoT quota was reached: ${message}`;
    case 'unauthorized':
      return `AWS IoT refused the credentials: ${message} Check the sign-in or the key pair in config.json.`;
    case 'network':
      return (
        'The request did not reach AWS IoT: the browser reported a network or CORS failure. ' +
        'Check that the endpoint shown in the header is running and reachable, and that it ' +
        "allows requests from this page's origin (CORS)."
      );
    case 'aborted':
      return 'The request was cancelled.';
    case 'server':
      return `AWS IoT had an internal problem: ${message} Try again.`;
    case 'unknown':
      return message ? `Something went wrong: ${message}` : 'Something went wrong.';
  }
}

/** Maps anything thrown by an SDK call, fetch or the credentials provider to an AppError. */
export function toAppError(error: unknown): AppError {
  // First: the SDK may stamp `$metadata` on an error its credentials provider threw.
  if (error instanceof ExplainedError) {
    return {
      kind: error.kind,
      name: error.name,
      message: error.message,
      userMessage: error.userMessage,
      retryable: error.retryable,
      cause: error,
    };
  }
  // Checked first: the SDK's retry middleware stamps `$metadata` on transport errors too.
  if (isNetworkFailure(error)) {
    const { name, message } = error as Error;
    return {
      kind: 'network',
      name,
      message,
      userMessage: userMessageFor('network', message),
      retryable: true,
      cause: error,
    };
  }
  if (isSdkLikeError(error)) {
    const status = error.$metadata.httpStatusCode;
    const kind = kindOf(error.name, status);
    const retryable =
      Boolean(error.$retryable) ||
      // The IoT client renews refused temporary credentials, so the next attempt can succeed.
      error.name === 'ExpiredTokenException' ||
      kind === 'throttled' ||
      kind === 'server' ||
      error.$fault === 'server';
    return {
      kind,
      name: error.name,
      message: error.message,
      userMessage:
        error.name === 'ExpiredTokenException'
          ? 'Your temporary AWS credentials had expired; new ones are being fetched. Try again.'
          : userMessageFor(kind, error.message),
      ...(status === undefined ? {} : { status }),
      ...(error.$metadata.requestId ? { requestId: error.$metadata.requestId } : {}),
      retryable,
      cause: error,
    };
  }
  if (error instanceof Error) {
    const kind: AppErrorKind =
      error.name === 'AbortError'
        ? 'aborted'
        : AUTH_ERROR_NAMES.has(error.name)
          ? 'unauthorized'
          : 'unknown';
    return {
      kind,
      name: error.name,
      message: error.message,
      userMessage: userMessageFor(kind, error.message),
      retryable: false,
      cause: error,
    };
  }
  const message = typeof error === 'string' ? error : 'A non-error value was thrown.';
  return {
    kind: 'unknown',
    name: 'Unknown',
    message,
    userMessage: userMessageFor('unknown', message),
    retryable: false,
    cause: error,
  };
}

/** True when the error means the requested resource does not exist. */
export function isNotFoundError(error: unknown): boolean {
  return toAppError(error).kind === 'not-found';
}
