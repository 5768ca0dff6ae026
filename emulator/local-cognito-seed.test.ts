import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_USERS,
  defaultCallbackUrls,
  readLocalCognitoConfig,
  seedLocalCognito,
  type LocalCognitoOptions,
} from '../scripts/local-cognito';
import { DEFAULT_APP_CLIENT_ID, DEFAULT_USER_POOL_ID } from './config';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-cognito-seed-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(): LocalCognitoOptions {
  return { ...readLocalCognitoConfig({}, dir), port: 9300, dataDir: dir, log: () => undefined };
}

async function readDb(
  name: string,
): Promise<Record<string, Record<string, Record<string, unknown>>>> {
  return JSON.parse(await readFile(join(dir, '.cognito', 'db', `${name}.json`), 'utf8')) as Record<
    string,
    Record<string, Record<string, unknown>>
  >;
}

describe('readLocalCognitoConfig', () => {
  it('defaults to the fixed ids, port 9229 and a directory under the local AWS data dir', () => {
    const config = readLocalCognitoConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 9229,
      dataDir: join('/srv/app', '.local-aws', 'cognito'),
      userPoolId: DEFAULT_USER_POOL_ID,
      users: DEMO_USERS,
    });
    expect(config.clients).toEqual([
      expect.objectContaining({
        clientId: DEFAULT_APP_CLIENT_ID,
        callbackUrls: defaultCallbackUrls(),
        idTokenValiditySeconds: 3600,
      }),
    ]);
    expect(defaultCallbackUrls()).toContain('http://127.0.0.1:5173/auth/callback');
    expect(defaultCallbackUrls()).toContain('http://localhost:4173/auth/callback');
  });

  it('reads the LOCAL_COGNITO_* variables and refuses a malformed number', () => {
    const config = readLocalCognitoConfig(
      {
        LOCAL_COGNITO_PORT: '9300',
        LOCAL_COGNITO_DATA_DIR: 'tmp/cognito',
        LOCAL_COGNITO_CLIENT_ID: 'otherclient',
        LOCAL_COGNITO_CALLBACK_URLS: ' http://a.test/cb , http://b.test/cb ',
        LOCAL_COGNITO_ID_TOKEN_VALIDITY_SECONDS: '30',
      },
      '/srv/app',
    );
    expect(config.port).toBe(9300);
    expect(config.dataDir).toBe(join('/srv/app', 'tmp/cognito'));
    expect(config.clients[0]).toMatchObject({
      clientId: 'otherclient',
      callbackUrls: ['http://a.test/cb', 'http://b.test/cb'],
      idTokenValiditySeconds: 30,
    });
    expect(() => readLocalCognitoConfig({ LOCAL_COGNITO_PORT: 'x' })).toThrow(/LOCAL_COGNITO_PORT/);
    expect(() => readLocalCognitoConfig({ LOCAL_COGNITO_ID_TOKEN_VALIDITY_SECONDS: '0' })).toThrow(
      /LOCAL_COGNITO_ID_TOKEN_VALIDITY_SECONDS/,
    );
  });
});

describe('seedLocalCognito', () => {
  it('writes the fixed pool, client, groups and demo users', async () => {
    await seedLocalCognito(options());
    const pool = await readDb(DEFAULT_USER_POOL_ID);
    expect(pool['Options']).toMatchObject({ Id: DEFAULT_USER_POOL_ID, UsernameAttributes: [] });
    expect(pool['Groups']?.['editors']).toMatchObject({ members: ['analyst'] });
    expect(pool['Groups']?.['viewers']).toMatchObject({ members: ['auditor'] });
    expect(pool['Users']?.['analyst']).toMatchObject({
      Password: 'Analyst!Local1',
      UserStatus: 'CONFIRMED',
      Enabled: true,
    });
    const clients = await readDb('clients');
    expect(clients['Clients']?.[DEFAULT_APP_CLIENT_ID]).toMatchObject({
      UserPoolId: DEFAULT_USER_POOL_ID,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: defaultCallbackUrls(),
    });
    const config = JSON.parse(
      await readFile(join(dir, '.cognito', 'config.json'), 'utf8'),
    ) as unknown;
    expect(config).toMatchObject({ TokenConfig: { IssuerDomain: 'http://127.0.0.1:9300' } });
  });

  it('repairs the demo users on a second run and keeps everything else', async () => {
    await seedLocalCognito(options());
    const path = join(dir, '.cognito', 'db', `${DEFAULT_USER_POOL_ID}.json`);
    const pool = await readDb(DEFAULT_USER_POOL_ID);
    const users = pool['Users'] ?? {};
    users['analyst'] = {
      ...users['analyst'],
      Password: 'changed',
      Enabled: false,
      RefreshTokens: ['rt-1'],
    };
    users['someone'] = { Username: 'someone', Password: 'kept' };
    const groups = pool['Groups'] ?? {};
    groups['viewers'] = { ...groups['viewers'], members: ['auditor', 'analyst', 'someone'] };
    await writeFile(path, JSON.stringify(pool));

    await seedLocalCognito(options());
    const reseeded = await readDb(DEFAULT_USER_POOL_ID);
    expect(reseeded['Users']?.['analyst']).toMatchObject({
      Password: 'Analyst!Local1',
      Enabled: true,
      RefreshTokens: ['rt-1'],
    });
    expect(reseeded['Users']?.['someone']).toEqual({ Username: 'someone', Password: 'kept' });
    expect(reseeded['Groups']?.['viewers']).toMatchObject({ members: ['auditor', 'someone'] });
    expect(reseeded['Groups']?.['editors']).toMatchObject({ members: ['analyst'] });
  });
});
