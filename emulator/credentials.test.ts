import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoTClient, IoTServiceException, ListDimensionsCommand } from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server';
import { staticCredentials } from './sigv4';
import { expectAwsError } from './testing/contract-harness';

// The credential lookup is an interface so that temporary (session) credentials can be added
// later; this file drives it with such credentials.
const session = {
  accessKeyId: 'ASIATEMPORARYKEY0001',
  secretAccessKey: 'temporary-secret',
  sessionToken: 'session-token-1',
};
const longTerm = { accessKeyId: 'AKIALONGTERMKEY00001', secretAccessKey: 'long-term-secret' };
const expired = {
  accessKeyId: 'ASIAEXPIREDKEY000001',
  secretAccessKey: 'expired-secret',
  sessionToken: 'session-token-2',
};

let dataDir: string;
let emulator: RunningEmulator;
const clients: IoTClient[] = [];

function client(credentials: typeof session): IoTClient {
  const iot = new IoTClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials,
    maxAttempts: 1,
  });
  clients.push(iot);
  return iot;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-aws-credentials-'));
  emulator = await startEmulator({
    port: 0,
    dataDir,
    region: 'us-east-1',
    log: () => undefined,
    credentials: staticCredentials([
      [
        session.accessKeyId,
        {
          secretAccessKey: session.secretAccessKey,
          sessionToken: session.sessionToken,
          principal: 'us-east-1:identity-1',
          groups: ['editors'],
          expiresAt: new Date(Date.now() + 60 * 60 * 1000),
        },
      ],
      [
        longTerm.accessKeyId,
        {
          secretAccessKey: longTerm.secretAccessKey,
          principal: 'arn:aws:iam::123456789012:user/dev',
        },
      ],
      [
        expired.accessKeyId,
        {
          secretAccessKey: expired.secretAccessKey,
          sessionToken: expired.sessionToken,
          principal: 'us-east-1:identity-2',
          expiresAt: new Date(Date.now() - 1000),
        },
      ],
    ]),
  });
});
afterAll(async () => {
  for (const iot of clients) iot.destroy();
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('temporary credentials through the credential resolver', () => {
  it('accepts a request signed with a session token', async () => {
    const result = await client(session).send(new ListDimensionsCommand({}));
    expect(result.dimensionNames).toContain('telemetry-topics');
  });

  it('refuses a different session token with 403 UnrecognizedClientException', async () => {
    const error = await expectAwsError(
      client({ ...session, sessionToken: 'forged' }).send(new ListDimensionsCommand({})),
      IoTServiceException,
      403,
      'security token',
    );
    expect(error.name).toBe('UnrecognizedClientException');
  });

  it('refuses a session token sent with a long-term key, as AWS does', async () => {
    const error = await expectAwsError(
      client({ ...longTerm, sessionToken: 'not-issued-for-this-key' }).send(
        new ListDimensionsCommand({}),
      ),
      IoTServiceException,
      403,
      'security token',
    );
    expect(error.name).toBe('UnrecognizedClientException');
  });

  it('refuses expired credentials with 403 ExpiredTokenException', async () => {
    const error = await expectAwsError(
      client(expired).send(new ListDimensionsCommand({})),
      IoTServiceException,
      403,
      'expired',
    );
    expect(error.name).toBe('ExpiredTokenException');
  });

  it('no longer accepts the default long-term key when another resolver is given', async () => {
    const error = await expectAwsError(
      client({
        accessKeyId: 'AKIALOCALDEVELOPMENT',
        secretAccessKey: 'local-development-secret-key-not-for-aws',
        sessionToken: '',
      }).send(new ListDimensionsCommand({})),
      IoTServiceException,
      403,
    );
    expect(error.name).toBe('UnrecognizedClientException');
  });
});
