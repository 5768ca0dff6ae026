import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  CreateSecurityProfileCommand,
  DeleteSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  InternalFailureException,
  ListSecurityProfilesCommand,
  ThrottlingException,
  UpdateSecurityProfileCommand,
  type IoTClient,
} from '@aws-sdk/client-iot';
import { afterEach, describe, expect, it } from 'vitest';
import { readEmulatorConfig } from './config';
import {
  FaultInjector,
  NO_FAULTS,
  faultSettingsFromJson,
  isLoopbackAddress,
  parseFaultSeed,
  parseFaultSpec,
  type FaultOutcome,
  type FaultSettings,
} from './faults';
import { FAULTS_PATH } from './server';
import {
  TEST_ORIGIN,
  expectAwsError,
  startTestEmulator,
  type TestEmulator,
} from './testing/contract-harness';

describe('parseFaultSpec', () => {
  it.each<[string, FaultSettings]>([
    ['', NO_FAULTS],
    [' , ', NO_FAULTS],
    [
      'latency=200,throttle=0.3,internal=0.1,drop=0.05',
      { latencyMs: 200, throttle: 0.3, internal: 0.1, drop: 0.05 },
    ],
    ['throttle=1', { ...NO_FAULTS, throttle: 1 }],
    [' drop = 0.5 , latency = 0 ', { ...NO_FAULTS, drop: 0.5 }],
    [
      'throttle=0.7,internal=0.2,drop=0.1',
      { latencyMs: 0, throttle: 0.7, internal: 0.2, drop: 0.1 },
    ],
  ])('reads %j', (spec, expected) => {
    expect(parseFaultSpec(spec)).toEqual(expected);
  });

  it.each([
    ['throttle=1.5', /throttle must be a share between 0 and 1/],
    ['drop=-0.1', /drop must be a share/],
    ['internal=abc', /internal must be a share/],
    ['latency=-1', /latency must be an integer/],
    ['latency=2.5', /latency must be an integer/],
    ['latency=600000', /latency must be an integer/],
    ['throttle=0.6,internal=0.6', /must not exceed 1/],
    ['slow=100', /unknown fault "slow"/],
    ['constructor=1', /unknown fault "constructor"/],
    ['throttle', /needs one value/],
    ['throttle=', /needs one value/],
    ['throttle=0.1=0.2', /needs one value/],
    ['throttle=0.1,throttle=0.2', /given twice/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('faultSettingsFromJson and parseFaultSeed', () => {
  it('fills members left out with 0 and refuses unknown or non-numeric ones', () => {
    expect(faultSettingsFromJson({ throttle: 0.3, latencyMs: 200 })).toEqual({
      ...NO_FAULTS,
      throttle: 0.3,
      latencyMs: 200,
    });
    expect(faultSettingsFromJson({})).toEqual(NO_FAULTS);
    expect(() => faultSettingsFromJson({ throttle: '0.3' })).toThrow(/throttle must be a number/);
    expect(() => faultSettingsFromJson({ latency: 200 })).toThrow(/unknown member "latency"/);
    expect(() => faultSettingsFromJson({ drop: 2 })).toThrow(/drop must be a share/);
  });

  it.each([
    ['0', 0],
    [' 42 ', 42],
    ['4294967295', 4294967295],
  ])('reads the seed %j', (raw, seed) => {
    expect(parseFaultSeed(raw)).toBe(seed);
  });

  it.each(['-1', '1.5', 'seed', '4294967296'])('refuses the seed %j', (raw) => {
    expect(() => parseFaultSeed(raw)).toThrow(/LOCAL_AWS_FAULT_SEED/);
  });
});

describe('readEmulatorConfig fault and connection settings', () => {
  it('defaults to no faults, no seed and 64 connections', () => {
    const config = readEmulatorConfig({}, '/srv/app');
    expect(config.faults).toEqual(NO_FAULTS);
    expect(config.faultSeed).toBeUndefined();
    expect(config.maxConnections).toBe(64);
  });

  it('reads LOCAL_AWS_FAULTS, LOCAL_AWS_FAULT_SEED and LOCAL_AWS_MAX_CONNECTIONS', () => {
    const config = readEmulatorConfig(
      {
        LOCAL_AWS_FAULTS: 'latency=200,throttle=0.3',
        LOCAL_AWS_FAULT_SEED: '7',
        LOCAL_AWS_MAX_CONNECTIONS: '8',
      },
      '/srv/app',
    );
    expect(config.faults).toEqual({ ...NO_FAULTS, latencyMs: 200, throttle: 0.3 });
    expect(config.faultSeed).toBe(7);
    expect(config.maxConnections).toBe(8);
  });

  it.each([
    [{ LOCAL_AWS_FAULTS: 'throttle=2' }, /LOCAL_AWS_FAULTS.*throttle must be a share/],
    [{ LOCAL_AWS_FAULT_SEED: 'x' }, /LOCAL_AWS_FAULT_SEED must be an integer/],
    [{ LOCAL_AWS_MAX_CONNECTIONS: '0' }, /LOCAL_AWS_MAX_CONNECTIONS must be a positive integer/],
  ])('refuses %j at start', (env, message) => {
    expect(() => readEmulatorConfig(env, '/srv/app')).toThrow(message);
  });
});

describe('FaultInjector', () => {
  const tally = (injector: FaultInjector, rolls: number): Record<FaultOutcome, number> => {
    const counts: Record<FaultOutcome, number> = { none: 0, throttle: 0, internal: 0, drop: 0 };
    for (let i = 0; i < rolls; i += 1) counts[injector.decide().outcome] += 1;
    return counts;
  };

  it('hands out each outcome in its share (10,000 seeded rolls, within 2 points)', () => {
    const counts = tally(
      new FaultInjector({ latencyMs: 5, throttle: 0.3, internal: 0.1, drop: 0.05 }, 1234),
      10_000,
    );
    expect(counts.throttle / 10_000).toBeCloseTo(0.3, 1);
    expect(Math.abs(counts.throttle / 10_000 - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(counts.internal / 10_000 - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(counts.drop / 10_000 - 0.05)).toBeLessThan(0.02);
    expect(Math.abs(counts.none / 10_000 - 0.55)).toBeLessThan(0.02);
  });

  it('repeats the same decisions for the same seed and differs for another', () => {
    const settings = { latencyMs: 0, throttle: 0.25, internal: 0.25, drop: 0.25 };
    const run = (seed: number): FaultOutcome[] => {
      const injector = new FaultInjector(settings, seed);
      return Array.from({ length: 64 }, () => injector.decide().outcome);
    };
    expect(run(99)).toEqual(run(99));
    expect(run(99)).not.toEqual(run(100));
  });

  it('always or never faults at the extremes, and carries the latency on every decision', () => {
    expect(tally(new FaultInjector({ ...NO_FAULTS, internal: 1 }, 1), 500).internal).toBe(500);
    expect(tally(new FaultInjector({ ...NO_FAULTS, latencyMs: 30 }, 1), 500).none).toBe(500);
    expect(new FaultInjector({ ...NO_FAULTS, latencyMs: 30 }).decide()).toEqual({
      latencyMs: 30,
      outcome: 'none',
    });
  });

  it('keeps the old setting when an update is invalid', () => {
    const injector = new FaultInjector({ ...NO_FAULTS, throttle: 0.5 });
    expect(() => injector.update({ ...NO_FAULTS, throttle: 0.9, drop: 0.9 })).toThrow(RangeError);
    expect(injector.current()).toEqual({ ...NO_FAULTS, throttle: 0.5 });
  });
});

describe('isLoopbackAddress', () => {
  it.each<[string | undefined, boolean]>([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::FFFF:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.5', false],
    ['fe80::1', false],
    ['128.0.0.1', false],
    ['127.0.0.1.evil', false],
    ['127.0.0.999', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});

/** A minimal valid profile for the write tests. */
function profileInput(name: string) {
  return {
    securityProfileName: name,
    securityProfileDescription: 'fault injection contract test',
    behaviors: [
      {
        name: 'auth-failures',
        metric: 'aws:num-authorization-failures',
        criteria: {
          comparisonOperator: 'greater-than' as const,
          value: { count: 5 },
          durationSeconds: 300,
        },
      },
    ],
  };
}

describe('fault injection on the endpoint (real SDK)', () => {
  let emulator: TestEmulator | undefined;

  afterEach(async () => {
    await emulator?.dispose();
    emulator = undefined;
  });

  async function start(settings: Partial<FaultSettings>, seed = 2026): Promise<TestEmulator> {
    emulator = await startTestEmulator({ faults: { ...NO_FAULTS, ...settings }, faultSeed: seed });
    return emulator;
  }

  async function putFaults(target: TestEmulator, body: unknown): Promise<Response> {
    return fetch(`${target.url}${FAULTS_PATH}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function listNames(client: IoTClient): Promise<string[]> {
    const page = await client.send(new ListSecurityProfilesCommand({}));
    return (page.securityProfileIdentifiers ?? []).map((identifier) => identifier.name ?? '');
  }

  it('answers every call with 400 ThrottlingException at throttle=1 (maxAttempts 1)', async () => {
    const target = await start({ throttle: 1 });
    const error = await expectAwsError(
      target.client().send(new ListSecurityProfilesCommand({})),
      ThrottlingException,
      400,
      'Rate exceeded',
    );
    expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.$metadata.attempts).toBe(1);
  });

  it('answers every call with 500 InternalFailureException at internal=1 (maxAttempts 1)', async () => {
    const target = await start({ internal: 1 });
    await expectAwsError(
      target.client().send(new ListSecurityProfilesCommand({})),
      InternalFailureException,
      500,
      'injected fault',
    );
  });

  it('drops the connection without an answer at drop=1 (maxAttempts 1)', async () => {
    const target = await start({ drop: 1 });
    const failure = await target
      .client()
      .send(new ListSecurityProfilesCommand({}))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    // No HTTP answer at all: the SDK saw a reset socket, not an AWS error with a status.
    const error = failure as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(`${error.name} ${error.code ?? ''} ${error.message}`).toMatch(
      /ECONNRESET|socket hang up|EPIPE/,
    );
    expect(target.logLines.some((line) => /^ListSecurityProfiles dropped \d+ms/.test(line))).toBe(
      true,
    );
  });

  it('adds the configured latency to AWS calls', async () => {
    const target = await start({ latencyMs: 250 });
    const client = target.client();
    const started = performance.now();
    await client.send(new ListSecurityProfilesCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(245);
  });

  it('gets through 30% throttling with the SDK default retry strategy and maxAttempts 5', async () => {
    const target = await start({ throttle: 0.3 }, 7);
    const client = target.client({ maxAttempts: 5 });
    const name = 'e2e-retry-through-throttling';
    await client.send(new CreateSecurityProfileCommand(profileInput(name)));
    for (let i = 0; i < 15; i += 1) {
      const described = await client.send(
        new DescribeSecurityProfileCommand({ securityProfileName: name }),
      );
      expect(described.version).toBe(1);
    }
    const throttled = target.logLines.filter((line) => /^\w+ 400 /.test(line)).length;
    // The seed fixes the server's sequence (14 throttles among the 30 attempts), so the retries
    // really happened: up to 4 in a row for one call, within maxAttempts 5.
    expect(throttled).toBe(14);
    const succeeded = target.logLines.filter((line) => /^\w+ 200 /.test(line)).length;
    expect(succeeded).toBe(16);
    // Exactly one profile: a throttled create is refused before the handler, so the retry is safe.
    await putFaults(target, {});
    expect((await listNames(target.client())).filter((n) => n === name)).toHaveLength(1);
    // Seed 7 throttles 4 attempts in a row once; the SDK's throttling backoff (jittered, base
    // 500 ms, doubling) makes this take about 13 s, at most about 30 s.
  }, 60_000);

  it.each([
    ['throttle', { throttle: 1 }],
    ['internal', { internal: 1 }],
    ['drop', { drop: 1 }],
  ] as const)('leaves the store unchanged when %s refuses writes', async (_kind, settings) => {
    const target = await start({});
    const client = target.client();
    const kept = 'fault-kept-profile';
    await client.send(new CreateSecurityProfileCommand(profileInput(kept)));
    const namesBefore = await listNames(client);
    const before = await client.send(
      new DescribeSecurityProfileCommand({ securityProfileName: kept }),
    );

    expect((await putFaults(target, settings)).status).toBe(200);
    const writes = [
      () => client.send(new CreateSecurityProfileCommand(profileInput('fault-never-created'))),
      () =>
        client.send(
          new UpdateSecurityProfileCommand({
            securityProfileName: kept,
            securityProfileDescription: 'must not be written',
            expectedVersion: 1,
          }),
        ),
      () => client.send(new DeleteSecurityProfileCommand({ securityProfileName: kept })),
    ];
    // One at a time, so each refusal is awaited (and each decided on its own roll).
    for (const write of writes) await expect(write()).rejects.toBeInstanceOf(Error);

    expect((await putFaults(target, {})).status).toBe(200);
    expect(await listNames(client)).toEqual(namesBefore);
    const after = await client.send(
      new DescribeSecurityProfileCommand({ securityProfileName: kept }),
    );
    expect(after.version).toBe(before.version);
    expect(after.securityProfileDescription).toBe(before.securityProfileDescription);
    expect(after.lastModifiedDate).toEqual(before.lastModifiedDate);
  });

  it('never faults /_local/* routes or CORS preflights', async () => {
    const target = await start({ throttle: 0.5, drop: 0.5 });
    for (let i = 0; i < 20; i += 1) {
      const health = await fetch(`${target.url}/_local/health`);
      expect(health.status).toBe(200);
      const faults = await fetch(`${target.url}${FAULTS_PATH}`);
      expect(faults.status).toBe(200);
      const preflight = await fetch(`${target.url}/security-profiles`, {
        method: 'OPTIONS',
        headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(204);
    }
  });

  it('reads and replaces the setting over GET/PUT /_local/faults without a signature', async () => {
    const target = await start({ latencyMs: 10, throttle: 0.2 });
    const read = await fetch(`${target.url}${FAULTS_PATH}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ latencyMs: 10, throttle: 0.2, internal: 0, drop: 0 });

    const put = await putFaults(target, { internal: 1 });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ ...NO_FAULTS, internal: 1 });
    expect(target.faults.current()).toEqual({ ...NO_FAULTS, internal: 1 });
    await expectAwsError(
      target.client().send(new ListSecurityProfilesCommand({})),
      InternalFailureException,
      500,
    );

    expect((await putFaults(target, {})).status).toBe(200);
    await expect(target.client().send(new ListSecurityProfilesCommand({}))).resolves.toBeDefined();
  });

  it.each<[string, RequestInit, string, string]>([
    [
      'a share out of range',
      { body: '{"throttle":2}', headers: { 'content-type': 'application/json' } },
      'InvalidRequestException',
      'throttle must be a share',
    ],
    [
      'an unknown member',
      { body: '{"slow":1}', headers: { 'content-type': 'application/json' } },
      'InvalidRequestException',
      'unknown member "slow"',
    ],
    [
      'broken JSON',
      { body: '{"throttle":', headers: { 'content-type': 'application/json' } },
      'SerializationException',
      'not valid JSON',
    ],
    [
      'a form-encoded body (what a cross-site form could send)',
      { body: 'throttle=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      'InvalidRequestException',
      'takes a JSON body',
    ],
  ])('refuses a PUT with %s and keeps the setting', async (_case, init, type, message) => {
    const target = await start({ throttle: 0.1 });
    const response = await fetch(`${target.url}${FAULTS_PATH}`, { method: 'PUT', ...init });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { __type: string; message: string };
    expect(body.__type).toBe(type);
    expect(body.message).toContain(message);
    expect(target.faults.current()).toEqual({ ...NO_FAULTS, throttle: 0.1 });
  });

  it('answers other methods and unknown local paths with 404 UnknownOperationException', async () => {
    const target = await start({});
    for (const [method, path] of [
      ['POST', FAULTS_PATH],
      ['DELETE', FAULTS_PATH],
      ['GET', '/_local/nothing'],
    ] as const) {
      const response = await fetch(`${target.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    }
  });
});

describe('connection cap', () => {
  let emulator: TestEmulator | undefined;
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await emulator?.dispose();
    emulator = undefined;
  });

  function openIdleConnection(port: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket));
      socket.once('error', reject);
      sockets.push(socket);
    });
  }

  it('answers a connection beyond the cap with 503 ThrottlingException and serves again once one closes', async () => {
    emulator = await startTestEmulator({ maxConnections: 2 });
    const held = [await openIdleConnection(emulator.port), await openIdleConnection(emulator.port)];
    // Let the server register both before the SDK opens the third.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const error = await expectAwsError(
      emulator.client().send(new ListSecurityProfilesCommand({})),
      ThrottlingException,
      503,
      'More than 2 connections',
    );
    expect(error.$metadata.requestId).toBeDefined();
    // Local routes stay reachable for the operator even when the cap is reached.
    expect((await fetch(`${emulator.url}/_local/health`)).status).toBe(200);

    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(
      emulator.client().send(new ListSecurityProfilesCommand({})),
    ).resolves.toBeDefined();
  });

  it('refuses sockets outright beyond twice the cap, so open handles stay bounded', async () => {
    emulator = await startTestEmulator({ maxConnections: 1 });
    const first = await openIdleConnection(emulator.port);
    const second = await openIdleConnection(emulator.port);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = await openIdleConnection(emulator.port);
    const closed = await new Promise<boolean>((resolve) => {
      third.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 2000);
    });
    expect(closed).toBe(true);
    expect(first.destroyed).toBe(false);
    expect(second.destroyed).toBe(false);
  });
});
