import { createHash, randomBytes } from 'node:crypto';
import type { LocalCognitoEndpoints } from '../../scripts/local-cognito';

/** The tokens cognito-local's `/oauth2/token` answers with. */
export interface HostedLoginTokens {
  id_token: string;
  access_token: string;
  refresh_token: string;
}

/**
 * Signs in through cognito-local's hosted login as a browser would: GET the authorize page, POST
 * the form, follow nothing but read the code from the redirect, then redeem it at the token
 * endpoint with the PKCE verifier. Throws with the server's answer at the first unexpected step.
 */
export async function signInThroughHostedLogin(
  endpoints: LocalCognitoEndpoints,
  login: { clientId: string; redirectUri: string; username: string; password: string },
): Promise<HostedLoginTokens> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const query = {
    client_id: login.clientId,
    redirect_uri: login.redirectUri,
    response_type: 'code',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    scope: 'openid email profile',
    state,
  };
  const page = await fetch(`${endpoints.authorizationEndpoint}?${new URLSearchParams(query)}`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('name="password"')) {
    throw new Error(`The authorize page answered ${page.status}: ${html.slice(0, 300)}`);
  }
  const form = await fetch(endpoints.authorizationEndpoint, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ ...query, username: login.username, password: login.password }),
  });
  const location = form.headers.get('location');
  if (form.status !== 302 || location === null) {
    throw new Error(`Sign-in as ${login.username} was refused (${form.status}).`);
  }
  const redirect = new URL(location);
  const code = redirect.searchParams.get('code');
  if (code === null || redirect.searchParams.get('state') !== state) {
    throw new Error(`The redirect carried no code or a different state: ${location}`);
  }
  const token = await fetch(endpoints.tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: login.redirectUri,
      client_id: login.clientId,
      code_verifier: verifier,
    }),
  });
  const tokens = (await token.json()) as Partial<HostedLoginTokens>;
  if (token.status !== 200 || tokens.id_token === undefined) {
    throw new Error(`The token endpoint answered ${token.status}: ${JSON.stringify(tokens)}`);
  }
  return tokens as HostedLoginTokens;
}
