import { describe, expect, it } from 'vitest';
import {
  BEHAVIOR_RULES,
  asEntity,
  cloneValue,
  entitiesEqual,
  explode,
  implode,
  leafEqual,
  retainedMetricKey,
  sameAlertTargets,
  sameBehaviors,
  sameDescription,
  sameRetainedV2,
  setDifference,
  setsEqual,
  valuesEqual,
} from './profile-leaves';
import type { Behavior } from './security-profile';

const behavior: Behavior = {
  name: 'b',
  metric: 'aws:source-ip-address',
  metricDimension: { dimensionName: 'T' },
  criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
};

describe('explode / implode', () => {
  it('flattens to dotted leaves, arrays kept whole', () => {
    expect([...explode(asEntity(behavior))]).toEqual([
      ['name', 'b'],
      ['metric', 'aws:source-ip-address'],
      ['metricDimension.dimensionName', 'T'],
      ['criteria.comparisonOperator', 'in-cidr-set'],
      ['criteria.value.cidrs', ['10.0.0.0/8']],
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a behavior', behavior as unknown as Record<string, unknown>],
    ['an empty nested object', { name: 'x', criteria: { value: {} } }],
    [
      'an empty statistical threshold',
      { criteria: { statisticalThreshold: {}, durationSeconds: 300 } },
    ],
    ['nothing', {}],
  ])('implode(explode(x)) = x for %s', (_title, value) => {
    expect(implode(explode(value))).toStrictEqual(value);
  });

  it('drops undefined members', () => {
    expect(implode(explode({ a: 1, b: undefined }))).toStrictEqual({ a: 1 });
  });
});

describe('equality', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['members in another order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    ['an undefined member', { a: 1, b: undefined }, { a: 1 }, true],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['0 and -0', 0, -0, true],
    ['1 and "1"', 1, '1', false],
  ])('valuesEqual: %s → %s', (_title, a, b, expected) => {
    expect(valuesEqual(a, b)).toBe(expected);
  });

  it.each<[unknown, unknown, boolean]>([
    [['a', 'b'], ['b', 'a'], true],
    [['a', 'a'], ['a'], false],
    [undefined, [], true],
    [[1], ['1'], false],
  ])('setsEqual(%j, %j) = %s', (a, b, expected) => {
    expect(setsEqual(a, b)).toBe(expected);
  });

  it('setDifference keeps each side’s order', () => {
    expect(setDifference(['a', 'b', 'c'], ['d', 'c', 'a'])).toEqual({
      added: ['d'],
      removed: ['b'],
    });
  });

  it.each<[string, unknown, unknown, boolean]>([
    ['suppressAlerts', undefined, false, true],
    ['suppressAlerts', undefined, true, false],
    ['metricDimension.operator', undefined, 'IN', true],
    ['metricDimension.operator', undefined, 'NOT_IN', false],
    ['criteria.consecutiveDatapointsToAlarm', undefined, 1, true],
    ['criteria.value.cidrs', ['a', 'b'], ['b', 'a'], true],
    ['criteria.value.cidrs', undefined, [], false],
    ['criteria.value.count', undefined, 0, false],
  ])('leafEqual(%s, %j, %j) = %s under the behavior rules', (path, a, b, expected) => {
    expect(leafEqual(path, a, b, BEHAVIOR_RULES)).toBe(expected);
  });

  it('entitiesEqual: undefined equals only undefined', () => {
    expect(entitiesEqual(undefined, undefined, BEHAVIOR_RULES)).toBe(true);
    expect(entitiesEqual(undefined, {}, BEHAVIOR_RULES)).toBe(false);
  });

  it.each<[string, boolean]>([
    ['same list', sameBehaviors([behavior], [cloneValue(behavior)])],
    ['absent and empty', sameBehaviors(undefined, [])],
    ["absent and '' description", sameDescription(undefined, '')],
    ['absent and {} alert targets', sameAlertTargets(undefined, {})],
    [
      'V2 entries in another order',
      sameRetainedV2(
        [{ metric: 'a' }, { metric: 'b', exportMetric: false }],
        [{ metric: 'b' }, { metric: 'a' }],
      ),
    ],
  ])('%s are the same', (_title, same) => {
    expect(same).toBe(true);
  });

  it.each<[string, boolean]>([
    [
      'reordered behaviors',
      sameBehaviors([behavior, { ...behavior, name: 'c' }], [{ ...behavior, name: 'c' }, behavior]),
    ],
    [
      'a V2 entry exported',
      sameRetainedV2([{ metric: 'a' }], [{ metric: 'a', exportMetric: true }]),
    ],
  ])('%s differ', (_title, same) => {
    expect(same).toBe(false);
  });
});

describe('retainedMetricKey', () => {
  it.each([
    [{ metric: 'aws:num-messages-sent' }, 'aws:num-messages-sent'],
    [
      { metric: 'aws:num-messages-sent', metricDimension: { dimensionName: 'T' } },
      'aws:num-messages-sent,dimension=T',
    ],
  ])('%j → %s', (entry, key) => {
    expect(retainedMetricKey(entry)).toBe(key);
  });
});

describe('cloneValue', () => {
  it('copies deeply', () => {
    const copy = cloneValue(behavior);
    expect(copy).toStrictEqual(behavior);
    expect(copy.criteria?.value?.cidrs).not.toBe(behavior.criteria?.value?.cidrs);
  });
});
