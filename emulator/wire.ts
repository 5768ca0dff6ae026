import { validateMaxResults } from '../src/domain/validation';
import { invalidRequest } from './errors';
import { refuseIssues } from './refusals';
import type { CustomMetricRecord, DimensionRecord, ProfileRecord } from './store';

/** Where the endpoint lives in AWS terms; every ARN it forms comes from here. */
export interface AccountScope {
  region: string;
  accountId: string;
}

/** `arn:aws:iot:REGION:ACCOUNT:<resource>`, the form AWS gives IoT resources. */
export function iotArn(scope: AccountScope, resource: string): string {
  return `arn:aws:iot:${scope.region}:${scope.accountId}:${resource}`;
}

/** The ARN of a security profile. */
export function profileArn(scope: AccountScope, name: string): string {
  return iotArn(scope, `securityprofile/${name}`);
}

/** The ARN of a dimension. */
export function dimensionArn(scope: AccountScope, name: string): string {
  return iotArn(scope, `dimension/${name}`);
}

/** The ARN of a custom metric. */
export function customMetricArn(scope: AccountScope, name: string): string {
  return iotArn(scope, `custommetric/${name}`);
}

/** Epoch milliseconds → epoch seconds with fractions, the restJson1 timestamp format. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** The Describe/Update output of a profile. */
export function profileOutput(
  scope: AccountScope,
  name: string,
  record: ProfileRecord,
): Record<string, unknown> {
  return {
    securityProfileName: name,
    securityProfileArn: profileArn(scope, name),
    ...record.fields,
    version: record.version,
    creationDate: epochSeconds(record.createdAt),
    lastModifiedDate: epochSeconds(record.modifiedAt),
  };
}

/** The DescribeDimension output. */
export function dimensionOutput(
  scope: AccountScope,
  name: string,
  record: DimensionRecord,
): Record<string, unknown> {
  return {
    name,
    arn: dimensionArn(scope, name),
    type: record.type,
    stringValues: record.stringValues,
    creationDate: epochSeconds(record.createdAt),
    lastModifiedDate: epochSeconds(record.modifiedAt),
  };
}

/** The DescribeCustomMetric output. */
export function customMetricOutput(
  scope: AccountScope,
  name: string,
  record: CustomMetricRecord,
): Record<string, unknown> {
  return {
    metricName: name,
    metricArn: customMetricArn(scope, name),
    metricType: record.metricType,
    ...(record.displayName !== undefined ? { displayName: record.displayName } : {}),
    creationDate: epochSeconds(record.createdAt),
    lastModifiedDate: epochSeconds(record.modifiedAt),
  };
}

/** MaxResults in the model: integer, 1–250. */
export const MAX_RESULTS_LIMIT = 250;

/**
 * AWS does not document the page size used when maxResults is absent; a full page keeps clients
 * that ignore nextToken working for any realistic account, and pagination is still exercised by
 * any caller that passes maxResults.
 */
export const DEFAULT_PAGE_SIZE = MAX_RESULTS_LIMIT;

/** Reads `maxResults` from the query (absent → default); the domain refuses non-integers and 0 or 251+. */
export function readMaxResults(query: URLSearchParams): number {
  const raw = query.get('maxResults');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const value = raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  refuseIssues(validateMaxResults(value));
  return Number(value);
}

/** Reads an optional `long` query parameter such as expectedVersion. */
export function readLongQuery(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value)) {
    throw invalidRequest(`${name}: must be an integer, got "${raw}"`);
  }
  return value;
}

/** Reads an optional boolean query parameter (`true`/`false`, as the SDKs send it). */
export function readBooleanQuery(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw invalidRequest(`${name}: must be true or false, got "${raw}"`);
}

/** Reads a query parameter the model marks required; refuses it when missing or empty. */
export function requireQuery(query: URLSearchParams, name: string): string {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    throw invalidRequest(`${name}: is required`);
  }
  return raw;
}

function encodeToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      parsed !== null &&
      typeof parsed === 'object' &&
      'after' in parsed &&
      typeof parsed.after === 'string'
    ) {
      return parsed.after;
    }
  } catch {
    // Falls through to the refusal below: any undecodable token is the caller's error.
  }
  throw invalidRequest('nextToken: the pagination token is invalid or expired');
}

/**
 * One page of `items` ordered by `keyOf`. The token names the last key returned (not an offset),
 * so deleting or adding items between pages neither repeats nor skips the ones that remain.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  query: URLSearchParams,
): { page: T[]; nextToken?: string } {
  const maxResults = readMaxResults(query);
  const token = query.get('nextToken');
  const after = token !== null && token !== '' ? decodeToken(token) : undefined;
  const sorted = [...items].sort((a, b) =>
    keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0,
  );
  const remaining = after === undefined ? sorted : sorted.filter((item) => keyOf(item) > after);
  const page = remaining.slice(0, maxResults);
  const last = page.at(-1);
  return remaining.length > maxResults && last !== undefined
    ? { page, nextToken: encodeToken(keyOf(last)) }
    : { page };
}
