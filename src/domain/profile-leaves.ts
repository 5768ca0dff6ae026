/**
 * One notion of "the same value" for the editor's save, preview and merge, so that a change the
 * preview does not show is never sent, and a change the merge calls equal is never a conflict.
 *
 * A behavior (or an alert target, export config, retained metric) is compared leaf by leaf: its
 * nested members flattened to dotted paths (`criteria.value.count`). Leaves that AWS documents
 * with a default compare equal to their absence (`suppressAlerts` false, `metricDimension.operator`
 * IN, consecutive datapoints 1). The MetricValue lists are sets: order never matters, duplicates
 * do (each element counts toward the 1000-element quota).
 */

import type {
  AlertTargets,
  Behavior,
  MetricToRetain,
  MetricsExportConfig,
  SecurityProfileFields,
} from './security-profile';

/** A JSON-like object: what a behavior, alert target or retained metric is on the wire. */
export type Entity = Readonly<Record<string, unknown>>;

/** The MetricValue members that hold sets (compared and merged as sets). */
export const SET_LEAVES: ReadonlySet<string> = new Set([
  'criteria.value.cidrs',
  'criteria.value.ports',
  'criteria.value.numbers',
  'criteria.value.strings',
]);

/**
 * Documented defaults of behavior leaves: "If not specified, the default is 1" (datapoints),
 * absent dimension operator means IN, and an absent boolean is false.
 */
export const BEHAVIOR_DEFAULTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['suppressAlerts', false],
  ['exportMetric', false],
  ['metricDimension.operator', 'IN'],
  ['criteria.consecutiveDatapointsToAlarm', 1],
  ['criteria.consecutiveDatapointsToClear', 1],
]);

/** Defaults of MetricToRetain leaves. */
export const RETAINED_METRIC_DEFAULTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['exportMetric', false],
  ['metricDimension.operator', 'IN'],
]);

/** How to compare the leaves of one kind of entity. */
export interface LeafRules {
  sets: ReadonlySet<string>;
  defaults: ReadonlyMap<string, unknown>;
}

export const BEHAVIOR_RULES: LeafRules = { sets: SET_LEAVES, defaults: BEHAVIOR_DEFAULTS };
export const RETAINED_METRIC_RULES: LeafRules = {
  sets: new Set(),
  defaults: RETAINED_METRIC_DEFAULTS,
};
/** Alert targets and the export config: plain leaves, no defaults, no sets. */
export const PLAIN_RULES: LeafRules = { sets: new Set(), defaults: new Map() };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON-like value (objects, arrays, primitives); undefined members are dropped. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneValue(item)) as T;
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) copy[key] = cloneValue(member);
    }
    return copy as T;
  }
  return value;
}

/** Structural equality: arrays in order, object members regardless of order, undefined = absent. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => valuesEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!valuesEqual(a[key], b[key])) return false;
    }
    return true;
  }
  // -0 and 0 are the same number on the wire.
  return typeof a === 'number' && typeof b === 'number' && a === b;
}

/** The identity of a set element: `1` and `"1"` differ, `10.0.0.0/8` equals itself. */
export function elementKey(element: unknown): string {
  return JSON.stringify(element) ?? 'undefined';
}

/** Whether two lists hold the same elements as multisets (absent = empty). */
export function setsEqual(a: unknown, b: unknown): boolean {
  const left = Array.isArray(a) ? a : [];
  const right = Array.isArray(b) ? b : [];
  if (left.length !== right.length) return false;
  const sortedLeft = left.map(elementKey).sort();
  const sortedRight = right.map(elementKey).sort();
  return sortedLeft.every((key, index) => key === sortedRight[index]);
}

/** Elements of `after` not in `before`, and of `before` not in `after`, each in its own order. */
export function setDifference(
  before: unknown,
  after: unknown,
): { added: unknown[]; removed: unknown[] } {
  const left = Array.isArray(before) ? before : [];
  const right = Array.isArray(after) ? after : [];
  const leftKeys = new Set(left.map(elementKey));
  const rightKeys = new Set(right.map(elementKey));
  return {
    added: right.filter((element) => !leftKeys.has(elementKey(element))),
    removed: left.filter((element) => !rightKeys.has(elementKey(element))),
  };
}

/**
 * The leaves of an entity: dotted path → value. Arrays are leaves (a set leaf or an atomic list);
 * an empty object inside the entity is a leaf of its own, so flattening loses nothing.
 */
export function explode(entity: Entity | undefined): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  const walk = (value: Record<string, unknown>, prefix: string): void => {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (keys.length === 0 && prefix !== '') {
      leaves.set(prefix, {});
      return;
    }
    for (const key of keys) {
      const member = value[key];
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (isPlainObject(member)) walk(member, path);
      else leaves.set(path, member);
    }
  };
  if (entity !== undefined) walk(entity, '');
  return leaves;
}

/** The entity whose leaves these are (the inverse of {@link explode}); values are copied. */
export function implode(leaves: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of leaves) {
    if (value === undefined) continue;
    const parts = path.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (isPlainObject(next)) node = next;
      else {
        const created: Record<string, unknown> = {};
        node[part] = created;
        node = created;
      }
    }
    const last = parts[parts.length - 1] ?? path;
    // An empty-object leaf never overwrites members a deeper leaf already put there.
    if (isPlainObject(value) && Object.keys(value).length === 0 && isPlainObject(node[last])) {
      continue;
    }
    node[last] = cloneValue(value);
  }
  return root;
}

/** Whether one leaf holds the same value on both sides, under the entity's rules. */
export function leafEqual(path: string, a: unknown, b: unknown, rules: LeafRules): boolean {
  const left = a ?? rules.defaults.get(path);
  const right = b ?? rules.defaults.get(path);
  if (rules.sets.has(path)) {
    return (left === undefined) === (right === undefined) && setsEqual(left, right);
  }
  return valuesEqual(left, right);
}

/** The union of the leaf paths of several exploded entities, first-seen order. */
export function leafPaths(...entities: ReadonlyMap<string, unknown>[]): string[] {
  const paths = new Set<string>();
  for (const leaves of entities) for (const path of leaves.keys()) paths.add(path);
  return [...paths];
}

/** Whether two entities are equal leaf by leaf (undefined = no entity; equal only to itself). */
export function entitiesEqual(
  a: Entity | undefined,
  b: Entity | undefined,
  rules: LeafRules,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  const left = explode(a);
  const right = explode(b);
  return leafPaths(left, right).every((path) =>
    leafEqual(path, left.get(path), right.get(path), rules),
  );
}

/** Whether two behavior lists are equal: same order, each behavior equal leaf by leaf. */
export function sameBehaviors(
  a: readonly Behavior[] | undefined,
  b: readonly Behavior[] | undefined,
): boolean {
  const left = a ?? [];
  const right = b ?? [];
  if (left.length !== right.length) return false;
  return left.every((behavior, index) =>
    entitiesEqual(asEntity(behavior), asEntity(right[index]), BEHAVIOR_RULES),
  );
}

/** Whether two descriptions are equal (absent = ''). */
export function sameDescription(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '') === (b ?? '');
}

/** Whether two alert-target maps are equal (absent = {}). */
export function sameAlertTargets(
  a: AlertTargets | undefined,
  b: AlertTargets | undefined,
): boolean {
  return valuesEqual(a ?? {}, b ?? {});
}

/** Whether two export configs are equal (both absent counts as equal). */
export function sameExportConfig(
  a: MetricsExportConfig | undefined,
  b: MetricsExportConfig | undefined,
): boolean {
  return entitiesEqual(asEntity(a), asEntity(b), PLAIN_RULES);
}

/** Whether two legacy retained-metric lists hold the same names (a set; absent = empty). */
export function sameRetainedV1(
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): boolean {
  return setsEqual(a, b);
}

/**
 * Whether two MetricToRetain lists are equal as sets of entries, matched by metric and dimension
 * (retaining is unordered, so a reorder is no change).
 */
export function sameRetainedV2(
  a: readonly MetricToRetain[] | undefined,
  b: readonly MetricToRetain[] | undefined,
): boolean {
  const left = a ?? [];
  const right = b ?? [];
  if (left.length !== right.length) return false;
  const byKey = new Map(right.map((entry) => [retainedMetricKey(entry), entry]));
  return left.every((entry) =>
    entitiesEqual(
      asEntity(entry),
      asEntity(byKey.get(retainedMetricKey(entry))),
      RETAINED_METRIC_RULES,
    ),
  );
}

/** Whether two profiles' editable fields are equal in every member the update request sends. */
export function sameFields(a: SecurityProfileFields, b: SecurityProfileFields): boolean {
  return (
    sameDescription(a.securityProfileDescription, b.securityProfileDescription) &&
    sameBehaviors(a.behaviors, b.behaviors) &&
    sameAlertTargets(a.alertTargets, b.alertTargets) &&
    sameRetainedV1(a.additionalMetricsToRetain, b.additionalMetricsToRetain) &&
    sameRetainedV2(a.additionalMetricsToRetainV2, b.additionalMetricsToRetainV2) &&
    sameExportConfig(a.metricsExportConfig, b.metricsExportConfig)
  );
}

/** A typed shape viewed as a JSON object; the types here are JSON objects by construction. */
export function asEntity(value: object | undefined): Entity | undefined {
  return value as Entity | undefined;
}

/** The identity of a retained metric in a V2 list: its metric and, if any, its dimension. */
export function retainedMetricKey(entry: MetricToRetain): string {
  const dimension = entry.metricDimension?.dimensionName;
  return dimension === undefined ? entry.metric : `${entry.metric},dimension=${dimension}`;
}

/** The request-style address of a behavior: `behaviors[name=HighMessages]`. */
export function behaviorPath(name: string): string {
  return `behaviors[name=${name}]`;
}

/** The request-style address of a V2 retained metric. */
export function retainedMetricPath(key: string): string {
  return `additionalMetricsToRetainV2[metric=${key}]`;
}
