import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { SecurityProfile } from '../../../domain/security-profile';
import { createDraftStore, draftKey } from './draft-store';
import type { StoredDraft } from './draft-store';
import { draftFromProfile, emptyDraft } from './profile-draft';

const loaded: SecurityProfile = {
  securityProfileName: 'fleet',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet',
  securityProfileDescription: 'Fleet baseline',
  version: 3,
  creationDate: new Date('2026-01-01T00:00:00Z'),
  lastModifiedDate: new Date('2026-02-01T00:00:00Z'),
  behaviors: [
    {
      name: 'messages-sent',
      metric: 'aws:num-messages-sent',
      criteria: { comparisonOperator: 'less-than', value: { count: 100 }, durationSeconds: 300 },
    },
  ],
};

function stored(key: string, description: string, savedAt = 1_000): StoredDraft {
  return {
    key,
    profileName: 'fleet',
    baseVersion: loaded.version,
    baseLastModified: loaded.lastModifiedDate.getTime(),
    base: loaded,
    values: { ...draftFromProfile(loaded), securityProfileDescription: description },
    savedAt,
  };
}

/** A store on the fake IndexedDB the `auto` import installed, warning into a spy. */
function store() {
  const warn = vi.fn();
  return { drafts: createDraftStore(() => indexedDB, warn), warn };
}

describe('draftKey', () => {
  it.each([
    ['us-east-1@aws', 'fleet', 'us-east-1@aws|profile:fleet'],
    ['us-east-1@aws', undefined, 'us-east-1@aws|new'],
    // A profile literally named "new" must not collide with the draft of a new profile.
    ['eu-west-1@http://127.0.0.1:4510', 'new', 'eu-west-1@http://127.0.0.1:4510|profile:new'],
  ])('%s + %s → %s', (scope, name, key) => {
    expect(draftKey(scope, name)).toBe(key);
  });
});

describe('draft store on IndexedDB', () => {
  it('loads what it saved, with dates and nested values intact', async () => {
    const { drafts, warn } = store();
    const key = draftKey('scope-a', 'fleet');
    expect(await drafts.saveDraft(stored(key, 'Edited'))).toBe(true);
    const back = await drafts.loadDraft(key);
    expect(back).toEqual(stored(key, 'Edited'));
    expect(back?.base?.lastModifiedDate).toBeInstanceOf(Date);
    expect(warn).not.toHaveBeenCalled();
  });

  it('overwrites the draft under the same key', async () => {
    const { drafts } = store();
    const key = draftKey('scope-b', 'fleet');
    await drafts.saveDraft(stored(key, 'First', 1));
    await drafts.saveDraft(stored(key, 'Second', 2));
    const back = await drafts.loadDraft(key);
    expect(back?.values.securityProfileDescription).toBe('Second');
    expect(back?.savedAt).toBe(2);
  });

  it('clears one key and leaves the others', async () => {
    const { drafts } = store();
    const fleet = draftKey('scope-c', 'fleet');
    const fresh = draftKey('scope-c', undefined);
    await drafts.saveDraft(stored(fleet, 'Fleet edit'));
    await drafts.saveDraft({
      ...stored(fresh, ''),
      profileName: '',
      baseVersion: null,
      baseLastModified: null,
      base: null,
      values: { ...emptyDraft(), securityProfileName: 'brand-new' },
    });
    await drafts.clearDraft(fleet);
    expect(await drafts.loadDraft(fleet)).toBeUndefined();
    expect((await drafts.loadDraft(fresh))?.values.securityProfileName).toBe('brand-new');
  });

  it('clears every draft at once (sign-out)', async () => {
    const { drafts } = store();
    await drafts.saveDraft(stored(draftKey('scope-d', 'fleet'), 'One'));
    await drafts.saveDraft(stored(draftKey('scope-e', 'gateway'), 'Two'));
    await drafts.clearAllDrafts();
    expect(await drafts.loadDraft(draftKey('scope-d', 'fleet'))).toBeUndefined();
    expect(await drafts.loadDraft(draftKey('scope-e', 'gateway'))).toBeUndefined();
  });

  it('keeps drafts of different scopes apart and shares one database between stores', async () => {
    const first = store().drafts;
    const second = store().drafts;
    await first.saveDraft(stored(draftKey('account-1', 'fleet'), 'One'));
    await first.saveDraft(stored(draftKey('account-2', 'fleet'), 'Two'));
    const one = await second.loadDraft(draftKey('account-1', 'fleet'));
    const two = await second.loadDraft(draftKey('account-2', 'fleet'));
    expect(one?.values.securityProfileDescription).toBe('One');
    expect(two?.values.securityProfileDescription).toBe('Two');
  });

  it('answers undefined for a key never saved and for a record not shaped like a draft', async () => {
    const { drafts } = store();
    expect(await drafts.loadDraft(draftKey('scope-d', 'missing'))).toBeUndefined();
    await drafts.saveDraft({ key: 'scope-d|broken' } as unknown as StoredDraft);
    expect(await drafts.loadDraft('scope-d|broken')).toBeUndefined();
  });
});

describe('draft store when IndexedDB fails', () => {
  const failures: [string, () => IDBFactory][] = [
    [
      'IndexedDB missing (private mode)',
      () => {
        throw new Error('IndexedDB is not available');
      },
    ],
    [
      'the open request failing (quota, blocked)',
      () =>
        ({
          open: () => {
            const request = {} as IDBOpenDBRequest & { error: DOMException };
            Object.assign(request, {
              error: new DOMException('Quota exceeded', 'QuotaExceededError'),
            });
            setTimeout(() => request.onerror?.(new Event('error')), 0);
            return request;
          },
        }) as unknown as IDBFactory,
    ],
  ];

  it.each(failures)(
    '%s: every call resolves, drafts read as none, one warning',
    async (_, factory) => {
      const warn = vi.fn();
      const drafts = createDraftStore(factory, warn);
      const key = draftKey('scope-e', 'fleet');
      await expect(drafts.saveDraft(stored(key, 'Lost'))).resolves.toBe(false);
      await expect(drafts.loadDraft(key)).resolves.toBeUndefined();
      await expect(drafts.clearDraft(key)).resolves.toBeUndefined();
      await expect(drafts.saveDraft(stored(key, 'Lost again'))).resolves.toBe(false);
      expect(warn).toHaveBeenCalledTimes(1);
    },
  );

  it('a write refused inside the transaction degrades the same way', async () => {
    const warn = vi.fn();
    const drafts = createDraftStore(() => indexedDB, warn);
    // A function cannot be structured-cloned: put() throws DataCloneError, as a quota error would.
    const unclonable = { ...stored(draftKey('scope-f', 'fleet'), 'x'), savedAt: 1 } as StoredDraft;
    (unclonable.values as unknown as Record<string, unknown>)['extra'] = () => undefined;
    await expect(drafts.saveDraft(unclonable)).resolves.toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
