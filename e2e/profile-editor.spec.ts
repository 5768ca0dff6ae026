import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecurityProfileCommand, UpdateSecurityProfileCommand } from '@aws-sdk/client-iot';
import type { CreateSecurityProfileCommandInput } from '@aws-sdk/client-iot';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createTestIotClient, describeProfile } from './local-aws';
import { confirmSave, uniqueName } from './editor-steps';

const ROLE = 'arn:aws:iam::123456789012:role/device-defender-e2e';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:device-defender-e2e';

async function createThroughSdk(input: CreateSecurityProfileCommandInput): Promise<void> {
  await createTestIotClient().send(new CreateSecurityProfileCommand(input));
}

async function notFound(name: string): Promise<boolean> {
  try {
    await describeProfile(name);
    return false;
  } catch (error) {
    return (error as Error).name === 'ResourceNotFoundException';
  }
}

/** The profile fields the JSON tab shows for the form's current values. */
async function formJson(page: Page): Promise<Record<string, unknown>> {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const text = await page.getByLabel('Profile JSON').inputValue();
  await page.getByRole('tab', { name: 'Form' }).click();
  return JSON.parse(text) as Record<string, unknown>;
}

function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

async function saveAndExpectVersion(page: Page, version: number) {
  await page.getByRole('button', { name: 'Save changes' }).click();
  await confirmSave(page);
  await expect(page.getByText(`The profile is now at version ${version}.`)).toBeVisible();
  await expect(page.getByText('No changes to save.')).toBeVisible();
}

test('creates a profile with a static count behavior; Describe equals what the form showed', async ({
  page,
}) => {
  const name = uniqueName('e2e-create');
  await page.goto('/');
  await page.getByRole('link', { name: 'New profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New security profile' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByLabel('Description').fill('Created by the editor e2e');
  await expect(page.getByText('25 / 1000 characters')).toBeVisible();

  const behaviors = section(page, 'Behaviors');
  await behaviors.getByRole('button', { name: 'Add behavior' }).click();
  await behaviors.getByLabel('Behavior name').fill('few-auth-failures');
  await behaviors.getByRole('combobox', { name: 'Metric' }).fill('Authorization failures');
  await page
    .getByRole('option', { name: /Authorization failures/ })
    .first()
    .click();
  await behaviors.getByRole('textbox', { name: 'Value', exact: true }).fill('5');
  // For a human look at the layout; kept outside the repository.
  await page.screenshot({ path: join(tmpdir(), 'e2e-profile-editor.png'), fullPage: true });
  await expect(page.getByRole('button', { name: 'Create profile' })).toBeEnabled();
  const shown = await formJson(page);

  await page.getByRole('button', { name: 'Create profile' }).click();
  await confirmSave(page);
  await expect(page).toHaveURL(new RegExp(`/profiles/${name}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Version 1')).toBeVisible();

  const truth = await describeProfile(name);
  expect(truth.version).toBe(1);
  expect(truth.securityProfileDescription).toBe(shown['securityProfileDescription']);
  expect(truth.behaviors).toEqual(shown['behaviors']);
  expect(truth.behaviors?.[0]).toMatchObject({
    name: 'few-auth-failures',
    metric: 'aws:num-authorization-failures',
    criteria: { value: { count: 5 } },
  });
  // And the editor of the created profile shows exactly that again.
  expect(await formJson(page)).toEqual(shown);
});

test('edits the description and alert target and saves one version up; leaving unsaved asks first', async ({
  page,
}) => {
  const name = uniqueName('e2e-edit');
  await createThroughSdk({ securityProfileName: name, securityProfileDescription: 'before' });
  await page.goto(`/profiles/${name}`);
  await expect(page.getByText('Version 1')).toBeVisible();
  await expect(page.getByText('No changes to save.')).toBeVisible();

  await page.getByLabel('Description').fill('after the edit');
  const alert = section(page, 'Alert target');
  await alert.getByRole('button', { name: 'Add alert target' }).click();
  await alert.getByLabel('SNS topic ARN').fill(TOPIC);
  await alert.getByLabel('Alert role ARN').fill('too-short');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await expect(page.getByText('Fix 1 problem to save.')).toBeVisible();
  // The summary's link jumps to the field at fault.
  await page
    .getByRole('region', { name: /blocks? saving/ })
    .getByRole('button', { name: 'Alert target › Alert role ARN' })
    .click();
  await expect(alert.getByLabel('Alert role ARN')).toBeFocused();
  await alert.getByLabel('Alert role ARN').fill(ROLE);

  // Leaving with unsaved edits asks first; staying keeps them.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(page.getByLabel('Description')).toHaveValue('after the edit');

  // The read-only details stay one switch away, and switching back keeps the edits.
  const view = page.getByRole('radiogroup', { name: 'View' });
  await view.getByText('Details', { exact: true }).click();
  await expect(view.getByRole('radio', { name: 'Details' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Overview' })).toBeVisible();
  await view.getByText('Edit', { exact: true }).click();
  await expect(page.getByLabel('Description')).toHaveValue('after the edit');

  await saveAndExpectVersion(page, 2);
  const truth = await describeProfile(name);
  expect(truth.version).toBe(2);
  expect(truth.securityProfileDescription).toBe('after the edit');
  expect(truth.alertTargets).toEqual({ SNS: { alertTargetArn: TOPIC, roleArn: ROLE } });
});

test('removing every behavior saves as deleteBehaviors: Describe shows none', async ({ page }) => {
  const name = uniqueName('e2e-nobehaviors');
  await createThroughSdk({
    securityProfileName: name,
    behaviors: [
      {
        name: 'few-auth-failures',
        metric: 'aws:num-authorization-failures',
        criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
      },
      {
        name: 'small-messages',
        metric: 'aws:message-byte-size',
        criteria: { comparisonOperator: 'less-than-equals', value: { count: 1024 } },
      },
    ],
  });
  await page.goto(`/profiles/${name}`);
  const behaviors = section(page, 'Behaviors');
  await behaviors.getByRole('button', { name: 'Remove behavior few-auth-failures' }).click();
  await behaviors.getByRole('button', { name: 'Remove behavior small-messages' }).click();
  await expect(page.getByRole('progressbar', { name: 'Behaviors: 0 of 100' })).toBeAttached();

  // Removing behaviors weakens detection: the preview's save waits for the acknowledgement.
  await page.getByRole('button', { name: 'Save changes' }).click();
  const preview = page.getByRole('dialog', { name: `Review changes to ${name}` });
  const acknowledge = preview.getByRole('checkbox', {
    name: 'I understand this weakens detection',
  });
  await expect(acknowledge).not.toBeChecked();
  await expect(preview.getByRole('button', { name: 'Save as version 2' })).toBeDisabled();
  await preview.getByRole('button', { name: 'Back to editing' }).click();
  await expect(preview).toBeHidden();
  expect((await describeProfile(name)).version).toBe(1);

  await saveAndExpectVersion(page, 2);
  const truth = await describeProfile(name);
  expect(truth.behaviors ?? []).toEqual([]);
});

test('sets, then removes, the metrics export configuration', async ({ page }) => {
  const name = uniqueName('e2e-export');
  await createThroughSdk({ securityProfileName: name });
  await page.goto(`/profiles/${name}`);
  const exportSection = section(page, 'Metrics export');
  await exportSection.getByRole('button', { name: 'Add export configuration' }).click();
  await exportSection.getByLabel('MQTT topic').fill('$aws/rules/e2e-export');
  await exportSection.getByLabel('Export role ARN').fill(ROLE);
  await saveAndExpectVersion(page, 2);
  expect((await describeProfile(name)).metricsExportConfig).toEqual({
    mqttTopic: '$aws/rules/e2e-export',
    roleArn: ROLE,
  });

  await exportSection.getByRole('button', { name: 'Remove export configuration' }).click();
  await saveAndExpectVersion(page, 3);
  expect((await describeProfile(name)).metricsExportConfig).toBeUndefined();
});

/** Someone else's save while the page edits: version 1 becomes 2 behind the editor's back. */
async function saveAsSomeoneElse(name: string, description: string): Promise<void> {
  await createTestIotClient().send(
    new UpdateSecurityProfileCommand({
      securityProfileName: name,
      securityProfileDescription: description,
      expectedVersion: 1,
    }),
  );
}

test('a save that meets a newer version with no overlap merges and saves against it', async ({
  page,
}) => {
  const name = uniqueName('e2e-merge');
  await createThroughSdk({ securityProfileName: name, securityProfileDescription: 'before' });
  await page.goto(`/profiles/${name}`);
  await expect(page.getByText('Version 1')).toBeVisible();
  const exportSection = section(page, 'Metrics export');
  await exportSection.getByRole('button', { name: 'Add export configuration' }).click();
  await exportSection.getByLabel('MQTT topic').fill('$aws/rules/e2e-merge');
  await exportSection.getByLabel('Export role ARN').fill(ROLE);
  await saveAsSomeoneElse(name, 'theirs');

  await page.getByRole('button', { name: 'Save changes' }).click();
  // Not confirmSave: after the refused save the preview comes back with the merged result.
  const preview = page.getByRole('dialog', { name: `Review changes to ${name}` });
  await preview.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Merged with a newer version' }),
  ).toContainText('Someone else saved version 2 after you loaded version 1');
  await expect(page.getByLabel('Description')).toHaveValue('theirs');
  await expect(preview.getByRole('button', { name: 'Save as version 3' })).toBeVisible();
  await confirmSave(page);

  await expect(page.getByText('The profile is now at version 3.')).toBeVisible();
  const truth = await describeProfile(name);
  expect(truth.version).toBe(3);
  expect(truth.securityProfileDescription).toBe('theirs');
  expect(truth.metricsExportConfig).toEqual({ mqttTopic: '$aws/rules/e2e-merge', roleArn: ROLE });
});

test('a save that meets a conflicting version asks which to keep, then saves the merge', async ({
  page,
}) => {
  const name = uniqueName('e2e-conflict');
  await createThroughSdk({ securityProfileName: name, securityProfileDescription: 'before' });
  await page.goto(`/profiles/${name}`);
  await expect(page.getByText('Version 1')).toBeVisible();
  await page.getByLabel('Description').fill('mine');
  await saveAsSomeoneElse(name, 'theirs');

  await page.getByRole('button', { name: 'Save changes' }).click();
  await confirmSave(page);
  const merge = page.getByRole('dialog', { name: `${name} changed while you edited` });
  await expect(merge).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('mine');
  const useMerged = merge.getByRole('button', { name: 'Use merged result' });
  await expect(useMerged).toBeDisabled();
  await merge.getByRole('radio', { name: 'Mine' }).check();
  await useMerged.click();
  await expect(merge).toBeHidden();

  await confirmSave(page);
  await expect(page.getByText('The profile is now at version 3.')).toBeVisible();
  const truth = await describeProfile(name);
  expect(truth.version).toBe(3);
  expect(truth.securityProfileDescription).toBe('mine');
});

test('deletes a profile once its name is typed, then shows the list', async ({ page }) => {
  const name = uniqueName('e2e-delete');
  await createThroughSdk({ securityProfileName: name });
  await page.goto(`/profiles/${name}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete security profile' });
  const confirm = dialog.getByRole('button', { name: 'Delete profile' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await confirm.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Security profiles' })).toBeVisible();
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  expect(await notFound(name)).toBe(true);
});

test('clones a profile as <name>-copy with its behaviors and settings', async ({ page }) => {
  const name = uniqueName('e2e-clone');
  await createThroughSdk({
    securityProfileName: name,
    securityProfileDescription: 'Original',
    behaviors: [
      {
        name: 'few-auth-failures',
        metric: 'aws:num-authorization-failures',
        criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
      },
    ],
    metricsExportConfig: { mqttTopic: '$aws/rules/e2e-clone', roleArn: ROLE },
  });
  await page.goto(`/profiles/${name}`);
  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
    `${name}-copy`,
  );
  await page.getByRole('button', { name: 'Create profile' }).click();
  await confirmSave(page);
  await expect(page.getByRole('heading', { level: 1, name: `${name}-copy` })).toBeVisible();

  const original = await describeProfile(name);
  const copy = await describeProfile(`${name}-copy`);
  expect(copy.securityProfileDescription).toBe(original.securityProfileDescription);
  expect(copy.behaviors).toEqual(original.behaviors);
  expect(copy.metricsExportConfig).toEqual(original.metricsExportConfig);
});
