import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_METRICS,
  builtInMetric,
  customMetricDefinition,
} from '../../../../domain/metric-catalogue';
import type { MetricDefinition } from '../../../../domain/metric-catalogue';
import type { Behavior, CustomMetricType } from '../../../../domain/security-profile';
import { validateBehaviors } from '../../../../domain/validation';
import {
  copyName,
  defaultBehaviorName,
  describeStatistic,
  detectionTypeOf,
  detectionTypesFor,
  operatorLabel,
  reshapeCriteria,
  withDetection,
  withMetric,
} from './behavior-model';

const CUSTOM: [string, CustomMetricType][] = [
  ['temperature', 'number'],
  ['peers', 'ip-address-list'],
  ['codes', 'number-list'],
  ['hosts', 'string-list'],
];
const CONTEXT = { customMetrics: new Map(CUSTOM), dimensions: new Set(['topics']) };
const ALL_METRICS: MetricDefinition[] = [
  ...BUILT_IN_METRICS,
  ...CUSTOM.map(([metricName, metricType]) => customMetricDefinition({ metricName, metricType })),
];

function metric(name: string): MetricDefinition {
  const found = ALL_METRICS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no metric ${name}`);
  return found;
}

describe('detectionTypesFor', () => {
  it.each([
    ['aws:num-messages-sent', ['static', 'statistical', 'ml']],
    ['aws:source-ip-address', ['static']],
    ['aws:listening-tcp-ports', ['static']],
    ['temperature', ['static', 'statistical', 'ml']],
    ['hosts', ['static']],
  ])('%s offers %j', (name, types) => {
    expect(detectionTypesFor(metric(name))).toEqual(types);
  });
});

describe('a fresh behavior on any metric, with any detection type it offers', () => {
  const cases = ALL_METRICS.flatMap((definition) =>
    detectionTypesFor(definition).map((type) => [definition.name, type] as const),
  );
  it.each(cases)('%s with %s detection is valid', (name, type) => {
    const behavior = withDetection({ name: 'b', metric: name }, metric(name), type, true);
    expect(validateBehaviors([behavior], CONTEXT)).toEqual([]);
    expect(detectionTypeOf(behavior.criteria)).toBe(type);
  });
});

describe('withMetric', () => {
  const start: Behavior = {
    name: 'sent',
    metric: 'aws:num-messages-sent',
    metricDimension: { dimensionName: 'topics', operator: 'NOT_IN' },
    criteria: {
      comparisonOperator: 'greater-than',
      value: { count: 5 },
      durationSeconds: 600,
      consecutiveDatapointsToAlarm: 2,
      consecutiveDatapointsToClear: 3,
    },
    suppressAlerts: true,
  };

  it('gives a first metric its defaults', () => {
    expect(withMetric({ name: 'new' }, metric('aws:num-messages-sent'))).toEqual({
      name: 'new',
      metric: 'aws:num-messages-sent',
      criteria: {
        comparisonOperator: 'less-than-equals',
        value: { count: 0 },
        durationSeconds: 300,
      },
    });
  });

  it('keeps operator, value, duration, datapoints and dimension between count metrics', () => {
    expect(withMetric(start, metric('aws:num-messages-received'))).toEqual({
      ...start,
      metric: 'aws:num-messages-received',
    });
  });

  it('drops what a port list metric cannot have and keeps the datapoints', () => {
    const moved = withMetric(start, metric('aws:listening-tcp-ports'));
    expect(moved).toEqual({
      name: 'sent',
      metric: 'aws:listening-tcp-ports',
      criteria: {
        comparisonOperator: 'in-port-set',
        value: { ports: [] },
        consecutiveDatapointsToAlarm: 2,
        consecutiveDatapointsToClear: 3,
      },
      suppressAlerts: true,
    });
    expect(validateBehaviors([moved], CONTEXT)).toEqual([]);
  });

  it('turns a count into a custom number and drops the dimension', () => {
    const moved = withMetric(start, metric('temperature'));
    expect(moved.criteria).toEqual({ ...start.criteria, value: { number: 5 } });
    expect(moved.metricDimension).toBeUndefined();
    expect(validateBehaviors([moved], CONTEXT)).toEqual([]);
  });

  it('falls back to a static threshold when the metric has no ML Detect', () => {
    const ml = withDetection(start, metric('aws:num-messages-sent'), 'ml');
    const moved = withMetric(ml, metric('aws:source-ip-address'));
    expect(moved.criteria).toEqual({
      comparisonOperator: 'in-cidr-set',
      value: { cidrs: [] },
      consecutiveDatapointsToAlarm: 2,
      consecutiveDatapointsToClear: 3,
    });
  });
});

describe('withDetection', () => {
  const sent = builtInMetric('aws:num-messages-sent');
  const disconnects = builtInMetric('aws:num-disconnects');
  if (sent === undefined || disconnects === undefined) throw new Error('catalogue changed');

  it('ML Detect keeps only the confidence and the datapoints', () => {
    const behavior = withDetection(
      {
        name: 'x',
        metric: sent.name,
        criteria: reshapeCriteria({ consecutiveDatapointsToAlarm: 4 }, sent, 'static'),
      },
      sent,
      'ml',
    );
    expect(behavior.criteria).toEqual({
      mlDetectionConfig: { confidenceLevel: 'HIGH' },
      consecutiveDatapointsToAlarm: 4,
    });
  });

  it('keeps a dimension under ML only where the metric allows it', () => {
    const dimension = { dimensionName: 'topics' };
    expect(
      withDetection({ name: 'x', metric: sent.name, metricDimension: dimension }, sent, 'ml')
        .metricDimension,
    ).toEqual(dimension);
    expect(
      withDetection(
        { name: 'x', metric: disconnects.name, metricDimension: dimension },
        disconnects,
        'ml',
      ).metricDimension,
    ).toBeUndefined();
  });

  it('statistical keeps the operator and duration, and has no value', () => {
    const behavior = withDetection(
      {
        name: 'x',
        metric: sent.name,
        criteria: { comparisonOperator: 'greater-than', value: { count: 1 }, durationSeconds: 900 },
      },
      sent,
      'statistical',
    );
    expect(behavior.criteria).toEqual({
      comparisonOperator: 'greater-than',
      statisticalThreshold: { statistic: 'p90' },
      durationSeconds: 900,
    });
  });
});

describe('names', () => {
  it('picks the first free default name', () => {
    expect(defaultBehaviorName(new Set())).toBe('behavior-1');
    expect(defaultBehaviorName(new Set(['behavior-1', 'behavior-3']))).toBe('behavior-2');
  });

  it('names a copy -copy, then -copy-2, within 128 characters', () => {
    expect(copyName('a', new Set(['a']))).toBe('a-copy');
    expect(copyName('a', new Set(['a', 'a-copy']))).toBe('a-copy-2');
    const long = 'x'.repeat(128);
    expect(copyName(long, new Set([long]))).toHaveLength(128);
    expect(copyName(long, new Set([long])).endsWith('-copy')).toBe(true);
  });
});

describe('words', () => {
  it.each([
    ['less-than-equals', 'Normal is at most (less-than-equals)'],
    ['in-cidr-set', 'Allowed CIDRs (in-cidr-set)'],
    ['not-in-port-set', 'Denied ports (not-in-port-set)'],
  ] as const)('%s reads %s', (operator, label) => {
    expect(operatorLabel(operator)).toBe(label);
  });

  it.each([
    [
      'p90',
      'less-than-equals',
      'p90: a device alarms when its value is above what 90% of devices show',
    ],
    [
      'p10',
      'greater-than',
      'p10: a device alarms when its value is at or below what 10% of devices show',
    ],
    [
      'p99.9',
      'less-than',
      'p99.9: a device alarms when its value is at or above what 99.9% of devices show',
    ],
    [
      'p100',
      'less-than-equals',
      'p100: a device alarms when its value is above the highest value any device shows',
    ],
    [
      'p0',
      'greater-than-equals',
      'p0: a device alarms when its value is below the lowest value any device shows',
    ],
  ] as const)('%s with %s', (statistic, operator, text) => {
    expect(describeStatistic(statistic, operator)).toBe(text);
  });
});
