import { describe, expect, it } from 'vitest';
import type { Behavior, SecurityProfile } from '../../../../domain/security-profile';
import type { StoredDraft } from '../../utils/draft-store';
import { draftFromProfile, emptyDraft } from '../../utils/profile-draft';
import type { ProfileDraft } from '../../utils/profile-draft';
import { planRestore } from './restore-draft-plan';

const messages: Behavior = {
  name: 'messages-sent',
  metric: 'aws:num-messages-sent',
  criteria: { comparisonOperator: 'less-than', value: { count: 100 }, durationSeconds: 300 },
};
const failures: Behavior = {
  name: 'auth-failures',
  metric: 'aws:num-authorization-failures',
  criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
};

function version(n: number, edit: Partial<SecurityProfile> = {}): SecurityProfile {
  return {
    securityProfileName: 'fleet',
    securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet',
    securityProfileDescription: 'Baseline',
    behaviors: [messages, failures],
    creationDate: new Date('2026-01-01T00:00:00Z'),
    lastModifiedDate: new Date(Date.UTC(2026, 1, n)),
    ...edit,
    version: n,
  };
}

/** A behavior list with one count changed. */
function withCount(behaviors: Behavior[], name: string, count: number): Behavior[] {
  return behaviors.map((behavior) =>
    behavior.name === name
      ? { ...behavior, criteria: { ...behavior.criteria, value: { count } } }
      : behavior,
  );
}

function draftOn(base: SecurityProfile | null, values: ProfileDraft): StoredDraft {
  return {
    key: 'scope|profile:fleet',
    profileName: 'fleet',
    baseVersion: base?.version ?? null,
    baseLastModified: base?.lastModifiedDate.getTime() ?? null,
    base,
    values,
    savedAt: 0,
  };
}

const v2 = version(2);
const mine: ProfileDraft = {
  ...draftFromProfile(v2),
  securityProfileDescription: 'Mine',
  behaviors: withCount(v2.behaviors ?? [], 'messages-sent', 150),
};

describe('planRestore', () => {
  it.each([
    ['the server is still at the draft version', draftOn(v2, mine), v2],
    [
      'a new profile (nothing loaded)',
      draftOn(null, { ...emptyDraft(), securityProfileName: 'x' }),
      undefined,
    ],
  ])('%s → restore as is', (_, draft, loaded) => {
    expect(planRestore(draft, loaded)).toEqual({ kind: 'restore' });
  });

  it('a newer version with other changes → merged without a question, both sides kept', () => {
    const theirs = version(4, { behaviors: withCount(v2.behaviors ?? [], 'auth-failures', 3) });
    const plan = planRestore(draftOn(v2, mine), theirs);
    expect(plan.kind).toBe('merged');
    if (plan.kind === 'restore') return;
    expect(plan.base).toBe(v2);
    expect(plan.theirs).toBe(theirs);
    expect(plan.result.merged.securityProfileDescription).toBe('Mine');
    expect(plan.result.merged.behaviors).toEqual([
      withCount([messages], 'messages-sent', 150)[0],
      withCount([failures], 'auth-failures', 3)[0],
    ]);
    expect(plan.result.autoMerged.length).toBeGreaterThan(0);
  });

  it('a newer version that changed the same leaf differently → conflicts for the dialog', () => {
    const theirs = version(3, {
      securityProfileDescription: 'Theirs',
      behaviors: withCount(v2.behaviors ?? [], 'messages-sent', 80),
    });
    const plan = planRestore(draftOn(v2, mine), theirs);
    expect(plan.kind).toBe('conflicts');
    if (plan.kind === 'restore') return;
    expect(plan.result.conflicts.map((conflict) => conflict.path).sort()).toEqual([
      'behaviors[name=messages-sent].criteria.value.count',
      'securityProfileDescription',
    ]);
  });

  it('a newer version whose only changes equal mine → merged with nothing to ask', () => {
    const theirs = version(3, { securityProfileDescription: 'Mine' });
    const plan = planRestore(
      draftOn(v2, { ...draftFromProfile(v2), securityProfileDescription: 'Mine' }),
      theirs,
    );
    expect(plan.kind).toBe('merged');
    if (plan.kind === 'restore') return;
    expect(plan.result.conflicts).toEqual([]);
    expect(plan.result.merged.securityProfileDescription).toBe('Mine');
  });
});
