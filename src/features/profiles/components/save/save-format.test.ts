import { describe, expect, it } from 'vitest';
import type { Behavior } from '../../../../domain/security-profile';
import { describeEntity, describePath, pointAtBehavior, showValue, timeAgo } from './save-format';

const NOW = new Date('2026-12-04T12:00:00Z');
const before = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('timeAgo', () => {
  it.each([
    [0, 'now'],
    [30, '30 seconds ago'],
    [120, '2 minutes ago'],
    [119, '1 minute ago'],
    [3 * 3600, '3 hours ago'],
    [24 * 3600, 'yesterday'],
    [9 * 24 * 3600, 'last week'],
    [400 * 24 * 3600, 'last year'],
  ])('%i seconds before now reads "%s"', (seconds, text) => {
    expect(timeAgo(before(seconds), NOW)).toBe(text);
  });
});

describe('pointAtBehavior', () => {
  const behaviors: Behavior[] = [{ name: 'auth' }, { name: 'ports' }];
  it.each([
    [
      'behaviors[1].criteria.value: ports must be 0-65535',
      { behavior: 'ports', field: 'criteria.value', message: 'ports must be 0-65535' },
    ],
    ['behaviors[0]: duplicate name', { behavior: 'auth', message: 'duplicate name' }],
    // An index the list does not have points at nothing rather than at the wrong behavior.
    ['behaviors[7].metric: unknown', { message: 'behaviors[7].metric: unknown' }],
    ['Too many behaviors', { message: 'Too many behaviors' }],
  ])('%s', (message, expected) => {
    expect(pointAtBehavior(message, behaviors)).toEqual(expected);
  });
});

describe('showValue', () => {
  it.each([
    [undefined, '(none)'],
    [5, '5'],
    [false, 'false'],
    ['text', '"text"'],
    [[1, 2], '[1,2]'],
  ])('%j prints as %s', (value, text) => {
    expect(showValue(value)).toBe(text);
  });
});

describe('describePath and describeEntity', () => {
  it.each([
    ['securityProfileDescription', 'the description', 'the description'],
    ['behaviors[name=auth]', 'behavior auth', 'behavior auth'],
    [
      'behaviors[name=auth].criteria.value.count',
      'behavior auth · criteria.value.count',
      'behavior auth',
    ],
    ['alertTargets.SNS', 'the SNS alert target', 'the SNS alert target'],
    ['alertTargets.SNS.roleArn', 'the SNS alert target · roleArn', 'the SNS alert target'],
    ['metricsExportConfig', 'the metrics export config', 'the metrics export config'],
    [
      'additionalMetricsToRetainV2[metric=aws:num-messages-sent].exportMetric',
      'retained metric aws:num-messages-sent · exportMetric',
      'retained metric aws:num-messages-sent',
    ],
    ['additionalMetricsToRetain', 'additionalMetricsToRetain', 'additionalMetricsToRetain'],
  ])('%s', (path, words, entity) => {
    expect(describePath(path)).toBe(words);
    expect(describeEntity(path)).toBe(entity);
  });
});
