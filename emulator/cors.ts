import type { IncomingMessage } from 'node:http';

/** Headers a browser SDK may send; used when a preflight does not list what it wants. */
const DEFAULT_ALLOW_HEADERS =
  'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-user-agent, ' +
  'x-amz-content-sha256, x-amz-target, amz-sdk-invocation-id, amz-sdk-request';

/** Without these the browser hides the error name and request id from the SDK. */
const EXPOSE_HEADERS = 'x-amzn-ErrorType, x-amzn-RequestId, x-amz-request-id, date';

/** Preflight answers may be cached by the browser for ten minutes. */
const MAX_AGE_SECONDS = '600';

/**
 * CORS headers for one response: nothing for a request without an Origin or with one outside the
 * allow-list (the browser then blocks it, as AWS would), the full set otherwise. `Vary: Origin`
 * is always sent because the answer depends on the Origin header.
 */
export function corsHeaders(
  req: IncomingMessage,
  allowedOrigins: readonly string[],
): Record<string, string> {
  const origin = req.headers.origin;
  if (origin === undefined || !allowedOrigins.includes(origin)) return { vary: 'Origin' };
  const requested = req.headers['access-control-request-headers'];
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers':
      typeof requested === 'string' && requested.trim() !== '' ? requested : DEFAULT_ALLOW_HEADERS,
    'access-control-expose-headers': EXPOSE_HEADERS,
    'access-control-max-age': MAX_AGE_SECONDS,
  };
}
