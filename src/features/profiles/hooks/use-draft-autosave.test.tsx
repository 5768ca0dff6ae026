import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { SecurityProfile } from '../../../domain/security-profile';
import { renderWithProviders } from '../../../testing/render';
import { draftKey, loadDraft, saveDraft } from '../utils/draft-store';
import { draftFromProfile } from '../utils/profile-draft';
import type { ProfileDraft } from '../utils/profile-draft';
import { DRAFT_AUTOSAVE_DELAY_MS, useDraftAutosave } from './use-draft-autosave';

const loaded: SecurityProfile = {
  securityProfileName: 'fleet',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet',
  securityProfileDescription: 'Fleet baseline',
  version: 7,
  creationDate: new Date('2026-01-01T00:00:00Z'),
  lastModifiedDate: new Date('2026-02-01T00:00:00Z'),
};

/** A form with only the description, autosaved under `storeKey` the way the editor does it. */
function Editor({ storeKey, enabled = true }: { storeKey: string; enabled?: boolean }) {
  const form = useForm<ProfileDraft>({ defaultValues: draftFromProfile(loaded) });
  const autosave = useDraftAutosave({
    form,
    dirty: form.formState.isDirty,
    draftKey: storeKey,
    base: loaded,
    enabled,
  });
  return (
    <>
      <label>
        Description
        <input {...form.register('securityProfileDescription')} />
      </label>
      <button type="button" onClick={autosave.clear}>
        Saved
      </button>
    </>
  );
}

const description = () => screen.getByLabelText('Description');
const pause = () => new Promise((resolve) => setTimeout(resolve, DRAFT_AUTOSAVE_DELAY_MS * 2));

describe('useDraftAutosave', () => {
  it('writes the working copy with its base after a pause in typing', async () => {
    const key = draftKey('test', 'write');
    const { user } = renderWithProviders(<Editor storeKey={key} />);
    await user.type(description(), '!');
    await waitFor(async () =>
      expect((await loadDraft(key))?.values.securityProfileDescription).toBe('Fleet baseline!'),
    );
    const draft = await loadDraft(key);
    expect(draft).toMatchObject({
      profileName: 'fleet',
      baseVersion: 7,
      baseLastModified: loaded.lastModifiedDate.getTime(),
    });
    expect(draft?.base?.version).toBe(7);
  });

  it('removes the draft once the edit is undone (the form is no longer dirty)', async () => {
    const key = draftKey('test', 'undo');
    const { user } = renderWithProviders(<Editor storeKey={key} />);
    await user.type(description(), '!');
    await waitFor(async () => expect(await loadDraft(key)).toBeDefined());
    await user.type(description(), '{Backspace}');
    await waitFor(async () => expect(await loadDraft(key)).toBeUndefined());
  });

  it('clear drops the draft and cancels a write still waiting for the pause', async () => {
    const key = draftKey('test', 'clear');
    const { user } = renderWithProviders(<Editor storeKey={key} />);
    await user.type(description(), '!');
    await waitFor(async () => expect(await loadDraft(key)).toBeDefined());
    await user.type(description(), '?');
    await user.click(screen.getByRole('button', { name: 'Saved' }));
    await pause();
    expect(await loadDraft(key)).toBeUndefined();
  });

  it('while disabled (an offer not yet answered) neither writes nor clears', async () => {
    const key = draftKey('test', 'disabled');
    const offered = {
      key,
      profileName: 'fleet',
      baseVersion: 7,
      baseLastModified: null,
      base: null,
      values: { ...draftFromProfile(loaded), securityProfileDescription: 'Offered' },
      savedAt: 1,
    };
    await saveDraft(offered);
    const { user } = renderWithProviders(<Editor storeKey={key} enabled={false} />);
    await user.type(description(), '!');
    await pause();
    expect((await loadDraft(key))?.values.securityProfileDescription).toBe('Offered');
  });

  it('once enabled, writes edits typed while it was disabled without waiting for another key', async () => {
    const key = draftKey('test', 'enable');
    function Later() {
      const [enabled, setEnabled] = useState(false);
      return (
        <>
          <Editor storeKey={key} enabled={enabled} />
          <button type="button" onClick={() => setEnabled(true)}>
            Offer answered
          </button>
        </>
      );
    }
    const { user } = renderWithProviders(<Later />);
    await user.type(description(), '!');
    await pause();
    expect(await loadDraft(key)).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Offer answered' }));
    await waitFor(async () =>
      expect((await loadDraft(key))?.values.securityProfileDescription).toBe('Fleet baseline!'),
    );
  });
});
