import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALLOWED_ORIGINS,
  DEFAULT_APP_CLIENT_ID,
  DEFAULT_IDENTITY_POOL_ID,
  DEFAULT_USER_POOL_ID,
  readIdentityConfig,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  readEmulatorConfig,
} from './config';

describe('readEmulatorConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = readEmulatorConfig({}, '/srv/app');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4510,
      dataDir: join('/srv/app', '.local-aws'),
      region: 'us-east-1',
      accountId: '123456789012',
      accessKeyId: 'AKIALOCALDEVELOPMENT',
      secretAccessKey: 'local-development-secret-key-not-for-aws',
      allowedOrigins: DEFAULT_ALLOWED_ORIGINS,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      maxClockSkewMs: DEFAULT_MAX_CLOCK_SKEW_MS,
    });
    expect(DEFAULT_ALLOWED_ORIGINS).toEqual([
      'http://127.0.0.1:5173',
      'http://localhost:5173',
      'http://127.0.0.1:4173',
      'http://localhost:4173',
    ]);
  });

  it('reads every LOCAL_AWS_* variable', () => {
    const config = readEmulatorConfig(
      {
        LOCAL_AWS_HOST: '0.0.0.0',
        LOCAL_AWS_PORT: '0',
        LOCAL_AWS_DATA_DIR: 'tmp/aws',
        LOCAL_AWS_REGION: 'eu-central-1',
        LOCAL_AWS_ACCOUNT_ID: '111122223333',
        LOCAL_AWS_ACCESS_KEY_ID: 'AKIAOTHER',
        LOCAL_AWS_SECRET_ACCESS_KEY: 'other-secret',
        LOCAL_AWS_ALLOWED_ORIGINS: ' https://editor.example , http://localhost:3000 ,',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      dataDir: join('/srv/app', 'tmp/aws'),
      region: 'eu-central-1',
      accountId: '111122223333',
      accessKeyId: 'AKIAOTHER',
      secretAccessKey: 'other-secret',
      allowedOrigins: ['https://editor.example', 'http://localhost:3000'],
    });
  });

  it.each(['-1', '65536', '80.5', 'http'])('refuses LOCAL_AWS_PORT=%s', (port) => {
    expect(() => readEmulatorConfig({ LOCAL_AWS_PORT: port })).toThrow(/LOCAL_AWS_PORT/);
  });
});

describe('readIdentityConfig', () => {
  it('defaults to the ids scripts/local-cognito.ts seeds and a one-hour lifetime', () => {
    expect(readIdentityConfig({})).toEqual({
      identityPoolId: DEFAULT_IDENTITY_POOL_ID,
      userPoolId: DEFAULT_USER_POOL_ID,
      clientId: DEFAULT_APP_CLIENT_ID,
      issuer: `http://127.0.0.1:9229/${DEFAULT_USER_POOL_ID}`,
      credentialLifetimeSeconds: 3600,
    });
    expect(DEFAULT_USER_POOL_ID).toMatch(/^[\w-]+_[0-9a-zA-Z]+$/);
    expect(DEFAULT_IDENTITY_POOL_ID).toMatch(/^[\w-]+:[0-9a-f-]+$/);
  });

  it('follows LOCAL_COGNITO_PORT in the default issuer and reads every variable', () => {
    expect(readIdentityConfig({ LOCAL_COGNITO_PORT: '9300' }).issuer).toBe(
      `http://127.0.0.1:9300/${DEFAULT_USER_POOL_ID}`,
    );
    expect(
      readIdentityConfig({
        LOCAL_COGNITO_IDENTITY_POOL_ID: 'eu-west-1:11111111-2222-3333-4444-555555555555',
        LOCAL_COGNITO_USER_POOL_ID: 'eu-west-1_Other',
        LOCAL_COGNITO_CLIENT_ID: 'client',
        LOCAL_COGNITO_ISSUER: 'https://issuer.example/pool/',
        LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS: '5',
      }),
    ).toEqual({
      identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
      userPoolId: 'eu-west-1_Other',
      clientId: 'client',
      issuer: 'https://issuer.example/pool',
      credentialLifetimeSeconds: 5,
    });
  });

  it.each(['0', '-1', '1.5', 'hour'])(
    'refuses LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS=%s',
    (value) => {
      expect(() => readIdentityConfig({ LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS: value })).toThrow(
        /LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS/,
      );
    },
  );
});
