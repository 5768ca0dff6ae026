import {
  CreateSecurityProfileCommand,
  UpdateSecurityProfileCommand,
  type Behavior,
} from '@aws-sdk/client-iot';
import { expect, test, type Page } from '@playwright/test';
import { createTestIotClient, describeProfile } from './local-aws';
import { uniqueName } from './editor-steps';

/**
 * Drafts kept in the browser (IndexedDB) against the real local stack: a reload offers the
 * working copy back, a restore after someone else saved goes through the merge, and saving or
 * discarding leaves nothing to offer.
 */

const messages: Behavior = {
  name: 'messages-sent',
  metric: 'aws:num-messages-sent',
  criteria: { comparisonOperator: 'less-than', value: { count: 100 }, durationSeconds: 300 },
};
const authFailures: Behavior = {
  name: 'auth-failures',
  metric: 'aws:num-authorization-failures',
  criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
};
const SEEDED_DESCRIPTION = 'Before anyone edited it';

async function createProfile(name: string): Promise<void> {
  await createTestIotClient().send(
    new CreateSecurityProfileCommand({
      securityProfileName: name,
      securityProfileDescription: SEEDED_DESCRIPTION,
      behaviors: [messages, authFailures],
    }),
  );
}

async function openEditor(page: Page, name: string): Promise<void> {
  // The unsaved-changes guard asks before a reload; the test answers "leave".
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`/profiles/${name}`);
  await expect(description(page)).toBeEditable();
}

function description(page: Page) {
  return page.getByRole('textbox', { name: 'Description' });
}

/** The static threshold field of one behavior, expanded first when it is collapsed. */
async function threshold(page: Page, behavior: string) {
  const item = page.getByRole('region', { name: behavior, exact: true });
  const expand = page.getByRole('button', { name: `Expand behavior ${behavior}` });
  if (await expand.isVisible()) await expand.click();
  return item.getByRole('textbox', { name: 'Value', exact: true });
}

function restoreOffer(page: Page) {
  return page.getByRole('region', { name: 'Unsaved edits' });
}

/**
 * The description in the draft the page's IndexedDB holds for `name` (null: the new-profile
 * draft), or null when there is none. Evaluated as a string: the e2e project compiles without the DOM library.
 */
async function storedDescription(page: Page, name: string | null): Promise<string | null> {
  // A new profile's draft sits under the fixed `new` key, whatever name it is given.
  const suffix = JSON.stringify(name === null ? '|new' : `|profile:${name}`);
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('device-defender-editor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('drafts', { keyPath: 'key' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('drafts').objectStore('drafts').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        db.close();
        const draft = all.result.find((entry) => entry.key.endsWith(${suffix}));
        resolve(draft ? draft.values.securityProfileDescription : null);
      };
    };
  })`);
}

async function expectDraftStored(
  page: Page,
  name: string | null,
  text: string | null,
): Promise<void> {
  await expect.poll(() => storedDescription(page, name)).toBe(text);
}

function preview(page: Page) {
  return page.getByRole('dialog', { name: /^Review changes to / });
}

/** Confirms the open preview, acknowledging a weakening change when it asks for that. */
async function confirmPreview(page: Page, version: number): Promise<void> {
  const dialog = preview(page);
  const acknowledge = dialog.getByRole('checkbox', { name: 'I understand this weakens detection' });
  if (await acknowledge.isVisible()) await acknowledge.check();
  await dialog.getByRole('button', { name: `Save as version ${version}` }).click();
  await expect(page.getByText(`The profile is now at version ${version}.`)).toBeVisible();
}

/** Another analyst saves through the SDK: auth-failures' threshold, against version 1. */
async function anotherWriterSaves(name: string, edit: { count?: number; description?: string }) {
  await createTestIotClient().send(
    new UpdateSecurityProfileCommand({
      securityProfileName: name,
      expectedVersion: 1,
      securityProfileDescription: edit.description ?? SEEDED_DESCRIPTION,
      behaviors: [
        messages,
        {
          ...authFailures,
          criteria: { ...authFailures.criteria, value: { count: edit.count ?? 5 } },
        },
      ],
    }),
  );
}

test('edits survive a reload: the offer restores them intact, and a save clears the draft', async ({
  page,
}) => {
  const name = uniqueName('e2e-draft-reload');
  await createProfile(name);
  await openEditor(page, name);

  await description(page).fill('Kept through a reload');
  await (await threshold(page, 'messages-sent')).fill('150');
  await expectDraftStored(page, name, 'Kept through a reload');

  await page.reload();
  await expect(restoreOffer(page)).toContainText('on version 1');
  // Nothing comes back without the analyst's say.
  await expect(description(page)).toHaveValue(SEEDED_DESCRIPTION);
  await restoreOffer(page).getByRole('button', { name: 'Restore' }).click();
  await expect(restoreOffer(page)).toHaveCount(0);
  await expect(description(page)).toHaveValue('Kept through a reload');
  await expect(await threshold(page, 'messages-sent')).toHaveValue('150');
  await expect(await threshold(page, 'auth-failures')).toHaveValue('5');

  await page.getByRole('button', { name: 'Save changes' }).click();
  await confirmPreview(page, 2);
  const saved = await describeProfile(name);
  expect(saved.securityProfileDescription).toBe('Kept through a reload');
  expect(saved.behaviors?.find((b) => b.name === 'messages-sent')?.criteria?.value?.count).toBe(
    150,
  );
  await expectDraftStored(page, name, null);
  await page.reload();
  await expect(description(page)).toHaveValue('Kept through a reload');
  await expect(page.getByText('Version 2', { exact: true })).toBeVisible();
  expect(await storedDescription(page, name)).toBeNull();
  await expect(restoreOffer(page)).toHaveCount(0);
});

test('a restore after another writer saved goes through the merge, and the save keeps both', async ({
  page,
}) => {
  const name = uniqueName('e2e-draft-merge');
  await createProfile(name);
  await openEditor(page, name);

  await description(page).fill('Mine, from the draft');
  await (await threshold(page, 'messages-sent')).fill('150');
  await expectDraftStored(page, name, 'Mine, from the draft');
  await anotherWriterSaves(name, { count: 3 });

  await page.reload();
  await expect(restoreOffer(page)).toContainText('on version 1');
  await expect(restoreOffer(page)).toContainText('at version 2 now');
  await restoreOffer(page).getByRole('button', { name: 'Restore' }).click();

  // No conflict: the merged result is previewed right away, to be saved against version 2.
  await expect(preview(page)).toBeVisible();
  await confirmPreview(page, 3);

  const saved = await describeProfile(name);
  expect(saved.version).toBe(3);
  expect(saved.securityProfileDescription).toBe('Mine, from the draft');
  const counts = Object.fromEntries(
    (saved.behaviors ?? []).map((b) => [b.name, b.criteria?.value?.count]),
  );
  expect(counts).toEqual({ 'messages-sent': 150, 'auth-failures': 3 });
  await expectDraftStored(page, name, null);
});

test('a restore that conflicts with another writer asks in the merge dialog; the choice is saved', async ({
  page,
}) => {
  const name = uniqueName('e2e-draft-conflict');
  await createProfile(name);
  await openEditor(page, name);

  await description(page).fill('Mine');
  await expectDraftStored(page, name, 'Mine');
  await anotherWriterSaves(name, { description: 'Theirs' });

  await page.reload();
  await restoreOffer(page).getByRole('button', { name: 'Restore' }).click();
  const merge = page.getByRole('dialog', { name: `${name} changed while you edited` });
  await expect(merge).toContainText('version 1 → 2');
  await merge
    .getByRole('radiogroup', { name: /^Keep for / })
    .getByRole('radio', { name: 'Mine' })
    .check();
  await merge.getByRole('button', { name: 'Use merged result' }).click();
  await confirmPreview(page, 3);

  const saved = await describeProfile(name);
  expect(saved.version).toBe(3);
  expect(saved.securityProfileDescription).toBe('Mine');
  await expectDraftStored(page, name, null);
});

test('discarding the offer clears the draft: the next reload offers nothing', async ({ page }) => {
  const name = uniqueName('e2e-draft-discard');
  await createProfile(name);
  await openEditor(page, name);

  await description(page).fill('Thrown away');
  await expectDraftStored(page, name, 'Thrown away');
  await page.reload();
  await restoreOffer(page).getByRole('button', { name: 'Discard' }).click();
  await expect(restoreOffer(page)).toHaveCount(0);
  await expect(description(page)).toHaveValue(SEEDED_DESCRIPTION);
  await expectDraftStored(page, name, null);

  await page.reload();
  await expect(description(page)).toHaveValue(SEEDED_DESCRIPTION);
  expect(await storedDescription(page, name)).toBeNull();
  await expect(restoreOffer(page)).toHaveCount(0);
});

test('a new profile not yet created survives a reload, and creating it clears the draft', async ({
  page,
}) => {
  const name = uniqueName('e2e-draft-new');
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('/profiles/new');
  const nameField = page.getByRole('textbox', { name: 'Name', exact: true });
  await nameField.fill(name);
  await description(page).fill('A profile still being written');
  await expectDraftStored(page, null, 'A profile still being written');

  await page.reload();
  await expect(restoreOffer(page)).toContainText('on a new profile');
  await expect(nameField).toHaveValue('');
  await restoreOffer(page).getByRole('button', { name: 'Restore' }).click();
  await expect(nameField).toHaveValue(name);
  await expect(description(page)).toHaveValue('A profile still being written');

  await page.getByRole('button', { name: 'Create profile' }).click();
  const review = page.getByRole('dialog', { name: /^Review new profile / });
  await review.getByRole('button', { name: /^Create / }).click();
  await expect(page).toHaveURL(new RegExp(`/profiles/${name}$`));
  expect((await describeProfile(name)).securityProfileDescription).toBe(
    'A profile still being written',
  );
  await expectDraftStored(page, null, null);
  await page.goto('/profiles/new');
  await expect(nameField).toBeEditable();
  await expect(restoreOffer(page)).toHaveCount(0);
});
