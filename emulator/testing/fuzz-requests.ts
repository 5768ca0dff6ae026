import * as fc from 'fast-check';
import {
  type Json,
  type JsonObject,
  anyStringArb,
  createRequestMutations,
  jsonNodes,
  nameArb,
  replaceAt,
  setAt,
  type Step,
  tagArb,
  validBehaviorsArb,
  validCreateRequestArb,
  validUpdateRequestArb,
  wrongTypeArb,
} from '../../src/domain/testing/arbitraries';
import { CUSTOM_METRIC_TYPES } from '../../src/domain/security-profile';
import type { ValidationContext } from '../../src/domain/validation';
import { IOT_OPERATIONS } from '../operations';
import type { FuzzRequest, SigningMode } from './fuzz-http';
import { TEST_ACCOUNT, TEST_REGION } from './contract-harness';

/** What the generators need to know about the account under attack. */
export interface FuzzAccount {
  ctx: ValidationContext;
  /** Existing security profile names. */
  profiles: readonly string[];
}

const ARN_PREFIX = `arn:aws:iot:${TEST_REGION}:${TEST_ACCOUNT}:`;

/** Percent-encodes every byte of the UTF-8 form except RFC 3986 unreserved characters. */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Path label values as they go on the wire: real names, fresh names, and odd encodings (broken
 * and overlong percent-escapes, NUL, encoded slashes, dot segments, long and Unicode labels).
 */
function labelArb(account: FuzzAccount): fc.Arbitrary<string> {
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(
        ...account.profiles,
        'telemetry-topics',
        'cpu-temperature-celsius',
      ),
      weight: 3,
    },
    { arbitrary: nameArb().map(percentEncode), weight: 3 },
    {
      arbitrary: anyStringArb(40)
        .filter((s) => s.length > 0)
        .map(percentEncode),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%C0%AF',
        '%FF%FE',
        '%ED%A0%80',
        'a%00b',
        'a%2Fb',
        '%2e%2e',
        '..',
        '.',
        '__proto__',
        'constructor',
        'a;b=c',
        '%25',
        'aws:x',
        'a'.repeat(129),
        'b'.repeat(6000),
      ),
      weight: 2,
    },
  );
}

const QUERY_VALUES: Record<string, readonly string[]> = {
  maxResults: ['1', '2', '250', '0', '251', '1.5', '-1', '1e400', 'abc', '', ' 5', '9'.repeat(400)],
  nextToken: ['%%%', 'eyJhZnRlciI6ImEifQ', 'eyJhZnRlciI6MX0', 'x'.repeat(3000), ''],
  expectedVersion: ['1', '2', '999', 'abc', '1e3', '9007199254740993', '-0', '', '1.5'],
  securityProfileTargetArn: [
    `${ARN_PREFIX}thinggroup/edge-gateways`,
    `${ARN_PREFIX}all/registered-things`,
    `${ARN_PREFIX}thinggroup/`,
    'arn:aws:iot:eu-west-1:000000000000:all/things',
    '',
    'x',
  ],
  recursive: ['true', 'false', 'maybe', ''],
  dimensionName: ['telemetry-topics', 'nope', '', 'a b'],
  metricName: ['cpu-temperature-celsius', 'aws:num-disconnects', '', '%'],
  resourceArn: [
    `${ARN_PREFIX}securityprofile/fleet-baseline`,
    `${ARN_PREFIX}dimension/x`,
    '',
    'arn',
  ],
};

/** A query string of known and unknown parameters with plausible and absurd values. */
function queryArb(): fc.Arbitrary<string> {
  const known = Object.entries(QUERY_VALUES).map(([key, values]) =>
    fc.tuple(fc.constant(key), fc.constantFrom(...values)),
  );
  const unknown = fc.tuple(
    fc.string({ unit: fc.constantFrom(...'abcXYZ_-[]'), minLength: 1, maxLength: 8 }),
    anyStringArb(12),
  );
  return fc
    .array(fc.oneof(...known, unknown), { maxLength: 4 })
    .map((pairs) =>
      pairs.length === 0
        ? ''
        : `?${pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join('&')}`,
    );
}

/** A valid JSON body for the operation, or undefined for operations that take none. */
function bodyFor(operation: string, account: FuzzAccount): fc.Arbitrary<JsonObject | undefined> {
  const { ctx } = account;
  const profileArn = fc
    .constantFrom(...account.profiles)
    .map((name) => `${ARN_PREFIX}securityprofile/${name}`);
  const token = fc.string({ unit: fc.constantFrom(...'abc123-_'), minLength: 1, maxLength: 64 });
  switch (operation) {
    case 'CreateSecurityProfile':
      return validCreateRequestArb(ctx, { maxBehaviors: 30 });
    case 'UpdateSecurityProfile':
      return validUpdateRequestArb(ctx);
    case 'ValidateSecurityProfileBehaviors':
      return validBehaviorsArb(ctx, { maxLength: 30 }).map((behaviors) => ({ behaviors }));
    case 'CreateDimension':
      return fc.record({
        type: fc.constant('TOPIC_FILTER'),
        stringValues: fc.array(fc.constantFrom('a/+/b', 'devices/#', '$aws/x'), {
          minLength: 1,
          maxLength: 4,
        }),
        clientRequestToken: token,
      });
    case 'CreateCustomMetric':
      return fc.record({
        metricType: fc.constantFrom(...CUSTOM_METRIC_TYPES),
        displayName: fc.constant('Fuzz metric'),
        clientRequestToken: token,
      });
    case 'TagResource':
      return fc.record({ resourceArn: profileArn, tags: fc.array(tagArb(), { maxLength: 3 }) });
    case 'UntagResource':
      return fc.record({
        resourceArn: profileArn,
        tagKeys: fc.array(fc.constantFrom('fuzz', 'team'), { maxLength: 2 }),
      });
    default:
      return fc.constant(undefined);
  }
}

/** A placeholder string that the serializer swaps for raw JSON text. */
const RAW = (index: number) => `\u0000raw-json-${index}\u0000`;

/** Raw JSON texts JSON.stringify cannot produce: absurd numbers, NaN, deep nesting. */
const ABSURD_NUMBERS = [
  '1e308',
  '-1e308',
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '-0.0',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '123456789012345678901234567890',
  '4.9e-324',
  '0.1e1',
  '1E+2',
  '65535.0000000000001',
];
const NOT_JSON_TOKENS = ['NaN', 'Infinity', '-Infinity', 'undefined', '0x10', '01', '.5', "'x'"];

/** Serializes `body`, replacing each RAW(i) string with `raws[i]` verbatim. */
export function serializeWithRaw(body: Json, raws: readonly string[]): string {
  let text = JSON.stringify(body);
  raws.forEach((raw, index) => {
    text = text.split(JSON.stringify(RAW(index))).join(raw);
  });
  return text;
}

/** One JSON-level mutation of a body: wrong type, huge string, deep nesting, unknown member, … */
interface JsonMutated {
  body: JsonObject;
  raws: string[];
}

function jsonMutationArb(body: JsonObject): fc.Arbitrary<JsonMutated> {
  const nodes = jsonNodes(body);
  const node = nodes.length > 0 ? fc.constantFrom(...nodes) : fc.constant(undefined);
  const at = (steps: Step[] | undefined, value: Json) =>
    steps === undefined ? { ...body, fuzz: value } : replaceAt(body, steps, value);
  return node.chain((picked) => {
    const path = picked?.steps;
    return fc.oneof<fc.Arbitrary<JsonMutated>[]>(
      wrongTypeArb(picked?.value ?? null).map((value) => ({ body: at(path, value), raws: [] })),
      fc
        .tuple(
          fc.integer({ min: 1000, max: 400_000 }),
          fc.constantFrom('x', '\u00e9', '\u{1f600}', '"', '\\'),
        )
        .map(([length, unit]) => ({ body: at(path, unit.repeat(length)), raws: [] })),
      fc.integer({ min: 100, max: 100_000 }).map((depth) => ({
        body: at(path, RAW(0)),
        raws: [
          depth % 2 === 0
            ? `${'['.repeat(depth)}${']'.repeat(depth)}`
            : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        ],
      })),
      fc.constantFrom(...ABSURD_NUMBERS, ...NOT_JSON_TOKENS).map((token) => ({
        body: at(path, RAW(0)),
        raws: [token],
      })),
      fc.constant({ body: at(path, null), raws: [] }),
      fc
        .tuple(
          fc.oneof(
            fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
            fc.string({ maxLength: 12 }),
          ),
          fc.jsonValue({ maxDepth: 3 }),
        )
        .map(([key, value]) => {
          // An unknown member, added to the object holding the picked node (or to the root).
          const copy = structuredClone(body);
          const parent = objectAt(copy, path?.slice(0, -1) ?? []) ?? copy;
          setAt(parent, [key], value);
          return { body: copy, raws: [] };
        }),
    );
  });
}

function objectAt(root: JsonObject, steps: readonly Step[]): JsonObject | undefined {
  let node: Json | undefined = root;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(step)] : node[String(step)];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? node : undefined;
}

/** A byte-level mutation of a serialized body: truncation, invalid UTF-8, BOM, random bytes. */
function byteMutationArb(text: string): fc.Arbitrary<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  const position = fc.nat({ max: Math.max(0, bytes.length - 1) });
  const splice = (at: number, insert: Buffer) =>
    Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]);
  const invalidUtf8 = fc.constantFrom(
    Buffer.from([0xff]),
    Buffer.from([0xfe, 0xff]),
    Buffer.from([0xc0, 0xaf]),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from([0xf4, 0x90, 0x80, 0x80]),
    Buffer.from([0xe2, 0x82]),
    Buffer.from([0x80]),
  );
  const quote = [...bytes.entries()].filter(([, byte]) => byte === 0x22).map(([index]) => index);
  return fc.oneof(
    position.map((at) => bytes.subarray(0, at)),
    fc.tuple(position, invalidUtf8).map(([at, insert]) => splice(at, insert)),
    quote.length > 0
      ? fc
          .tuple(fc.constantFrom(...quote), invalidUtf8)
          .map(([at, insert]) => splice(at + 1, insert))
      : invalidUtf8,
    fc.constant(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])),
    fc.constant(Buffer.concat([bytes, Buffer.from('}garbage')])),
    fc.tuple(position, fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[at] = byte;
      return copy;
    }),
    fc.uint8Array({ maxLength: 512 }).map((random) => Buffer.from(random)),
    fc.constantFrom(
      Buffer.from(''),
      Buffer.from('null'),
      Buffer.from('[]'),
      Buffer.from('"text"'),
      Buffer.from('{"a":1,"a":2}'),
      Buffer.from('{"__proto__":{"polluted":true}}'),
      Buffer.from('{'),
      Buffer.from('\u0000'),
    ),
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/x-amz-json-1.1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/json; charset=utf-16',
  'application/octet-stream',
  '*/*',
  ';;;',
];

/** Content-Type header: usually JSON, sometimes wrong, sometimes absent. */
function contentTypeArb(): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    { arbitrary: fc.constant({ 'content-type': 'application/json' }), weight: 3 },
    {
      arbitrary: fc.constantFrom(...CONTENT_TYPES).map((type) => ({ 'content-type': type })),
      weight: 2,
    },
    { arbitrary: fc.constant({}), weight: 1 },
  );
}

/**
 * Extra headers a client or proxy might add: odd dates, hashes, tokens, origins, encodings, a
 * large junk header. Framing headers (Transfer-Encoding, Expect) are left out: Node's HTTP parser
 * answers those itself before the endpoint sees the request (see the suite's notes).
 */
function extraHeadersArb(): fc.Arbitrary<Record<string, string>> {
  const pool: Record<string, readonly string[]> = {
    'x-amz-date': ['yesterday', '20200101T000000Z', '99999999T999999Z', ''],
    'x-amz-content-sha256': ['UNSIGNED-PAYLOAD', 'abc', '0'.repeat(64), ''],
    'x-amz-security-token': ['', 'token', 'x'.repeat(2000)],
    origin: ['http://localhost:5173', 'http://evil.example', 'null', ''],
    'content-encoding': ['gzip', 'br', 'identity'],
    accept: ['*/*', 'text/html', 'application/xml'],
    'x-amz-target': ['AWSCognitoIdentityService.GetId', 'Iot.ListSecurityProfiles'],
    'x-junk': ['a'.repeat(8000), '\u00e9'],
    'amz-sdk-request': ['attempt=1; max=3', 'attempt=999999999999'],
  };
  return fc
    .subarray(Object.keys(pool), { maxLength: 3 })
    .chain((names) =>
      fc.tuple(
        ...names.map((name) =>
          fc.tuple(fc.constant(name), fc.constantFrom(...(pool[name] ?? ['']))),
        ),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs));
}

interface Operation {
  name: string;
  method: string;
  path: string;
}

const OPERATIONS: readonly Operation[] = IOT_OPERATIONS.map(({ name, method, path }) => ({
  name,
  method,
  path,
}));

/** The request target of `operation` with generated labels and query. */
function targetArb(operation: Operation, account: FuzzAccount): fc.Arbitrary<string> {
  const labels = operation.path.match(/\{[^}]+\}/g) ?? [];
  return fc
    .tuple(
      fc.array(labelArb(account), { minLength: labels.length, maxLength: labels.length }),
      queryArb(),
    )
    .map(([values, query]) => {
      let index = 0;
      const path = operation.path.replace(/\{[^}]+\}/g, () => values[index++] ?? 'x');
      return `${path}${query}`;
    });
}

/** A request shape before its body is serialized. */
interface Draft {
  operation: Operation;
  target: string;
  body: JsonObject | undefined;
}

function draftArb(account: FuzzAccount): fc.Arbitrary<Draft> {
  return fc
    .constantFrom(...OPERATIONS)
    .chain((operation) =>
      fc
        .tuple(targetArb(operation, account), bodyFor(operation.name, account))
        .map(([target, body]) => ({ operation, target, body })),
    );
}

/**
 * Signed requests to the model's operations whose JSON bodies were valid and then took 0–2
 * mutations: wrong types, huge strings, deep nesting, absurd and non-JSON numbers, nulls, unknown
 * members (`__proto__` too).
 */
export function mutatedJsonRequestArb(account: FuzzAccount): fc.Arbitrary<FuzzRequest> {
  return draftArb(account).chain(({ operation, target, body }) => {
    const base: JsonObject = body ?? {};
    return fc
      .integer({ min: 0, max: 2 })
      .chain((count) => mutateTimes(base, count))
      .map(({ body: mutated, raws }) => ({
        method: operation.method,
        target,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(serializeWithRaw(mutated, raws)),
        signing: 'valid' as const,
      }));
  });
}

function mutateTimes(
  body: JsonObject,
  count: number,
): fc.Arbitrary<{ body: JsonObject; raws: string[] }> {
  if (count === 0) return fc.constant({ body, raws: [] });
  // Raw-text placeholders are numbered from 0 per step, so only the last step may use one.
  return jsonMutationArb(body).chain((step) =>
    step.raws.length > 0 || count === 1 ? fc.constant(step) : mutateTimes(step.body, count - 1),
  );
}

/** Signed requests to the model's operations with byte-level garbage bodies and odd content types. */
export function brokenBytesRequestArb(account: FuzzAccount): fc.Arbitrary<FuzzRequest> {
  return draftArb(account).chain(({ operation, target, body }) =>
    fc
      .tuple(byteMutationArb(JSON.stringify(body ?? {})), contentTypeArb(), extraHeadersArb())
      .map(([bytes, contentType, extra]) => ({
        method: operation.method,
        target,
        headers: { ...extra, ...contentType },
        body: bytes,
        signing: 'valid' as const,
      })),
  );
}

/** Methods Node's HTTP parser accepts (others never reach the endpoint's handler). */
const METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'SEARCH',
  'PURGE',
  'COPY',
  'MOVE',
  'LOCK',
  'REPORT',
  'M-SEARCH',
];

const SEGMENTS = [
  'security-profiles',
  'security-profile-behaviors',
  'validate',
  'security-profiles-for-target',
  'targets',
  'dimensions',
  'custom-metric',
  'custom-metrics',
  'tags',
  'untag',
  '_local',
  'health',
  'things',
  '',
];

/**
 * Random methods on random paths and on the model's paths, signed in any mode; the query and the
 * (JSON) body are random too.
 */
export function routingRequestArb(account: FuzzAccount): fc.Arbitrary<FuzzRequest> {
  const segment = fc.oneof(fc.constantFrom(...SEGMENTS), labelArb(account));
  const randomTarget = fc
    .tuple(fc.array(segment, { minLength: 0, maxLength: 5 }), fc.boolean(), queryArb())
    .map(([segments, trailing, query]) => `/${segments.join('/')}${trailing ? '/' : ''}${query}`);
  const method = fc.constantFrom(...METHODS);
  const onRandomPath = fc.tuple(method, randomTarget);
  // A model path with the operation's own method half the time, any method otherwise.
  const onModelPath = fc
    .constantFrom(...OPERATIONS)
    .chain((operation) =>
      fc.tuple(fc.oneof(fc.constant(operation.method), method), targetArb(operation, account)),
    );
  return fc
    .record({
      request: fc.oneof(onRandomPath, onModelPath),
      body: fc.option(fc.json({ maxDepth: 3 }), { nil: undefined }),
      signing: signingArb(),
    })
    .map(({ request: [verb, target], body, signing }): FuzzRequest => ({
      method: verb,
      target,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: Buffer.from(body) } : {}),
      signing,
    }));
}

const COGNITO_TARGETS = [
  'AWSCognitoIdentityService.GetId',
  'AWSCognitoIdentityService.GetCredentialsForIdentity',
  'AWSCognitoIdentityService.GetOpenIdToken',
  'AWSCognitoIdentityService.',
  'AWSCognitoIdentityService.getid',
];

/**
 * Calls to the Cognito Identity stand-in (JSON 1.1 on `POST /`, named by `x-amz-target`) with
 * wrong, missing and garbage members and bodies. Tokens are never well-formed signed JWTs: those
 * would make the stand-in fetch signing keys from a user pool this suite does not run.
 */
export function cognitoIdentityRequestArb(): fc.Arbitrary<FuzzRequest> {
  const text = fc.oneof(
    fc.constantFrom(
      '',
      'us-east-1:00000000-0000-0000-0000-000000000000',
      'a.b.c',
      'x'.repeat(5000),
    ),
    anyStringArb(30),
  );
  const member = fc.oneof<fc.Arbitrary<Json>[]>(
    text,
    fc.jsonValue({ maxDepth: 2 }).map((value) => value as Json),
  );
  const body = fc.oneof(
    fc
      .record(
        {
          IdentityPoolId: member,
          IdentityId: member,
          Logins: fc.oneof<fc.Arbitrary<Json>[]>(
            fc.dictionary(
              fc.oneof(fc.constant('cognito-idp.us-east-1.amazonaws.com/us-east-1_x'), fc.string()),
              member,
              { maxKeys: 3 },
            ),
            member,
          ),
        },
        { requiredKeys: [] },
      )
      .map((record) => Buffer.from(JSON.stringify(record))),
    fc.json({ maxDepth: 3 }).map((json) => Buffer.from(json)),
    fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
  );
  return fc
    .record({
      target: fc.oneof(fc.constantFrom(...COGNITO_TARGETS), fc.string({ maxLength: 40 })),
      body,
      contentType: fc.constantFrom('application/x-amz-json-1.1', 'application/json', 'text/plain'),
      signing: fc.oneof(fc.constant<SigningMode>('none'), signingArb()),
    })
    .map(({ target, body: bytes, contentType, signing }): FuzzRequest => ({
      method: 'POST',
      target: '/',
      headers: {
        // Header values must be visible ASCII for Node to send them at all.
        'x-amz-target': target.replace(/[^\x20-\x7e]/g, '?'),
        'content-type': contentType,
      },
      body: bytes,
      signing,
    }));
}

/** Every signing mode, the valid one most often. */
export function signingArb(): fc.Arbitrary<SigningMode> {
  return fc.oneof(
    { arbitrary: fc.constant<SigningMode>('valid'), weight: 3 },
    {
      arbitrary: fc.constantFrom<SigningMode>(
        'none',
        'wrong-secret',
        'unknown-key',
        'tampered-body',
        'stale',
        'wrong-region',
        'garbage',
      ),
      weight: 4,
    },
  );
}

const MUTATING = new Set([
  'CreateSecurityProfile',
  'UpdateSecurityProfile',
  'DeleteSecurityProfile',
  'AttachSecurityProfile',
  'DetachSecurityProfile',
  'CreateDimension',
  'DeleteDimension',
  'CreateCustomMetric',
  'DeleteCustomMetric',
  'TagResource',
  'UntagResource',
]);

/** The operations that change the store (so a refusal of them must leave it as it was). */
export function mutatingOperations(): Operation[] {
  return OPERATIONS.filter((operation) => MUTATING.has(operation.name));
}

function operationNamed(name: string): Operation {
  const operation = OPERATIONS.find((candidate) => candidate.name === name);
  if (operation === undefined) throw new Error(`the endpoint has no operation ${name}`);
  return operation;
}

/**
 * Requests to store-changing operations that the endpoint must refuse: bad or missing signatures
 * on otherwise valid requests, bodies that break one validation rule, broken JSON, version
 * conflicts, creates of names that exist, deletes of what is in use.
 */
export function refusedRequestArb(account: FuzzAccount): fc.Arbitrary<FuzzRequest> {
  const { ctx, profiles } = account;
  const existing = fc.constantFrom(...profiles);
  const fresh = nameArb()
    .filter((name) => !profiles.includes(name))
    .map((name) => `fuzz-${name}`.slice(0, 128));
  const mutations = createRequestMutations(ctx);
  const create = operationNamed('CreateSecurityProfile');
  const update = operationNamed('UpdateSecurityProfile');
  const json = (body: Json) => Buffer.from(JSON.stringify(body));

  const badSignature = fc
    .constantFrom(...mutatingOperations())
    .chain((operation) =>
      fc.tuple(
        fc.constant(operation),
        targetArb(operation, account),
        bodyFor(operation.name, account),
        signingArb().filter((mode) => mode !== 'valid'),
      ),
    )
    .map(([operation, target, body, signing]): FuzzRequest => ({
      method: operation.method,
      target,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: json(body) } : {}),
      signing,
    }));

  const invalidBody = fc
    .tuple(fc.constantFrom(...mutations), fc.boolean(), existing, fresh)
    .chain(([mutation, asUpdate, name, newName]) =>
      mutation.arb.map(({ body, paths }): FuzzRequest => {
        // Update ignores tags (a Create-only member), so tag mutations always go to Create.
        const toUpdate = asUpdate && !paths.some((path) => path.startsWith('tags'));
        return {
          method: toUpdate ? update.method : create.method,
          target: `/security-profiles/${toUpdate ? name : newName}`,
          headers: { 'content-type': 'application/json' },
          body: json(body),
          signing: 'valid',
        };
      }),
    );

  const brokenJson = fc
    .tuple(
      fc.constantFrom(...mutatingOperations().filter((op) => op.method !== 'DELETE')),
      validCreateRequestArb(ctx, { maxBehaviors: 10 }),
      fc.nat(),
    )
    .chain(([operation, body, cut]) =>
      targetArb(operation, account).map((target): FuzzRequest => {
        const text = JSON.stringify({ ...body, resourceArn: 'x' });
        return {
          method: operation.method,
          target,
          headers: { 'content-type': 'application/json' },
          // Any proper prefix of an object's text is not JSON.
          body: Buffer.from(text.slice(0, 1 + (cut % (text.length - 1)))),
          signing: 'valid',
        };
      }),
    );

  const conflicts = fc.oneof(
    fc
      .tuple(existing, validCreateRequestArb(ctx, { maxBehaviors: 5 }))
      .map(([name, body]): FuzzRequest => ({
        method: 'POST',
        target: `/security-profiles/${name}`,
        headers: { 'content-type': 'application/json' },
        body: json(body),
        signing: 'valid',
      })),
    fc
      .tuple(existing, fc.integer({ min: 1000, max: 2 ** 40 }), fc.boolean())
      .map(([name, version, remove]): FuzzRequest => ({
        method: remove ? 'DELETE' : 'PATCH',
        target: `/security-profiles/${name}?expectedVersion=${version}`,
        headers: { 'content-type': 'application/json' },
        ...(remove ? {} : { body: json({ securityProfileDescription: 'never stored' }) }),
        signing: 'valid',
      })),
    fc.constantFrom<FuzzRequest>(
      // In use by seeded profiles, so the deletes are refused.
      { method: 'DELETE', target: '/dimensions/telemetry-topics', headers: {}, signing: 'valid' },
      {
        method: 'DELETE',
        target: '/custom-metric/cpu-temperature-celsius',
        headers: {},
        signing: 'valid',
      },
      {
        method: 'POST',
        target: '/tags',
        headers: { 'content-type': 'application/json' },
        body: json({
          resourceArn: `${ARN_PREFIX}securityprofile/no-such-profile`,
          tags: [{ Key: 'k' }],
        }),
        signing: 'valid',
      },
      {
        method: 'PUT',
        target: `/security-profiles/fleet-baseline/targets?securityProfileTargetArn=${percentEncode(`${ARN_PREFIX}thing/x`)}`,
        headers: {},
        signing: 'valid',
      },
    ),
  );

  return fc.oneof(badSignature, invalidBody, brokenJson, conflicts);
}
