import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsError } from './errors';

/** What the endpoint knows about one access key. */
export interface CredentialRecord {
  secretAccessKey: string;
  /** Temporary credentials carry a session token the request must repeat in x-amz-security-token. */
  sessionToken?: string;
  /** Who is calling (an IAM-style ARN or identity id), for authorization decisions. */
  principal: string;
  groups?: readonly string[];
  expiresAt?: Date;
}

/**
 * Looks up an access key. Long-term keys come from configuration; the Cognito Identity stand-in
 * registers temporary keys through the same interface (see temporary-credentials.ts).
 */
export interface CredentialResolver {
  lookup(accessKeyId: string): CredentialRecord | undefined;
}

/** The caller a verified request was signed by. */
export interface VerifiedCaller {
  accessKeyId: string;
  principal: string;
  groups: readonly string[];
  /** True for session credentials (they carry a token); their rights come from `groups`. */
  temporary: boolean;
}

/** A resolver over a fixed set of long-term keys. */
export function staticCredentials(
  entries: ReadonlyArray<readonly [accessKeyId: string, record: CredentialRecord]>,
): CredentialResolver {
  const table = new Map(entries);
  return { lookup: (accessKeyId) => table.get(accessKeyId) };
}

export interface VerifyOptions {
  service: string;
  region: string;
  maxClockSkewMs: number;
  now?: () => Date;
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const SIGNER_ADDED_HEADERS = ['x-amz-content-sha256', 'x-amz-security-token', 'x-amz-date', 'host'];

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAuthorization(value: string): {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
} {
  const prefix = 'AWS4-HMAC-SHA256 ';
  if (!value.startsWith(prefix)) {
    throw new AwsError(
      'IncompleteSignatureException',
      `Authorization header requires the AWS4-HMAC-SHA256 algorithm.`,
    );
  }
  const parts = new Map<string, string>();
  for (const part of value.slice(prefix.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = parts.get('Credential')?.split('/');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (
    credential?.length !== 5 ||
    credential[4] !== 'aws4_request' ||
    signedHeaders === undefined ||
    signature === undefined ||
    !/^[0-9a-f]{64}$/.test(signature)
  ) {
    throw new AwsError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${value.split(' ')[0] ?? ''}`,
    );
  }
  const [accessKeyId = '', scopeDate = '', region = '', service = ''] = credential;
  return { accessKeyId, scopeDate, region, service, signedHeaders: signedHeaders.split(';') };
}

function parseAmzDate(value: string | undefined): Date {
  const match = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value ?? '');
  if (match === null) {
    throw new AwsError(
      'IncompleteSignatureException',
      "Authorization header requires existence of a valid 'X-Amz-Date' header (yyyyMMdd'T'HHmmss'Z').",
    );
  }
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Verifies a request's SigV4 Authorization header by signing the same request again with the
 * caller's secret (@smithy/signature-v4, as the SDKs do) and comparing in constant time. Returns
 * the caller, or throws the 403 AwsError that AWS would answer.
 */
export async function verifySigV4(
  req: IncomingMessage,
  body: Buffer,
  credentials: CredentialResolver,
  options: VerifyOptions,
): Promise<VerifiedCaller> {
  const authorization = header(req, 'authorization');
  if (authorization === undefined || authorization.trim() === '') {
    throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const parsed = parseAuthorization(authorization);
  const record = credentials.lookup(parsed.accessKeyId);
  if (record === undefined) {
    throw new AwsError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  const sessionToken = header(req, 'x-amz-security-token');
  // Long-term keys take no session token and temporary ones need theirs, as in AWS.
  if (sessionToken !== record.sessionToken) {
    throw new AwsError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  const now = options.now?.() ?? new Date();
  if (record.expiresAt !== undefined && record.expiresAt.getTime() <= now.getTime()) {
    throw new AwsError(
      'ExpiredTokenException',
      'The security token included in the request is expired',
    );
  }
  if (parsed.service !== options.service) {
    throw new AwsError(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${options.service}'.`,
    );
  }
  if (parsed.region !== options.region) {
    throw new AwsError(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${parsed.region}'.`,
    );
  }

  const signingDate = parseAmzDate(header(req, 'x-amz-date'));
  const skew = signingDate.getTime() - now.getTime();
  if (Math.abs(skew) > options.maxClockSkewMs) {
    const minutes = Math.round(options.maxClockSkewMs / 60_000);
    const bound = new Date(now.getTime() + Math.sign(skew) * options.maxClockSkewMs);
    throw new AwsError(
      'InvalidSignatureException',
      skew < 0
        ? `Signature expired: ${amzDate(signingDate)} is now earlier than ${amzDate(bound)} (${amzDate(now)} - ${minutes} min.)`
        : `Signature expired: ${amzDate(signingDate)} is now later than ${amzDate(bound)} (${amzDate(now)} + ${minutes} min.)`,
    );
  }

  // The signer trusts a signed x-amz-content-sha256 as the payload hash, so check it against the
  // bytes actually received; otherwise a body could be swapped under a valid signature.
  const declaredHash = header(req, 'x-amz-content-sha256');
  if (declaredHash !== undefined && declaredHash !== UNSIGNED_PAYLOAD) {
    const actual = createHash('sha256').update(body).digest('hex');
    if (declaredHash !== actual) {
      throw new AwsError(
        'InvalidSignatureException',
        'The provided x-amz-content-sha256 header does not match what was computed.',
      );
    }
  }

  const rawUrl = req.url ?? '/';
  const url = new URL(rawUrl, 'http://localhost');
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  // Only the headers the client signed take part; proxies and browsers may add others.
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = header(req, name);
    if (value !== undefined) headers[name] = value;
  }
  const hostHeader = headers['host'] ?? '';
  const signer = new SignatureV4({
    service: parsed.service,
    region: parsed.region,
    sha256: Sha256,
    credentials: {
      accessKeyId: parsed.accessKeyId,
      secretAccessKey: record.secretAccessKey,
      ...(sessionToken !== undefined ? { sessionToken } : {}),
    },
  });
  // The raw (still percent-encoded) path is what the client signed; the signer re-encodes it
  // exactly as the client's signer did.
  const resigned = await signer.sign(
    new HttpRequest({
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: hostHeader.split(':')[0] ?? '',
      path: rawUrl.split('?')[0] ?? '/',
      query,
      headers,
      ...(body.length > 0 ? { body } : {}),
    }),
    {
      signingDate,
      signableHeaders: new Set(parsed.signedHeaders),
      // The signer adds these itself; they count only if the client signed them (botocore, for
      // one, signs no x-amz-content-sha256 for IoT).
      unsignableHeaders: new Set(
        SIGNER_ADDED_HEADERS.filter((name) => !parsed.signedHeaders.includes(name)),
      ),
    },
  );
  const expected = resigned.headers['authorization'] ?? resigned.headers['Authorization'] ?? '';
  if (!safeEqual(expected, authorization)) {
    throw new AwsError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  return {
    accessKeyId: parsed.accessKeyId,
    principal: record.principal,
    groups: record.groups ?? [],
    temporary: record.sessionToken !== undefined,
  };
}
