import { describe, expect, it } from 'vitest';
import type { SecurityProfile } from '../../../domain/security-profile';
import { draftFromProfile, emptyDraft, fieldsFromDraft } from './profile-draft';

const loaded: SecurityProfile = {
  securityProfileName: 'fleet-baseline',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet-baseline',
  version: 3,
  creationDate: new Date('2026-10-01T00:00:00Z'),
  lastModifiedDate: new Date('2026-10-05T00:00:00Z'),
  securityProfileDescription: 'Baseline',
  behaviors: [
    {
      name: 'source-ips',
      metric: 'aws:source-ip-address',
      criteria: { comparisonOperator: 'in-cidr-set', value: { cidrs: ['10.0.0.0/8'] } },
    },
  ],
  alertTargets: {
    SNS: {
      alertTargetArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
      roleArn: 'arn:aws:iam::123456789012:role/Alerts',
    },
  },
  additionalMetricsToRetain: ['aws:num-disconnects'],
  metricsExportConfig: { mqttTopic: '$aws/rules/export', roleArn: 'arn:aws:iam::1:role/Export' },
};

describe('profile drafts', () => {
  it('round-trips a loaded profile to the same fields', () => {
    const draft = draftFromProfile(loaded);
    expect(draft.securityProfileName).toBe('fleet-baseline');
    expect(fieldsFromDraft(draft)).toEqual({
      securityProfileDescription: loaded.securityProfileDescription,
      behaviors: loaded.behaviors,
      alertTargets: loaded.alertTargets,
      additionalMetricsToRetain: loaded.additionalMetricsToRetain,
      metricsExportConfig: loaded.metricsExportConfig,
    });
  });

  it('copies deeply, so editing the draft never changes the loaded profile', () => {
    const draft = draftFromProfile(loaded);
    draft.behaviors[0]?.criteria?.value?.cidrs?.push('192.168.0.0/16');
    expect(loaded.behaviors?.[0]?.criteria?.value?.cidrs).toEqual(['10.0.0.0/8']);
  });

  it.each([
    ['an empty draft', emptyDraft(), {}],
    [
      'a draft with only empty lists and a blank description',
      { ...emptyDraft(), securityProfileName: 'x', securityProfileDescription: '' },
      {},
    ],
  ])('leaves out what is empty: %s', (_label, draft, expected) => {
    expect(fieldsFromDraft(draft)).toEqual(expected);
  });
});
