import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListSecurityProfilesCommand } from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenewingCredentials } from './cognito-credentials';
import { toAppError } from './errors';
import { createIotClient } from './iot-client';

// A bare HTTP listener records what the SDK puts on the wire; it stands in for nothing of ours.
const requests: { url: string; authorization: string | undefined }[] = [];
const server = createServer((req, res) => {
  requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ securityProfileIdentifiers: [] }));
});
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createIotClient', () => {
  it('sends to the configured endpoint, signed with the local key pair for the region', async () => {
    const client = createIotClient({
      region: 'eu-west-1',
      iotEndpoint: endpoint,
      localCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'secret' },
    });
    await client.send(new ListSecurityProfilesCommand({}));
    const last = requests.at(-1);
    expect(last?.url).toBe('/security-profiles');
    expect(last?.authorization).toMatch(
      /Credential=AKIALOCALTEST\/\d{8}\/eu-west-1\/iot\/aws4_request/,
    );
  });

  it('without credentials fails before any request with an explained authorization error', async () => {
    const before = requests.length;
    const client = createIotClient({ region: 'us-east-1', iotEndpoint: endpoint });
    const error = await client.send(new ListSecurityProfilesCommand({})).catch((e: unknown) => e);
    expect(toAppError(error)).toMatchObject({ kind: 'unauthorized', retryable: false });
    expect(requests.length).toBe(before);
  });
});

describe('createIotClient with sign-in credentials', () => {
  // Refuses the first session token as expired, as the endpoint does for credentials past their
  // expiry (or unknown after a restart), and accepts any later one.
  const seenTokens: (string | undefined)[] = [];
  const refusing = createServer((req, res) => {
    const token = req.headers['x-amz-security-token'];
    seenTokens.push(typeof token === 'string' ? token : undefined);
    if (token === 'token-1') {
      res.writeHead(403, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ExpiredTokenException',
      });
      res.end(JSON.stringify({ message: 'The security token included in the request is expired' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ securityProfileIdentifiers: [] }));
  });
  let refusingEndpoint = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    refusingEndpoint = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => refusing.close(() => resolve())));

  it('signs with the session token and renews credentials the endpoint refused', async () => {
    let issued = 0;
    const provider = createRenewingCredentials(async () => {
      issued += 1;
      return {
        accessKeyId: `ASIATEST${issued}`,
        secretAccessKey: 'secret',
        sessionToken: `token-${issued}`,
        expiration: new Date(Date.now() + 3_600_000),
      };
    });
    const client = createIotClient(
      { region: 'us-east-1', iotEndpoint: refusingEndpoint },
      provider,
      {
        sleep: () => Promise.resolve(),
      },
    );
    // The refusal is retried with renewed credentials, so the first call already succeeds.
    await client.send(new ListSecurityProfilesCommand({}));
    await client.send(new ListSecurityProfilesCommand({}));
    // One refusal, one renewal, then the renewed credentials are reused from the cache.
    expect(seenTokens).toEqual(['token-1', 'token-2', 'token-2']);
    expect(issued).toBe(2);
  });
});
