/**
 * Validation of security-profile requests as AWS applies it, written once and used by the editor's
 * form, the preview and the local endpoint.
 *
 * Input is untrusted JSON (`unknown`): whatever a client sent. Nothing here throws, whatever the
 * input; every problem becomes a {@link ValidationIssue} addressed to the field it concerns
 * (`behaviors[2].criteria.value.ports[0]`).
 *
 * Two kinds of issue:
 * - `constraint`: the service model's constraints (types, required members, lengths, patterns,
 *   enums, ranges, list sizes) and the update-only "delete flag together with its list" rule.
 *   A request with one is malformed: AWS refuses it with InvalidRequestException before looking
 *   at meaning.
 * - `semantic`: the documented rules about meaning (metric ↔ operator ↔ value member ↔ duration,
 *   one detection type, dimensions, references to custom metrics and dimensions that must exist,
 *   unique behavior names, the 1000 value-element quota). ValidateSecurityProfileBehaviors reports
 *   these as `validationErrors`; Create and Update refuse them.
 *
 * Unknown JSON members are ignored, as AWS's JSON deserializers do; `null` counts as absent, as it
 * does for restJson1 structure members.
 */

import ipaddr from 'ipaddr.js';
import {
  BUILT_IN_METRICS,
  BUILT_IN_METRIC_PREFIX,
  type MetricDefinition,
  describeValueType,
  joinWithOr,
  resolveMetric,
} from './metric-catalogue';
import {
  ALERT_TARGET_TYPES,
  COMPARISON_OPERATORS,
  CONFIDENCE_LEVELS,
  CUSTOM_METRIC_TYPES,
  DIMENSION_TYPES,
  DIMENSION_VALUE_OPERATORS,
  STATISTICS,
  type Behavior,
  type ComparisonOperator,
  type CustomMetricType,
  type MetricValue,
} from './security-profile';

export type IssueKind = 'constraint' | 'semantic';

export interface ValidationIssue {
  /** Where the problem is, in request terms: `behaviors[0].criteria.durationSeconds`. */
  path: string;
  /** What is wrong and which rule says so, for a person to read. */
  message: string;
  kind: IssueKind;
}

export interface ValidationContext {
  /** The account's existing custom metrics, by name. */
  customMetrics: ReadonlyMap<string, CustomMetricType>;
  /** The account's existing dimension names. */
  dimensions: ReadonlySet<string>;
}

/** Behaviors per security profile (model constraint and documented quota, not adjustable). */
export const MAX_BEHAVIORS = 100;
/** Behavior metric value elements (counts, numbers, CIDRs, ports, strings) per security profile. */
export const MAX_VALUE_ELEMENTS = 1000;
/**
 * At most this many issues are listed; past it, one closing issue says more were found. A hostile
 * request (a million bad ports) then costs bounded work and yields a bounded error message.
 */
export const MAX_ISSUES = 200;

/** The one-line form of an issue: `path: message`. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

// ---------------------------------------------------------------------------------------------
// Model constraints shared by several shapes

/** SecurityProfileName, BehaviorName, DimensionName and MetricName all use this pattern. */
export const NAME_PATTERN = /^[a-zA-Z0-9:_-]+$/;
export const NAME_MAX_LENGTH = 128;
/**
 * `[\p{Graph}\x20]*` (SecurityProfileDescription, CustomMetricDisplayName). AWS validates with
 * Java regular expressions, where `\p{Graph}` without UNICODE_CHARACTER_CLASS is the POSIX class
 * `[\x21-\x7E]`: printable ASCII. With the space that makes printable ASCII + space; no tabs,
 * newlines or accented letters.
 */
export const PRINTABLE_ASCII_PATTERN = /^[\x20-\x7E]*$/;
export const DESCRIPTION_MAX_LENGTH = 1000;
/** TagKey: `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`; Java's `\p{L}` etc. are Unicode categories. */
export const TAG_KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const CLIENT_REQUEST_TOKEN_PATTERN = /^[a-zA-Z0-9-_]+$/;
const CIDR_PATTERN = /^[a-fA-F0-9:./]+$/;
const ROLE_ARN = { min: 20, max: 2048 } as const;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_LIMIT = 2 ** 63;

const NAME_RULE = {
  min: 1,
  max: NAME_MAX_LENGTH,
  pattern: NAME_PATTERN,
  patternHint: "letters, digits, ':', '_' and '-' only",
} as const;

// ---------------------------------------------------------------------------------------------
// Issue collection

class Issues {
  readonly list: ValidationIssue[] = [];
  private truncated = false;
  private droppedConstraint = false;

  get full(): boolean {
    return this.list.length >= MAX_ISSUES;
  }

  add(path: string, message: string, kind: IssueKind): void {
    if (this.full) {
      this.truncated = true;
      if (kind === 'constraint') this.droppedConstraint = true;
      return;
    }
    this.list.push({ path, message, kind });
  }

  constraint(path: string, message: string): void {
    this.add(path, message, 'constraint');
  }

  semantic(path: string, message: string): void {
    this.add(path, message, 'semantic');
  }

  /** Records that a loop stopped early because the list is full. */
  truncate(): void {
    this.truncated = true;
  }

  finish(rootPath: string): ValidationIssue[] {
    if (!this.truncated) return this.list;
    // The closing note carries the worst kind seen, so a caller deciding 400 versus a list of
    // validation errors from the kinds alone decides as it would with the full list.
    const worst =
      this.droppedConstraint || this.list.some((issue) => issue.kind === 'constraint')
        ? 'constraint'
        : 'semantic';
    return [
      ...this.list,
      {
        path: rootPath,
        message: `more problems were found; only the first ${MAX_ISSUES} are listed`,
        kind: worst,
      },
    ];
  }
}

/** A member that was present but failed its constraints: semantic checks skip it. */
const INVALID = Symbol('invalid');
type Read<T> = T | typeof INVALID | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own member of a JSON object; `null` reads as absent. */
function member(record: Record<string, unknown>, key: string): unknown {
  if (!Object.hasOwn(record, key)) return undefined;
  const value = record[key];
  return value === null ? undefined : value;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isFinite(value) ? 'a number' : String(value);
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** A value as it appears in a message, shortened so a huge input cannot flood the message. */
function show(value: string): string {
  const limit = 64;
  return JSON.stringify(value.length > limit ? `${value.slice(0, limit)}…` : value);
}

function pathKey(base: string, key: string): string {
  return `${base}.${key.length > 64 ? `${key.slice(0, 64)}…` : key}`;
}

/** Lengths count Unicode code points, as Smithy's length trait defines for strings. */
function codePointLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    length += 1;
  }
  return length;
}

interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternHint?: string;
}

function readString(
  raw: unknown,
  path: string,
  issues: Issues,
  rule: StringRule = {},
): Read<string> {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    issues.constraint(path, `expected a string, got ${jsonType(raw)}`);
    return INVALID;
  }
  let ok = true;
  const { min, max } = rule;
  if (min !== undefined || max !== undefined) {
    const length = codePointLength(raw);
    if (min !== undefined && length < min) {
      issues.constraint(
        path,
        min === 1 ? 'must not be empty' : `must be at least ${min} characters; it has ${length}`,
      );
      ok = false;
    } else if (max !== undefined && length > max) {
      issues.constraint(path, `must be at most ${max} characters; it has ${length}`);
      ok = false;
    }
  }
  if (ok && rule.pattern !== undefined && !rule.pattern.test(raw)) {
    issues.constraint(
      path,
      `${show(raw)} has characters that are not allowed${rule.patternHint === undefined ? '' : ` (${rule.patternHint})`}`,
    );
    ok = false;
  }
  return ok ? raw : INVALID;
}

function readRequiredString(
  raw: unknown,
  path: string,
  issues: Issues,
  rule: StringRule = {},
): Read<string> {
  if (raw === undefined) {
    issues.constraint(path, 'is required');
    return INVALID;
  }
  return readString(raw, path, issues, rule);
}

function readEnum<T extends string>(
  raw: unknown,
  path: string,
  issues: Issues,
  allowed: readonly T[],
): Read<T> {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    issues.constraint(path, `expected a string, got ${jsonType(raw)}`);
    return INVALID;
  }
  const match = allowed.find((candidate) => candidate === raw);
  if (match === undefined) {
    issues.constraint(path, `${show(raw)} is not one of ${joinWithOr(allowed)}`);
    return INVALID;
  }
  return match;
}

interface NumberRule {
  kind: 'int' | 'long' | 'double';
  min?: number;
  max?: number;
  label?: string;
}

function readNumber(raw: unknown, path: string, issues: Issues, rule: NumberRule): Read<number> {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number') {
    issues.constraint(path, `expected ${rule.label ?? 'a number'}, got ${jsonType(raw)}`);
    return INVALID;
  }
  if (!Number.isFinite(raw)) {
    issues.constraint(path, `expected a finite number, got ${String(raw)}`);
    return INVALID;
  }
  if (rule.kind !== 'double' && !Number.isInteger(raw)) {
    issues.constraint(path, `${raw} is not a whole number`);
    return INVALID;
  }
  if (rule.min !== undefined && raw < rule.min) {
    issues.constraint(path, `${raw} is less than the minimum ${rule.min}`);
    return INVALID;
  }
  if (rule.max !== undefined && raw > rule.max) {
    issues.constraint(path, `${raw} is greater than the maximum ${rule.max}`);
    return INVALID;
  }
  // Java int and long, as the service deserializes them; JSON numbers past them cannot be stored.
  const outOfRange =
    rule.kind === 'int'
      ? raw < INT_MIN || raw > INT_MAX
      : rule.kind === 'long' && (raw < -LONG_LIMIT || raw >= LONG_LIMIT);
  if (outOfRange) {
    issues.constraint(
      path,
      `${raw} is out of range for a ${rule.kind === 'int' ? '32' : '64'}-bit integer`,
    );
    return INVALID;
  }
  // -0 is zero on the wire; normalising keeps it from leaking into messages or stored values.
  return raw === 0 ? 0 : raw;
}

function readBoolean(raw: unknown, path: string, issues: Issues): Read<boolean> {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'boolean') {
    issues.constraint(path, `expected true or false, got ${jsonType(raw)}`);
    return INVALID;
  }
  return raw;
}

function readRecord(
  raw: unknown,
  path: string,
  issues: Issues,
  what: string,
): Read<Record<string, unknown>> {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) {
    issues.constraint(path, `expected an object (${what}), got ${jsonType(raw)}`);
    return INVALID;
  }
  return raw;
}

function readArray(raw: unknown, path: string, issues: Issues): Read<readonly unknown[]> {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    issues.constraint(path, `expected a list, got ${jsonType(raw)}`);
    return INVALID;
  }
  return raw;
}

/** Reads each element (up to `limit`), skipping nulls with an issue: model lists are not sparse. */
function eachElement(
  list: readonly unknown[],
  path: string,
  issues: Issues,
  visit: (element: unknown, elementPath: string, index: number) => void,
  limit = list.length,
): void {
  const end = Math.min(list.length, limit);
  for (let index = 0; index < end; index += 1) {
    if (issues.full) {
      issues.truncate();
      return;
    }
    const element: unknown = list[index];
    const elementPath = `${path}[${index}]`;
    if (element === null || element === undefined) {
      issues.constraint(elementPath, 'must not be null');
      continue;
    }
    visit(element, elementPath, index);
  }
}

// ---------------------------------------------------------------------------------------------
// Small exported checks (names, tags, dimension and custom-metric inputs)

/** Issues for a value that must be a name: 1–128 of letters, digits, ':', '_', '-'. */
export function validateName(value: unknown, path: string): ValidationIssue[] {
  const issues = new Issues();
  readRequiredString(value, path, issues, NAME_RULE);
  return issues.finish(path);
}

/** Issues for a security profile name (path `securityProfileName`). */
export function validateSecurityProfileName(name: unknown): ValidationIssue[] {
  return validateName(name, 'securityProfileName');
}

/** Issues for a dimension name (DimensionName). */
export function validateDimensionName(name: unknown, path = 'name'): ValidationIssue[] {
  return validateName(name, path);
}

/** Issues for a metric name as the model constrains it (MetricName). */
export function validateMetricName(name: unknown, path = 'metricName'): ValidationIssue[] {
  return validateName(name, path);
}

/** Issues for the name of a new custom metric: a MetricName that does not claim the `aws:` prefix. */
export function validateCustomMetricName(name: unknown, path = 'metricName'): ValidationIssue[] {
  const issues = validateName(name, path);
  if (issues.length === 0 && typeof name === 'string' && name.startsWith(BUILT_IN_METRIC_PREFIX)) {
    return [
      {
        path,
        message: `${show(name)} starts with ${BUILT_IN_METRIC_PREFIX}, which is reserved for built-in metrics`,
        kind: 'semantic',
      },
    ];
  }
  return issues;
}

function collectTags(raw: unknown, path: string, issues: Issues): void {
  const list = readArray(raw, path, issues);
  if (list === undefined || list === INVALID) return;
  eachElement(list, path, issues, (element, elementPath) => {
    const tag = readRecord(element, elementPath, issues, 'a Tag with Key and Value');
    if (tag === undefined || tag === INVALID) return;
    readRequiredString(member(tag, 'Key'), `${elementPath}.Key`, issues, {
      min: 1,
      max: 128,
      pattern: TAG_KEY_PATTERN,
      patternHint: 'letters, digits, spaces and _ . : / = + - @ only',
    });
    readString(member(tag, 'Value'), `${elementPath}.Value`, issues, { max: 256 });
  });
}

/** Issues for a TagList (absent is fine: tags are optional wherever they appear). */
export function validateTags(tags: unknown, path = 'tags'): ValidationIssue[] {
  const issues = new Issues();
  collectTags(tags, path, issues);
  return issues.finish(path);
}

/** Issues for UntagResource's required `tagKeys` list of TagKey. */
export function validateTagKeys(tagKeys: unknown, path = 'tagKeys'): ValidationIssue[] {
  const issues = new Issues();
  if (tagKeys === undefined || tagKeys === null) {
    issues.constraint(path, 'is required');
    return issues.finish(path);
  }
  const list = readArray(tagKeys, path, issues);
  if (list === undefined || list === INVALID) return issues.finish(path);
  eachElement(list, path, issues, (element, elementPath) => {
    readString(element, elementPath, issues, {
      min: 1,
      max: 128,
      pattern: TAG_KEY_PATTERN,
      patternHint: 'letters, digits, spaces and _ . : / = + - @ only',
    });
  });
  return issues.finish(path);
}

/** Issues for a `maxResults` of the List operations: a whole number from 1 to 250. */
export function validateMaxResults(value: unknown, path = 'maxResults'): ValidationIssue[] {
  const issues = new Issues();
  readNumber(value, path, issues, { kind: 'int', min: 1, max: 250, label: 'a whole number' });
  return issues.finish(path);
}

function collectClientRequestToken(raw: unknown, issues: Issues): void {
  readRequiredString(raw, 'clientRequestToken', issues, {
    min: 1,
    max: 64,
    pattern: CLIENT_REQUEST_TOKEN_PATTERN,
    patternHint: "letters, digits, '-' and '_' only",
  });
}

/** Issues for the JSON body of CreateDimension (the name is in the path; validate it separately). */
export function validateCreateDimensionRequest(body: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isRecord(body)) {
    issues.constraint('body', `expected a JSON object, got ${jsonType(body)}`);
    return issues.finish('body');
  }
  const type = member(body, 'type');
  if (type === undefined) issues.constraint('type', 'is required');
  else readEnum(type, 'type', issues, DIMENSION_TYPES);
  collectDimensionStringValues(member(body, 'stringValues'), 'stringValues', issues);
  collectTags(member(body, 'tags'), 'tags', issues);
  collectClientRequestToken(member(body, 'clientRequestToken'), issues);
  return issues.finish('body');
}

function collectDimensionStringValues(raw: unknown, path: string, issues: Issues): void {
  if (raw === undefined) {
    issues.constraint(path, 'is required');
    return;
  }
  const list = readArray(raw, path, issues);
  if (list === undefined || list === INVALID) return;
  if (list.length < 1) issues.constraint(path, 'must hold at least 1 value');
  if (list.length > 100)
    issues.constraint(path, `has ${list.length} values; at most 100 are allowed`);
  eachElement(
    list,
    path,
    issues,
    (element, elementPath) => {
      readString(element, elementPath, issues, { min: 1, max: 256 });
    },
    100,
  );
}

/** Issues for a dimension's `stringValues` (CreateDimension, UpdateDimension). */
export function validateDimensionStringValues(
  stringValues: unknown,
  path = 'stringValues',
): ValidationIssue[] {
  const issues = new Issues();
  collectDimensionStringValues(stringValues, path, issues);
  return issues.finish(path);
}

/** Issues for the JSON body of CreateCustomMetric (the name is in the path; see validateCustomMetricName). */
export function validateCreateCustomMetricRequest(body: unknown): ValidationIssue[] {
  const issues = new Issues();
  if (!isRecord(body)) {
    issues.constraint('body', `expected a JSON object, got ${jsonType(body)}`);
    return issues.finish('body');
  }
  const metricType = member(body, 'metricType');
  if (metricType === undefined) issues.constraint('metricType', 'is required');
  else readEnum(metricType, 'metricType', issues, CUSTOM_METRIC_TYPES);
  collectCustomMetricDisplayName(member(body, 'displayName'), 'displayName', issues);
  collectTags(member(body, 'tags'), 'tags', issues);
  collectClientRequestToken(member(body, 'clientRequestToken'), issues);
  return issues.finish('body');
}

function collectCustomMetricDisplayName(raw: unknown, path: string, issues: Issues): void {
  readString(raw, path, issues, {
    max: 128,
    pattern: PRINTABLE_ASCII_PATTERN,
    patternHint: 'printable ASCII characters and spaces only',
  });
}

/** Issues for a custom metric's `displayName` (CreateCustomMetric, UpdateCustomMetric). */
export function validateCustomMetricDisplayName(
  displayName: unknown,
  path = 'displayName',
): ValidationIssue[] {
  const issues = new Issues();
  collectCustomMetricDisplayName(displayName, path, issues);
  return issues.finish(path);
}

// ---------------------------------------------------------------------------------------------
// Behaviors

type ValueMember = keyof MetricValue;
const VALUE_MEMBERS: readonly ValueMember[] = [
  'count',
  'cidrs',
  'ports',
  'number',
  'numbers',
  'strings',
];

interface ReadValue {
  /** Members present, each read (valid value, INVALID, never undefined). */
  members: Map<ValueMember, unknown>;
  /** Valid CIDR strings (constraint-clean) with their paths, for the CIDR parse. */
  cidrs: { value: string; path: string }[];
}

function readMetricValue(raw: unknown, path: string, issues: Issues): Read<ReadValue> {
  const record = readRecord(raw, path, issues, 'a MetricValue');
  if (record === undefined || record === INVALID) return record;
  const result: ReadValue = { members: new Map(), cidrs: [] };

  const count = readNumber(member(record, 'count'), `${path}.count`, issues, {
    kind: 'long',
    min: 0,
    label: 'a non-negative whole number',
  });
  if (count !== undefined) result.members.set('count', count);

  const number = readNumber(member(record, 'number'), `${path}.number`, issues, { kind: 'double' });
  if (number !== undefined) result.members.set('number', number);

  const lists: [ValueMember, (element: unknown, elementPath: string) => void][] = [
    [
      'cidrs',
      (element, elementPath) => {
        const cidr = readString(element, elementPath, issues, {
          min: 2,
          max: 43,
          pattern: CIDR_PATTERN,
          patternHint: "hex digits, ':', '.' and '/' only",
        });
        if (typeof cidr === 'string') result.cidrs.push({ value: cidr, path: elementPath });
      },
    ],
    [
      'ports',
      (element, elementPath) => {
        readNumber(element, elementPath, issues, {
          kind: 'int',
          min: 0,
          max: 65535,
          label: 'a port number',
        });
      },
    ],
    [
      'numbers',
      (element, elementPath) => {
        readNumber(element, elementPath, issues, { kind: 'double' });
      },
    ],
    [
      'strings',
      (element, elementPath) => {
        readString(element, elementPath, issues);
      },
    ],
  ];
  for (const [name, visit] of lists) {
    const list = readArray(member(record, name), `${path}.${name}`, issues);
    if (list === undefined) continue;
    result.members.set(name, list);
    // Past MAX_VALUE_ELEMENTS the profile is refused by the quota anyway; the tail is not read.
    if (list !== INVALID) eachElement(list, `${path}.${name}`, issues, visit, MAX_VALUE_ELEMENTS);
  }
  return result;
}

/** How many value elements one MetricValue holds: count/number 1 each, every list element 1. */
function valueElementsOf(value: unknown): number {
  if (!isRecord(value)) return 0;
  let total = 0;
  if (member(value, 'count') !== undefined) total += 1;
  if (member(value, 'number') !== undefined) total += 1;
  for (const name of ['cidrs', 'ports', 'numbers', 'strings'] as const) {
    const list = member(value, name);
    if (Array.isArray(list)) total += list.length;
  }
  return total;
}

/**
 * The value elements the behaviors hold, as AWS's per-profile quota counts them: each `count` and
 * `number` is 1, each CIDR, port, number and string is 1.
 */
export function countValueElements(behaviors: readonly Behavior[]): number {
  let total = 0;
  for (const behavior of behaviors) total += valueElementsOf(behavior.criteria?.value);
  return total;
}

interface ReadDimension {
  dimensionName: Read<string>;
}

function readMetricDimension(raw: unknown, path: string, issues: Issues): Read<ReadDimension> {
  const record = readRecord(raw, path, issues, 'a MetricDimension with dimensionName');
  if (record === undefined || record === INVALID) return record;
  const dimensionName = readRequiredString(
    member(record, 'dimensionName'),
    `${path}.dimensionName`,
    issues,
    NAME_RULE,
  );
  readEnum(member(record, 'operator'), `${path}.operator`, issues, DIMENSION_VALUE_OPERATORS);
  return { dimensionName };
}

interface ReadCriteria {
  comparisonOperator: Read<ComparisonOperator>;
  value: Read<ReadValue>;
  durationSeconds: Read<number>;
  statisticalThreshold: Read<{ statistic: Read<string> }>;
  mlDetectionConfig: Read<Record<string, unknown>>;
}

function readCriteria(raw: unknown, path: string, issues: Issues): Read<ReadCriteria> {
  const record = readRecord(raw, path, issues, 'a BehaviorCriteria');
  if (record === undefined || record === INVALID) return record;
  const comparisonOperator = readEnum(
    member(record, 'comparisonOperator'),
    `${path}.comparisonOperator`,
    issues,
    COMPARISON_OPERATORS,
  );
  const value = readMetricValue(member(record, 'value'), `${path}.value`, issues);
  const durationSeconds = readNumber(
    member(record, 'durationSeconds'),
    `${path}.durationSeconds`,
    issues,
    { kind: 'int', label: 'a whole number of seconds' },
  );
  for (const key of ['consecutiveDatapointsToAlarm', 'consecutiveDatapointsToClear'] as const) {
    readNumber(member(record, key), `${path}.${key}`, issues, {
      kind: 'int',
      min: 1,
      max: 10,
      label: 'a whole number from 1 to 10',
    });
  }

  let statisticalThreshold: ReadCriteria['statisticalThreshold'];
  const thresholdPath = `${path}.statisticalThreshold`;
  const threshold = readRecord(
    member(record, 'statisticalThreshold'),
    thresholdPath,
    issues,
    'a StatisticalThreshold with statistic',
  );
  if (threshold === undefined || threshold === INVALID) statisticalThreshold = threshold;
  else {
    // The model gives `statistic` a pattern, not an enum; anchored, it admits exactly these.
    statisticalThreshold = {
      statistic: readEnum(
        member(threshold, 'statistic'),
        `${thresholdPath}.statistic`,
        issues,
        STATISTICS,
      ),
    };
  }

  const mlPath = `${path}.mlDetectionConfig`;
  const mlDetectionConfig = readRecord(
    member(record, 'mlDetectionConfig'),
    mlPath,
    issues,
    'a MachineLearningDetectionConfig with confidenceLevel',
  );
  if (isRecord(mlDetectionConfig)) {
    const confidence = member(mlDetectionConfig, 'confidenceLevel');
    if (confidence === undefined) issues.constraint(`${mlPath}.confidenceLevel`, 'is required');
    else readEnum(confidence, `${mlPath}.confidenceLevel`, issues, CONFIDENCE_LEVELS);
  }

  return { comparisonOperator, value, durationSeconds, statisticalThreshold, mlDetectionConfig };
}

const TOPIC_FILTER_METRICS = BUILT_IN_METRICS.filter((m) => m.dimension).map((m) => m.name);
const ML_DIMENSION_METRICS = BUILT_IN_METRICS.filter((m) => m.mlDimension).map((m) => m.name);

/** The semantic part of a metric + dimension pair, shared by Behavior and MetricToRetain. */
function checkMetricAndDimension(
  metricRaw: Read<string>,
  dimension: Read<ReadDimension>,
  path: string,
  ctx: ValidationContext,
  issues: Issues,
  required: 'semantic' | 'none',
): MetricDefinition | undefined {
  let metric: MetricDefinition | undefined;
  const metricPath = `${path}.metric`;
  if (metricRaw === undefined || metricRaw === '') {
    if (required === 'semantic') {
      issues.semantic(
        metricPath,
        'is required; name a built-in aws: metric or one of your custom metrics',
      );
    }
  } else if (metricRaw !== INVALID) {
    metric = resolveMetric(metricRaw, ctx.customMetrics);
    if (metric === undefined) {
      issues.semantic(
        metricPath,
        metricRaw.startsWith(BUILT_IN_METRIC_PREFIX)
          ? `${show(metricRaw)} is not a Device Defender built-in metric`
          : `no custom metric named ${show(metricRaw)} exists; create it (CreateCustomMetric) before using it`,
      );
    }
  }

  if (dimension === undefined || dimension === INVALID) return metric;
  const dimensionPath = `${path}.metricDimension`;
  if (metric?.side === 'custom') {
    issues.semantic(
      dimensionPath,
      `${metric.name} is a custom metric, and custom metrics take no dimension`,
    );
    return metric;
  }
  if (metric !== undefined && !metric.dimension) {
    issues.semantic(
      dimensionPath,
      `${metric.name} takes no dimension; a TOPIC_FILTER dimension applies only to ${joinWithOr(TOPIC_FILTER_METRICS)}`,
    );
    return metric;
  }
  const name = dimension.dimensionName;
  if (typeof name === 'string' && !ctx.dimensions.has(name)) {
    issues.semantic(
      `${dimensionPath}.dimensionName`,
      `no dimension named ${show(name)} exists; create it (CreateDimension) before using it`,
    );
  }
  return metric;
}

function checkOperatorFits(
  operator: ComparisonOperator,
  metric: MetricDefinition,
  path: string,
  issues: Issues,
): void {
  if (metric.operators.includes(operator)) return;
  issues.semantic(
    path,
    `${operator} does not apply to ${metric.name}, ${describeValueType(metric)}; use ${joinWithOr(metric.operators)}`,
  );
}

function checkStaticValue(
  value: ReadValue,
  metric: MetricDefinition,
  path: string,
  issues: Issues,
): void {
  const expected = metric.valueMember;
  let foreign = false;
  for (const name of VALUE_MEMBERS) {
    if (name === expected || !value.members.has(name)) continue;
    foreign = true;
    issues.semantic(
      `${path}.${name}`,
      `${metric.name}, ${describeValueType(metric)}, compares against value.${expected}; value.${name} does not apply`,
    );
  }
  if (!value.members.has(expected) && !foreign) {
    issues.semantic(path, `value.${expected} is required for ${metric.name}`);
  }
  if (expected === 'cidrs') {
    for (const cidr of value.cidrs) {
      const problem = cidrProblem(cidr.value);
      if (problem !== undefined) issues.semantic(cidr.path, problem);
    }
  }
}

/** Why a string is not an IPv4/IPv6 CIDR block, or undefined when it is one. */
export function cidrProblem(cidr: string): string | undefined {
  const slash = cidr.lastIndexOf('/');
  if (slash < 0) {
    return `${show(cidr)} has no prefix length; write address/prefix, e.g. ${cidr}/${cidr.includes(':') ? 128 : 32}`;
  }
  const address = cidr.slice(0, slash);
  const prefixText = cidr.slice(slash + 1);
  const isV6 = address.includes(':');
  const maxPrefix = isV6 ? 128 : 32;
  const addressOk = isV6
    ? ipaddr.IPv6.isValid(address)
    : ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!addressOk) {
    return `${show(cidr)} is not a CIDR block: ${show(address)} is not an ${isV6 ? 'IPv6' : 'IPv4'} address`;
  }
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > maxPrefix) {
    return `${show(cidr)} is not a CIDR block: an ${isV6 ? 'IPv6' : 'IPv4'} prefix length is 0 to ${maxPrefix}`;
  }
  return undefined;
}

function checkDuration(
  duration: number,
  metric: MetricDefinition,
  path: string,
  issues: Issues,
): void {
  if (metric.durations.length === 0) {
    issues.semantic(path, `${metric.name} is a list metric and takes no duration`);
  } else if (!metric.durations.includes(duration)) {
    issues.semantic(
      path,
      `${duration} is not a duration ${metric.name} accepts; use ${joinWithOr(metric.durations.map(String))} seconds`,
    );
  }
}

function checkDetection(
  criteria: Read<ReadCriteria>,
  metric: MetricDefinition | undefined,
  dimension: Read<ReadDimension>,
  path: string,
  issues: Issues,
): void {
  const criteriaPath = `${path}.criteria`;
  if (criteria === INVALID) return;
  if (criteria === undefined) {
    issues.semantic(
      criteriaPath,
      'is required; give a comparisonOperator with a value (static threshold), a comparisonOperator with a statisticalThreshold, or an mlDetectionConfig',
    );
    return;
  }
  const { comparisonOperator, value, durationSeconds, statisticalThreshold, mlDetectionConfig } =
    criteria;

  if (mlDetectionConfig !== undefined) {
    const extra: [string, unknown][] = [
      ['comparisonOperator', comparisonOperator],
      ['value', value],
      ['durationSeconds', durationSeconds],
      ['statisticalThreshold', statisticalThreshold],
    ];
    for (const [name, present] of extra) {
      if (present === undefined) continue;
      issues.semantic(
        `${criteriaPath}.${name}`,
        `an ML Detect behavior takes no ${name}; ML Detect learns the threshold itself (only consecutiveDatapointsToAlarm and consecutiveDatapointsToClear go with mlDetectionConfig)`,
      );
    }
    if (metric !== undefined && !metric.ml) {
      issues.semantic(
        `${criteriaPath}.mlDetectionConfig`,
        `${metric.name} does not support ML Detect; ML Detect works on number metrics only`,
      );
    } else if (
      metric?.dimension === true &&
      !metric.mlDimension &&
      dimension !== undefined &&
      dimension !== INVALID
    ) {
      issues.semantic(
        `${path}.metricDimension`,
        `ML Detect with a dimension works only on ${joinWithOr(ML_DIMENSION_METRICS)}`,
      );
    }
    return;
  }

  const operatorPath = `${criteriaPath}.comparisonOperator`;
  if (statisticalThreshold !== undefined) {
    const thresholdPath = `${criteriaPath}.statisticalThreshold`;
    if (value !== undefined) {
      issues.semantic(
        `${criteriaPath}.value`,
        'a statistical behavior takes no value: the percentile of all devices is the threshold; remove value or statisticalThreshold',
      );
    }
    if (comparisonOperator === undefined) {
      issues.semantic(operatorPath, 'is required with a statisticalThreshold');
    }
    if (statisticalThreshold !== INVALID && statisticalThreshold.statistic === undefined) {
      issues.semantic(
        `${thresholdPath}.statistic`,
        `is required; name the percentile: ${joinWithOr(STATISTICS)}`,
      );
    }
    if (metric === undefined) return;
    if (!metric.statistical) {
      issues.semantic(
        thresholdPath,
        `${metric.name} does not support statistical thresholds; they apply to number metrics only`,
      );
    } else if (comparisonOperator !== undefined && comparisonOperator !== INVALID) {
      checkOperatorFits(comparisonOperator, metric, operatorPath, issues);
    }
    if (typeof durationSeconds === 'number' && metric.statistical) {
      checkDuration(durationSeconds, metric, `${criteriaPath}.durationSeconds`, issues);
    }
    return;
  }

  if (comparisonOperator === undefined && value === undefined) {
    issues.semantic(
      criteriaPath,
      'has no detection: give a comparisonOperator with a value (static threshold), a comparisonOperator with a statisticalThreshold, or an mlDetectionConfig',
    );
    return;
  }
  if (comparisonOperator === undefined) {
    issues.semantic(operatorPath, 'is required with a value');
  }
  if (value === undefined) {
    issues.semantic(
      `${criteriaPath}.value`,
      metric === undefined
        ? 'is required with a comparisonOperator'
        : `is required with a comparisonOperator: give value.${metric.valueMember}`,
    );
  }
  if (metric === undefined) return;
  if (comparisonOperator !== undefined && comparisonOperator !== INVALID) {
    checkOperatorFits(comparisonOperator, metric, operatorPath, issues);
  }
  if (value !== undefined && value !== INVALID) {
    checkStaticValue(value, metric, `${criteriaPath}.value`, issues);
  }
  if (typeof durationSeconds === 'number') {
    checkDuration(durationSeconds, metric, `${criteriaPath}.durationSeconds`, issues);
  }
}

function collectBehavior(
  raw: unknown,
  path: string,
  ctx: ValidationContext,
  issues: Issues,
): Read<string> {
  const record = readRecord(raw, path, issues, 'a Behavior');
  if (record === undefined || record === INVALID) return INVALID;
  const name = readRequiredString(member(record, 'name'), `${path}.name`, issues, NAME_RULE);
  const metricRaw = readString(member(record, 'metric'), `${path}.metric`, issues);
  const dimension = readMetricDimension(
    member(record, 'metricDimension'),
    `${path}.metricDimension`,
    issues,
  );
  const criteria = readCriteria(member(record, 'criteria'), `${path}.criteria`, issues);
  readBoolean(member(record, 'suppressAlerts'), `${path}.suppressAlerts`, issues);
  readBoolean(member(record, 'exportMetric'), `${path}.exportMetric`, issues);

  const metric = checkMetricAndDimension(metricRaw, dimension, path, ctx, issues, 'semantic');
  checkDetection(criteria, metric, dimension, path, issues);
  return name;
}

function collectBehaviors(
  raw: unknown,
  path: string,
  ctx: ValidationContext,
  issues: Issues,
): void {
  if (raw === undefined || raw === null) {
    issues.constraint(path, 'is required');
    return;
  }
  const list = readArray(raw, path, issues);
  if (list === undefined || list === INVALID) return;
  if (list.length > MAX_BEHAVIORS) {
    issues.constraint(
      path,
      `has ${list.length} behaviors; a security profile allows at most ${MAX_BEHAVIORS}`,
    );
  }
  const firstByName = new Map<string, string>();
  let elements = 0;
  // Past MAX_BEHAVIORS the request is refused whatever the rest holds; the tail is not read.
  eachElement(
    list,
    path,
    issues,
    (element, elementPath) => {
      const name = collectBehavior(element, elementPath, ctx, issues);
      if (typeof name === 'string') {
        const first = firstByName.get(name);
        if (first === undefined) firstByName.set(name, elementPath);
        else {
          issues.semantic(
            `${elementPath}.name`,
            `${show(name)} is already the name of ${first}; behavior names must be unique within a profile`,
          );
        }
      }
      if (isRecord(element)) {
        const criteria = member(element, 'criteria');
        if (isRecord(criteria)) elements += valueElementsOf(member(criteria, 'value'));
      }
    },
    MAX_BEHAVIORS,
  );
  if (elements > MAX_VALUE_ELEMENTS) {
    issues.semantic(
      path,
      `the behaviors hold ${elements} value elements; a security profile allows at most ${MAX_VALUE_ELEMENTS} (each count or number is 1, each CIDR, port, number or string is 1)`,
    );
  }
}

/**
 * Issues for a `behaviors` list (required here: ValidateSecurityProfileBehaviors needs it; Create
 * and Update call this only when the member is present). Paths start with `path`.
 */
export function validateBehaviors(
  behaviors: unknown,
  ctx: ValidationContext,
  path = 'behaviors',
): ValidationIssue[] {
  const issues = new Issues();
  collectBehaviors(behaviors, path, ctx, issues);
  return issues.finish(path);
}

// ---------------------------------------------------------------------------------------------
// Profile-level members

function collectDescription(raw: unknown, issues: Issues): void {
  readString(raw, 'securityProfileDescription', issues, {
    max: DESCRIPTION_MAX_LENGTH,
    pattern: PRINTABLE_ASCII_PATTERN,
    patternHint: 'printable ASCII characters and spaces only; no line breaks or accented letters',
  });
}

function collectRoleArn(raw: unknown, path: string, issues: Issues): void {
  readRequiredString(raw, path, issues, ROLE_ARN);
}

function collectAlertTargets(raw: unknown, issues: Issues): void {
  const path = 'alertTargets';
  const map = readRecord(raw, path, issues, 'a map from alert target type to AlertTarget');
  if (map === undefined || map === INVALID) return;
  for (const key of Object.keys(map)) {
    if (issues.full) {
      issues.truncate();
      return;
    }
    const entryPath = pathKey(path, key);
    if (!ALERT_TARGET_TYPES.some((type) => type === key)) {
      issues.constraint(
        entryPath,
        `${show(key)} is not an alert target type; the only type is ${joinWithOr(ALERT_TARGET_TYPES)}`,
      );
      continue;
    }
    const target = member(map, key);
    if (target === undefined) {
      issues.constraint(entryPath, 'must not be null');
      continue;
    }
    const record = readRecord(
      target,
      entryPath,
      issues,
      'an AlertTarget with alertTargetArn and roleArn',
    );
    if (record === undefined || record === INVALID) continue;
    readRequiredString(member(record, 'alertTargetArn'), `${entryPath}.alertTargetArn`, issues);
    collectRoleArn(member(record, 'roleArn'), `${entryPath}.roleArn`, issues);
  }
}

function collectMetricsToRetain(raw: unknown, ctx: ValidationContext, issues: Issues): void {
  const path = 'additionalMetricsToRetain';
  const list = readArray(raw, path, issues);
  if (list === undefined || list === INVALID) return;
  eachElement(list, path, issues, (element, elementPath) => {
    const name = readString(element, elementPath, issues);
    if (typeof name !== 'string') return;
    if (resolveMetric(name, ctx.customMetrics) === undefined) {
      issues.semantic(
        elementPath,
        name.startsWith(BUILT_IN_METRIC_PREFIX)
          ? `${show(name)} is not a Device Defender built-in metric`
          : `no custom metric named ${show(name)} exists; create it (CreateCustomMetric) before using it`,
      );
    }
  });
}

function collectMetricsToRetainV2(raw: unknown, ctx: ValidationContext, issues: Issues): void {
  const path = 'additionalMetricsToRetainV2';
  const list = readArray(raw, path, issues);
  if (list === undefined || list === INVALID) return;
  eachElement(list, path, issues, (element, elementPath) => {
    const record = readRecord(element, elementPath, issues, 'a MetricToRetain with metric');
    if (record === undefined || record === INVALID) return;
    const metric = readRequiredString(member(record, 'metric'), `${elementPath}.metric`, issues);
    const dimension = readMetricDimension(
      member(record, 'metricDimension'),
      `${elementPath}.metricDimension`,
      issues,
    );
    readBoolean(member(record, 'exportMetric'), `${elementPath}.exportMetric`, issues);
    checkMetricAndDimension(metric, dimension, elementPath, ctx, issues, 'none');
  });
}

function collectMetricsExportConfig(raw: unknown, issues: Issues): void {
  const path = 'metricsExportConfig';
  const record = readRecord(raw, path, issues, 'a MetricsExportConfig with mqttTopic and roleArn');
  if (record === undefined || record === INVALID) return;
  readRequiredString(member(record, 'mqttTopic'), `${path}.mqttTopic`, issues, {
    min: 1,
    max: 512,
  });
  collectRoleArn(member(record, 'roleArn'), `${path}.roleArn`, issues);
}

function collectProfileFields(
  body: Record<string, unknown>,
  ctx: ValidationContext,
  issues: Issues,
): void {
  collectDescription(member(body, 'securityProfileDescription'), issues);
  const behaviors = member(body, 'behaviors');
  if (behaviors !== undefined) collectBehaviors(behaviors, 'behaviors', ctx, issues);
  collectAlertTargets(member(body, 'alertTargets'), issues);
  collectMetricsToRetain(member(body, 'additionalMetricsToRetain'), ctx, issues);
  collectMetricsToRetainV2(member(body, 'additionalMetricsToRetainV2'), ctx, issues);
  collectMetricsExportConfig(member(body, 'metricsExportConfig'), issues);
}

/** Issues for the JSON body of CreateSecurityProfile (the name travels in the path). */
export function validateCreateRequest(body: unknown, ctx: ValidationContext): ValidationIssue[] {
  const issues = new Issues();
  if (!isRecord(body)) {
    issues.constraint('body', `expected a JSON object, got ${jsonType(body)}`);
    return issues.finish('body');
  }
  collectProfileFields(body, ctx, issues);
  collectTags(member(body, 'tags'), 'tags', issues);
  return issues.finish('body');
}

/**
 * Issues for the JSON body of UpdateSecurityProfile (name and expectedVersion travel in the path
 * and query string). A delete flag set to true conflicts with its own list in the same call, even
 * an empty one: "If any behaviors are defined in the current invocation, an exception occurs",
 * and AWS's own CloudFormation handler sends the flag with the list left out, never with `[]`.
 */
export function validateUpdateRequest(body: unknown, ctx: ValidationContext): ValidationIssue[] {
  const issues = new Issues();
  if (!isRecord(body)) {
    issues.constraint('body', `expected a JSON object, got ${jsonType(body)}`);
    return issues.finish('body');
  }
  const flags = {
    deleteBehaviors: readBoolean(member(body, 'deleteBehaviors'), 'deleteBehaviors', issues),
    deleteAlertTargets: readBoolean(
      member(body, 'deleteAlertTargets'),
      'deleteAlertTargets',
      issues,
    ),
    deleteAdditionalMetricsToRetain: readBoolean(
      member(body, 'deleteAdditionalMetricsToRetain'),
      'deleteAdditionalMetricsToRetain',
      issues,
    ),
    deleteMetricsExportConfig: readBoolean(
      member(body, 'deleteMetricsExportConfig'),
      'deleteMetricsExportConfig',
      issues,
    ),
  };
  const conflicts: [keyof typeof flags, string][] = [
    ['deleteBehaviors', 'behaviors'],
    ['deleteAlertTargets', 'alertTargets'],
    ['deleteAdditionalMetricsToRetain', 'additionalMetricsToRetain'],
    ['deleteAdditionalMetricsToRetain', 'additionalMetricsToRetainV2'],
  ];
  for (const [flag, list] of conflicts) {
    if (flags[flag] === true && member(body, list) !== undefined) {
      issues.constraint(
        flag,
        `cannot be true in the same call as ${list}; send ${flag} alone to remove them, or send ${list} alone to replace them`,
      );
    }
  }
  collectProfileFields(body, ctx, issues);
  return issues.finish('body');
}
