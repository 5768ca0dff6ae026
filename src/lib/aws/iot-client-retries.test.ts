import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AttachSecurityProfileCommand,
  CreateSecurityProfileCommand,
  DeleteSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  ListSecurityProfilesCommand,
  UpdateSecurityProfileCommand,
} from '@aws-sdk/client-iot';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnectivityMonitor } from './connectivity';
import type { ConnectivityEvent, ConnectivityMonitor } from './connectivity';
import { toAppError } from './errors';
import { createIotClient } from './iot-client';
import { MAX_ATTEMPTS, THROTTLE_BASE_DELAY_MS } from './retry-policy';

// A bare HTTP listener at the network boundary plays the endpoint: each request takes the next
// planned fate, then the rest are answered normally. It stands in for nothing of ours.
type Fate = 'throttle' | 'internal' | 'drop' | 'ok';
let plan: Fate[] = [];
let seen: string[] = [];

function answer(req: IncomingMessage, res: ServerResponse): void {
  seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
  const fate = plan.shift() ?? 'ok';
  if (fate === 'drop') {
    req.socket.destroy();
    return;
  }
  if (fate === 'throttle' || fate === 'internal') {
    const [status, type] =
      fate === 'throttle' ? [400, 'ThrottlingException'] : [500, 'InternalFailureException'];
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-errortype': type,
      'x-amzn-requestid': `req-${seen.length}`,
    });
    res.end(
      JSON.stringify({ message: fate === 'throttle' ? 'Rate exceeded' : 'Internal failure' }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  const body =
    req.method === 'GET' && req.url === '/security-profiles'
      ? { securityProfileIdentifiers: [] }
      : { securityProfileName: 'p', securityProfileArn: 'arn:aws:iot:::p', version: 2 };
  res.end(JSON.stringify(body));
}

const server = createServer(answer);
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  plan = [];
  seen = [];
});

/** A client whose waits are recorded instead of waited, with its monitor's event log. */
function setup(): {
  client: ReturnType<typeof createIotClient>;
  monitor: ConnectivityMonitor;
  events: ConnectivityEvent[];
  delays: number[];
} {
  const monitor = createConnectivityMonitor(true);
  const events: ConnectivityEvent[] = [];
  const dispatch = monitor.dispatch;
  monitor.dispatch = (event) => {
    events.push(event);
    dispatch(event);
  };
  const delays: number[] = [];
  const client = createIotClient(
    {
      region: 'us-east-1',
      iotEndpoint: endpoint,
      localCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'secret' },
    },
    undefined,
    {
      monitor,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
      random: () => 0,
    },
  );
  return { client, monitor, events, delays };
}

type Client = ReturnType<typeof createIotClient>;
/** One SDK call on a client; a thunk, since each command class has its own send overload. */
type Call = (client: Client) => Promise<unknown>;

const describeProfile: Call = (client) =>
  client.send(new DescribeSecurityProfileCommand({ securityProfileName: 'p' }));
const update =
  (expectedVersion?: number): Call =>
  (client) =>
    client.send(
      new UpdateSecurityProfileCommand({
        securityProfileName: 'p',
        securityProfileDescription: 'edited',
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      }),
    );

describe('the IoT client retry policy on the wire', () => {
  it.each<[string, Call, Fate[], number]>([
    ['a read through three throttles', describeProfile, ['throttle', 'throttle', 'throttle'], 4],
    ['a read through a 500 and a dropped connection', describeProfile, ['internal', 'drop'], 3],
    ['a guarded update through a 500', update(1), ['internal'], 2],
    ['a guarded update through a dropped connection', update(1), ['drop'], 2],
    ['an unguarded update through throttling', update(), ['throttle', 'throttle'], 3],
    [
      'a delete with expectedVersion through a dropped connection',
      (client) =>
        client.send(
          new DeleteSecurityProfileCommand({ securityProfileName: 'p', expectedVersion: 1 }),
        ),
      ['drop'],
      2,
    ],
    [
      'a create through a 500',
      (client) => client.send(new CreateSecurityProfileCommand({ securityProfileName: 'p' })),
      ['internal'],
      2,
    ],
  ])('succeeds: %s, in %i attempts', async (_, command, fates, attempts) => {
    const { client } = setup();
    plan = [...fates];
    await command(client);
    expect(seen).toHaveLength(attempts);
  });

  it.each<[string, Call, Fate]>([
    ['an update without expectedVersion after a 500', update(), 'internal'],
    ['an update without expectedVersion after a dropped connection', update(), 'drop'],
    [
      'an attach after a 500',
      (client) =>
        client.send(
          new AttachSecurityProfileCommand({
            securityProfileName: 'p',
            securityProfileTargetArn: 'arn:aws:iot:us-east-1:123456789012:all/things',
          }),
        ),
      'internal',
    ],
  ])('does not repeat %s: one attempt, the error surfaces', async (_, command, fate) => {
    const { client } = setup();
    plan = [fate];
    const error = await command(client).catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(toAppError(error).kind).toBe(fate === 'drop' ? 'network' : 'server');
  });

  it('gives up after MAX_ATTEMPTS with the last error, its request id and growing waits', async () => {
    const { client, delays } = setup();
    plan = Array<Fate>(MAX_ATTEMPTS + 2).fill('throttle');
    const error = await describeProfile(client).catch((e: unknown) => e);
    expect(seen).toHaveLength(MAX_ATTEMPTS);
    expect(toAppError(error)).toMatchObject({
      kind: 'throttled',
      requestId: `req-${MAX_ATTEMPTS}`,
    });
    // random() = 0 puts each wait at half of its doubling ceiling.
    expect(delays).toEqual(
      Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => (THROTTLE_BASE_DELAY_MS * 2 ** i) / 2),
    );
  });

  it('does not retry a 4xx answer that cannot heal', async () => {
    const refusing = createServer((_req, res) => {
      res.writeHead(404, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
      });
      res.end(JSON.stringify({ message: 'missing' }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    let calls = 0;
    refusing.on('request', () => (calls += 1));
    const client = createIotClient(
      {
        region: 'us-east-1',
        iotEndpoint: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`,
        localCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'secret' },
      },
      undefined,
      { sleep: () => Promise.resolve() },
    );
    const error = await describeProfile(client).catch((e: unknown) => e);
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    expect(toAppError(error).kind).toBe('not-found');
    expect(calls).toBe(1);
  });
});

describe('what the IoT client tells the connectivity monitor', () => {
  it('announces each retry with its attempt number and clears it when the call ends', async () => {
    const { client, monitor, events } = setup();
    plan = ['throttle', 'throttle'];
    await update(1)(client);
    const scheduled = events.flatMap((e) => (e.type === 'retry-scheduled' ? [e.activity] : []));
    expect(scheduled.map((a) => [a.operation, a.attempt, a.maxAttempts, a.reason])).toEqual([
      ['UpdateSecurityProfileCommand', 2, MAX_ATTEMPTS, 'throttled'],
      ['UpdateSecurityProfileCommand', 3, MAX_ATTEMPTS, 'throttled'],
    ]);
    expect(monitor.getSnapshot().retries).toEqual([]);
  });

  it('marks the endpoint unreachable when every attempt is dropped, and reachable on the next answer', async () => {
    const { client, monitor } = setup();
    plan = Array<Fate>(MAX_ATTEMPTS).fill('drop');
    await expect(client.send(new ListSecurityProfilesCommand({}))).rejects.toThrow();
    expect(monitor.getSnapshot()).toMatchObject({ endpointReachable: false, retries: [] });
    expect(monitor.getSnapshot().lastNetworkError).toBeTruthy();
    await client.send(new ListSecurityProfilesCommand({}));
    expect(monitor.getSnapshot()).toMatchObject({
      endpointReachable: true,
      lastNetworkError: null,
    });
  });

  it('counts an error answer as reachable: the endpoint is up even when it refuses', async () => {
    const { client, monitor } = setup();
    monitor.dispatch({ type: 'endpoint-unreachable', message: 'Failed to fetch' });
    plan = Array<Fate>(MAX_ATTEMPTS).fill('internal');
    await expect(describeProfile(client)).rejects.toThrow();
    expect(monitor.getSnapshot().endpointReachable).toBe(true);
  });
});
