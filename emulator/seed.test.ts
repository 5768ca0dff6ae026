import { describe, expect, it } from 'vitest';
import { COMPARISON_OPERATORS, CUSTOM_METRIC_TYPES } from '../src/domain/security-profile';
import { validateCreateRequest, validateDimensionName } from '../src/domain/validation';
import { validationContextOf } from './refusals';
import { createSeedState } from './seed';

const scope = { region: 'eu-west-1', accountId: '210987654321' };
const state = createSeedState(scope, Date.UTC(2026, 11, 4));
const profiles = [...state.profiles];
const behaviors = profiles.flatMap(([, record]) => record.fields.behaviors ?? []);

describe('seed data', () => {
  it('has at least six profiles, each of which passes the domain validation', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(6);
    const ctx = validationContextOf(state);
    for (const [name, record] of profiles) {
      expect({
        name,
        issues: validateCreateRequest({ ...record.fields, tags: record.tags }, ctx),
      }).toEqual({ name, issues: [] });
    }
  });

  it('uses every comparison operator', () => {
    const used = new Set(behaviors.map((behavior) => behavior.criteria?.comparisonOperator));
    for (const operator of COMPARISON_OPERATORS) expect(used).toContain(operator);
  });

  it('has static, statistical and ML behaviors, and a dimension-scoped one', () => {
    expect(behaviors.some((b) => b.criteria?.value !== undefined)).toBe(true);
    expect(behaviors.some((b) => b.criteria?.statisticalThreshold !== undefined)).toBe(true);
    expect(behaviors.some((b) => b.criteria?.mlDetectionConfig !== undefined)).toBe(true);
    expect(behaviors.some((b) => b.metricDimension !== undefined)).toBe(true);
  });

  it('has TOPIC_FILTER dimensions with valid names and custom metrics of all four types', () => {
    expect(state.dimensions.size).toBeGreaterThan(0);
    for (const [name, dimension] of state.dimensions) {
      expect(validateDimensionName(name)).toEqual([]);
      expect(dimension.type).toBe('TOPIC_FILTER');
    }
    const types = new Set([...state.customMetrics.values()].map((metric) => metric.metricType));
    expect([...types].sort()).toEqual([...CUSTOM_METRIC_TYPES].sort());
  });

  it('has alert targets, V2 and legacy V1 retained metrics, export config, tags and targets', () => {
    const fields = profiles.map(([, record]) => record.fields);
    expect(fields.some((f) => f.alertTargets?.SNS !== undefined)).toBe(true);
    expect(fields.some((f) => (f.additionalMetricsToRetainV2 ?? []).length > 0)).toBe(true);
    expect(fields.some((f) => (f.additionalMetricsToRetain ?? []).length > 0)).toBe(true);
    expect(fields.some((f) => f.metricsExportConfig !== undefined)).toBe(true);
    expect(profiles.some(([, record]) => record.tags.length > 0)).toBe(true);
    const targets = profiles.flatMap(([, record]) => record.targets);
    expect(targets).toContain('arn:aws:iot:eu-west-1:210987654321:all/registered-things');
    expect(targets.some((arn) => arn.includes(':thinggroup/'))).toBe(true);
  });

  it('has one profile at exactly the 100-behavior limit with unique behavior names', () => {
    const full = profiles.filter(([, record]) => record.fields.behaviors?.length === 100);
    expect(full).toHaveLength(1);
    const names = (full[0]?.[1].fields.behaviors ?? []).map((behavior) => behavior.name);
    expect(new Set(names).size).toBe(100);
  });

  it('forms ARNs with the configured region and account', () => {
    const alert = profiles.find(([name]) => name === 'fleet-baseline')?.[1].fields.alertTargets;
    expect(alert?.SNS?.alertTargetArn).toMatch(/^arn:aws:sns:eu-west-1:210987654321:/);
    expect(alert?.SNS?.roleArn).toMatch(/^arn:aws:iam::210987654321:role\//);
  });
});
