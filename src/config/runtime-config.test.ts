import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig, resolveCognitoConfig } from './runtime-config';
import type { RuntimeConfig } from './runtime-config';

const LOCAL_COGNITO = {
  userPoolId: 'us-east-1_DdLocal01',
  clientId: 'ddlocaleditorclient0000001',
  identityPoolId: 'us-east-1:7f3c2a10-0d0d-4c0a-8a11-10ca1c0de001',
  identityEndpoint: 'http://127.0.0.1:4510',
  metadata: {
    issuer: 'http://127.0.0.1:9229/us-east-1_DdLocal01',
    authorization_endpoint: 'http://127.0.0.1:9229/oauth2/authorize',
    token_endpoint: 'http://127.0.0.1:9229/oauth2/token',
    jwks_uri: 'http://127.0.0.1:9229/us-east-1_DdLocal01/.well-known/jwks.json',
  },
};

const AWS_COGNITO = {
  userPoolId: 'eu-west-1_AbCdEf123',
  clientId: '4abcdefghijklmnop1234567',
  domain: 'https://my-team.auth.eu-west-1.amazoncognito.com/',
  identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
};

function parsed(value: unknown): RuntimeConfig {
  const result = parseRuntimeConfig(value);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.config;
}

describe('parseRuntimeConfig with cognito', () => {
  it('accepts the local sign-in config as public/config.json has it', () => {
    const config = parsed({
      region: 'us-east-1',
      iotEndpoint: 'http://127.0.0.1:4510',
      cognito: LOCAL_COGNITO,
    });
    expect(config.cognito?.redirectPath).toBe('/auth/callback');
    expect(config.cognito?.scope).toBe('openid email profile');
  });

  it.each([
    {
      case: 'the key pair together with sign-in',
      value: {
        region: 'us-east-1',
        iotEndpoint: 'http://127.0.0.1:4510',
        localCredentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
        cognito: LOCAL_COGNITO,
      },
      field: 'localCredentials',
    },
    {
      case: 'neither a hosted login domain nor metadata',
      value: { region: 'us-east-1', cognito: { ...AWS_COGNITO, domain: undefined } },
      field: 'cognito.domain',
    },
    {
      case: 'a malformed user pool id',
      value: { region: 'us-east-1', cognito: { ...AWS_COGNITO, userPoolId: 'DdLocal01' } },
      field: 'cognito.userPoolId',
    },
    {
      case: 'a malformed identity pool id',
      value: { region: 'us-east-1', cognito: { ...AWS_COGNITO, identityPoolId: 'pool' } },
      field: 'cognito.identityPoolId',
    },
    {
      case: 'a redirect path that is a full URL',
      value: {
        region: 'us-east-1',
        cognito: { ...AWS_COGNITO, redirectPath: 'https://elsewhere.example/cb' },
      },
      field: 'cognito.redirectPath',
    },
    {
      case: 'metadata without a token endpoint',
      value: {
        region: 'us-east-1',
        cognito: {
          ...LOCAL_COGNITO,
          metadata: { ...LOCAL_COGNITO.metadata, token_endpoint: undefined },
        },
      },
      field: 'cognito.metadata.token_endpoint',
    },
  ])('refuses $case, naming $field', ({ value, field }) => {
    const result = parseRuntimeConfig(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.issues.map((issue) => issue.field)).toContain(field);
  });
});

describe('resolveCognitoConfig', () => {
  it('is undefined without cognito settings (the key pair mode)', () => {
    expect(
      resolveCognitoConfig(
        parsed({
          region: 'us-east-1',
          iotEndpoint: 'http://127.0.0.1:4510',
          localCredentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' },
        }),
      ),
    ).toBeUndefined();
  });

  it('derives region, endpoints and the logins key of a real user pool from its domain', () => {
    const resolved = resolveCognitoConfig(parsed({ region: 'us-east-1', cognito: AWS_COGNITO }));
    expect(resolved).toEqual({
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbCdEf123',
      clientId: '4abcdefghijklmnop1234567',
      domain: 'https://my-team.auth.eu-west-1.amazoncognito.com',
      metadata: {
        issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
        authorization_endpoint: 'https://my-team.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
        token_endpoint: 'https://my-team.auth.eu-west-1.amazoncognito.com/oauth2/token',
        jwks_uri:
          'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json',
      },
      identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
      identityRegion: 'eu-west-1',
      loginsKey: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
      redirectPath: '/auth/callback',
      scope: 'openid email profile',
    });
  });

  it('keeps explicit local metadata and still derives the production logins key', () => {
    const resolved = resolveCognitoConfig(
      parsed({ region: 'us-east-1', iotEndpoint: 'http://127.0.0.1:4510', cognito: LOCAL_COGNITO }),
    );
    expect(resolved?.metadata).toEqual(LOCAL_COGNITO.metadata);
    expect(resolved?.loginsKey).toBe('cognito-idp.us-east-1.amazonaws.com/us-east-1_DdLocal01');
    expect(resolved?.identityEndpoint).toBe('http://127.0.0.1:4510');
  });

  it('prefers an explicit region and logins key over the derived ones', () => {
    const resolved = resolveCognitoConfig(
      parsed({
        region: 'us-east-1',
        cognito: { ...AWS_COGNITO, region: 'eu-central-1', loginsKey: 'custom.example/pool' },
      }),
    );
    expect(resolved?.region).toBe('eu-central-1');
    expect(resolved?.loginsKey).toBe('custom.example/pool');
  });
});
