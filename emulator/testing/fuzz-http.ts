import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { TEST_CREDENTIALS, TEST_REGION } from './contract-harness';

/** How a fuzz request is authenticated. */
export type SigningMode =
  /** Signed as the SDK signs, with the endpoint's key: passes auth and reaches the handler. */
  | 'valid'
  /** No Authorization header. */
  | 'none'
  /** Signed with the right key id and a wrong secret. */
  | 'wrong-secret'
  /** Signed with a key id the endpoint does not know. */
  | 'unknown-key'
  /** Signed for one body, sent with another. */
  | 'tampered-body'
  /** Signed an hour ago, outside the 15-minute clock-skew window. */
  | 'stale'
  /** Signed for another region. */
  | 'wrong-region'
  /** An Authorization header that is no SigV4 header at all. */
  | 'garbage';

/** One raw request: exactly the bytes of method, path, headers and body that go on the wire. */
export interface FuzzRequest {
  method: string;
  /** The raw request target, percent-encoding and query string included: `/a%20b?x=1`. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  signing: SigningMode;
}

/** What came back. */
export interface FuzzResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** HTTP statuses the AWS IoT model (and the local health and preflight routes) may answer. */
export const MODEL_STATUSES: ReadonlySet<number> = new Set([
  200, 204, 400, 403, 404, 409, 410, 413,
]);

/** restJson1 (IoT) answers in application/json; the JSON 1.1 protocol (Cognito Identity) in its own. */
const JSON_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/json',
  'application/x-amz-json-1.1',
]);

/** The signing headers for `request` sent to `baseUrl`, per its signing mode. */
export async function signingHeaders(
  baseUrl: string,
  request: FuzzRequest,
): Promise<Record<string, string>> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = { host: url.host, ...request.headers };
  switch (request.signing) {
    case 'none':
      return headers;
    case 'garbage':
      return { ...headers, authorization: 'Bearer not-a-signature, Credential=/' };
    default:
      break;
  }
  const [rawPath = '/', rawQuery = ''] = splitTarget(request.target);
  // The endpoint re-signs from the query it parses; sign the same parse.
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const existing = query[key];
    query[key] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const credentials =
    request.signing === 'wrong-secret'
      ? { ...TEST_CREDENTIALS, secretAccessKey: 'not-the-secret-key-of-the-endpoint' }
      : request.signing === 'unknown-key'
        ? { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: TEST_CREDENTIALS.secretAccessKey }
        : TEST_CREDENTIALS;
  const signer = new SignatureV4({
    service: 'iot',
    region: request.signing === 'wrong-region' ? 'eu-west-3' : TEST_REGION,
    sha256: Sha256,
    credentials,
  });
  const signedBody =
    request.signing === 'tampered-body'
      ? Buffer.concat([request.body ?? Buffer.alloc(0), Buffer.from(' ')])
      : request.body;
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: rawPath,
      query,
      headers,
      ...(signedBody !== undefined && signedBody.length > 0 ? { body: signedBody } : {}),
    }),
    request.signing === 'stale' ? { signingDate: new Date(Date.now() - 60 * 60 * 1000) } : {},
  );
  return signed.headers;
}

function splitTarget(target: string): [string, string] {
  const at = target.indexOf('?');
  return at < 0 ? [target, ''] : [target.slice(0, at), target.slice(at + 1)];
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Sends `request` (signing it as its mode says) over a real HTTP connection and reads the whole
 * answer; rejects with "no answer within …" when the endpoint hangs past `timeoutMs`.
 */
export async function sendFuzzRequest(
  baseUrl: string,
  request: FuzzRequest,
  timeoutMs = 10_000,
): Promise<FuzzResponse> {
  const headers = await signingHeaders(baseUrl, request);
  const url = new URL(baseUrl);
  const body = request.body;
  return new Promise<FuzzResponse>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: Number(url.port),
        method: request.method,
        path: request.target,
        headers: {
          ...headers,
          ...(body !== undefined ? { 'content-length': String(body.length) } : {}),
        },
        agent,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
          });
        });
        incoming.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(body);
  });
}

/**
 * What is wrong with `response` as an AWS answer to a `method` request (empty when nothing): a
 * model status; a request id; on errors the `x-amzn-ErrorType` header and a JSON body whose
 * `__type` repeats it with a non-empty `message`; on success a JSON object (or nothing for 204).
 */
export function answerProblems(method: string, response: FuzzResponse): string[] {
  const problems: string[] = [];
  const { status, headers } = response;
  if (!MODEL_STATUSES.has(status)) problems.push(`status ${status} is not a model status`);
  if (typeof headers['x-amzn-requestid'] !== 'string' || headers['x-amzn-requestid'] === '') {
    problems.push('no x-amzn-RequestId header');
  }
  const hasBody = method !== 'HEAD' && status !== 204;
  let parsed: unknown;
  if (hasBody) {
    if (!JSON_CONTENT_TYPES.has(String(headers['content-type']))) {
      problems.push(`content-type ${String(headers['content-type'])} is no AWS JSON type`);
    }
    try {
      parsed = JSON.parse(response.body.toString('utf8'));
    } catch {
      problems.push(`body is not JSON: ${response.body.toString('utf8').slice(0, 120)}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      problems.push('body is not a JSON object');
      parsed = undefined;
    }
  } else if (response.body.length > 0) {
    problems.push(`a ${method} ${status} answer carries a body`);
  }
  if (status >= 400) {
    const errorType = headers['x-amzn-errortype'];
    if (typeof errorType !== 'string' || !/^[A-Za-z]+Exception$/.test(errorType)) {
      problems.push(`x-amzn-ErrorType is ${String(errorType)}`);
    }
    if (parsed !== undefined) {
      const record = parsed as Record<string, unknown>;
      if (record['__type'] !== errorType) {
        problems.push(`__type ${String(record['__type'])} differs from x-amzn-ErrorType`);
      }
      if (typeof record['message'] !== 'string' || record['message'].trim() === '') {
        problems.push('no message');
      }
      if ('code' in record) problems.push('a code member (the JS SDK would read it first)');
    }
  } else if (status === 204 && method !== 'OPTIONS') {
    problems.push(`204 answers ${method}; only a preflight gets 204`);
  }
  return problems;
}

/** Closes the kept-alive connections of the fuzz client. */
export function closeFuzzConnections(): void {
  agent.destroy();
}
