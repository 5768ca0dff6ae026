import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  type Behavior,
} from '@aws-sdk/client-iot';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createTestIotClient, readAppConfig } from './local-aws';
import { uniqueName } from './editor-steps';

const run = promisify(execFile);

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

/** A profile with two behaviors at version 1, made through the SDK. */
async function createProfile(name: string): Promise<void> {
  await createTestIotClient().send(
    new CreateSecurityProfileCommand({
      securityProfileName: name,
      securityProfileDescription: 'Before anyone edited it',
      behaviors: [messages, authFailures],
    }),
  );
}

function describe(name: string) {
  return createTestIotClient().send(
    new DescribeSecurityProfileCommand({ securityProfileName: name }),
  );
}

async function openEditor(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/profiles/${name}`);
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeEditable();
  return page;
}

/** Sets the static threshold of one behavior. */
async function setThreshold(page: Page, behavior: string, count: string): Promise<void> {
  await page.getByRole('button', { name: `Expand behavior ${behavior}` }).click();
  const item = page.getByRole('region', { name: behavior, exact: true });
  await item.getByRole('textbox', { name: 'Value', exact: true }).fill(count);
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
}

async function expectSaved(page: Page, version: number): Promise<void> {
  await expect(page.getByText(`The profile is now at version ${version}.`)).toBeVisible();
}

test('non-overlapping edits by two analysts merge without a question; Describe holds both', async ({
  browser,
}) => {
  const name = uniqueName('e2e-merge');
  await createProfile(name);
  const analystA = await openEditor(browser, name);
  const analystB = await openEditor(browser, name);

  await setThreshold(analystA, 'messages-sent', '150');
  await analystA.getByRole('button', { name: 'Save changes' }).click();
  await confirmPreview(analystA, 2);
  await expectSaved(analystA, 2);

  await setThreshold(analystB, 'auth-failures', '3');
  await analystB.getByRole('textbox', { name: 'Description' }).fill('Tightened by analyst B');
  await analystB.getByRole('button', { name: 'Save changes' }).click();
  await confirmPreview(analystB, 2);
  // Version 2 is taken: the merge needs no choice, so B lands in the preview of the merged result.
  await expect(analystB.getByText('Merged with a newer version')).toBeVisible();
  await expect(analystB.getByRole('dialog', { name: /changed while you edited/ })).toHaveCount(0);
  await confirmPreview(analystB, 3);
  await expectSaved(analystB, 3);

  const saved = await describe(name);
  expect(saved.version).toBe(3);
  expect(saved.securityProfileDescription).toBe('Tightened by analyst B');
  const count = (behavior: string) =>
    saved.behaviors?.find((entry) => entry.name === behavior)?.criteria?.value?.count;
  expect(count('messages-sent')).toBe(150);
  expect(count('auth-failures')).toBe(3);
});

test('a true conflict asks; the analyst’s choice is saved and the versions run 1, 2, 3', async ({
  browser,
}) => {
  const name = uniqueName('e2e-conflict');
  await createProfile(name);
  const analystA = await openEditor(browser, name);
  const analystB = await openEditor(browser, name);

  await setThreshold(analystA, 'messages-sent', '150');
  await analystA.getByRole('button', { name: 'Save changes' }).click();
  await confirmPreview(analystA, 2);
  await expectSaved(analystA, 2);

  await setThreshold(analystB, 'messages-sent', '120');
  await analystB.getByRole('button', { name: 'Save changes' }).click();
  await confirmPreview(analystB, 2);
  const merge = analystB.getByRole('dialog', { name: /changed while you edited/ });
  await expect(merge).toContainText('version 1 → 2');
  const useMerged = merge.getByRole('button', { name: 'Use merged result' });
  await expect(useMerged).toBeDisabled();
  await merge
    .getByRole('radiogroup', { name: /^Keep for / })
    .getByRole('radio', { name: 'Mine' })
    .check();
  await useMerged.click();
  await confirmPreview(analystB, 3);
  await expectSaved(analystB, 3);

  const saved = await describe(name);
  expect(saved.version).toBe(3);
  expect(
    saved.behaviors?.find((entry) => entry.name === 'messages-sent')?.criteria?.value?.count,
  ).toBe(120);
});

test('a weakening change needs an acknowledgement; the CLI command shown performs the same update', async ({
  browser,
}) => {
  const name = uniqueName('e2e-weaken');
  await createProfile(name);
  const page = await openEditor(browser, name);

  // Raising a less-than threshold lets more through: it weakens detection.
  await setThreshold(page, 'messages-sent', '500');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = preview(page);
  await expect(dialog).toContainText('Weakens detection');
  const save = dialog.getByRole('button', { name: 'Save as version 2' });
  await expect(save).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'I understand this weakens detection' }).check();
  await expect(save).toBeEnabled();

  await dialog.getByRole('tab', { name: 'Request and CLI' }).click();
  const command = (await dialog.getByLabel('AWS CLI command').textContent()) ?? '';
  expect(command).toContain('aws iot update-security-profile --cli-input-json');
  await dialog.getByRole('button', { name: 'Back to editing' }).click();

  const config = readAppConfig();
  await run('bash', ['-c', `${command} --endpoint-url ${config.iotEndpoint}`], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: config.localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: config.localCredentials.secretAccessKey,
      AWS_DEFAULT_REGION: config.region,
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_PAGER: '',
    },
  });
  const saved = await describe(name);
  expect(saved.version).toBe(2);
  expect(
    saved.behaviors?.find((entry) => entry.name === 'messages-sent')?.criteria?.value?.count,
  ).toBe(500);
});
