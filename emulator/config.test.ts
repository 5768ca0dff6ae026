import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALLOWED_ORIGINS,
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
