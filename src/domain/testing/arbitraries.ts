/**
 * fast-check generators for security-profile requests: valid ones, drawn from everything the
 * service model and the documented rules allow, and mutations of valid ones that break exactly one
 * rule, each naming the request path the validator must point at. Shared by the domain property
 * tests and the local endpoint's fuzz suite, so both attack with the same picture of "valid".
 */

import * as fc from 'fast-check';
import {
  BUILT_IN_METRICS,
  COUNT_DURATIONS,
  type MetricDefinition,
  resolveMetric,
} from '../metric-catalogue';
import {
  COMPARISON_OPERATORS,
  CONFIDENCE_LEVELS,
  CUSTOM_METRIC_TYPES,
  DIMENSION_VALUE_OPERATORS,
  STATISTICS,
  type CustomMetricType,
} from '../security-profile';
import type { ValidationContext } from '../validation';

/** A JSON value as a request body holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

const NAME_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:_-';

/** Names as the model allows them (1–128 of letters, digits, ':', '_', '-'), short ones favoured. */
export function nameArb(): fc.Arbitrary<string> {
  const unit = fc.constantFrom(...NAME_ALPHABET);
  return fc.oneof(
    { arbitrary: fc.string({ unit, minLength: 1, maxLength: 24 }), weight: 8 },
    { arbitrary: fc.string({ unit, minLength: 100, maxLength: 128 }), weight: 1 },
    { arbitrary: fc.constant('x'.repeat(128)), weight: 1 },
  );
}

/** A name the model allows that does not claim the built-in `aws:` prefix. */
export function customNameArb(): fc.Arbitrary<string> {
  return nameArb().filter((name) => !name.startsWith('aws:'));
}

/** An account: custom metrics of all four types (at least one each) and 1–10 dimensions. */
export function validationContextArb(): fc.Arbitrary<ValidationContext> {
  return fc
    .record({
      metricNames: fc.uniqueArray(customNameArb(), { minLength: 4, maxLength: 10 }),
      extraTypes: fc.array(fc.constantFrom(...CUSTOM_METRIC_TYPES), {
        minLength: 6,
        maxLength: 6,
      }),
      dimensions: fc.uniqueArray(nameArb(), { minLength: 1, maxLength: 10 }),
    })
    .map(({ metricNames, extraTypes, dimensions }) => {
      const types: CustomMetricType[] = [...CUSTOM_METRIC_TYPES, ...extraTypes];
      return {
        customMetrics: new Map(
          metricNames.map((name, index) => [name, types[index] ?? 'number'] as const),
        ),
        dimensions: new Set(dimensions),
      };
    });
}

/** Every metric a behavior in this account may name: the built-ins and the custom metrics. */
export function metricsOf(ctx: ValidationContext): MetricDefinition[] {
  const custom = [...ctx.customMetrics.keys()]
    .map((name) => resolveMetric(name, ctx.customMetrics))
    .filter((metric): metric is MetricDefinition => metric !== undefined);
  return [...BUILT_IN_METRICS, ...custom];
}

/**
 * Strings of `min`–`max` characters made by repeating a short generated stem: long strings drawn
 * character by character make generation, not validation, the cost of a property.
 */
export function longStringArb(
  stem: fc.Arbitrary<string>,
  min: number,
  max: number,
): fc.Arbitrary<string> {
  return fc
    .tuple(
      stem.filter((text) => text.length > 0),
      fc.integer({ min, max }),
    )
    .map(([text, length]) =>
      [...text.repeat(Math.ceil(length / text.length) + 1)].slice(0, length).join(''),
    );
}

/** Printable ASCII and space, as SecurityProfileDescription's pattern allows, up to `max`. */
export function printableAsciiArb(max: number): fc.Arbitrary<string> {
  const unit = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
  return fc.oneof(
    { arbitrary: fc.string({ unit, maxLength: Math.min(max, 40) }), weight: 6 },
    {
      arbitrary: longStringArb(
        fc.string({ unit, minLength: 1, maxLength: 16 }),
        Math.max(0, max - 5),
        max,
      ),
      weight: 1,
    },
  );
}

/** IPv4 or IPv6 CIDR blocks that parse, within the model's 2–43 characters. */
export function cidrArb(): fc.Arbitrary<string> {
  const v4 = fc
    .tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 }))
    .map(([address, prefix]) => `${address}/${prefix}`);
  const v6 = fc
    .tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 }))
    .map(([address, prefix]) => `${address}/${prefix}`)
    .filter((cidr) => cidr.length <= 43);
  return fc.oneof(
    v4,
    v6,
    fc.constantFrom('0.0.0.0/0', '::/0', '255.255.255.255/32', 'ffff:ffff:ffff:ffff:ffff::/128'),
  );
}

/** Finite doubles, -0 and the extremes included. */
export function doubleArb(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e308),
  );
}

/** Counts a Java long holds: non-negative whole numbers below 2^63 (doubles, as JSON gives them). */
export function countArb(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.nat({ max: 1_000_000 }),
    fc.maxSafeNat(),
    // The largest double below 2^63 and other exact large values.
    fc.constantFrom(0, 2 ** 53, 2 ** 62, 2 ** 63 - 1024),
  );
}

/** Strings of any Unicode code points (a string-list value element has no constraint). */
export function anyStringArb(maxLength = 24): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
  );
}

/** The most value elements one generated behavior holds, so 100 of them stay within the quota. */
export const MAX_GENERATED_LIST = 9;

/** A MetricValue with only `member` set, valid for it. */
export function metricValueArb(
  member: MetricDefinition['valueMember'],
  maxList = MAX_GENERATED_LIST,
): fc.Arbitrary<JsonObject> {
  const list = <T extends Json>(element: fc.Arbitrary<T>) =>
    fc.array(element, { minLength: 0, maxLength: maxList });
  switch (member) {
    case 'count':
      return countArb().map((count) => ({ count }));
    case 'number':
      return doubleArb().map((number) => ({ number }));
    case 'cidrs':
      return list(cidrArb()).map((cidrs) => ({ cidrs }));
    case 'ports':
      return list(fc.integer({ min: 0, max: 65535 })).map((ports) => ({ ports }));
    case 'numbers':
      return list(doubleArb()).map((numbers) => ({ numbers }));
    case 'strings':
      return list(anyStringArb()).map((strings) => ({ strings }));
  }
}

/** How a behavior detects: a static threshold, a percentile of all devices, or ML Detect. */
export type Detection = 'static' | 'statistical' | 'ml';

/** The detection types the metric supports. */
export function detectionsOf(metric: MetricDefinition): Detection[] {
  return [
    'static',
    ...(metric.statistical ? (['statistical'] as const) : []),
    ...(metric.ml ? (['ml'] as const) : []),
  ];
}

/** Keeps the members whose value is not undefined (fc.option gives undefined for "left out"). */
function defined(record: Record<string, Json | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

function optional<T extends Json>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

function criteriaArb(metric: MetricDefinition, detection: Detection): fc.Arbitrary<JsonObject> {
  const datapoints = {
    consecutiveDatapointsToAlarm: optional(fc.integer({ min: 1, max: 10 })),
    consecutiveDatapointsToClear: optional(fc.integer({ min: 1, max: 10 })),
  };
  const duration =
    metric.durations.length > 0
      ? optional(fc.constantFrom(...metric.durations))
      : fc.constant(undefined);
  switch (detection) {
    case 'static':
      return fc
        .record({
          comparisonOperator: fc.constantFrom(...metric.operators),
          value: metricValueArb(metric.valueMember),
          durationSeconds: duration,
          ...datapoints,
        })
        .map(defined);
    case 'statistical':
      return fc
        .record({
          comparisonOperator: fc.constantFrom(...metric.operators),
          statisticalThreshold: fc.constantFrom(...STATISTICS).map((statistic) => ({ statistic })),
          durationSeconds: duration,
          ...datapoints,
        })
        .map(defined);
    case 'ml':
      return fc
        .record({
          mlDetectionConfig: fc
            .constantFrom(...CONFIDENCE_LEVELS)
            .map((confidenceLevel) => ({ confidenceLevel })),
          ...datapoints,
        })
        .map(defined);
  }
}

/** What a generated behavior is made of, for generators that need a particular kind. */
export interface BehaviorShape {
  metric?: MetricDefinition;
  detection?: Detection;
  /** Whether to give it a dimension (only where the metric and detection allow one). */
  dimension?: boolean;
}

/** One valid behavior named `name` for this account; `shape` pins metric, detection or dimension. */
export function validBehaviorArb(
  ctx: ValidationContext,
  name: fc.Arbitrary<string>,
  shape: BehaviorShape = {},
): fc.Arbitrary<JsonObject> {
  const metricArb =
    shape.metric !== undefined ? fc.constant(shape.metric) : fc.constantFrom(...metricsOf(ctx));
  const dimensions = [...ctx.dimensions];
  return metricArb.chain((metric) => {
    const detections = detectionsOf(metric);
    const detectionArb =
      shape.detection !== undefined ? fc.constant(shape.detection) : fc.constantFrom(...detections);
    return detectionArb.chain((detection) => {
      const canDimension =
        metric.dimension && dimensions.length > 0 && (detection !== 'ml' || metric.mlDimension);
      const dimensionArb: fc.Arbitrary<Json | undefined> =
        canDimension && shape.dimension !== false
          ? (shape.dimension === true ? fc.constant(true) : fc.boolean()).chain((give) =>
              give
                ? fc
                    .record({
                      dimensionName: fc.constantFrom(...dimensions),
                      operator: optional(fc.constantFrom(...DIMENSION_VALUE_OPERATORS)),
                    })
                    .map(defined)
                : fc.constant(undefined),
            )
          : fc.constant(undefined);
      return fc
        .record({
          name,
          metric: fc.constant(metric.name),
          metricDimension: dimensionArb,
          criteria: criteriaArb(metric, detection),
          suppressAlerts: optional(fc.boolean()),
          exportMetric: optional(fc.boolean()),
        })
        .map(defined);
    });
  });
}

/** A valid behaviors list of `minLength`–`maxLength` behaviors with unique names. */
export function validBehaviorsArb(
  ctx: ValidationContext,
  { minLength = 0, maxLength = 100 }: { minLength?: number; maxLength?: number } = {},
): fc.Arbitrary<JsonObject[]> {
  const sized = (min: number, max: number, size: fc.SizeForArbitrary) =>
    fc
      .uniqueArray(nameArb(), { minLength: min, maxLength: max, size })
      .chain((names) => fc.tuple(...names.map((name) => validBehaviorArb(ctx, fc.constant(name)))));
  const smallMax = Math.min(maxLength, Math.max(minLength, 8));
  return fc.oneof(
    { arbitrary: sized(minLength, smallMax, 'small'), weight: 6 },
    { arbitrary: sized(Math.max(minLength, maxLength - 10), maxLength, 'max'), weight: 1 },
  );
}

const TAG_KEY_UNITS = [
  ...'abcXYZ019_.:/=+-@ ',
  '\u00e9', // é, a letter
  '\u0436', // ж
  '\u65e5', // 日
  '\u00a0', // no-break space, a space separator
  '\u0663', // Arabic-Indic digit three, a number
  '\u{1d49c}', // mathematical script A, an astral letter
];

/** A valid Tag: Key 1–128 of letters, spaces, numbers and `_.:/=+-@`; Value up to 256. */
export function tagArb(): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      Key: fc.string({ unit: fc.constantFrom(...TAG_KEY_UNITS), minLength: 1, maxLength: 128 }),
      Value: optional(anyStringArb(256)),
    })
    .map(defined);
}

/** A role ARN as the model allows it: any 20–2048 characters, realistic ones favoured. */
export function roleArnArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant('arn:aws:iam::123456789012:role/DeviceDefenderAlerts'), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 20, maxLength: 64 }), weight: 2 },
    {
      arbitrary: longStringArb(fc.string({ unit: 'binary', maxLength: 8 }), 2040, 2048),
      weight: 1,
    },
  );
}

function metricToRetainV2Arb(ctx: ValidationContext): fc.Arbitrary<JsonObject> {
  const dimensions = [...ctx.dimensions];
  return fc.constantFrom(...metricsOf(ctx)).chain((metric) =>
    fc
      .record({
        metric: fc.constant(metric.name),
        metricDimension:
          metric.dimension && dimensions.length > 0
            ? optional(
                fc
                  .record({
                    dimensionName: fc.constantFrom(...dimensions),
                    operator: optional(fc.constantFrom(...DIMENSION_VALUE_OPERATORS)),
                  })
                  .map(defined),
              )
            : fc.constant(undefined),
        exportMetric: optional(fc.boolean()),
      })
      .map(defined),
  );
}

/** The profile members Create and Update share, all valid for this account. */
export function validProfileFieldsArb(
  ctx: ValidationContext,
  { maxBehaviors = 100 }: { maxBehaviors?: number } = {},
): fc.Arbitrary<JsonObject> {
  const metricNames = metricsOf(ctx).map((metric) => metric.name);
  return fc
    .record({
      securityProfileDescription: optional(printableAsciiArb(1000)),
      behaviors: optional(validBehaviorsArb(ctx, { maxLength: maxBehaviors })),
      alertTargets: optional(
        fc.record({
          SNS: fc.record({
            alertTargetArn: fc.oneof(
              fc.constant('arn:aws:sns:us-east-1:123456789012:dd-alerts'),
              anyStringArb(),
            ),
            roleArn: roleArnArb(),
          }),
        }),
      ),
      additionalMetricsToRetain: optional(
        fc.array(fc.constantFrom(...metricNames), { maxLength: 5 }),
      ),
      additionalMetricsToRetainV2: optional(fc.array(metricToRetainV2Arb(ctx), { maxLength: 5 })),
      metricsExportConfig: optional(
        fc.record({
          mqttTopic: fc.oneof(
            fc.constant('$aws/rules/export_rule'),
            fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
            longStringArb(fc.string({ unit: 'binary', maxLength: 8 }), 505, 512),
          ),
          roleArn: roleArnArb(),
        }),
      ),
    })
    .map(defined);
}

/** A valid CreateSecurityProfile body (the name travels in the path). */
export function validCreateRequestArb(
  ctx: ValidationContext,
  options: { maxBehaviors?: number } = {},
): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(
      validProfileFieldsArb(ctx, options),
      optional(fc.uniqueArray(tagArb(), { maxLength: 8, selector: (tag) => tag['Key'] })),
    )
    .map(([fields, tags]) => (tags === undefined ? fields : { ...fields, tags }));
}

/** A valid UpdateSecurityProfile body: new members, plus delete flags that do not clash with them. */
export function validUpdateRequestArb(ctx: ValidationContext): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(
      validProfileFieldsArb(ctx),
      fc.record({
        deleteBehaviors: optional(fc.boolean()),
        deleteAlertTargets: optional(fc.boolean()),
        deleteAdditionalMetricsToRetain: optional(fc.boolean()),
        deleteMetricsExportConfig: optional(fc.boolean()),
      }),
    )
    .map(([fields, flags]) => {
      const body: JsonObject = { ...fields };
      const clashes = (list: string[]) => list.some((name) => fields[name] !== undefined);
      const allowed: [string, string[]][] = [
        ['deleteBehaviors', ['behaviors']],
        ['deleteAlertTargets', ['alertTargets']],
        [
          'deleteAdditionalMetricsToRetain',
          ['additionalMetricsToRetain', 'additionalMetricsToRetainV2'],
        ],
        ['deleteMetricsExportConfig', []],
      ];
      for (const [flag, lists] of allowed) {
        const value = flags[flag as keyof typeof flags];
        if (value === undefined) continue;
        body[flag] = value && clashes(lists) ? false : value;
      }
      return body;
    });
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** A request body that breaks rules, and the paths at least one issue must point at. */
export interface MutatedRequest {
  body: JsonObject;
  /** Acceptable issue paths (the mutated field, or its parent list where the rule is about it). */
  paths: string[];
}

/** A named way to break exactly one rule of a valid CreateSecurityProfile body. */
export interface Mutation {
  name: string;
  arb: fc.Arbitrary<MutatedRequest>;
}

/**
 * Changes a behavior in place (always a fresh copy, so generated values are never shared) and
 * returns the expected issue paths relative to it (`criteria.durationSeconds`; `''` for itself).
 */
type Edit = (behavior: JsonObject) => string[];

/** `candidate`, changed until it is none of `taken` (stays a valid name). */
function freshName(candidate: string, taken: ReadonlySet<string>): string {
  const stem = candidate.slice(0, 120);
  let name = stem;
  for (let n = 1; taken.has(name); n += 1) name = `${stem}-${n}`;
  return name;
}

function behaviorsOf(body: JsonObject): JsonObject[] {
  const list = body['behaviors'];
  return Array.isArray(list) ? (list as JsonObject[]) : [];
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function criteriaOf(behavior: JsonObject): JsonObject {
  const criteria = behavior['criteria'];
  if (isObject(criteria)) return criteria;
  const fresh: JsonObject = {};
  behavior['criteria'] = fresh;
  return fresh;
}

function valueOf(behavior: JsonObject): JsonObject {
  const criteria = criteriaOf(behavior);
  const value = criteria['value'];
  if (isObject(value)) return value;
  const fresh: JsonObject = {};
  criteria['value'] = fresh;
  return fresh;
}

/** Puts `element` at index `at` modulo the new length of `list`; returns the index. */
function insertAt(list: Json[], element: Json, at: number): number {
  const index = at % (list.length + 1);
  list.splice(index, 0, element);
  return index;
}

/**
 * A valid body (at most 99 behaviors) with one more valid behavior of `shape` inserted at a random
 * index, then changed by an edit drawn from `edit(metric)`.
 */
function behaviorMutation(
  ctx: ValidationContext,
  shape: BehaviorShape | undefined,
  edit: (metric: MetricDefinition) => fc.Arbitrary<Edit>,
): fc.Arbitrary<MutatedRequest> {
  if (shape === undefined) throw new Error('the account has no metric this mutation needs');
  return fc
    .tuple(
      validCreateRequestArb(ctx, { maxBehaviors: 99 }),
      validBehaviorArb(ctx, nameArb(), shape),
      fc.nat(),
    )
    .chain(([base, target, at]) => {
      const metric = resolveMetric(String(target['metric']), ctx.customMetrics);
      if (metric === undefined)
        throw new Error(`generated unknown metric ${String(target['metric'])}`);
      return edit(metric).map((apply) => {
        const behaviors = behaviorsOf(base);
        const taken = new Set(behaviors.map((behavior) => String(behavior['name'])));
        const behavior = structuredClone(target);
        behavior['name'] = freshName(String(target['name']), taken);
        const relative = apply(behavior);
        const list: Json[] = [...behaviors];
        const index = insertAt(list, behavior, at);
        const prefix = `behaviors[${index}]`;
        return {
          body: { ...base, behaviors: list },
          paths: relative.map((path) => (path === '' ? prefix : `${prefix}.${path}`)),
        };
      });
    });
}

/** An edit that sets one criteria member. */
function setCriteria(key: string, value: Json): Edit {
  return (behavior) => {
    criteriaOf(behavior)[key] = structuredClone(value);
    return [`criteria.${key}`];
  };
}

function firstMetric(
  ctx: ValidationContext,
  predicate: (metric: MetricDefinition) => boolean,
): MetricDefinition | undefined {
  return metricsOf(ctx).find(predicate);
}

function shapeFor(
  metric: MetricDefinition | undefined,
  rest: Omit<BehaviorShape, 'metric'> = {},
): BehaviorShape | undefined {
  return metric === undefined ? undefined : { metric, ...rest };
}

/** Puts a bad element into the list member (`cidrs`, `ports`, …) of a static behavior. */
function badListElement(
  ctx: ValidationContext,
  member: 'cidrs' | 'ports' | 'numbers' | 'strings',
  bad: fc.Arbitrary<Json>,
): fc.Arbitrary<MutatedRequest> {
  const metric = firstMetric(ctx, (m) => m.valueMember === member);
  return behaviorMutation(ctx, shapeFor(metric, { detection: 'static' }), () =>
    fc.tuple(bad, fc.nat()).map(([element, at]): Edit => (behavior) => {
      const value = valueOf(behavior);
      const existing = value[member];
      const list = Array.isArray(existing) ? existing : [];
      value[member] = list;
      const index = insertAt(list, element, at);
      return [`criteria.value.${member}[${index}]`];
    }),
  );
}

/** Some string that is none of `allowed`. */
function notOneOf(allowed: readonly string[], likely: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(fc.constantFrom(...likely), fc.string())
    .filter((text) => !allowed.includes(text));
}

/** The value, or (one time in five) undefined for "leave the member out". */
function orMissing<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 5 });
}

/** A string with at least one character outside printable ASCII + space. */
function nonPrintableAsciiArb(): fc.Arbitrary<string> {
  return fc
    .tuple(
      printableAsciiArb(200),
      fc.constantFrom('\n', '\r', '\t', '\u0000', '\u007f', '\u00e9', '\u2028', '\u{1f600}'),
      printableAsciiArb(200),
    )
    .map(([before, bad, after]) => `${before}${bad}${after}`);
}

/** A valid create body with one extra element in the list member `key`. */
function withListElement(
  ctx: ValidationContext,
  key: string,
  element: fc.Arbitrary<{ element: Json; path: (index: number) => string }>,
): fc.Arbitrary<MutatedRequest> {
  return fc.tuple(validCreateRequestArb(ctx), element, fc.nat()).map(([body, extra, at]) => {
    const existing = body[key];
    const list: Json[] = Array.isArray(existing) ? [...existing] : [];
    const index = insertAt(list, extra.element, at);
    return { body: { ...body, [key]: list }, paths: [extra.path(index)] };
  });
}

/** Every mutation of a valid CreateSecurityProfile body that the validator must refuse. */
export function createRequestMutations(ctx: ValidationContext): Mutation[] {
  const builtInCount = BUILT_IN_METRICS.find((m) => m.valueMember === 'count');
  const listMetric = firstMetric(ctx, (m) => m.durations.length === 0);
  const noDimensionBuiltIn = BUILT_IN_METRICS.find((m) => !m.dimension);
  const dimensionMetric = BUILT_IN_METRICS.find((m) => m.dimension && m.ml);
  const customNumber = firstMetric(ctx, (m) => m.side === 'custom' && m.valueType === 'number');
  const dimensions = [...ctx.dimensions];
  const anyBehavior: BehaviorShape = {};
  const staticBehavior: BehaviorShape = { detection: 'static' };

  return [
    {
      name: 'port 65536 or another port outside 0–65535',
      arb: badListElement(
        ctx,
        'ports',
        fc.oneof(
          fc.constant(65536),
          fc.integer({ min: 65536, max: 2 ** 40 }),
          fc.integer({ min: -(2 ** 40), max: -1 }),
          fc.constantFrom(1.5, -0.5, 1e308),
        ),
      ),
    },
    {
      name: 'port of the wrong JSON type',
      arb: badListElement(
        ctx,
        'ports',
        fc.oneof<fc.Arbitrary<Json>[]>(fc.string(), fc.boolean(), fc.constant<Json>([])),
      ),
    },
    {
      name: 'CIDR longer than 43 characters',
      arb: badListElement(
        ctx,
        'cidrs',
        fc.string({
          unit: fc.constantFrom(...'0123456789abcdef:./'),
          minLength: 44,
          maxLength: 200,
        }),
      ),
    },
    {
      name: 'CIDR with a character outside hex digits, colon, dot and slash',
      arb: badListElement(
        ctx,
        'cidrs',
        fc
          .tuple(cidrArb(), fc.constantFrom('g', 'z', ' ', '%', '-', '\u00e9'))
          .map(([cidr, bad]) => `${bad}${cidr}`.slice(0, 43)),
      ),
    },
    {
      name: 'CIDR that does not parse (no prefix, prefix too large, bad address)',
      arb: badListElement(
        ctx,
        'cidrs',
        fc.oneof(
          fc.ipV4(),
          fc.ipV4().map((ip) => `${ip}/33`),
          fc.ipV6().map((ip) => `${ip}/129`.slice(-43)),
          fc.constantFrom('1.2.3/8', '256.0.0.0/8', '1.2.3.4/08', '::1::2/64', '1.2.3.4/'),
        ),
      ),
    },
    {
      name: 'number element of the wrong JSON type',
      arb: badListElement(ctx, 'numbers', fc.oneof(fc.string(), fc.boolean(), fc.constant({}))),
    },
    {
      name: 'string element of the wrong JSON type',
      arb: badListElement(
        ctx,
        'strings',
        fc.oneof<fc.Arbitrary<Json>[]>(fc.integer(), fc.boolean(), fc.constant<Json>([])),
      ),
    },
    {
      name: 'operator that does not fit the metric',
      arb: behaviorMutation(ctx, staticBehavior, (metric) =>
        fc
          .constantFrom(...COMPARISON_OPERATORS.filter((op) => !metric.operators.includes(op)))
          .map((operator) => setCriteria('comparisonOperator', operator)),
      ),
    },
    {
      name: 'operator that is no operator',
      arb: behaviorMutation(ctx, staticBehavior, () =>
        notOneOf(COMPARISON_OPERATORS, ['LESS_THAN', 'lt', '', 'in-cidr-sets']).map((operator) =>
          setCriteria('comparisonOperator', operator),
        ),
      ),
    },
    {
      name: 'duration 301 or another duration a count metric does not take',
      arb: behaviorMutation(ctx, shapeFor(builtInCount), () =>
        fc
          .oneof(fc.constant(301), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }))
          .filter((duration) => !(COUNT_DURATIONS as readonly number[]).includes(duration))
          .map((duration) => setCriteria('durationSeconds', duration)),
      ),
    },
    {
      name: 'duration on a list metric',
      arb: behaviorMutation(ctx, shapeFor(listMetric, staticBehavior), () =>
        fc
          .constantFrom(...COUNT_DURATIONS)
          .map((duration) => setCriteria('durationSeconds', duration)),
      ),
    },
    {
      name: 'ML Detect on a list metric',
      arb: behaviorMutation(ctx, shapeFor(listMetric, staticBehavior), () =>
        fc.constantFrom(...CONFIDENCE_LEVELS).map((confidenceLevel): Edit => (behavior) => {
          behavior['criteria'] = { mlDetectionConfig: { confidenceLevel } };
          return ['criteria.mlDetectionConfig'];
        }),
      ),
    },
    {
      name: 'statistical threshold on a list metric',
      arb: behaviorMutation(ctx, shapeFor(listMetric, staticBehavior), (metric) =>
        fc.constantFrom(...STATISTICS).map((statistic): Edit => (behavior) => {
          behavior['criteria'] = {
            comparisonOperator: metric.operators[0] ?? 'in-set',
            statisticalThreshold: { statistic },
          };
          return ['criteria.statisticalThreshold'];
        }),
      ),
    },
    {
      name: 'ML Detect with a threshold member as well',
      arb: behaviorMutation(ctx, shapeFor(builtInCount, { detection: 'ml' }), () =>
        fc
          .constantFrom<[string, Json]>(
            ['comparisonOperator', 'less-than'],
            ['value', { count: 1 }],
            ['durationSeconds', 300],
            ['statisticalThreshold', { statistic: 'p50' }],
          )
          .map(([key, value]) => setCriteria(key, value)),
      ),
    },
    {
      name: 'statistical threshold with a value as well',
      arb: behaviorMutation(ctx, shapeFor(builtInCount, { detection: 'statistical' }), () =>
        countArb().map((count) => setCriteria('value', { count })),
      ),
    },
    {
      name: 'bad or missing statistic',
      arb: behaviorMutation(ctx, shapeFor(builtInCount, { detection: 'statistical' }), () =>
        orMissing(notOneOf(STATISTICS, ['p95', 'P50', 'p100.0', 'median', '', 'p0.001'])).map(
          (statistic): Edit =>
            (behavior) => {
              criteriaOf(behavior)['statisticalThreshold'] =
                statistic === undefined ? {} : { statistic };
              return ['criteria.statisticalThreshold.statistic'];
            },
        ),
      ),
    },
    {
      name: 'bad or missing ML confidence level',
      arb: behaviorMutation(ctx, shapeFor(builtInCount, { detection: 'ml' }), () =>
        orMissing(notOneOf(CONFIDENCE_LEVELS, ['low', 'VERY_HIGH', ''])).map(
          (confidenceLevel): Edit =>
            (behavior) => {
              criteriaOf(behavior)['mlDetectionConfig'] =
                confidenceLevel === undefined ? {} : { confidenceLevel };
              return ['criteria.mlDetectionConfig.confidenceLevel'];
            },
        ),
      ),
    },
    {
      name: 'datapoints 0, 11 or another count outside 1–10',
      arb: behaviorMutation(ctx, anyBehavior, () =>
        fc
          .tuple(
            fc.constantFrom('consecutiveDatapointsToAlarm', 'consecutiveDatapointsToClear'),
            fc.oneof(
              fc.constantFrom(0, 11, 1.5, -1),
              fc.integer({ min: 11 }),
              fc.integer({ max: 0 }),
            ),
          )
          .map(([key, datapoints]) => setCriteria(key, datapoints)),
      ),
    },
    {
      name: 'dimension on a custom metric',
      arb: behaviorMutation(ctx, shapeFor(customNumber), () =>
        fc.constantFrom(...dimensions).map((dimensionName): Edit => (behavior) => {
          behavior['metricDimension'] = { dimensionName };
          return ['metricDimension'];
        }),
      ),
    },
    {
      name: 'dimension on a built-in metric that takes none',
      arb: behaviorMutation(ctx, shapeFor(noDimensionBuiltIn), () =>
        fc.constantFrom(...dimensions).map((dimensionName): Edit => (behavior) => {
          behavior['metricDimension'] = { dimensionName };
          return ['metricDimension'];
        }),
      ),
    },
    {
      name: 'unknown dimension',
      arb: behaviorMutation(ctx, shapeFor(dimensionMetric, { dimension: true }), () =>
        nameArb()
          .filter((name) => !ctx.dimensions.has(name))
          .map((dimensionName): Edit => (behavior) => {
            behavior['metricDimension'] = { dimensionName };
            return ['metricDimension.dimensionName'];
          }),
      ),
    },
    {
      name: 'bad dimension operator',
      arb: behaviorMutation(ctx, shapeFor(dimensionMetric, { dimension: true }), () =>
        fc
          .tuple(fc.constantFrom(...dimensions), notOneOf(DIMENSION_VALUE_OPERATORS, ['in', '']))
          .map(([dimensionName, operator]): Edit => (behavior) => {
            behavior['metricDimension'] = { dimensionName, operator };
            return ['metricDimension.operator'];
          }),
      ),
    },
    {
      name: 'unknown aws: metric, custom metric that does not exist, or no metric',
      arb: behaviorMutation(ctx, anyBehavior, () =>
        fc
          .oneof(fc.constantFrom('aws:disconnect-duration', 'aws:', 'aws:num-messages'), nameArb())
          .filter((name) => resolveMetric(name, ctx.customMetrics) === undefined)
          .chain((name) => orMissing(fc.constant(name)))
          .map((metric): Edit => (behavior) => {
            if (metric === undefined) delete behavior['metric'];
            else behavior['metric'] = metric;
            return ['metric'];
          }),
      ),
    },
    {
      name: 'value member that does not apply to the metric',
      arb: behaviorMutation(ctx, staticBehavior, (metric) =>
        fc
          .constantFrom(
            ...(['count', 'number', 'cidrs', 'ports', 'numbers', 'strings'] as const).filter(
              (member) => member !== metric.valueMember,
            ),
          )
          .chain((member) =>
            metricValueArb(member).map((value): Edit => {
              const edit = setCriteria('value', value);
              return (behavior) => {
                edit(behavior);
                return [`criteria.value.${member}`];
              };
            }),
          ),
      ),
    },
    {
      name: 'static threshold without a value',
      arb: behaviorMutation(ctx, staticBehavior, () =>
        fc.constant<Edit>((behavior) => {
          delete criteriaOf(behavior)['value'];
          return ['criteria.value'];
        }),
      ),
    },
    {
      name: 'negative, fractional or too large count',
      arb: behaviorMutation(ctx, shapeFor(builtInCount, staticBehavior), () =>
        fc
          .oneof(
            fc.integer({ min: -(2 ** 40), max: -1 }),
            fc.constantFrom(0.5, 2 ** 63, 1e308, -1e-300),
          )
          .map((count): Edit => {
            const edit = setCriteria('value', { count });
            return (behavior) => {
              edit(behavior);
              return ['criteria.value.count'];
            };
          }),
      ),
    },
    {
      name: 'behavior name empty, too long or with a disallowed character',
      arb: behaviorMutation(ctx, anyBehavior, () =>
        fc
          .oneof(
            fc.constant(''),
            fc.constant('n'.repeat(129)),
            fc
              .tuple(nameArb(), fc.constantFrom(' ', '.', '/', '\u00e9', '\n', '*'))
              .map(([name, bad]) => `${name.slice(0, 64)}${bad}`),
          )
          .map((name): Edit => (behavior) => {
            behavior['name'] = name;
            return ['name'];
          }),
      ),
    },
    {
      name: 'behavior without criteria',
      arb: behaviorMutation(ctx, anyBehavior, () =>
        fc.constant<Edit>((behavior) => {
          delete behavior['criteria'];
          return ['criteria'];
        }),
      ),
    },
    {
      name: 'null in the behaviors list',
      arb: behaviorMutation(ctx, anyBehavior, () => fc.constant<Edit>(() => [''])).map(
        ({ body, paths }) => {
          const index = Number(/^behaviors\[(\d+)\]$/.exec(paths[0] ?? '')?.[1]);
          const list: Json[] = [...behaviorsOf(body)];
          list[index] = null;
          return { body: { ...body, behaviors: list }, paths };
        },
      ),
    },
    {
      name: 'duplicate behavior names',
      arb: validCreateRequestArb(ctx, { maxBehaviors: 99 })
        .filter((body) => behaviorsOf(body).length > 0)
        .chain((body) =>
          fc.tuple(fc.nat(), fc.nat()).map(([from, at]) => {
            const list: Json[] = [...behaviorsOf(body)];
            const source = from % list.length;
            // The copy goes after its original, so the issue is on the copy's name.
            const index = source + 1 + (at % (list.length - source));
            list.splice(index, 0, structuredClone(list[source] ?? null));
            return { body: { ...body, behaviors: list }, paths: [`behaviors[${index}].name`] };
          }),
        ),
    },
    {
      name: '101 behaviors',
      arb: validBehaviorsArb(ctx, { minLength: 101, maxLength: 101 }).map((behaviors) => ({
        body: { behaviors },
        paths: ['behaviors'],
      })),
    },
    {
      name: '1001 value elements over one or more behaviors',
      arb: fc
        .tuple(
          fc.integer({ min: 1, max: 20 }),
          fc.constantFrom(...metricsOf(ctx).filter((m) => m.durations.length === 0)),
        )
        .chain(([parts, metric]) =>
          metricValueArb(metric.valueMember, 1).map((sample) => {
            const member = metric.valueMember;
            const first = sample[member];
            const element = Array.isArray(first) && first.length > 0 ? first[0] : undefined;
            const behaviors: JsonObject[] = [];
            let left = 1001;
            for (let i = 0; i < parts; i += 1) {
              const size = i === parts - 1 ? left : Math.floor(1001 / parts);
              left -= size;
              behaviors.push({
                name: `list-${i}`,
                metric: metric.name,
                criteria: {
                  comparisonOperator: metric.operators[0] ?? 'in-set',
                  value: {
                    [member]: Array.from({ length: size }, () => element ?? sampleElement(member)),
                  },
                },
              });
            }
            return { body: { behaviors }, paths: ['behaviors'] };
          }),
        ),
    },
    {
      name: 'description with a newline or another non-printable character, or over 1000',
      arb: fc
        .tuple(
          validCreateRequestArb(ctx),
          fc.oneof(nonPrintableAsciiArb(), fc.constant('d'.repeat(1001))),
        )
        .map(([body, securityProfileDescription]) => ({
          body: { ...body, securityProfileDescription },
          paths: ['securityProfileDescription'],
        })),
    },
    {
      name: 'role ARN shorter than 20 or longer than 2048',
      arb: fc
        .tuple(
          validCreateRequestArb(ctx),
          fc.oneof(fc.string({ maxLength: 19 }), fc.constant('r'.repeat(2049))),
          fc.boolean(),
        )
        .map(([body, roleArn, inExport]) =>
          inExport
            ? {
                body: { ...body, metricsExportConfig: { mqttTopic: 't', roleArn } },
                paths: ['metricsExportConfig.roleArn'],
              }
            : {
                body: { ...body, alertTargets: { SNS: { alertTargetArn: 'arn', roleArn } } },
                paths: ['alertTargets.SNS.roleArn'],
              },
        ),
    },
    {
      name: 'alert target type other than SNS',
      arb: fc
        .tuple(validCreateRequestArb(ctx), notOneOf(['SNS'], ['EMAIL', 'sns', '']))
        .map(([body, key]) => ({
          body: {
            ...body,
            alertTargets: {
              [key]: {
                alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:x',
                roleArn: 'arn:aws:iam::123456789012:role/x',
              },
            },
          },
          paths: [`alertTargets.${key.length > 64 ? `${key.slice(0, 64)}…` : key}`],
        })),
    },
    {
      name: 'MQTT topic empty or over 512',
      arb: fc
        .tuple(validCreateRequestArb(ctx), fc.constantFrom('', 'm'.repeat(513)), roleArnArb())
        .map(([body, mqttTopic, roleArn]) => ({
          body: { ...body, metricsExportConfig: { mqttTopic, roleArn } },
          paths: ['metricsExportConfig.mqttTopic'],
        })),
    },
    {
      name: 'tag key empty, too long or with a disallowed character; tag value over 256',
      arb: withListElement(
        ctx,
        'tags',
        fc.oneof(
          fc
            .constantFrom('', 'k'.repeat(129), 'key!', 'key#', 'key\n', 'key\u{1f600}', 'k$')
            .map((Key) => ({ element: { Key }, path: (i: number) => `tags[${i}].Key` })),
          fc.constant({
            element: { Key: 'k', Value: 'v'.repeat(257) },
            path: (i: number) => `tags[${i}].Value`,
          }),
        ),
      ),
    },
    {
      name: 'retained metric that does not exist (V1 and V2)',
      arb: fc
        .tuple(
          fc
            .oneof(fc.constant('aws:nope'), nameArb())
            .filter((name) => resolveMetric(name, ctx.customMetrics) === undefined),
          fc.boolean(),
        )
        .chain(([name, v2]) =>
          v2
            ? withListElement(
                ctx,
                'additionalMetricsToRetainV2',
                fc.constant({
                  element: { metric: name },
                  path: (i: number) => `additionalMetricsToRetainV2[${i}].metric`,
                }),
              )
            : withListElement(
                ctx,
                'additionalMetricsToRetain',
                fc.constant({
                  element: name,
                  path: (i: number) => `additionalMetricsToRetain[${i}]`,
                }),
              ),
        ),
    },
  ];
}

/** A valid element of a list value member (a CIDR, a port, a string or a number). */
export function sampleElement(member: MetricDefinition['valueMember']): Json {
  switch (member) {
    case 'cidrs':
      return '10.0.0.0/8';
    case 'ports':
      return 443;
    case 'strings':
      return 's';
    default:
      return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Paths and wrong types

/** One member key or element index on the way from the root to a node. */
export type Step = string | number;

/** A node of a JSON value: its validator-style path (`a.b[2].c`), its steps, and its value. */
export interface JsonNode {
  path: string;
  steps: Step[];
  value: Json;
}

/** Every member and element of a JSON value (the root excluded), depth first. */
export function jsonNodes(value: Json): JsonNode[] {
  const nodes: JsonNode[] = [];
  const visit = (node: Json, path: string, steps: Step[]): void => {
    if (steps.length > 0) nodes.push({ path, steps, value: node });
    if (Array.isArray(node)) {
      node.forEach((element, index) => visit(element, `${path}[${index}]`, [...steps, index]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, member] of Object.entries(node)) {
        visit(member, path === '' ? key : `${path}.${key}`, [...steps, key]);
      }
    }
  };
  visit(value, '', []);
  return nodes;
}

/**
 * Sets the node `steps` lead to, in place, to any value (JS values beyond JSON too); every step
 * but the last must exist. Returns `root`.
 */
export function setAt<T extends object>(root: T, steps: readonly Step[], value: unknown): T {
  let node: unknown = root;
  for (const [index, step] of steps.entries()) {
    if (node === null || typeof node !== 'object') {
      throw new Error(`step ${String(step)} leads nowhere`);
    }
    const container = node as Record<Step, unknown>;
    if (index === steps.length - 1) {
      // defineProperty keeps a `__proto__` key an own member, as JSON.parse makes it.
      Object.defineProperty(container, step, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else node = container[step];
  }
  return root;
}

/** A deep copy of `root` with the node `steps` lead to replaced. */
export function replaceAt(root: JsonObject, steps: readonly Step[], replacement: Json): JsonObject {
  return setAt(structuredClone(root), steps, replacement);
}

function jsonKind(value: Json): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}

/** A non-null JSON value of a different JSON type than `value`. */
export function wrongTypeArb(value: Json): fc.Arbitrary<Json> {
  const kind = jsonKind(value);
  const candidates: fc.Arbitrary<Json>[] = [
    ...(kind !== 'boolean' ? [fc.boolean()] : []),
    ...(kind !== 'number'
      ? [fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))]
      : []),
    ...(kind !== 'string' ? [fc.string({ maxLength: 8 })] : []),
    ...(kind !== 'array' ? [fc.array(fc.integer(), { maxLength: 3 })] : []),
    ...(kind !== 'object'
      ? [fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 })]
      : []),
  ];
  return fc.oneof(...candidates);
}
