import {
  CreateSecurityProfileCommand,
  IoTClient,
  UpdateSecurityProfileCommand,
} from '@aws-sdk/client-iot';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createTestIotClient, describeProfile, readAppConfig } from './local-aws';
import { confirmSave, uniqueName } from './editor-steps';

/**
 * Sign-in end to end, against the app served with the sign-in config (playwright.config.ts
 * writes it), this run's cognito-local as the hosted login and the endpoint's identity stand-in,
 * which issues credentials that live only E2E_CREDENTIAL_LIFETIME_SECONDS.
 */
function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through playwright.config.ts`);
  return value;
}

const authAppUrl = env('E2E_AUTH_APP_URL');
const cognitoUrl = env('E2E_COGNITO_URL');
const credentialLifetimeMs = Number(env('E2E_CREDENTIAL_LIFETIME_SECONDS')) * 1000;
const IDENTITY_POOL_ID = 'us-east-1:7f3c2a10-0d0d-4c0a-8a11-10ca1c0de001';
const LOGINS_KEY = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_DdLocal01';

const USERS = {
  analyst: { password: 'Analyst!Local1', role: 'Editor' },
  auditor: { password: 'Auditor!Local1', role: 'Viewer' },
} as const;

/** A profile created with the long-term key pair, so each test starts from a known version 1. */
async function seedProfile(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await createTestIotClient().send(
    new CreateSecurityProfileCommand({
      securityProfileName: name,
      securityProfileDescription: 'Seeded for the sign-in e2e',
    }),
  );
  return name;
}

/** Opens `path` on the sign-in app and signs in through cognito-local's hosted login form. */
async function signIn(page: Page, user: keyof typeof USERS, path: string): Promise<void> {
  await page.goto(`${authAppUrl}${path}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${cognitoUrl}/oauth2/authorize`));
  await page.getByLabel('Username:').fill(user);
  await page.getByLabel('Password:').fill(USERS[user].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${authAppUrl}${path}`);
  const account = page.getByLabel('Signed-in user');
  await expect(account.getByText(user, { exact: true })).toBeVisible();
  await expect(account.getByLabel(`Role: ${USERS[user].role}`)).toBeVisible();
}

/** The Web Storage API as used in the page (the e2e project compiles without the DOM library). */
interface PageStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}
interface PageGlobals {
  sessionStorage: PageStorage;
  localStorage: PageStorage;
}

/** Everything the app keeps in both web storages, as `key=value` lines. */
async function storedEntries(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { sessionStorage, localStorage } = globalThis as unknown as PageGlobals;
    return [sessionStorage, localStorage].flatMap((storage) =>
      Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '').map(
        (key) => `${key}=${storage.getItem(key) ?? ''}`,
      ),
    );
  });
}

/** How many drafts the editor keeps in IndexedDB (0 when the database was never created). */
async function storedDraftCount(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('device-defender-editor');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('drafts')) { db.close(); resolve(0); return; }
      const count = db.transaction('drafts').objectStore('drafts').count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
      count.onerror = () => reject(count.error);
    };
  })`);
}

/** The ID token the app holds for the signed-in user (oidc-client-ts keeps it in sessionStorage). */
async function storedIdToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const { sessionStorage } = globalThis as unknown as PageGlobals;
    for (let index = 0; index < sessionStorage.length; index += 1) {
      const key = sessionStorage.key(index) ?? '';
      if (!key.startsWith('oidc.user:')) continue;
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { id_token?: string };
      if (user.id_token) return user.id_token;
    }
    return null;
  });
  if (token === null) throw new Error('No ID token in sessionStorage');
  return token;
}

/** Counts the app's calls to the identity stand-in that returned fresh credentials. */
function countCredentialExchanges(page: Page): { count: () => number } {
  let exchanges = 0;
  page.on('request', (request) => {
    if (
      request.headers()['x-amz-target'] === 'AWSCognitoIdentityService.GetCredentialsForIdentity'
    ) {
      exchanges += 1;
    }
  });
  return { count: () => exchanges };
}

test.describe('sign-in through the hosted login', () => {
  test('analyst signs in, edits and saves a profile, and signs out leaving no tokens', async ({
    page,
  }) => {
    const name = await seedProfile('auth-analyst');
    await signIn(page, 'analyst', `/profiles/${encodeURIComponent(name)}`);

    await page.getByLabel('Description').fill('Changed by the analyst after signing in');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await confirmSave(page);
    await expect(page.getByText('The profile is now at version 2.')).toBeVisible();
    const saved = await describeProfile(name);
    expect(saved.version).toBe(2);
    expect(saved.securityProfileDescription).toBe('Changed by the analyst after signing in');

    expect((await storedEntries(page)).some((entry) => entry.startsWith('oidc.user:'))).toBe(true);
    // An unsaved edit is kept as a draft in IndexedDB until the analyst signs out.
    await page.getByLabel('Description').fill('Typed but never saved');
    await expect.poll(() => storedDraftCount(page)).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Signed-in user')).toHaveCount(0);
    const entries = await storedEntries(page);
    // No OIDC entry and nothing shaped like a JWT or an access key anywhere in web storage.
    expect(entries.filter((entry) => entry.startsWith('oidc.'))).toEqual([]);
    expect(entries.filter((entry) => /eyJ[\w-]+\.[\w-]+\.|ASIA[A-Z0-9]{12,}/.test(entry))).toEqual(
      [],
    );
    await expect.poll(() => storedDraftCount(page)).toBe(0);
  });

  test('auditor sees the profile read-only with the reason, and the server refuses their write', async ({
    page,
  }) => {
    const name = await seedProfile('auth-auditor');
    await signIn(page, 'auditor', `/profiles/${encodeURIComponent(name)}`);

    await expect(page.getByRole('note').filter({ hasText: 'signed in as a viewer' })).toBeVisible();
    await expect(page.getByLabel('Description')).toBeDisabled();
    await expect(page.getByLabel('Description')).toHaveValue('Seeded for the sign-in e2e');
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await page.goto(`${authAppUrl}/`);
    await expect(page.getByRole('button', { name: 'New profile' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    // The UI hides the write; the server must refuse it anyway. The test exchanges the auditor's
    // own ID token for the auditor's credentials, exactly as the app does.
    const config = readAppConfig();
    const client = new IoTClient({
      region: config.region,
      endpoint: config.iotEndpoint,
      credentials: fromCognitoIdentityPool({
        identityPoolId: IDENTITY_POOL_ID,
        logins: { [LOGINS_KEY]: await storedIdToken(page) },
        clientConfig: { region: 'us-east-1', endpoint: config.iotEndpoint },
      }),
    });
    const refused = await client
      .send(
        new UpdateSecurityProfileCommand({
          securityProfileName: name,
          securityProfileDescription: 'Written by the auditor',
        }),
      )
      .then(
        () => null,
        (error: unknown) => error as Error,
      );
    expect(refused?.name).toBe('AccessDeniedException');
    expect(refused?.message).toContain('iot:UpdateSecurityProfile');
    expect((await describeProfile(name)).securityProfileDescription).toBe(
      'Seeded for the sign-in e2e',
    );
  });

  test('analyst keeps editing across several credential renewals and saves without signing in again', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const name = await seedProfile('auth-renewal');
    const exchanges = countCredentialExchanges(page);
    await signIn(page, 'analyst', `/profiles/${encodeURIComponent(name)}`);
    const description = page.getByLabel('Description');
    await expect(description).toHaveValue('Seeded for the sign-in e2e');
    const afterLoad = exchanges.count();
    expect(afterLoad).toBeGreaterThanOrEqual(1);

    // Type on and off for four credential lifetimes: every set the app held at the start has
    // long expired when it saves, and the app renewed them unprompted meanwhile.
    const rounds = 4;
    for (let round = 1; round <= rounds; round += 1) {
      await page.waitForTimeout(credentialLifetimeMs);
      await description.press('ControlOrMeta+End');
      await description.pressSequentially(` r${round}`);
    }
    await expect(description).toHaveValue('Seeded for the sign-in e2e r1 r2 r3 r4');

    await page.getByRole('button', { name: 'Save changes' }).click();
    await confirmSave(page);
    await expect(page.getByText('The profile is now at version 2.')).toBeVisible();
    expect((await describeProfile(name)).securityProfileDescription).toBe(
      'Seeded for the sign-in e2e r1 r2 r3 r4',
    );
    // Renewed at least once per lifetime that passed, and never through the hosted login.
    expect(exchanges.count() - afterLoad).toBeGreaterThanOrEqual(rounds);
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  });

  test('a sign-in answer this tab did not start is explained, and signing in again works', async ({
    page,
  }) => {
    await page.goto(`${authAppUrl}/auth/callback?code=forged&state=not-from-this-tab`);
    await expect(page.getByRole('alert')).toContainText(
      'does not belong to a sign-in started in this tab',
    );
    await expect(page).toHaveURL(`${authAppUrl}/`);
    await signIn(page, 'analyst', '/');
  });
});
