import { describe, expect, it } from 'vitest';
import type { ResolverOptions } from 'react-hook-form';
import { draftResolver, toFormPath, validateDraft } from './draft-resolver';
import type { DraftResolverContext } from './draft-resolver';
import { emptyDraft } from './profile-draft';
import type { ProfileDraft } from './profile-draft';

const ROLE = 'arn:aws:iam::123456789012:role/device-defender';
const ACCOUNT: DraftResolverContext = {
  validation: {
    customMetrics: new Map([['battery-level', 'number']]),
    dimensions: new Set(['telemetry-topics']),
  },
};
const OPTIONS: ResolverOptions<ProfileDraft> = { fields: {}, shouldUseNativeValidation: false };

function draft(overrides: Partial<ProfileDraft>): ProfileDraft {
  return { ...emptyDraft(), securityProfileName: 'fleet', ...overrides };
}

async function resolve(values: ProfileDraft) {
  return draftResolver(values, ACCOUNT, OPTIONS);
}

describe('toFormPath', () => {
  it.each([
    ['behaviors[2].criteria.value.ports[0]', 'behaviors.2.criteria.value.ports.0'],
    ['alertTargets.SNS.roleArn', 'alertTargets.SNS.roleArn'],
    ['securityProfileDescription', 'securityProfileDescription'],
    ['body', 'root'],
    ['', 'root'],
  ])('%s → %s', (path, field) => {
    expect(toFormPath(path)).toBe(field);
  });
});

describe('draftResolver', () => {
  it('passes a valid draft through with no errors', async () => {
    const values = draft({
      securityProfileDescription: 'Fleet baseline',
      behaviors: [
        {
          name: 'few-failures',
          metric: 'aws:num-authorization-failures',
          criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
        },
      ],
      alertTargets: { SNS: { alertTargetArn: 'arn:aws:sns:us-east-1:1:alerts', roleArn: ROLE } },
      additionalMetricsToRetainV2: [{ metric: 'battery-level' }],
      metricsExportConfig: { mqttTopic: '$aws/rules/export', roleArn: ROLE },
    });
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect(result.values).toBe(values);
  });

  it('puts each domain issue at its dotted form path with type "domain"', async () => {
    const result = await resolve(
      draft({
        securityProfileName: 'has space',
        securityProfileDescription: 'line\nbreak',
        behaviors: [
          {
            name: 'ports',
            metric: 'aws:listening-tcp-ports',
            criteria: { comparisonOperator: 'in-port-set', value: { ports: [22, 70000] } },
          },
        ],
        alertTargets: { SNS: { alertTargetArn: 'arn:aws:sns:us-east-1:1:alerts', roleArn: 'x' } },
      }),
    );
    expect(result.values).toEqual({});
    const errors = result.errors as Record<string, unknown>;
    expect(errors).toMatchObject({
      securityProfileName: { type: 'domain' },
      securityProfileDescription: { type: 'domain', message: expect.stringMatching(/ASCII/) },
      alertTargets: { SNS: { roleArn: { type: 'domain' } } },
    });
    const ports = (errors['behaviors'] as { criteria: { value: { ports: unknown[] } } }[])[0]
      ?.criteria.value.ports;
    expect(ports?.[0]).toBeUndefined();
    expect(ports?.[1]).toMatchObject({ type: 'domain', message: expect.any(String) });
  });

  it('puts an error about a whole list on the list and under its root', async () => {
    const values = draft({
      behaviors: [
        {
          name: 'peers',
          metric: 'aws:destination-ip-addresses',
          criteria: {
            comparisonOperator: 'in-cidr-set',
            value: { cidrs: ['10.0.0.0/8'], ports: [22] },
          },
        },
      ],
    });
    const listIssue = validateDraft(values, ACCOUNT.validation).find(
      (issue) => issue.field === 'behaviors.0.criteria.value.ports',
    );
    expect(listIssue).toBeDefined();
    const result = await resolve(values);
    const ports = (
      result.errors as { behaviors?: { criteria?: { value?: { ports?: unknown } } }[] }
    ).behaviors?.[0]?.criteria?.value?.ports as { message?: string; root?: { message?: string } };
    expect(ports.message).toBe(listIssue?.message);
    expect(ports.root?.message).toBe(listIssue?.message);
  });

  it('checks references against the account: an unknown custom metric is an error', async () => {
    const known = await resolve(
      draft({ additionalMetricsToRetainV2: [{ metric: 'battery-level' }] }),
    );
    const unknown = await resolve(draft({ additionalMetricsToRetainV2: [{ metric: 'no-such' }] }));
    expect(known.errors).toEqual({});
    expect(unknown.errors).toMatchObject({
      additionalMetricsToRetainV2: [{ metric: { message: expect.stringMatching(/no-such/) } }],
    });
  });
});
