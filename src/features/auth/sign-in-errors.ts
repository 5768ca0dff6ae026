/** Shape of oidc-client-ts's ErrorResponse (an OAuth error answer), recognised structurally. */
interface OAuthErrorLike {
  error?: unknown;
  error_description?: unknown;
  message?: unknown;
  name?: unknown;
}

function field(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * What to tell a person when signing in (or silently renewing the session) failed: what happened
 * and what to do about it. `signInHost` names the hosted login for network failures.
 */
export function describeSignInError(error: unknown, signInHost: string): string {
  const details: OAuthErrorLike = error !== null && typeof error === 'object' ? error : {};
  const code = field(details.error);
  const description = field(details.error_description);
  const message = field(details.message) || (typeof error === 'string' ? error : '');
  const text = `${description} ${message}`;

  if (/disabled/i.test(text)) {
    return 'Your account is disabled. Ask an administrator of the user pool to enable it, then sign in again.';
  }
  if (
    (error instanceof TypeError &&
      /failed to fetch|load failed|networkerror|fetch failed/i.test(message)) ||
    field(details.name) === 'ErrorTimeout'
  ) {
    return (
      `Could not reach the sign-in service at ${signInHost} (a network or CORS failure). ` +
      'Check your connection and that the hosted login is running, then sign in again.'
    );
  }
  if (/no matching state/i.test(message)) {
    return (
      'This sign-in answer does not belong to a sign-in started in this tab (it was opened ' +
      'twice, in another tab, or after the tab was closed). Sign in again.'
    );
  }
  if (code === 'access_denied') {
    return `Sign-in was refused${description ? `: ${description}` : ''}. Check your username and password, then sign in again.`;
  }
  if (code === 'invalid_grant') {
    return `Your session has ended${description ? ` (${description})` : ''}. Sign in again.`;
  }
  const reason = description || message || code || 'unknown error';
  return `Sign-in failed: ${reason}. Sign in again; if it keeps failing, ask an administrator to check the app client's callback URLs and OAuth settings.`;
}

/** Said when a user belongs to neither role group. */
export const NO_ROLE_MESSAGE =
  'You signed in, but your account is in neither the “editors” nor the “viewers” group, so this ' +
  'app cannot give you AWS access. Ask an administrator to add you to one, then sign in again.';
