/**
 * Pure rules of the behavior editor: which detection types a metric offers, the criteria a
 * behavior gets when its metric or detection type changes, default and copy names, and how
 * operators and percentiles read in words.
 */

import type { MetricDefinition } from '../../../../domain/metric-catalogue';
import { NAME_MAX_LENGTH } from '../../../../domain/validation';
import type {
  Behavior,
  BehaviorCriteria,
  ComparisonOperator,
  ConfidenceLevel,
  MetricValue,
  Statistic,
} from '../../../../domain/security-profile';

export type DetectionType = 'static' | 'statistical' | 'ml';

export const DETECTION_TYPE_LABELS: Readonly<Record<DetectionType, string>> = {
  static: 'Static threshold',
  statistical: 'Statistical threshold',
  ml: 'ML Detect',
};

export const DETECTION_TYPE_DESCRIPTIONS: Readonly<Record<DetectionType, string>> = {
  static: 'You set the value that is normal.',
  statistical: 'Normal is set by a percentile of what all devices report.',
  ml: 'A model learns what is normal from your devices’ own history.',
};

/** The detection type a behavior's criteria use (static when they name none). */
export function detectionTypeOf(criteria: BehaviorCriteria | undefined): DetectionType {
  if (criteria?.mlDetectionConfig !== undefined) return 'ml';
  if (criteria?.statisticalThreshold !== undefined) return 'statistical';
  return 'static';
}

/** The detection types a metric supports, static first. */
export function detectionTypesFor(metric: MetricDefinition): DetectionType[] {
  const types: DetectionType[] = ['static'];
  if (metric.statistical) types.push('statistical');
  if (metric.ml) types.push('ml');
  return types;
}

/** Whether a behavior on `metric` with `type` detection may carry a metricDimension. */
export function allowsDimension(metric: MetricDefinition, type: DetectionType): boolean {
  return metric.dimension && (type !== 'ml' || metric.mlDimension);
}

const OPERATOR_WORDS: Readonly<Record<ComparisonOperator, string>> = {
  'less-than': 'Normal is less than',
  'less-than-equals': 'Normal is at most',
  'greater-than': 'Normal is greater than',
  'greater-than-equals': 'Normal is at least',
  'in-cidr-set': 'Allowed CIDRs',
  'not-in-cidr-set': 'Denied CIDRs',
  'in-port-set': 'Allowed ports',
  'not-in-port-set': 'Denied ports',
  'in-set': 'Allowed values',
  'not-in-set': 'Denied values',
};

/** An operator in words with its wire name: "Normal is at most (less-than-equals)". */
export function operatorLabel(operator: ComparisonOperator): string {
  return `${OPERATOR_WORDS[operator]} (${operator})`;
}

/** The percentile a statistic names, as a number: "p99.9" → 99.9. */
export function percentileOf(statistic: Statistic): number {
  return Number(statistic.slice(1));
}

// The alarm is the negation of the normal comparison against the fleet's percentile.
const PERCENTILE_ALARM: Readonly<Partial<Record<ComparisonOperator, string>>> = {
  'less-than': 'at or above',
  'less-than-equals': 'above',
  'greater-than': 'at or below',
  'greater-than-equals': 'below',
};

/**
 * What a percentile means with the chosen operator: "p90: a device alarms when its value is above
 * what 90% of devices show".
 */
export function describeStatistic(
  statistic: Statistic,
  operator: ComparisonOperator | undefined,
): string {
  const percent = percentileOf(statistic);
  const alarm = operator === undefined ? undefined : PERCENTILE_ALARM[operator];
  const level =
    percent === 100
      ? 'the highest value any device shows'
      : percent === 0
        ? 'the lowest value any device shows'
        : `what ${percent}% of devices show`;
  if (alarm === undefined) return `${statistic}: compared with ${level}`;
  return `${statistic}: a device alarms when its value is ${alarm} ${level}`;
}

export const CONFIDENCE_DESCRIPTIONS: Readonly<Record<ConfidenceLevel, string>> = {
  HIGH: 'Fewest alarms: only clear anomalies alarm, so some real ones may be missed.',
  MEDIUM: 'A balance between missed anomalies and false alarms.',
  LOW: 'Most sensitive: the most alarms, including more false ones.',
};

function defaultValue(metric: MetricDefinition): MetricValue {
  switch (metric.valueMember) {
    case 'count':
      return { count: 0 };
    case 'number':
      return { number: 0 };
    case 'cidrs':
      return { cidrs: [] };
    case 'ports':
      return { ports: [] };
    case 'numbers':
      return { numbers: [] };
    case 'strings':
      return { strings: [] };
  }
}

/** The value carried over to `metric`: the same member kept, a count and a number interchange. */
function carriedValue(value: MetricValue | undefined, metric: MetricDefinition): MetricValue {
  const single = value?.count ?? value?.number;
  switch (metric.valueMember) {
    case 'count':
      return single !== undefined && Number.isInteger(single) && single >= 0
        ? { count: single }
        : defaultValue(metric);
    case 'number':
      return single !== undefined ? { number: single } : defaultValue(metric);
    case 'cidrs':
      return value?.cidrs !== undefined ? { cidrs: [...value.cidrs] } : defaultValue(metric);
    case 'ports':
      return value?.ports !== undefined ? { ports: [...value.ports] } : defaultValue(metric);
    case 'numbers':
      return value?.numbers !== undefined ? { numbers: [...value.numbers] } : defaultValue(metric);
    case 'strings':
      return value?.strings !== undefined ? { strings: [...value.strings] } : defaultValue(metric);
  }
}

function defaultOperator(metric: MetricDefinition): ComparisonOperator {
  // Number metrics: "normal is at most N" is the usual ceiling; list metrics: an allow-list.
  if (metric.operators.includes('less-than-equals')) return 'less-than-equals';
  return metric.operators[0] ?? 'less-than-equals';
}

/**
 * Criteria valid in shape for `metric` with `type` detection, keeping what carries over from
 * `previous` (datapoints always; operator, value and duration when the new metric allows them)
 * and never a member the new shape cannot have.
 */
export function reshapeCriteria(
  previous: BehaviorCriteria | undefined,
  metric: MetricDefinition,
  type: DetectionType,
): BehaviorCriteria {
  const datapoints: BehaviorCriteria = {};
  if (previous?.consecutiveDatapointsToAlarm !== undefined) {
    datapoints.consecutiveDatapointsToAlarm = previous.consecutiveDatapointsToAlarm;
  }
  if (previous?.consecutiveDatapointsToClear !== undefined) {
    datapoints.consecutiveDatapointsToClear = previous.consecutiveDatapointsToClear;
  }
  if (type === 'ml') {
    return {
      mlDetectionConfig: {
        confidenceLevel: previous?.mlDetectionConfig?.confidenceLevel ?? 'HIGH',
      },
      ...datapoints,
    };
  }
  const operator =
    previous?.comparisonOperator !== undefined &&
    metric.operators.includes(previous.comparisonOperator)
      ? previous.comparisonOperator
      : defaultOperator(metric);
  const duration = carriedDuration(previous, metric);
  if (type === 'statistical') {
    return {
      comparisonOperator: operator,
      statisticalThreshold: { statistic: previous?.statisticalThreshold?.statistic ?? 'p90' },
      ...(duration === undefined ? {} : { durationSeconds: duration }),
      ...datapoints,
    };
  }
  return {
    comparisonOperator: operator,
    value: carriedValue(previous?.value, metric),
    ...(duration === undefined ? {} : { durationSeconds: duration }),
    ...datapoints,
  };
}

function carriedDuration(
  previous: BehaviorCriteria | undefined,
  metric: MetricDefinition,
): number | undefined {
  if (metric.durations.length === 0) return undefined;
  const old = previous?.durationSeconds;
  if (old !== undefined && metric.durations.includes(old)) return old;
  // A fresh behavior (or one whose window the metric lacks) gets the shortest window.
  return previous === undefined || old !== undefined ? metric.durations[0] : undefined;
}

/**
 * `behavior` moved to `metric`: criteria reshaped (the detection type kept when the metric
 * supports it, else static) and a dimension dropped when the metric cannot take one.
 */
export function withMetric(behavior: Behavior, metric: MetricDefinition): Behavior {
  const current = detectionTypeOf(behavior.criteria);
  const type = detectionTypesFor(metric).includes(current) ? current : 'static';
  return withDetection(
    { ...behavior, metric: metric.name },
    metric,
    type,
    behavior.metric === undefined,
  );
}

/** `behavior` switched to `type` detection on `metric`, dropping a dimension that cannot stay. */
export function withDetection(
  behavior: Behavior,
  metric: MetricDefinition,
  type: DetectionType,
  fresh = false,
): Behavior {
  const { metricDimension, criteria, ...rest } = behavior;
  return {
    ...rest,
    criteria: reshapeCriteria(fresh ? undefined : criteria, metric, type),
    ...(metricDimension !== undefined && allowsDimension(metric, type) ? { metricDimension } : {}),
  };
}

/** The first of `behavior-1`, `behavior-2`, … that no behavior is named yet. */
export function defaultBehaviorName(taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const name = `behavior-${n}`;
    if (!taken.has(name)) return name;
  }
}

/** A free name for a copy of `name`: `name-copy`, else `name-copy-2`, …, within the length limit. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${name.slice(0, NAME_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
