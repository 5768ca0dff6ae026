import {
  CreateSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  IoTServiceException,
  ListSecurityProfilesCommand,
} from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_ORIGIN,
  expectAwsError,
  rawRequest,
  startTestEmulator,
  type TestEmulator,
} from './testing/contract-harness';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.dispose();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function expectErrorResponse(
  response: Response,
  status: number,
  name: string,
  fragment = '',
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('x-amzn-errortype')).toBe(name);
  expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body['__type']).toBe(name);
  expect(body).not.toHaveProperty('code');
  expect(body['message']).toEqual(expect.stringContaining(fragment));
  return body;
}

describe('SigV4', () => {
  it('answers an unsigned request with 403 MissingAuthenticationTokenException', async () => {
    const response = await rawRequest(emulator.url, {
      method: 'GET',
      path: '/security-profiles',
      credentials: null,
    });
    await expectErrorResponse(response, 403, 'MissingAuthenticationTokenException');
  });

  it.each([
    [
      'an unknown access key',
      { credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'whatever' } },
      'UnrecognizedClientException',
      'security token',
    ],
    [
      'a wrong secret',
      { credentials: { accessKeyId: 'AKIACONTRACTTESTS000', secretAccessKey: 'not-the-secret' } },
      'InvalidSignatureException',
      'signature',
    ],
    [
      'a clock 20 minutes slow',
      { systemClockOffset: -20 * 60 * 1000 },
      'InvalidSignatureException',
      'Signature expired',
    ],
    [
      'a clock 20 minutes fast',
      { systemClockOffset: 20 * 60 * 1000 },
      'InvalidSignatureException',
      'is now later than',
    ],
    ['another region', { region: 'eu-west-1' }, 'InvalidSignatureException', 'eu-west-1'],
  ])('refuses %s with 403 %s', async (_, overrides, name, fragment) => {
    const error = await expectAwsError(
      emulator.client(overrides).send(new ListSecurityProfilesCommand({})),
      IoTServiceException,
      403,
      fragment,
    );
    expect(error.name).toBe(name);
  });

  it('accepts a clock 10 minutes off (inside the 15-minute window)', async () => {
    const result = await emulator
      .client({ systemClockOffset: -10 * 60 * 1000 })
      .send(new ListSecurityProfilesCommand({ maxResults: 1 }));
    expect(result.securityProfileIdentifiers).toHaveLength(1);
  });

  it('refuses a body swapped under a valid signature', async () => {
    const body = JSON.stringify({ securityProfileDescription: 'signed' });
    const { createHash } = await import('node:crypto');
    const response = await rawRequest(emulator.url, {
      method: 'POST',
      path: '/security-profiles/tamper-check',
      body,
      headers: { 'x-amz-content-sha256': createHash('sha256').update('{}').digest('hex') },
    });
    await expectErrorResponse(response, 403, 'InvalidSignatureException', 'x-amz-content-sha256');
  });

  it('verifies percent-encoded path labels the way the SDK signs them', async () => {
    const iot = emulator.client();
    await iot.send(new CreateSecurityProfileCommand({ securityProfileName: 'site:plant-7' }));
    const described = await iot.send(
      new DescribeSecurityProfileCommand({ securityProfileName: 'site:plant-7' }),
    );
    expect(described.securityProfileArn).toMatch(/:securityprofile\/site:plant-7$/);
  });
});

describe('CORS', () => {
  const requested = 'authorization,content-type,x-amz-date,x-amz-user-agent,x-amz-content-sha256';

  it('answers an allowed preflight with 204 and the full header set, without a signature', async () => {
    const response = await fetch(
      `${emulator.url}/security-profiles/fleet-baseline?expectedVersion=1`,
      {
        method: 'OPTIONS',
        headers: {
          origin: TEST_ORIGIN,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': requested,
        },
      },
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe(
      'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    );
    expect(response.headers.get('access-control-allow-headers')).toBe(requested);
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'x-amzn-ErrorType, x-amzn-RequestId, x-amz-request-id, date',
    );
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('lists the SDK headers when a preflight names none', async () => {
    const response = await fetch(`${emulator.url}/security-profiles`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-headers')).toContain('x-amz-security-token');
  });

  it('gives a disallowed origin no Allow-Origin', async () => {
    const response = await fetch(`${emulator.url}/security-profiles`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the headers on success and on errors', async () => {
    const ok = await rawRequest(emulator.url, {
      method: 'GET',
      path: '/security-profiles/fleet-baseline',
      headers: { origin: TEST_ORIGIN },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(ok.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
    const failed = await rawRequest(emulator.url, {
      method: 'GET',
      path: '/security-profiles/fleet-baseline',
      headers: { origin: TEST_ORIGIN },
      credentials: null,
    });
    expect(failed.status).toBe(403);
    expect(failed.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(failed.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
  });
});

describe('wire errors', () => {
  it('answers malformed JSON with 400 SerializationException', async () => {
    const response = await rawRequest(emulator.url, {
      method: 'POST',
      path: '/security-profiles/malformed',
      body: '{"behaviors": [',
    });
    await expectErrorResponse(response, 400, 'SerializationException', 'JSON');
  });

  it.each(['[]', '"text"', '42', 'null'])('answers a non-object body %s with 400', async (body) => {
    const response = await rawRequest(emulator.url, {
      method: 'POST',
      path: '/security-profiles/not-an-object',
      body,
    });
    await expectErrorResponse(response, 400, 'SerializationException', 'JSON object');
  });

  it.each([
    ['behaviors as a string', { behaviors: 'all of them' }, 'behaviors'],
    ['a behavior as a number', { behaviors: [1] }, 'behaviors[0]'],
    ['alertTargets as a list', { alertTargets: [] }, 'alertTargets'],
    ['description as a number', { securityProfileDescription: 5 }, 'securityProfileDescription'],
    [
      'count as a string',
      {
        behaviors: [
          {
            name: 'b',
            metric: 'aws:num-disconnects',
            criteria: { comparisonOperator: 'less-than', value: { count: '5' } },
          },
        ],
      },
      'behaviors[0].criteria.value.count',
    ],
    ['tags as an object', { tags: { Key: 'a' } }, 'tags'],
  ])('refuses %s with 400 InvalidRequestException naming it', async (_, body, fragment) => {
    const response = await rawRequest(emulator.url, {
      method: 'POST',
      path: '/security-profiles/wrong-types',
      body: JSON.stringify(body),
    });
    await expectErrorResponse(response, 400, 'InvalidRequestException', fragment);
  });

  it('answers an unbound route with 404 UnknownOperationException naming method and path', async () => {
    const response = await rawRequest(emulator.url, { method: 'GET', path: '/things' });
    await expectErrorResponse(response, 404, 'UnknownOperationException', 'GET /things');
    const wrongMethod = await rawRequest(emulator.url, {
      method: 'PUT',
      path: '/security-profiles/fleet-baseline',
    });
    await expectErrorResponse(wrongMethod, 404, 'UnknownOperationException', 'PUT');
  });

  it('refuses a body over 1 MiB with 413 RequestEntityTooLargeException', async () => {
    const body = JSON.stringify({ securityProfileDescription: 'x'.repeat(2 * 1024 * 1024) });
    const response = await rawRequest(emulator.url, {
      method: 'POST',
      path: '/security-profiles/huge',
      body,
    });
    await expectErrorResponse(response, 413, 'RequestEntityTooLargeException', '1048576');
  });

  it('refuses an expectedVersion that is not a number', async () => {
    const response = await rawRequest(emulator.url, {
      method: 'PATCH',
      path: '/security-profiles/fleet-baseline',
      query: { expectedVersion: 'three' },
      body: '{}',
    });
    await expectErrorResponse(response, 400, 'InvalidRequestException', 'expectedVersion');
  });

  it('treats __proto__ as an ordinary profile name', async () => {
    const created = await rawRequest(emulator.url, {
      method: 'POST',
      path: '/security-profiles/__proto__',
      body: '{"securityProfileDescription":"not a prototype"}',
    });
    expect(created.status).toBe(200);
    const described = await rawRequest(emulator.url, {
      method: 'GET',
      path: '/security-profiles/__proto__',
    });
    expect(await described.json()).toMatchObject({
      securityProfileName: '__proto__',
      securityProfileDescription: 'not a prototype',
      version: 1,
    });
  });

  it('never answers 500 to hostile input', async () => {
    const hostile: unknown[] = [
      {},
      { behaviors: null },
      { behaviors: [null, {}, [], 'x'] },
      { behaviors: [{ name: 'a', criteria: null, metricDimension: 7 }] },
      {
        behaviors: [
          {
            name: 'a',
            metric: 'aws:num-disconnects',
            criteria: { value: { ports: [Number.MAX_VALUE, -1, 'x', null, 2 ** 64] } },
          },
        ],
      },
      { alertTargets: { SNS: null, EMAIL: {} } },
      { alertTargets: { __proto__: { alertTargetArn: 1 } } },
      { additionalMetricsToRetainV2: [{ metric: { deep: [[[[]]]] } }] },
      { metricsExportConfig: 'yes', deleteBehaviors: 'true', tags: [null] },
      { tagKeys: 'x', resourceArn: ['arn'] },
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}'),
      { behaviors: Array.from({ length: 5000 }, () => ({ name: '!' })) },
    ];
    const routes: [string, string][] = [
      ['POST', '/security-profiles/hostile'],
      ['PATCH', '/security-profiles/fleet-baseline'],
      ['POST', '/security-profile-behaviors/validate'],
      ['POST', '/dimensions/hostile'],
      ['POST', '/custom-metric/hostile'],
      ['POST', '/tags'],
      ['POST', '/untag'],
    ];
    for (const [method, path] of routes) {
      for (const body of hostile) {
        const response = await rawRequest(emulator.url, {
          method,
          path,
          body: JSON.stringify(body),
        });
        expect(
          response.status,
          `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`,
        ).toBeLessThan(500);
        await response.arrayBuffer();
      }
    }
    const queries: Record<string, string>[] = [
      { maxResults: '1.5' },
      { maxResults: '-1' },
      { maxResults: '1e400' },
      { nextToken: '%%%' },
      { dimensionName: '' },
      { securityProfileTargetArn: '' },
      { recursive: 'maybe', securityProfileTargetArn: 'x' },
    ];
    for (const query of queries) {
      for (const path of [
        '/security-profiles',
        '/security-profiles-for-target',
        '/dimensions',
        '/tags',
      ]) {
        const response = await rawRequest(emulator.url, { method: 'GET', path, query });
        expect(response.status, `${path} ${JSON.stringify(query)}`).toBeLessThan(500);
        await response.arrayBuffer();
      }
    }
    const badPath = await rawRequest(emulator.url, {
      method: 'GET',
      path: '/security-profiles/%E0%A4%A',
    });
    expect(badPath.status).toBe(400);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(emulator.logLines.some((line) => line.startsWith('Internal failure'))).toBe(false);
  });
  it('survives clients that hang up mid-body or send garbage instead of HTTP', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(emulator.url);
    for (const payload of [
      'POST /security-profiles/x HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n{"beh',
      '\u0000\u0001 not http at all\r\n\r\n',
    ]) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(payload, () => {
            setTimeout(() => {
              socket.destroy();
              resolve();
            }, 20);
          });
        });
        socket.on('error', () => resolve());
      });
    }
    const health = await fetch(`${emulator.url}/_local/health`);
    expect(health.status).toBe(200);
    expect(emulator.logLines.some((line) => line.startsWith('Internal failure'))).toBe(false);
  });
});

/** Sends raw bytes and collects everything the endpoint writes back until it closes. */
async function rawExchange(url: string, bytes: string | Buffer): Promise<string> {
  const { connect } = await import('node:net');
  const { port } = new URL(url);
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.setTimeout(5000, () => reject(new Error('no answer within 5 s')));
  });
}

describe('requests the HTTP parser refuses', () => {
  it.each([
    [
      'an unknown method token',
      'FOO /security-profiles HTTP/1.1\r\nHost: x\r\n\r\n',
      400,
      'SerializationException',
    ],
    [
      'a raw non-ASCII byte in the target',
      Buffer.concat([
        Buffer.from('GET /security-profiles/'),
        Buffer.from([0xe9]),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
      400,
      'SerializationException',
    ],
    [
      'a head over 16 KiB',
      `GET /security-profiles/${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      400,
      'SerializationException',
    ],
    [
      'both Transfer-Encoding and Content-Length',
      'POST /security-profile-behaviors/validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n{}',
      400,
      'SerializationException',
    ],
    [
      'CONNECT',
      'CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: x\r\n\r\n',
      404,
      'UnknownOperationException',
    ],
  ] as const)('answers %s with an AWS error', async (_label, bytes, status, type) => {
    const answer = await rawExchange(emulator.url, bytes);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head.toLowerCase()).toContain(`x-amzn-errortype: ${type.toLowerCase()}`);
    expect(head.toLowerCase()).toMatch(/x-amzn-requestid: [0-9a-f-]{36}/);
    expect(JSON.parse(body)).toMatchObject({ __type: type, message: expect.any(String) });
  });

  it('serves a request with an unknown Expect header like any other, not with a bare 417', async () => {
    const answer = await rawExchange(
      emulator.url,
      'GET /nowhere HTTP/1.1\r\nHost: x\r\nExpect: foo\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer.toLowerCase()).toContain('x-amzn-errortype: unknownoperationexception');
  });
});

describe('local routes and logging', () => {
  it('answers GET /_local/health unauthenticated', async () => {
    const response = await fetch(`${emulator.url}/_local/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('logs one line per request: operation, status, milliseconds', async () => {
    const before = emulator.logLines.length;
    await emulator.client().send(new ListSecurityProfilesCommand({ maxResults: 2 }));
    await rawRequest(emulator.url, { method: 'GET', path: '/nowhere' });
    expect(emulator.logLines.slice(before)).toEqual([
      expect.stringMatching(/^ListSecurityProfiles 200 \d+ms$/),
      expect.stringMatching(/^UnknownOperation 404 \d+ms$/),
    ]);
  });
});
