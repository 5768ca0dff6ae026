import { describe, expect, it } from 'vitest';
import type { SecurityProfile } from '../../../../domain/security-profile';
import { parseCliInputJson, toCliInputJson } from '../../../../domain/update-request';
import { draftFromProfile, emptyDraft, fieldsFromDraft } from '../../utils/profile-draft';
import type { ProfileDraft } from '../../utils/profile-draft';
import { cloneProfileName } from './clone-profile-name';
import { draftFromImport, draftFromJson, draftToJson } from './draft-json';
import { fullUpdateRequest } from './full-update-request';

const ROLE = 'arn:aws:iam::123456789012:role/device-defender';

const profile: SecurityProfile = {
  securityProfileName: 'fleet',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet',
  version: 4,
  creationDate: new Date('2026-10-01T00:00:00Z'),
  lastModifiedDate: new Date('2026-10-02T00:00:00Z'),
  securityProfileDescription: 'Fleet baseline',
  behaviors: [
    {
      name: 'peers',
      metric: 'aws:destination-ip-addresses',
      criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
      suppressAlerts: true,
    },
    {
      name: 'few-failures',
      metric: 'aws:num-authorization-failures',
      metricDimension: { dimensionName: 'topics', operator: 'NOT_IN' },
      criteria: {
        comparisonOperator: 'less-than',
        value: { count: 5 },
        durationSeconds: 300,
        consecutiveDatapointsToAlarm: 2,
      },
    },
  ],
  alertTargets: { SNS: { alertTargetArn: 'arn:aws:sns:us-east-1:1:alerts', roleArn: ROLE } },
  additionalMetricsToRetain: ['aws:num-messages-sent'],
  additionalMetricsToRetainV2: [{ metric: 'aws:num-connection-attempts', exportMetric: true }],
  metricsExportConfig: { mqttTopic: '$aws/rules/export', roleArn: ROLE },
};

describe('the JSON view text', () => {
  it('round-trips a draft losslessly (text → draft → text)', () => {
    const draft = draftFromProfile(profile);
    const text = draftToJson(draft);
    const back = draftFromJson(text, 'fleet');
    expect(back).toEqual({ ok: true, draft });
    if (back.ok) expect(draftToJson(back.draft)).toBe(text);
  });

  it('reads a member left out as none', () => {
    const result = draftFromJson('{"securityProfileDescription":"only this"}', 'fleet');
    expect(result).toEqual({
      ok: true,
      draft: {
        ...emptyDraft(),
        securityProfileName: 'fleet',
        securityProfileDescription: 'only this',
      },
    });
  });

  it.each([
    ['{"behaviors": [', /JSON|Unexpected|end/i],
    ['[1, 2]', /JSON object/],
    ['{"behavior": []}', /unknown member "behavior"/],
    ['{"behaviors": {}}', /behaviors must be a list/],
    ['{"behaviors": [{"metric": "aws:num-messages-sent"}]}', /behaviors\[0\]\.name must be text/],
    [
      '{"behaviors": [{"name": "p", "criteria": {"value": {"ports": 22}}}]}',
      /behaviors\[0\]\.criteria\.value\.ports must be a list/,
    ],
    ['{"alertTargets": {"SNS": "arn"}}', /alertTargets\.SNS must be an object/],
    ['{"securityProfileDescription": 5}', /must be text/],
  ])('refuses %s, saying why', (text, reason) => {
    const result = draftFromJson(text, 'fleet');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('leaves wrong values in a well-shaped draft to validation', () => {
    const result = draftFromJson('{"behaviors": [{"name": "bad name!"}]}', 'fleet');
    expect(result.ok).toBe(true);
  });
});

describe('draftFromImport', () => {
  const current: ProfileDraft = draftFromProfile(profile);

  it('imports a whole profile (a create input): members it leaves out become none', () => {
    const parsed = parseCliInputJson(
      JSON.stringify({ securityProfileName: 'imported', securityProfileDescription: 'From file' }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(draftFromImport(current, parsed, false)).toEqual({
      ...emptyDraft(),
      securityProfileName: 'fleet',
      securityProfileDescription: 'From file',
    });
    expect(draftFromImport(current, parsed, true).securityProfileName).toBe('imported');
  });

  it('imports an update input as a patch: untouched members stay, delete flags clear', () => {
    const parsed = parseCliInputJson(
      JSON.stringify({
        securityProfileName: 'fleet',
        expectedVersion: 4,
        securityProfileDescription: '',
        deleteMetricsExportConfig: true,
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const next = draftFromImport(current, parsed, false);
    const expected: ProfileDraft = { ...current, securityProfileDescription: '' };
    delete expected.metricsExportConfig;
    expect(next).toEqual(expected);
  });

  it('reads back what Export wrote: the full update input rebuilds the same draft', () => {
    const exported = toCliInputJson(fullUpdateRequest(profile, fieldsFromDraft(current)));
    const parsed = parseCliInputJson(exported);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(draftFromImport(emptyDraft(), parsed, true)).toEqual(current);
  });
});

describe('fullUpdateRequest', () => {
  it('sets every member the draft has and the delete flag of every one it has not', () => {
    expect(fullUpdateRequest(profile, {})).toEqual({
      securityProfileName: 'fleet',
      expectedVersion: 4,
      securityProfileDescription: '',
      deleteBehaviors: true,
      deleteAlertTargets: true,
      deleteAdditionalMetricsToRetain: true,
      deleteMetricsExportConfig: true,
    });
    const full = fullUpdateRequest(profile, fieldsFromDraft(draftFromProfile(profile)));
    expect(Object.keys(full).filter((key) => key.startsWith('delete'))).toEqual([]);
    expect(full.behaviors).toEqual(profile.behaviors);
  });
});

describe('cloneProfileName', () => {
  it.each([
    ['fleet', 'fleet-copy'],
    ['a'.repeat(128), `${'a'.repeat(123)}-copy`],
  ])('%s → %s', (name, copy) => {
    expect(cloneProfileName(name)).toBe(copy);
    expect(cloneProfileName(name).length).toBeLessThanOrEqual(128);
  });
});
