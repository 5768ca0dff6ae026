import { randomUUID } from 'node:crypto';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { authorize } from './authorization';
import {
  AMZ_JSON_1_1,
  COGNITO_IDENTITY_TARGET_PREFIX,
  CognitoIdentityStandIn,
} from './cognito-identity';
import { readEmulatorConfig, type EmulatorOptions } from './config';
import { corsHeaders } from './cors';
import { lockDataDir } from './data-dir-lock';
import { AwsError, invalidRequest, serializationError } from './errors';
import { FaultInjector, faultSettingsFromJson, isLoopbackAddress } from './faults';
import { IOT_OPERATIONS } from './operations';
import { Router } from './router';
import { createSeedState } from './seed';
import { staticCredentials, verifySigV4, type CredentialResolver } from './sigv4';
import { DurableStore } from './store';
import { chainCredentials, TemporaryCredentials } from './temporary-credentials';

/** The local-only readiness route; it needs no signature and is not part of the AWS API. */
export const HEALTH_PATH = '/_local/health';

/** The local-only fault-injection route: GET reads, PUT replaces the setting; loopback peers only. */
export const FAULTS_PATH = '/_local/faults';

/** Local-only routes: never faulted, never counted against the connection cap. */
const LOCAL_PREFIX = '/_local/';

/** What the request handler needs: configuration, the opened store, who may call and the identity stand-in. */
export interface HandlerDependencies {
  options: EmulatorOptions;
  store: DurableStore;
  credentials: CredentialResolver;
  /** Answers `POST /` calls whose `x-amz-target` names Cognito Identity. */
  identity: CognitoIdentityStandIn;
  /** The fault setting and its dice; defaults to one built from `options.faults`/`faultSeed`. */
  faults?: FaultInjector;
  /** True when the request arrived on a connection beyond `options.maxConnections`. */
  isOverCapacity?: (req: IncomingMessage) => boolean;
}

/** A running endpoint. */
export interface RunningEmulator {
  url: string;
  port: number;
  /** The fault setting in force, also readable and changeable over `/_local/faults`. */
  faults: FaultInjector;
  /** Stops accepting requests, ends open connections and waits for pending writes. */
  close(): Promise<void>;
}

/** Reading stops (and the socket is dropped) once a client sends this many times the limit. */
const DRAIN_FACTOR = 16;

interface ReadBody {
  body: Buffer;
  tooLarge: boolean;
}

function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the bytes are drained, not kept, so the 413 can still be read by a client
      // that insists on sending its whole body first.
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * DRAIN_FACTOR) req.destroy();
    });
    req.on('end', () => {
      resolve({ body: Buffer.concat(chunks), tooLarge: size > limit });
    });
    // A client that hangs up mid-body gets no answer, but the request must still settle, and as
    // the client's doing, not as an internal failure.
    const aborted = (): void => reject(serializationError('The request body ended early.'));
    req.on('error', aborted);
    req.on('close', () => {
      if (!req.complete) aborted();
    });
  });
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw serializationError(
      `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw serializationError('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: unknown,
): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/**
 * The endpoint as a node:http request listener: CORS, body limit, routing, SigV4, the operation,
 * then the JSON answer, which is sent only after every write it depends on is on disk. Any
 * unexpected exception becomes a logged 500 InternalFailureException, never a crash.
 */
export function createRequestHandler(deps: HandlerDependencies): RequestListener {
  const { options, store, credentials, identity } = deps;
  const faults = deps.faults ?? new FaultInjector(options.faults, options.faultSeed);
  const isOverCapacity = deps.isOverCapacity ?? (() => false);
  const router = new Router(IOT_OPERATIONS);
  const scope = { region: options.region, accountId: options.accountId };

  return (req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const headers: Record<string, string> = {
      'x-amzn-RequestId': requestId,
      ...corsHeaders(req, options.allowedOrigins),
    };
    let operationName = 'UnknownOperation';
    const finish = (status: number, body?: unknown, extra: Record<string, string> = {}): void => {
      send(res, status, { ...headers, ...extra }, body);
      options.log(`${operationName} ${status} ${Math.round(performance.now() - started)}ms`);
    };
    const fail = (error: unknown): void => {
      if (error instanceof AwsError) {
        finish(error.status, error.toBody(), { 'x-amzn-ErrorType': error.errorName });
        return;
      }
      options.log(
        `Internal failure in ${operationName} (request ${requestId}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      const internal = new AwsError(
        'InternalFailureException',
        `An internal error occurred (request ${requestId}).`,
      );
      finish(internal.status, internal.toBody(), { 'x-amzn-ErrorType': internal.errorName });
    };

    const answerLocalRoute = (method: string, rawPath: string, body: Buffer): void => {
      if (rawPath === HEALTH_PATH && method === 'GET') {
        operationName = 'LocalHealth';
        finish(200, { status: 'ok' });
        return;
      }
      if (rawPath === FAULTS_PATH && (method === 'GET' || method === 'PUT')) {
        operationName = method === 'GET' ? 'LocalGetFaults' : 'LocalPutFaults';
        // Bound to a wider interface, the endpoint still lets only this machine change faults.
        if (!isLoopbackAddress(req.socket.remoteAddress)) {
          throw new AwsError(
            'AccessDeniedException',
            `${FAULTS_PATH} answers loopback clients only.`,
          );
        }
        if (method === 'PUT') {
          // JSON only: a cross-site page cannot send it without a CORS preflight, which an
          // origin outside the allow-list fails.
          const type = req.headers['content-type'] ?? '';
          if (!/^application\/json\b/i.test(type)) {
            throw invalidRequest(
              `${FAULTS_PATH} takes a JSON body (content-type: application/json).`,
            );
          }
          try {
            faults.update(faultSettingsFromJson(parseJsonBody(body)));
          } catch (error) {
            if (error instanceof RangeError) throw invalidRequest(error.message);
            throw error;
          }
        }
        finish(200, faults.current());
        return;
      }
      throw new AwsError(
        'UnknownOperationException',
        `No local route is bound to ${method} ${rawPath}.`,
      );
    };

    const handle = async (): Promise<void> => {
      const method = req.method ?? 'GET';
      const rawUrl = req.url ?? '/';
      const rawPath = rawUrl.split('?')[0] ?? '/';
      if (method === 'OPTIONS') {
        operationName = 'CorsPreflight';
        req.resume();
        finish(204);
        return;
      }
      const { body, tooLarge } = await readBody(req, options.maxBodyBytes);
      if (tooLarge) {
        throw new AwsError(
          'RequestEntityTooLargeException',
          `Request body exceeds the ${options.maxBodyBytes} byte limit.`,
        );
      }
      if (rawPath.startsWith(LOCAL_PREFIX)) {
        answerLocalRoute(method, rawPath, body);
        return;
      }
      if (isOverCapacity(req)) {
        // Beyond the connection cap: an answer the SDK retries (503 and ThrottlingException are
        // both transient to it), sent before any work, and the connection is closed after it.
        operationName = 'OverConnectionLimit';
        const error = new AwsError(
          'ThrottlingException',
          `More than ${options.maxConnections} connections are open to this endpoint; retry later.`,
        );
        finish(503, error.toBody(), {
          'x-amzn-ErrorType': error.errorName,
          connection: 'close',
          'retry-after': '1',
        });
        return;
      }
      const target = req.headers['x-amz-target'];
      const isIdentityCall =
        method === 'POST' &&
        rawPath === '/' &&
        typeof target === 'string' &&
        target.startsWith(COGNITO_IDENTITY_TARGET_PREFIX);
      const match = isIdentityCall ? undefined : router.match(method, rawPath);
      if (isIdentityCall) {
        operationName = target.slice(COGNITO_IDENTITY_TARGET_PREFIX.length);
      } else if (match === undefined) {
        throw new AwsError(
          'UnknownOperationException',
          `No AWS IoT operation is bound to ${method} ${rawPath}.`,
        );
      } else {
        operationName = match.operation.name;
      }
      // Faults are decided here, before the signature check and the handler, so a refused
      // write never reaches the store.
      const decision = faults.decide();
      if (decision.latencyMs > 0) await sleep(decision.latencyMs);
      // The client gave up (or the endpoint closed) while waiting: do nothing on its behalf.
      if (req.socket.destroyed) return;
      if (decision.outcome === 'drop') {
        req.socket.destroy();
        options.log(
          `${operationName} dropped ${Math.round(performance.now() - started)}ms (injected fault)`,
        );
        return;
      }
      if (decision.outcome === 'throttle') {
        throw new AwsError('ThrottlingException', 'Rate exceeded (injected fault).');
      }
      if (decision.outcome === 'internal') {
        throw new AwsError(
          'InternalFailureException',
          `An internal error occurred (injected fault, request ${requestId}).`,
        );
      }
      if (isIdentityCall) {
        // Cognito Identity's JSON 1.1 wire: unsigned, the operation named by x-amz-target.
        headers['content-type'] = AMZ_JSON_1_1;
        finish(200, await identity.handle(target, parseJsonBody(body)));
        return;
      }
      // Only narrows the type: an unmatched IoT route was refused above.
      if (match === undefined) return;
      const caller = await verifySigV4(req, body, credentials, {
        service: 'iot',
        region: options.region,
        maxClockSkewMs: options.maxClockSkewMs,
      });
      authorize(operationName, caller);
      const output = await match.operation.handler({
        params: match.params,
        query: new URL(rawUrl, 'http://localhost').searchParams,
        body: parseJsonBody(body),
        store,
        scope,
        caller,
        now: () => Date.now(),
      });
      await store.settled();
      finish(200, output);
    };

    handle()
      .catch(fail)
      .catch(() => {
        // Answering failed too (e.g. the log sink threw): drop the connection, keep the process.
        res.destroy();
      });
  };
}

/** An AWS-shaped error written straight to a socket, for requests that never became requests. */
function rawAwsError(status: number, type: string, message: string): string {
  const body = JSON.stringify({ __type: type, message });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    `x-amzn-errortype: ${type}`,
    `x-amzn-requestid: ${randomUUID()}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * What Node's HTTP parser refuses (bad method tokens, raw bytes in the target, a head over 16 KiB,
 * conflicting framing) and CONNECT never reach the request handler; without these listeners
 * Node answers them with bare, non-AWS responses. An `Expect` other than 100-continue is served
 * like any request instead of a bare 417.
 */
function answerParserRefusals(
  server: Server,
  handler: RequestListener,
  log: (line: string) => void,
) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const message =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'The request head is larger than the 16 KiB this endpoint accepts.'
        : `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`;
    socket.end(rawAwsError(400, 'SerializationException', message));
    log('UnparseableRequest 400 0ms');
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.end(
      rawAwsError(
        404,
        'UnknownOperationException',
        `No operation is bound to CONNECT ${req.url ?? ''}.`,
      ),
    );
    log('UnknownOperation 404 0ms');
  });
  server.on('checkExpectation', handler);
}

/**
 * Caps open connections at `limit`. A connection beyond it is still accepted so its requests get
 * an AWS-shaped 503 ThrottlingException (which the SDK retries with backoff) instead of a reset
 * the app could only report as "network error"; beyond twice the limit Node refuses the socket
 * outright (`server.maxConnections`), so the process's file handles stay bounded either way.
 * Returns the set of over-limit sockets.
 */
function limitConnections(server: Server, limit: number): WeakSet<Socket> {
  const open = new Set<Socket>();
  const overLimit = new WeakSet<Socket>();
  server.maxConnections = limit * 2;
  server.on('connection', (socket: Socket) => {
    if (open.size >= limit) overLimit.add(socket);
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return overLimit;
}

/** Opens the durable store in `options.dataDir`, seeding a new one with the demo account. */
export function openEmulatorStore(options: EmulatorOptions): Promise<DurableStore> {
  return DurableStore.open(options.dataDir, () =>
    createSeedState({ region: options.region, accountId: options.accountId }, Date.now()),
  );
}

/**
 * Starts the endpoint. Options not given come from the `LOCAL_AWS_*` and `LOCAL_COGNITO_*`
 * environment (see config.ts); port 0 picks a free port. The one long-term key pair from the
 * options has full access unless another credential resolver is passed; temporary credentials
 * issued by the Cognito Identity stand-in are accepted either way.
 */
export async function startEmulator(
  overrides: Partial<EmulatorOptions> & { credentials?: CredentialResolver } = {},
): Promise<RunningEmulator> {
  const { credentials: resolver, ...rest } = overrides;
  const options: EmulatorOptions = { ...readEmulatorConfig(), ...rest };
  await mkdir(options.dataDir, { recursive: true });
  const unlock = await lockDataDir(options.dataDir);
  const store = await openEmulatorStore(options).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  const credentials =
    resolver ??
    staticCredentials([
      [
        options.accessKeyId,
        {
          secretAccessKey: options.secretAccessKey,
          principal: `arn:aws:iam::${options.accountId}:user/local-developer`,
        },
      ],
    ]);
  const temporary = new TemporaryCredentials(options.identity.credentialLifetimeSeconds);
  const identity = new CognitoIdentityStandIn(
    options.identity,
    { region: options.region, accountId: options.accountId },
    temporary,
  );
  const faults = new FaultInjector(options.faults, options.faultSeed);
  const isOverCapacity = (req: IncomingMessage): boolean => overCapacity.has(req.socket);
  const handler = createRequestHandler({
    options,
    store,
    credentials: chainCredentials(credentials, temporary),
    identity,
    faults,
    isOverCapacity,
  });
  const server = createServer(handler);
  answerParserRefusals(server, handler, options.log);
  const overCapacity = limitConnections(server, options.maxConnections);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    faults,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.settled();
      await unlock();
    },
  };
}
