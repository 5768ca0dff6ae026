import { describe, expect, it } from 'vitest';
import { type ChangeSubject, type DetectionEffect, classifyChange } from './detection-effect';
import type { Behavior, BehaviorCriteria } from './security-profile';

function behavior(criteria: BehaviorCriteria, extra: Partial<Behavior> = {}): Behavior {
  return { name: 'b', metric: 'aws:num-messages-sent', criteria, ...extra };
}

function field(
  name: string,
  before: Behavior,
  after: Behavior,
): Extract<ChangeSubject, { kind: 'behavior-field' }> {
  return { kind: 'behavior-field', field: name, before, after };
}

const count = (operator: BehaviorCriteria['comparisonOperator'], value: number): Behavior =>
  behavior({ comparisonOperator: operator, value: { count: value } });
const stat = (
  operator: BehaviorCriteria['comparisonOperator'],
  statistic: NonNullable<BehaviorCriteria['statisticalThreshold']>['statistic'],
): Behavior => behavior({ comparisonOperator: operator, statisticalThreshold: { statistic } });
const cidrs = (operator: BehaviorCriteria['comparisonOperator'], list: string[]): Behavior =>
  behavior(
    { comparisonOperator: operator, value: { cidrs: list } },
    { metric: 'aws:source-ip-address' },
  );
const ports = (operator: BehaviorCriteria['comparisonOperator'], list: number[]): Behavior =>
  behavior(
    { comparisonOperator: operator, value: { ports: list } },
    { metric: 'aws:listening-tcp-ports' },
  );
const ml = (confidenceLevel: 'LOW' | 'MEDIUM' | 'HIGH'): Behavior =>
  behavior({ mlDetectionConfig: { confidenceLevel } });

describe('classifyChange: whole entities', () => {
  it.each<[string, ChangeSubject, DetectionEffect]>([
    [
      'a removed behavior no longer alarms',
      { kind: 'behavior-removed', behavior: count('less-than', 5) },
      'weakens',
    ],
    [
      'an added behavior is a new check',
      { kind: 'behavior-added', behavior: count('less-than', 5) },
      'strengthens',
    ],
    [
      'a removed alert target stops notifications',
      { kind: 'alert-target-removed', type: 'SNS' },
      'weakens',
    ],
    ['an added alert target notifies', { kind: 'alert-target-added', type: 'SNS' }, 'strengthens'],
    [
      'a changed alert target still notifies (elsewhere)',
      { kind: 'alert-target-changed', type: 'SNS' },
      'neutral',
    ],
    ['the description is words only', { kind: 'description' }, 'neutral'],
    ['retaining metric data raises no alarm', { kind: 'retained-metric' }, 'neutral'],
    ['the export destination raises no alarm', { kind: 'export-config' }, 'neutral'],
    [
      'the order of behaviors is irrelevant to detection',
      { kind: 'behaviors-reordered' },
      'neutral',
    ],
  ])('%s', (_title, subject, effect) => {
    const judged = classifyChange(subject);
    expect(judged.effect).toBe(effect);
    expect(judged.reason).not.toBe('');
  });
});

describe('classifyChange: static number thresholds (criteria say what is NORMAL)', () => {
  it.each<[string, Behavior, Behavior, string, DetectionEffect]>([
    // less-than 5 alarms at 5 or more; raising the bound lets more values count as normal.
    [
      'less-than raised',
      count('less-than', 5),
      count('less-than', 10),
      'criteria.value.count',
      'weakens',
    ],
    [
      'less-than lowered',
      count('less-than', 10),
      count('less-than', 5),
      'criteria.value.count',
      'strengthens',
    ],
    [
      'less-than-equals raised',
      count('less-than-equals', 5),
      count('less-than-equals', 6),
      'criteria.value.count',
      'weakens',
    ],
    // greater-than 10 alarms at 10 or less: the "greater-than raised weakens" is reversed.
    [
      'greater-than raised',
      count('greater-than', 10),
      count('greater-than', 20),
      'criteria.value.count',
      'strengthens',
    ],
    [
      'greater-than lowered',
      count('greater-than', 20),
      count('greater-than', 10),
      'criteria.value.count',
      'weakens',
    ],
    [
      'greater-than-equals lowered',
      count('greater-than-equals', 3),
      count('greater-than-equals', 1),
      'criteria.value.count',
      'weakens',
    ],
    [
      'same bound made inclusive (less-than → less-than-equals)',
      count('less-than', 5),
      count('less-than-equals', 5),
      'criteria.comparisonOperator',
      'weakens',
    ],
    [
      'same bound made exclusive (less-than-equals → less-than)',
      count('less-than-equals', 5),
      count('less-than', 5),
      'criteria.comparisonOperator',
      'strengthens',
    ],
    [
      'greater-than → greater-than-equals, same bound',
      count('greater-than', 5),
      count('greater-than-equals', 5),
      'criteria.comparisonOperator',
      'weakens',
    ],
    [
      'direction flipped: the old check is gone',
      count('less-than', 5),
      count('greater-than', 5),
      'criteria.comparisonOperator',
      'weakens',
    ],
    [
      'a threshold moved under a flipped direction is judged with the operator',
      count('less-than', 5),
      count('greater-than', 9),
      'criteria.value.count',
      'neutral',
    ],
    [
      'custom number metrics use value.number the same way',
      behavior({ comparisonOperator: 'less-than', value: { number: 1.5 } }, { metric: 'temp' }),
      behavior({ comparisonOperator: 'less-than', value: { number: 2.5 } }, { metric: 'temp' }),
      'criteria.value.number',
      'weakens',
    ],
    [
      'the threshold removed (switch to ML) loses the check',
      count('less-than', 5),
      ml('LOW'),
      'criteria.value.count',
      'weakens',
    ],
    [
      'the operator removed loses the check',
      count('less-than', 5),
      ml('LOW'),
      'criteria.comparisonOperator',
      'weakens',
    ],
  ])('%s', (_title, before, after, name, effect) => {
    expect(classifyChange(field(name, before, after)).effect).toBe(effect);
  });

  it('states both bounds in the reason', () => {
    expect(
      classifyChange(field('criteria.value.count', count('less-than', 5), count('less-than', 10)))
        .reason,
    ).toBe('normal was less-than 5, now less-than 10: fewer values alarm');
  });
});

describe('classifyChange: statistical thresholds (percentile order)', () => {
  it.each<[string, Behavior, Behavior, DetectionEffect]>([
    [
      'less-than p90 → p99: fewer devices exceed it',
      stat('less-than', 'p90'),
      stat('less-than', 'p99'),
      'weakens',
    ],
    ['less-than p99 → p50', stat('less-than', 'p99'), stat('less-than', 'p50'), 'strengthens'],
    ['greater-than p10 → p1', stat('greater-than', 'p10'), stat('greater-than', 'p1'), 'weakens'],
    [
      'greater-than p1 → p10',
      stat('greater-than', 'p1'),
      stat('greater-than', 'p10'),
      'strengthens',
    ],
    [
      'p0.01 sorts below p0.1 (less-than raised)',
      stat('less-than-equals', 'p0.01'),
      stat('less-than-equals', 'p0.1'),
      'weakens',
    ],
    [
      'p99.99 sorts above p99.9 (less-than lowered)',
      stat('less-than', 'p99.99'),
      stat('less-than', 'p99.9'),
      'strengthens',
    ],
  ])('%s', (_title, before, after, effect) => {
    expect(
      classifyChange(field('criteria.statisticalThreshold.statistic', before, after)).effect,
    ).toBe(effect);
  });
});

describe('classifyChange: sets (in-* allow, not-in-* deny)', () => {
  it.each<[string, Behavior, Behavior, string, DetectionEffect]>([
    [
      'allow-list widened',
      cidrs('in-cidr-set', ['10.0.0.0/8']),
      cidrs('in-cidr-set', ['10.0.0.0/8', '0.0.0.0/0']),
      'criteria.value.cidrs',
      'weakens',
    ],
    [
      'allow-list narrowed',
      cidrs('in-cidr-set', ['10.0.0.0/8', '192.168.0.0/16']),
      cidrs('in-cidr-set', ['10.0.0.0/8']),
      'criteria.value.cidrs',
      'strengthens',
    ],
    [
      'allow-list swapped one for another still allows something new',
      cidrs('in-cidr-set', ['10.0.0.0/8']),
      cidrs('in-cidr-set', ['172.16.0.0/12']),
      'criteria.value.cidrs',
      'weakens',
    ],
    [
      'deny-list narrowed',
      cidrs('not-in-cidr-set', ['1.2.3.0/24', '5.6.7.0/24']),
      cidrs('not-in-cidr-set', ['1.2.3.0/24']),
      'criteria.value.cidrs',
      'weakens',
    ],
    [
      'deny-list widened',
      cidrs('not-in-cidr-set', ['1.2.3.0/24']),
      cidrs('not-in-cidr-set', ['1.2.3.0/24', '5.6.7.0/24']),
      'criteria.value.cidrs',
      'strengthens',
    ],
    [
      'port allow-list widened',
      ports('in-port-set', [443]),
      ports('in-port-set', [443, 23]),
      'criteria.value.ports',
      'weakens',
    ],
    [
      'port deny-list widened',
      ports('not-in-port-set', [23]),
      ports('not-in-port-set', [23, 21]),
      'criteria.value.ports',
      'strengthens',
    ],
    [
      'in-set numbers widened',
      behavior({ comparisonOperator: 'in-set', value: { numbers: [1] } }),
      behavior({ comparisonOperator: 'in-set', value: { numbers: [1, 2] } }),
      'criteria.value.numbers',
      'weakens',
    ],
    [
      'not-in-set strings narrowed',
      behavior({ comparisonOperator: 'not-in-set', value: { strings: ['a', 'b'] } }),
      behavior({ comparisonOperator: 'not-in-set', value: { strings: ['b'] } }),
      'criteria.value.strings',
      'weakens',
    ],
    [
      'allow → deny flip: the operator change carries it',
      cidrs('in-cidr-set', ['10.0.0.0/8']),
      cidrs('not-in-cidr-set', ['1.0.0.0/8']),
      'criteria.value.cidrs',
      'neutral',
    ],
    [
      'allow → deny flip itself',
      cidrs('in-cidr-set', ['10.0.0.0/8']),
      cidrs('not-in-cidr-set', ['10.0.0.0/8']),
      'criteria.comparisonOperator',
      'weakens',
    ],
  ])('%s', (_title, before, after, name, effect) => {
    expect(classifyChange(field(name, before, after)).effect).toBe(effect);
  });
});

describe('classifyChange: other behavior leaves', () => {
  const base = count('less-than', 5);
  it.each<[string, string, Behavior, Behavior, DetectionEffect]>([
    [
      'suppressAlerts turned on',
      'suppressAlerts',
      base,
      { ...base, suppressAlerts: true },
      'weakens',
    ],
    [
      'suppressAlerts turned off',
      'suppressAlerts',
      { ...base, suppressAlerts: true },
      base,
      'strengthens',
    ],
    ['exportMetric only exports', 'exportMetric', base, { ...base, exportMetric: true }, 'neutral'],
    [
      'more datapoints to alarm',
      'criteria.consecutiveDatapointsToAlarm',
      base,
      behavior({ ...base.criteria, consecutiveDatapointsToAlarm: 3 }),
      'weakens',
    ],
    [
      'fewer datapoints to alarm',
      'criteria.consecutiveDatapointsToAlarm',
      behavior({ ...base.criteria, consecutiveDatapointsToAlarm: 3 }),
      behavior({ ...base.criteria, consecutiveDatapointsToAlarm: 2 }),
      'strengthens',
    ],
    [
      'datapoints to alarm absent → 1 is the default',
      'criteria.consecutiveDatapointsToAlarm',
      base,
      behavior({ ...base.criteria, consecutiveDatapointsToAlarm: 1 }),
      'neutral',
    ],
    [
      'datapoints to clear only affect clearing',
      'criteria.consecutiveDatapointsToClear',
      base,
      behavior({ ...base.criteria, consecutiveDatapointsToClear: 5 }),
      'neutral',
    ],
    [
      'duration changes the window, not the strictness',
      'criteria.durationSeconds',
      behavior({ ...base.criteria, durationSeconds: 300 }),
      behavior({ ...base.criteria, durationSeconds: 3600 }),
      'neutral',
    ],
    [
      'ML confidence toward HIGH',
      'criteria.mlDetectionConfig.confidenceLevel',
      ml('LOW'),
      ml('HIGH'),
      'weakens',
    ],
    [
      'ML confidence MEDIUM → HIGH',
      'criteria.mlDetectionConfig.confidenceLevel',
      ml('MEDIUM'),
      ml('HIGH'),
      'weakens',
    ],
    [
      'ML confidence toward LOW',
      'criteria.mlDetectionConfig.confidenceLevel',
      ml('HIGH'),
      ml('MEDIUM'),
      'strengthens',
    ],
    [
      'ML Detect added where a threshold was',
      'criteria.mlDetectionConfig.confidenceLevel',
      base,
      ml('HIGH'),
      'strengthens',
    ],
    [
      'metric changed: the old check is gone',
      'metric',
      base,
      { ...base, metric: 'aws:num-messages-received' },
      'weakens',
    ],
    [
      'dimension added narrows the scope',
      'metricDimension',
      base,
      { ...base, metricDimension: { dimensionName: 'TopicFilter' } },
      'weakens',
    ],
    [
      'dimension removed widens to all topics',
      'metricDimension',
      { ...base, metricDimension: { dimensionName: 'TopicFilter' } },
      base,
      'strengthens',
    ],
    [
      'dimension IN → NOT_IN flips the scope',
      'metricDimension',
      { ...base, metricDimension: { dimensionName: 'T' } },
      { ...base, metricDimension: { dimensionName: 'T', operator: 'NOT_IN' } },
      'weakens',
    ],
    [
      'dimension NOT_IN → IN flips the scope',
      'metricDimension',
      { ...base, metricDimension: { dimensionName: 'T', operator: 'NOT_IN' } },
      { ...base, metricDimension: { dimensionName: 'T', operator: 'IN' } },
      'weakens',
    ],
    [
      'dimension swapped for another',
      'metricDimension',
      { ...base, metricDimension: { dimensionName: 'A' } },
      { ...base, metricDimension: { dimensionName: 'B' } },
      'weakens',
    ],
    ['an unknown leaf is not judged', 'criteria.somethingNew', base, base, 'neutral'],
  ])('%s', (_title, name, before, after, effect) => {
    expect(classifyChange(field(name, before, after)).effect).toBe(effect);
  });
});
