/**
 * Whether a change to a profile makes Device Defender alarm less (weakens), more (strengthens),
 * or does not change when alarms fire (neutral). The preview highlights weakening changes so a
 * reviewer sees "this save silences something" before saving.
 *
 * The direction rests on one documented fact: a behavior's criteria describe NORMAL behavior and a
 * device alarms when its metric does NOT satisfy them. The AWS IoT Device Defender Developer Guide
 * ("Behaviors") says "Each behavior contains a metric that specifies the normal behavior", the
 * service model documents BehaviorCriteria as "The criteria by which the behavior is determined to
 * be normal", and consecutiveDatapointsToAlarm as "If a device is in violation of the behavior for
 * the specified number of consecutive datapoints, an alarm occurs". So
 * `aws:num-authorization-failures less-than 5` alarms at 5 or more, `in-cidr-set` is an allow-list
 * (alarm outside it) and `not-in-cidr-set` a deny-list (alarm inside it).
 *
 * Correction of the issue's wording: it listed "a greater-than threshold raised" as weakening,
 * which holds if the operator said when to alarm. It says what is normal: `greater-than 10` is
 * normal above 10 and alarms at 10 or less, so raising it to 20 makes MORE values alarm
 * (strengthens), and lowering it weakens. For `less-than`/`less-than-equals` raising weakens.
 */

import type {
  AlertTargetType,
  Behavior,
  BehaviorCriteria,
  ComparisonOperator,
  ConfidenceLevel,
} from './security-profile';

export type DetectionEffect = 'weakens' | 'strengthens' | 'neutral';

export interface EffectJudgement {
  effect: DetectionEffect;
  /** Why, in a short phrase a reviewer can read. */
  reason: string;
}

/** What changed, with the context the judgement needs. */
export type ChangeSubject =
  | { kind: 'behavior-added'; behavior: Behavior }
  | { kind: 'behavior-removed'; behavior: Behavior }
  /** One leaf of a behavior kept under the same name; `field` is e.g. `criteria.value.count`. */
  | { kind: 'behavior-field'; field: string; before: Behavior; after: Behavior }
  | { kind: 'behaviors-reordered' }
  | { kind: 'alert-target-added'; type: AlertTargetType | string }
  | { kind: 'alert-target-removed'; type: AlertTargetType | string }
  | { kind: 'alert-target-changed'; type: AlertTargetType | string }
  | { kind: 'description' }
  | { kind: 'retained-metric' }
  | { kind: 'export-config' };

const ALLOW_SET_OPERATORS: ReadonlySet<ComparisonOperator> = new Set([
  'in-cidr-set',
  'in-port-set',
  'in-set',
]);
const DENY_SET_OPERATORS: ReadonlySet<ComparisonOperator> = new Set([
  'not-in-cidr-set',
  'not-in-port-set',
  'not-in-set',
]);

/** LOW raises the most alarms and HIGH the fewest ("HIGH = fewest alarms" in the ML Detect docs). */
const CONFIDENCE_RANK: Readonly<Record<ConfidenceLevel, number>> = { LOW: 0, MEDIUM: 1, HIGH: 2 };

const weakens = (reason: string): EffectJudgement => ({ effect: 'weakens', reason });
const strengthens = (reason: string): EffectJudgement => ({ effect: 'strengthens', reason });
const neutral = (reason: string): EffectJudgement => ({ effect: 'neutral', reason });

/**
 * A number comparison seen as one bound of the normal range: `less-than 5` is "normal up to 5,
 * exclusive"; a statistical threshold's bound is the percentile's rank.
 */
interface Bound {
  family: 'static' | 'statistical';
  /** less-than*: normal is below the bound; greater-than*: above it. */
  upper: boolean;
  rank: number;
  inclusive: boolean;
  text: string;
}

function boundOf(criteria: BehaviorCriteria | undefined): Bound | undefined {
  const operator = criteria?.comparisonOperator;
  if (operator === undefined || criteria === undefined) return undefined;
  const upper = operator === 'less-than' || operator === 'less-than-equals';
  const lower = operator === 'greater-than' || operator === 'greater-than-equals';
  if (!upper && !lower) return undefined;
  const inclusive = operator.endsWith('-equals');
  const statistic = criteria.statisticalThreshold?.statistic;
  if (statistic !== undefined) {
    // The percentile names sort by the number after "p" (p0.01 < p0.1 < p1).
    const rank = Number.parseFloat(statistic.slice(1));
    if (!Number.isFinite(rank)) return undefined;
    return { family: 'statistical', upper, rank, inclusive, text: `${operator} ${statistic}` };
  }
  const threshold = criteria.value?.count ?? criteria.value?.number;
  if (threshold === undefined) return undefined;
  return {
    family: 'static',
    upper,
    rank: threshold,
    inclusive,
    text: `${operator} ${threshold}`,
  };
}

/** Compares two bounds of the normal range: wider normal range = fewer alarms = weakens. */
function compareBounds(before: Bound, after: Bound): EffectJudgement | undefined {
  if (before.family !== after.family || before.upper !== after.upper) return undefined;
  const what = `normal was ${before.text}, now ${after.text}`;
  const sameRank = before.rank === after.rank;
  const widened = before.upper
    ? after.rank > before.rank || (sameRank && after.inclusive && !before.inclusive)
    : after.rank < before.rank || (sameRank && after.inclusive && !before.inclusive);
  const narrowed = before.upper
    ? after.rank < before.rank || (sameRank && !after.inclusive && before.inclusive)
    : after.rank > before.rank || (sameRank && !after.inclusive && before.inclusive);
  const whose = before.family === 'statistical' ? 'devices' : 'values';
  if (widened) return weakens(`${what}: fewer ${whose} alarm`);
  if (narrowed) return strengthens(`${what}: more ${whose} alarm`);
  return neutral(`${what}: the same ${whose} alarm`);
}

const THRESHOLD_FIELDS: ReadonlySet<string> = new Set([
  'criteria.comparisonOperator',
  'criteria.value.count',
  'criteria.value.number',
  'criteria.statisticalThreshold.statistic',
]);

const SET_FIELDS: ReadonlySet<string> = new Set([
  'criteria.value.cidrs',
  'criteria.value.ports',
  'criteria.value.numbers',
  'criteria.value.strings',
]);

function readLeaf(behavior: Behavior, field: string): unknown {
  let node: unknown = behavior;
  for (const part of field.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function showValue(value: unknown): string {
  if (value === undefined) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function classifyThreshold(field: string, before: Behavior, after: Behavior): EffectJudgement {
  const old = boundOf(before.criteria);
  const next = boundOf(after.criteria);
  if (old !== undefined && next !== undefined) {
    const judged = compareBounds(old, next);
    if (judged !== undefined) return judged;
  }
  const was = readLeaf(before, field);
  const now = readLeaf(after, field);
  if (field === 'criteria.comparisonOperator') {
    if (was === undefined) return strengthens(`adds the comparison ${showValue(now)}`);
    return weakens(
      `the old check (${showValue(was)}) is gone; ${now === undefined ? 'no comparison replaces it' : `${showValue(now)} is a different check`}`,
    );
  }
  if (now === undefined) return weakens(`the threshold ${showValue(was)} is removed`);
  if (was === undefined) return strengthens(`adds the threshold ${showValue(now)}`);
  // A threshold under a changed comparison direction: the operator change carries the judgement.
  return neutral('compared under a different operator; judged with the operator change');
}

function classifySet(field: string, before: Behavior, after: Behavior): EffectJudgement {
  const operator = after.criteria?.comparisonOperator;
  if (operator === undefined || operator !== before.criteria?.comparisonOperator) {
    return neutral('the operator changed too; judged with the operator change');
  }
  const was = readLeaf(before, field);
  const now = readLeaf(after, field);
  const wasList = Array.isArray(was) ? was.map(showValue) : [];
  const nowList = Array.isArray(now) ? now.map(showValue) : [];
  const added = nowList.filter((item) => !wasList.includes(item));
  const removed = wasList.filter((item) => !nowList.includes(item));
  if (ALLOW_SET_OPERATORS.has(operator)) {
    if (added.length > 0) {
      return weakens(`the allow-list (${operator}) now also allows ${added.join(', ')}`);
    }
    if (removed.length > 0) {
      return strengthens(`the allow-list (${operator}) no longer allows ${removed.join(', ')}`);
    }
  } else if (DENY_SET_OPERATORS.has(operator)) {
    if (removed.length > 0) {
      return weakens(`the deny-list (${operator}) no longer denies ${removed.join(', ')}`);
    }
    if (added.length > 0) {
      return strengthens(`the deny-list (${operator}) now also denies ${added.join(', ')}`);
    }
  }
  return neutral('the set holds the same elements');
}

function classifyConfidence(before: Behavior, after: Behavior): EffectJudgement {
  const was = before.criteria?.mlDetectionConfig?.confidenceLevel;
  const now = after.criteria?.mlDetectionConfig?.confidenceLevel;
  if (was === undefined && now !== undefined) return strengthens(`adds ML Detect (${now})`);
  if (was !== undefined && now === undefined) return weakens(`ML Detect (${was}) is removed`);
  if (was === undefined || now === undefined) return neutral('no ML Detect on either side');
  const delta = CONFIDENCE_RANK[now] - CONFIDENCE_RANK[was];
  if (delta > 0) return weakens(`confidence ${was} → ${now}: HIGH raises the fewest alarms`);
  if (delta < 0) return strengthens(`confidence ${was} → ${now}: LOW raises the most alarms`);
  return neutral('same confidence level');
}

function classifyBehaviorField(field: string, before: Behavior, after: Behavior): EffectJudgement {
  if (THRESHOLD_FIELDS.has(field)) return classifyThreshold(field, before, after);
  if (SET_FIELDS.has(field)) return classifySet(field, before, after);
  switch (field) {
    case 'suppressAlerts': {
      const was = before.suppressAlerts === true;
      const now = after.suppressAlerts === true;
      if (!was && now) return weakens('alerts of this behavior are suppressed');
      if (was && !now) return strengthens('alerts of this behavior are no longer suppressed');
      return neutral('suppression unchanged');
    }
    case 'metric':
      if (before.metric === undefined) return strengthens(`now watches ${showValue(after.metric)}`);
      return weakens(
        `the check on ${before.metric} is gone; the behavior now watches ${showValue(after.metric)}`,
      );
    case 'metricDimension': {
      const was = before.metricDimension;
      const now = after.metricDimension;
      if (was === undefined && now !== undefined) {
        return weakens(`narrowed to topics ${dimensionText(now)}; other topics are not watched`);
      }
      if (was !== undefined && now === undefined) {
        return strengthens(`widened from topics ${dimensionText(was)} to all topics`);
      }
      if (was !== undefined && now !== undefined) {
        return weakens(
          `scope changed from topics ${dimensionText(was)} to ${dimensionText(now)}; topics watched before may no longer be`,
        );
      }
      return neutral('no dimension on either side');
    }
    case 'criteria.mlDetectionConfig.confidenceLevel':
      return classifyConfidence(before, after);
    case 'criteria.consecutiveDatapointsToAlarm': {
      const was = before.criteria?.consecutiveDatapointsToAlarm ?? 1;
      const now = after.criteria?.consecutiveDatapointsToAlarm ?? 1;
      if (now > was)
        return weakens(`needs ${now} violating datapoints in a row to alarm, not ${was}`);
      if (now < was) return strengthens(`alarms after ${now} violating datapoints, not ${was}`);
      return neutral('same number of datapoints (absent means 1)');
    }
    case 'criteria.consecutiveDatapointsToClear':
      return neutral('changes when an alarm clears, not whether it fires');
    case 'criteria.durationSeconds':
      // A longer window accumulates more of a count but also smooths bursts: neither direction is
      // stricter in general, so the reviewer judges it with the threshold.
      return neutral('changes the window the metric is measured over, not the threshold');
    case 'exportMetric':
      return neutral('exporting metric values does not change when alarms fire');
    default:
      return neutral('not known to change when alarms fire');
  }
}

function dimensionText(dimension: { dimensionName: string; operator?: string }): string {
  return `${dimension.operator === 'NOT_IN' ? 'not matching' : 'matching'} ${dimension.dimensionName}`;
}

/** The detection effect of one change, with a short reason; pure and total over its input. */
export function classifyChange(subject: ChangeSubject): EffectJudgement {
  switch (subject.kind) {
    case 'behavior-added':
      return strengthens(`adds the check ${subject.behavior.name}`);
    case 'behavior-removed':
      return weakens(`removes the check ${subject.behavior.name}; it no longer alarms`);
    case 'behavior-field':
      return classifyBehaviorField(subject.field, subject.before, subject.after);
    case 'behaviors-reordered':
      return neutral('the order of behaviors does not change detection');
    case 'alert-target-added':
      return strengthens(`alarms now notify the ${subject.type} target`);
    case 'alert-target-removed':
      return weakens(`alarms no longer notify the ${subject.type} target`);
    case 'alert-target-changed':
      // Detection is the same; notifications go elsewhere, which the reviewer sees in the diff.
      return neutral(`alarms notify a different ${subject.type} target or role`);
    case 'description':
      return neutral('the description does not change detection');
    case 'retained-metric':
      return neutral('retaining metric data does not change when alarms fire');
    case 'export-config':
      return neutral('the export destination does not change when alarms fire');
  }
}
