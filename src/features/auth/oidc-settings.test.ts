import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig, resolveCognitoConfig } from '../../config/runtime-config';
import type { ResolvedCognitoConfig } from '../../config/runtime-config';
import { cognitoLogoutUrl, createOidcSettings } from './oidc-settings';
import { groupsFromClaims, roleFromGroups } from './roles';

function resolved(cognito: Record<string, unknown>): ResolvedCognitoConfig {
  const result = parseRuntimeConfig({ region: 'us-east-1', cognito });
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  const config = resolveCognitoConfig(result.config);
  if (!config) throw new Error('no cognito');
  return config;
}

const base = {
  userPoolId: 'us-east-1_DdLocal01',
  clientId: 'ddlocaleditorclient0000001',
  identityPoolId: 'us-east-1:7f3c2a10-0d0d-4c0a-8a11-10ca1c0de001',
};

describe('createOidcSettings', () => {
  it('asks for code + PKCE with explicit metadata, no userinfo, and session storage only', () => {
    const cognito = resolved({ ...base, domain: 'https://team.auth.us-east-1.amazoncognito.com' });
    const settings = createOidcSettings(cognito, 'http://127.0.0.1:5173', {} as Storage);
    expect(settings).toMatchObject({
      client_id: 'ddlocaleditorclient0000001',
      redirect_uri: 'http://127.0.0.1:5173/auth/callback',
      response_type: 'code',
      loadUserInfo: false,
      authority: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_DdLocal01',
      metadata: { token_endpoint: 'https://team.auth.us-east-1.amazoncognito.com/oauth2/token' },
    });
    expect(settings.disablePKCE).toBeUndefined();
    expect(settings.userStore).toBeDefined();
    expect(settings.stateStore).toBeDefined();
  });
});

describe('cognitoLogoutUrl', () => {
  it('uses the hosted login domain with Cognito parameters', () => {
    const cognito = resolved({ ...base, domain: 'https://team.auth.us-east-1.amazoncognito.com' });
    expect(cognitoLogoutUrl(cognito, 'https://editor.example')).toBe(
      'https://team.auth.us-east-1.amazoncognito.com/logout?client_id=ddlocaleditorclient0000001&logout_uri=https%3A%2F%2Feditor.example%2F',
    );
  });

  it('is undefined for explicit metadata without an end-session endpoint (cognito-local)', () => {
    const cognito = resolved({
      ...base,
      metadata: {
        issuer: 'http://127.0.0.1:9229/us-east-1_DdLocal01',
        authorization_endpoint: 'http://127.0.0.1:9229/oauth2/authorize',
        token_endpoint: 'http://127.0.0.1:9229/oauth2/token',
        jwks_uri: 'http://127.0.0.1:9229/us-east-1_DdLocal01/.well-known/jwks.json',
      },
    });
    expect(cognitoLogoutUrl(cognito, 'http://127.0.0.1:5173')).toBeUndefined();
  });
});

describe('roles', () => {
  it.each([
    { claims: { 'cognito:groups': ['editors'] }, role: 'editor' },
    { claims: { 'cognito:groups': ['viewers'] }, role: 'viewer' },
    { claims: { 'cognito:groups': ['viewers', 'editors'] }, role: 'editor' },
    { claims: { 'cognito:groups': ['admins'] }, role: null },
    { claims: { 'cognito:groups': 'editors' }, role: null },
    { claims: {}, role: null },
  ])('$claims → $role', ({ claims, role }) => {
    expect(roleFromGroups(groupsFromClaims(claims))).toBe(role);
  });
});
