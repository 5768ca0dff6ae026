import { describe, expect, it } from 'vitest';
import {
  type FieldChange,
  diffProfiles,
  isEmpty,
  listChanges,
  weakeningChanges,
} from './profile-diff';
import type { Behavior, SecurityProfileFields } from './security-profile';
import { buildUpdateRequest, hasChanges } from './update-request';

const messages: Behavior = {
  name: 'HighMessages',
  metric: 'aws:num-messages-sent',
  criteria: { comparisonOperator: 'less-than-equals', value: { count: 100 }, durationSeconds: 300 },
};
const sourceIp: Behavior = {
  name: 'SourceIp',
  metric: 'aws:source-ip-address',
  criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
};
const mlAuth: Behavior = {
  name: 'MlAuth',
  metric: 'aws:num-authorization-failures',
  criteria: { mlDetectionConfig: { confidenceLevel: 'MEDIUM' } },
};
const sns = {
  SNS: {
    alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
    roleArn: 'arn:aws:iam::123456789012:role/alerts',
  },
};
const exportConfig = {
  mqttTopic: '$aws/rules/export',
  roleArn: 'arn:aws:iam::123456789012:role/export',
};
const base: SecurityProfileFields = {
  securityProfileDescription: 'Fleet',
  behaviors: [messages, sourceIp, mlAuth],
  alertTargets: sns,
  additionalMetricsToRetainV2: [{ metric: 'aws:num-disconnects' }],
  metricsExportConfig: exportConfig,
};

function withBehavior(name: string, change: (b: Behavior) => Behavior): SecurityProfileFields {
  return {
    ...base,
    behaviors: (base.behaviors ?? []).map((b) =>
      b.name === name ? change(structuredClone(b)) : b,
    ),
  };
}

function onlyFieldChanges(after: SecurityProfileFields): FieldChange[] {
  const diff = diffProfiles(base, after);
  expect(diff.behaviors.added).toEqual([]);
  expect(diff.behaviors.removed).toEqual([]);
  return diff.behaviors.changed.flatMap((change) => change.fields);
}

describe('diffProfiles: behavior fields', () => {
  it.each<[string, SecurityProfileFields, Partial<FieldChange>[]]>([
    [
      'a raised less-than-equals threshold weakens',
      withBehavior('HighMessages', (b) => ({
        ...b,
        criteria: { ...b.criteria, value: { count: 200 } },
      })),
      [
        {
          kind: 'value',
          path: 'behaviors[name=HighMessages].criteria.value.count',
          field: 'criteria.value.count',
          before: 100,
          after: 200,
          effect: 'weakens',
          summary: 'criteria.value.count: 100 → 200',
        },
      ],
    ],
    [
      'a CIDR added to an allow-list is reported as an element and weakens',
      withBehavior('SourceIp', (b) => ({
        ...b,
        criteria: { ...b.criteria, value: { cidrs: ['10.0.0.0/8', '0.0.0.0/0'] } },
      })),
      [
        {
          kind: 'set',
          path: 'behaviors[name=SourceIp].criteria.value.cidrs',
          added: ['0.0.0.0/0'],
          removed: [],
          effect: 'weakens',
          summary: 'criteria.value.cidrs: +"0.0.0.0/0"',
        },
      ],
    ],
    [
      'a CIDR swapped shows one added and one removed',
      withBehavior('SourceIp', (b) => ({
        ...b,
        criteria: { ...b.criteria, value: { cidrs: ['172.16.0.0/12'] } },
      })),
      [{ kind: 'set', added: ['172.16.0.0/12'], removed: ['10.0.0.0/8'], effect: 'weakens' }],
    ],
    [
      'a reordered set is no change',
      {
        ...base,
        behaviors: [
          messages,
          {
            ...sourceIp,
            criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
          },
          mlAuth,
        ],
      },
      [],
    ],
    [
      'suppressAlerts turned on weakens; absent → false is no change',
      withBehavior('MlAuth', (b) => ({ ...b, suppressAlerts: true, exportMetric: false })),
      [{ field: 'suppressAlerts', before: undefined, after: true, effect: 'weakens' }],
    ],
    [
      'ML confidence toward HIGH weakens',
      withBehavior('MlAuth', (b) => ({
        ...b,
        criteria: { mlDetectionConfig: { confidenceLevel: 'HIGH' } },
      })),
      [
        {
          field: 'criteria.mlDetectionConfig.confidenceLevel',
          before: 'MEDIUM',
          after: 'HIGH',
          effect: 'weakens',
        },
      ],
    ],
    [
      'a dimension added is one change (not one per member) and weakens',
      withBehavior('HighMessages', (b) => ({
        ...b,
        metricDimension: { dimensionName: 'Telemetry', operator: 'NOT_IN' },
      })),
      [
        {
          field: 'metricDimension',
          before: undefined,
          after: { dimensionName: 'Telemetry', operator: 'NOT_IN' },
          effect: 'weakens',
        },
      ],
    ],
    [
      'several leaves of one behavior, each classified',
      withBehavior('HighMessages', (b) => ({
        ...b,
        exportMetric: true,
        criteria: { ...b.criteria, durationSeconds: 600, consecutiveDatapointsToAlarm: 2 },
      })),
      [
        { field: 'criteria.durationSeconds', before: 300, after: 600, effect: 'neutral' },
        {
          field: 'criteria.consecutiveDatapointsToAlarm',
          before: undefined,
          after: 2,
          effect: 'weakens',
        },
        { field: 'exportMetric', before: undefined, after: true, effect: 'neutral' },
      ],
    ],
  ])('%s', (_title, after, expected) => {
    const changes = onlyFieldChanges(after);
    expect(changes).toHaveLength(expected.length);
    expected.forEach((partial, index) => expect(changes[index]).toMatchObject(partial));
  });
});

describe('diffProfiles: groups', () => {
  it('matches behaviors by name: a rename is a removal plus an addition', () => {
    const diff = diffProfiles(base, {
      ...base,
      behaviors: [{ ...messages, name: 'ManyMessages' }, sourceIp, mlAuth],
    });
    expect(diff.behaviors.removed.map((e) => [e.name, e.effect])).toEqual([
      ['HighMessages', 'weakens'],
    ]);
    expect(diff.behaviors.added.map((e) => [e.name, e.effect])).toEqual([
      ['ManyMessages', 'strengthens'],
    ]);
    expect(diff.behaviors.changed).toEqual([]);
  });

  it('treats an explicit IN dimension operator as the absent default', () => {
    const scoped = { ...messages, metricDimension: { dimensionName: 'T' } };
    const diff = diffProfiles(
      { behaviors: [scoped] },
      { behaviors: [{ ...scoped, metricDimension: { dimensionName: 'T', operator: 'IN' } }] },
    );
    expect(isEmpty(diff)).toBe(true);
  });

  it.each<[string, SecurityProfileFields, string]>([
    [
      'a weakening field wins over a strengthening one',
      withBehavior('HighMessages', (b) => ({
        ...b,
        suppressAlerts: true,
        criteria: { ...b.criteria, value: { count: 10 } },
      })),
      'weakens',
    ],
    [
      'strengthening and neutral fields',
      withBehavior('HighMessages', (b) => ({
        ...b,
        exportMetric: true,
        criteria: { ...b.criteria, value: { count: 10 } },
      })),
      'strengthens',
    ],
    [
      'neutral fields only',
      withBehavior('HighMessages', (b) => ({ ...b, exportMetric: true })),
      'neutral',
    ],
  ])('sums up a changed behavior: %s', (_title, after, effect) => {
    expect(diffProfiles(base, after).behaviors.changed[0]?.effect).toBe(effect);
  });

  it('reports a reorder of the same behaviors as one neutral change', () => {
    const diff = diffProfiles(base, { ...base, behaviors: [sourceIp, messages, mlAuth] });
    expect(diff.behaviors.reordered).toMatchObject({ effect: 'neutral', path: 'behaviors' });
    expect(isEmpty(diff)).toBe(false);
  });

  it('says that removing every behavior maps to deleteBehaviors', () => {
    const diff = diffProfiles(base, { ...base, behaviors: [] });
    expect(diff.behaviors.removed).toHaveLength(3);
    expect(diff.wholeRemovals).toEqual([
      {
        member: 'behaviors',
        flag: 'deleteBehaviors',
        summary: 'removes ALL behaviors (3 behaviors); the save sends deleteBehaviors',
      },
    ]);
  });

  it.each<[string, SecurityProfileFields, object[], string[]]>([
    [
      'alert target removed: weakens, ALL alert targets',
      { ...base, alertTargets: {} },
      [{ kind: 'removed', type: 'SNS', effect: 'weakens', path: 'alertTargets.SNS' }],
      ['deleteAlertTargets'],
    ],
    [
      'the same alert target spelled anew: no change',
      { ...base, alertTargets: { SNS: { ...sns.SNS } } },
      [],
      [],
    ],
    [
      'alert target topic changed: neutral',
      {
        ...base,
        alertTargets: {
          SNS: { ...sns.SNS, alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:x' },
        },
      },
      [{ kind: 'changed', effect: 'neutral' }],
      [],
    ],
  ])('%s', (_title, after, expected, flags) => {
    const diff = diffProfiles(base, after);
    expect(diff.alertTargets).toHaveLength(expected.length);
    expected.forEach((partial, index) => expect(diff.alertTargets[index]).toMatchObject(partial));
    expect(diff.wholeRemovals.map((r) => r.flag)).toEqual(flags);
  });

  it('an alert target added to a profile without one strengthens', () => {
    const diff = diffProfiles({ ...base, alertTargets: undefined }, base);
    expect(diff.alertTargets).toMatchObject([{ kind: 'added', effect: 'strengthens' }]);
  });

  it('reports the description (cleared), retained metrics (V1 and V2) and export config as neutral', () => {
    const before: SecurityProfileFields = {
      ...base,
      additionalMetricsToRetain: ['aws:num-connection-attempts'],
    };
    const after: SecurityProfileFields = {
      ...base,
      securityProfileDescription: '',
      additionalMetricsToRetain: [],
      additionalMetricsToRetainV2: [
        { metric: 'aws:num-disconnects', exportMetric: true },
        { metric: 'aws:num-messages-sent', metricDimension: { dimensionName: 'T' } },
      ],
      metricsExportConfig: { ...exportConfig, mqttTopic: '$aws/rules/other' },
    };
    const diff = diffProfiles(before, after);
    expect(diff.description).toMatchObject({
      before: 'Fleet',
      after: '',
      summary: 'clears the description',
    });
    expect(diff.retainedMetrics.map((c) => [c.list, c.kind, c.path])).toEqual([
      [
        'additionalMetricsToRetain',
        'removed',
        'additionalMetricsToRetain[aws:num-connection-attempts]',
      ],
      [
        'additionalMetricsToRetainV2',
        'changed',
        'additionalMetricsToRetainV2[metric=aws:num-disconnects]',
      ],
      [
        'additionalMetricsToRetainV2',
        'added',
        'additionalMetricsToRetainV2[metric=aws:num-messages-sent,dimension=T]',
      ],
    ]);
    expect(diff.metricsExportConfig).toMatchObject({ kind: 'changed' });
    expect(listChanges(diff).every((change) => change.effect === 'neutral')).toBe(true);
    expect(weakeningChanges(diff)).toEqual([]);
  });

  it('says removing the export config maps to deleteMetricsExportConfig', () => {
    const diff = diffProfiles(base, { ...base, metricsExportConfig: undefined });
    expect(diff.metricsExportConfig).toMatchObject({ kind: 'removed', effect: 'neutral' });
    expect(diff.wholeRemovals.map((r) => r.flag)).toEqual(['deleteMetricsExportConfig']);
  });

  it('says removing every retained metric (legacy and V2) maps to deleteAdditionalMetricsToRetain', () => {
    const diff = diffProfiles(
      { ...base, additionalMetricsToRetain: ['aws:num-disconnects'] },
      { ...base, additionalMetricsToRetainV2: [] },
    );
    expect(diff.wholeRemovals.map((r) => r.flag)).toEqual(['deleteAdditionalMetricsToRetain']);
  });
});

describe('weakeningChanges and isEmpty', () => {
  it('collects every weakening change across groups', () => {
    const after: SecurityProfileFields = {
      ...withBehavior('HighMessages', (b) => ({ ...b, suppressAlerts: true })),
      behaviors: [{ ...messages, suppressAlerts: true }, sourceIp],
      alertTargets: undefined,
      securityProfileDescription: 'Changed',
    };
    expect(weakeningChanges(diffProfiles(base, after)).map((c) => c.path)).toEqual([
      'behaviors[name=MlAuth]',
      'behaviors[name=HighMessages].suppressAlerts',
      'alertTargets.SNS',
    ]);
  });

  it.each<[string, SecurityProfileFields, SecurityProfileFields]>([
    ['identical', base, structuredClone(base)],
    [
      'absent vs empty members',
      { behaviors: [], alertTargets: {}, securityProfileDescription: '' },
      {},
    ],
    [
      'defaults spelled out',
      base,
      withBehavior('MlAuth', (b) => ({
        ...b,
        suppressAlerts: false,
        criteria: { ...b.criteria, consecutiveDatapointsToAlarm: 1 },
      })),
    ],
  ])('is empty for %s, exactly when the save would send nothing', (_title, before, after) => {
    const diff = diffProfiles(before, after);
    expect(isEmpty(diff)).toBe(true);
    const loaded = {
      ...before,
      securityProfileName: 'P',
      securityProfileArn: 'arn',
      version: 1,
      creationDate: new Date(0),
      lastModifiedDate: new Date(0),
    };
    expect(hasChanges(buildUpdateRequest(loaded, after))).toBe(false);
  });

  it('is not empty whenever the save would send something', () => {
    const loaded = {
      ...base,
      securityProfileName: 'P',
      securityProfileArn: 'arn',
      version: 1,
      creationDate: new Date(0),
      lastModifiedDate: new Date(0),
    };
    const edits: SecurityProfileFields[] = [
      { ...base, behaviors: [sourceIp, messages, mlAuth] },
      { ...base, securityProfileDescription: 'x' },
      { ...base, additionalMetricsToRetainV2: [] },
      withBehavior('SourceIp', (b) => ({
        ...b,
        criteria: { comparisonOperator: 'not-in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
      })),
    ];
    for (const edited of edits) {
      expect(hasChanges(buildUpdateRequest(loaded, edited))).toBe(true);
      expect(isEmpty(diffProfiles(base, edited))).toBe(false);
    }
  });
});

describe('at the 100-behavior limit', () => {
  it('reports one removal and one change among a hundred behaviors, and nothing else', () => {
    const behaviorAt = (index: number, count = 100): Behavior => ({
      name: `behavior-${index}`,
      metric: 'aws:num-messages-sent',
      criteria: { comparisonOperator: 'less-than', value: { count }, durationSeconds: 300 },
    });
    const before = Array.from({ length: 100 }, (_, index) => behaviorAt(index));
    const after = before
      .filter((_, index) => index !== 3)
      .map((b, index) => (index === 70 ? behaviorAt(71, 500) : b));
    const diff = diffProfiles({ behaviors: before }, { behaviors: after });
    expect(diff.behaviors.removed.map((entry) => entry.name)).toEqual(['behavior-3']);
    expect(diff.behaviors.changed.map((entry) => entry.name)).toEqual(['behavior-71']);
    expect(diff.behaviors.added).toEqual([]);
    expect(weakeningChanges(diff)).toHaveLength(2);
  });
});
