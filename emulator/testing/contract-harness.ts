import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { IoTClient, type IoTClientConfig } from '@aws-sdk/client-iot';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { expect } from 'vitest';
import type { EmulatorOptions } from '../config';
import { startEmulator, type RunningEmulator } from '../server';

/** The long-term key pair every contract test signs with. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIACONTRACTTESTS000',
  secretAccessKey: 'contract-test-secret-key-not-for-aws',
} as const;

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '123456789012';
export const TEST_ORIGIN = 'http://localhost:5173';

/** A running endpoint on a fresh temp data dir, with the lines it logged. */
export interface TestEmulator extends RunningEmulator {
  dataDir: string;
  logLines: string[];
  /** An SDK client for it; no retries, so every call is exactly one request. */
  client(overrides?: Partial<IoTClientConfig>): IoTClient;
  /** Closes the endpoint and removes its data dir. */
  dispose(): Promise<void>;
}

/** Starts the endpoint on a random port and a new temp directory, with any option overridden. */
export async function startTestEmulator(
  overrides: Partial<EmulatorOptions> = {},
): Promise<TestEmulator> {
  const dataDir = await mkdtemp(join(tmpdir(), 'local-aws-contract-'));
  const logLines: string[] = [];
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    region: TEST_REGION,
    accountId: TEST_ACCOUNT,
    accessKeyId: TEST_CREDENTIALS.accessKeyId,
    secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
    log: (line) => logLines.push(line),
    ...overrides,
  });
  const clients: IoTClient[] = [];
  return {
    ...emulator,
    dataDir,
    logLines,
    client: (overrides = {}) => {
      const client = new IoTClient({
        region: TEST_REGION,
        endpoint: emulator.url,
        credentials: TEST_CREDENTIALS,
        maxAttempts: 1,
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    dispose: async () => {
      for (const client of clients) client.destroy();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Awaits `call`, expects it to fail with an instance of `errorClass` (the SDK's own exception
 * class) and the given HTTP status, with every fragment in the message. Returns the error.
 */
export async function expectAwsError<E extends ErrorClass>(
  call: Promise<unknown>,
  errorClass: E,
  status: number,
  ...fragments: string[]
): Promise<InstanceType<E>> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${errorClass.name}, but the call succeeded`).toBeDefined();
  expect(caught).toBeInstanceOf(errorClass);
  const error = caught as InstanceType<E> & { $metadata?: { httpStatusCode?: number } };
  expect(error.$metadata?.httpStatusCode).toBe(status);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

/** A raw request, signed like the SDK signs it unless told otherwise. */
export interface RawRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Defaults to TEST_CREDENTIALS; `null` sends no Authorization at all. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | null;
  signingDate?: Date;
  region?: string;
}

/** Sends a SigV4-signed (or deliberately unsigned) request with fetch; for what the SDK cannot send. */
export async function rawRequest(baseUrl: string, request: RawRequest): Promise<Response> {
  const url = new URL(request.path, baseUrl);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = {
    host: url.host,
    ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...request.headers,
  };
  let finalHeaders = headers;
  if (request.credentials !== null) {
    const signer = new SignatureV4({
      service: 'iot',
      region: request.region ?? TEST_REGION,
      sha256: Sha256,
      credentials: request.credentials ?? TEST_CREDENTIALS,
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: request.method,
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      }),
      request.signingDate !== undefined ? { signingDate: request.signingDate } : {},
    );
    finalHeaders = signed.headers;
  }
  // fetch derives Host from the URL (the same value) and refuses to be given one.
  const sendable = Object.fromEntries(
    Object.entries(finalHeaders).filter(([name]) => name.toLowerCase() !== 'host'),
  );
  return fetch(url, {
    method: request.method,
    headers: sendable,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
}
