import { WebStorageStateStore } from 'oidc-client-ts';
import type { UserManagerSettings } from 'oidc-client-ts';
import type { ResolvedCognitoConfig } from '../../config/runtime-config';

/**
 * The oidc-client-ts settings for the hosted login: authorization code with PKCE, explicit
 * metadata (no discovery round trip; cognito-local's lacks the endpoints), no userinfo call (the
 * ID token carries the profile), and both the user and the in-flight sign-in state in
 * `storage` (session storage: never localStorage, which outlives the tab).
 */
export function createOidcSettings(
  cognito: ResolvedCognitoConfig,
  origin: string,
  storage: Storage,
): UserManagerSettings {
  return {
    authority: cognito.metadata.issuer,
    metadata: { ...cognito.metadata },
    client_id: cognito.clientId,
    redirect_uri: `${origin}${cognito.redirectPath}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: cognito.scope,
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: storage }),
    stateStore: new WebStorageStateStore({ store: storage }),
    // Renews with the refresh token shortly before the tokens expire; no iframe is involved.
    automaticSilentRenew: true,
    monitorSession: false,
  };
}

/**
 * Where the browser goes to end the Cognito session: the hosted login's `/logout` (Cognito wants
 * `client_id` and `logout_uri`, not the OIDC parameters), or undefined when there is none (the
 * local stand-in), in which case signing out is local only.
 */
export function cognitoLogoutUrl(
  cognito: ResolvedCognitoConfig,
  origin: string,
): string | undefined {
  const endpoint =
    cognito.metadata.end_session_endpoint ??
    (cognito.domain === undefined ? undefined : `${cognito.domain}/logout`);
  if (endpoint === undefined) return undefined;
  const url = new URL(endpoint);
  url.searchParams.set('client_id', cognito.clientId);
  url.searchParams.set('logout_uri', `${origin}/`);
  return url.toString();
}
