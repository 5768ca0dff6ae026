import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIotClient } from '../../../lib/aws/iot-client';
import {
  DESCRIBE_CONCURRENCY,
  listAllSecurityProfiles,
  listProfileSummaries,
} from './security-profiles';

/**
 * A minimal stand-in for the IoT REST API on the real wire: pages of two identifiers, Describe
 * answers with a delay so concurrency shows, and a 404 in AWS's error shape for deleted profiles.
 */
const NAMES = ['zeta', 'alpha', 'gamma', 'delta', 'epsilon', 'beta', 'eta', 'theta', 'iota'];
let deleted = new Set<string>();
let inFlight = 0;
let maxInFlight = 0;
const listCalls: string[] = [];

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': 'req-1',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/security-profiles') {
    listCalls.push(url.search);
    const start = Number(url.searchParams.get('nextToken') ?? '0');
    const page = NAMES.slice(start, start + 2);
    json(200, {
      securityProfileIdentifiers: page.map((name) => ({
        name,
        arn: `arn:aws:iot:us-east-1:1:securityprofile/${name}`,
      })),
      ...(start + 2 < NAMES.length ? { nextToken: String(start + 2) } : {}),
    });
    return;
  }
  const name = decodeURIComponent(url.pathname.replace('/security-profiles/', ''));
  inFlight += 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  setTimeout(() => {
    inFlight -= 1;
    if (deleted.has(name)) {
      json(
        404,
        { message: `No security profile ${name}` },
        { 'x-amzn-errortype': 'ResourceNotFoundException' },
      );
      return;
    }
    json(200, {
      securityProfileName: name,
      securityProfileArn: `arn:aws:iot:us-east-1:1:securityprofile/${name}`,
      securityProfileDescription: `${name} profile`,
      behaviors: Array.from({ length: name.length }, (_, index) => ({ name: `b${index}` })),
      version: 3,
      creationDate: 1_700_000_000,
      lastModifiedDate: 1_700_000_100.5,
    });
  }, 15);
});

let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  deleted = new Set();
  inFlight = 0;
  maxInFlight = 0;
  listCalls.length = 0;
});

const client = () =>
  createIotClient({
    region: 'us-east-1',
    iotEndpoint: endpoint,
    localCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'secret' },
  });

describe('listAllSecurityProfiles', () => {
  it('follows nextToken through every page', async () => {
    const identifiers = await listAllSecurityProfiles(client());
    expect(identifiers.map((identifier) => identifier.name)).toEqual(NAMES);
    expect(listCalls).toHaveLength(Math.ceil(NAMES.length / 2));
  });
});

describe('listProfileSummaries', () => {
  it('describes every profile, at most DESCRIBE_CONCURRENCY at a time, sorted by name', async () => {
    const rows = await listProfileSummaries(client());
    expect(rows.map((row) => row.name)).toEqual([...NAMES].sort());
    expect(rows.find((row) => row.name === 'epsilon')).toEqual({
      name: 'epsilon',
      arn: 'arn:aws:iot:us-east-1:1:securityprofile/epsilon',
      description: 'epsilon profile',
      behaviorsCount: 7,
      lastModifiedDate: new Date(1_700_000_100_500),
      version: 3,
    });
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(DESCRIBE_CONCURRENCY);
  });

  it('leaves out a profile deleted between List and Describe', async () => {
    deleted = new Set(['gamma']);
    const rows = await listProfileSummaries(client());
    expect(rows.map((row) => row.name)).not.toContain('gamma');
    expect(rows).toHaveLength(NAMES.length - 1);
  });

  it('stops when the query is cancelled', async () => {
    const controller = new AbortController();
    const pending = listProfileSummaries(client(), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
