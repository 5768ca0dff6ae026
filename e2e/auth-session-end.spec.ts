import { CreateSecurityProfileCommand } from '@aws-sdk/client-iot';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createTestIotClient, describeProfile } from './local-aws';

/**
 * When the sign-in session itself ends, the analyst's edit is not lost: signing in again returns
 * to the same editor, which offers the draft kept in this browser back.
 *
 * The mechanism is the honest one for this app: tokens live in the tab's session storage only
 * (never localStorage), so closing the tab ends the session for good, with no refresh token left
 * to renew it. The test closes the tab mid-edit and opens the editor's URL in a new tab of the same
 * browser profile, which holds no tokens but the same IndexedDB.
 */
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through playwright.config.ts`);
  return value;
}

const authAppUrl = env('E2E_AUTH_APP_URL');
const cognitoUrl = env('E2E_COGNITO_URL');
const ANALYST_PASSWORD = 'Analyst!Local1';
const SEEDED = 'Seeded for the session-end e2e';

async function seedProfile(): Promise<string> {
  const name = `auth-session-end-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await createTestIotClient().send(
    new CreateSecurityProfileCommand({
      securityProfileName: name,
      securityProfileDescription: SEEDED,
    }),
  );
  return name;
}

/** From the sign-in page at `path`, through cognito-local's hosted login, back to `path`. */
async function signInAt(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${cognitoUrl}/oauth2/authorize`));
  await page.getByLabel('Username:').fill('analyst');
  await page.getByLabel('Password:').fill(ANALYST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${authAppUrl}${path}`);
  await expect(
    page.getByLabel('Signed-in user').getByText('analyst', { exact: true }),
  ).toBeVisible();
}

/** Whether the tab holds any OIDC session entry (tokens) in session storage. */
async function holdsTokens(page: Page): Promise<boolean> {
  return page.evaluate(
    `Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)).some((key) => key.startsWith('oidc.user:'))`,
  );
}

/** Whether the browser's IndexedDB holds a draft of `name` whose description is `text`. */
async function draftHolds(page: Page, name: string, text: string): Promise<boolean> {
  const suffix = JSON.stringify(`|profile:${name}`);
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('device-defender-editor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('drafts', { keyPath: 'key' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('drafts').objectStore('drafts').getAll();
      all.onsuccess = () => {
        db.close();
        const draft = all.result.find((entry) => entry.key.endsWith(${suffix}));
        resolve(draft !== undefined && draft.values.securityProfileDescription === ${JSON.stringify(text)});
      };
      all.onerror = () => reject(all.error);
    };
  })`);
}

test('after the session ends mid-edit, signing in again returns to the editor with the edit intact', async ({
  context,
}) => {
  test.setTimeout(60_000);
  const name = await seedProfile();
  const path = `/profiles/${encodeURIComponent(name)}`;
  const edit = 'Typed before the session ended';

  const first = await context.newPage();
  await first.goto(`${authAppUrl}${path}`);
  await signInAt(first, path);
  await first.getByLabel('Description').fill(edit);
  await expect.poll(() => draftHolds(first, name, edit)).toBe(true);
  // Closing the tab drops its session storage, and with it the tokens: the session is over.
  await first.close();

  const second = await context.newPage();
  await second.goto(`${authAppUrl}${path}`);
  expect(await holdsTokens(second)).toBe(false);
  await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signInAt(second, path);

  const offer = second.getByRole('region', { name: 'Unsaved edits' });
  await expect(offer).toContainText('on version 1');
  await expect(second.getByLabel('Description')).toHaveValue(SEEDED);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(second.getByLabel('Description')).toHaveValue(edit);

  await second.getByRole('button', { name: 'Save changes' }).click();
  const preview = second.getByRole('dialog', { name: /^Review changes to / });
  await preview.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(second.getByText('The profile is now at version 2.')).toBeVisible();
  const saved = await describeProfile(name);
  expect(saved.version).toBe(2);
  expect(saved.securityProfileDescription).toBe(edit);
  await expect.poll(() => draftHolds(second, name, edit)).toBe(false);
});
