/**
 * The core edit-and-save flow on a bad day at AWS, with faults injected by the local endpoint
 * (`PUT /_local/faults`, loopback only): throttling with latency, a throttled save that shows its
 * retries, an endpoint that drops every connection (what a stopped endpoint looks like to the
 * browser) and then returns, and a browser that goes offline and back.
 */
import {
  CreateSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  IoTClient,
} from '@aws-sdk/client-iot';
import type { Behavior } from '@aws-sdk/client-iot';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readAppConfig } from './local-aws';

interface Faults {
  latencyMs?: number;
  throttle?: number;
  internal?: number;
  drop?: number;
}

/** Replaces the endpoint's fault setting (members left out are 0). */
async function setFaults(faults: Faults): Promise<void> {
  const response = await fetch(`${readAppConfig().iotEndpoint}/_local/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** An SDK client that outlasts the injected faults, to set up and to read the truth. */
function patientClient(): IoTClient {
  const config = readAppConfig();
  return new IoTClient({
    region: config.region,
    endpoint: config.iotEndpoint,
    credentials: config.localCredentials,
    maxAttempts: 20,
  });
}

const messages: Behavior = {
  name: 'messages-sent',
  metric: 'aws:num-messages-sent',
  criteria: { comparisonOperator: 'less-than', value: { count: 100 }, durationSeconds: 300 },
};

async function createProfile(prefix: string): Promise<string> {
  const name = `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await patientClient().send(
    new CreateSecurityProfileCommand({
      securityProfileName: name,
      securityProfileDescription: 'Before the bad day',
      behaviors: [messages],
    }),
  );
  return name;
}

function describeProfile(name: string) {
  return patientClient().send(new DescribeSecurityProfileCommand({ securityProfileName: name }));
}

function threshold(
  profile: Awaited<ReturnType<typeof describeProfile>>,
  behavior: string,
): number | undefined {
  return profile.behaviors?.find((entry) => entry.name === behavior)?.criteria?.value?.count;
}

async function openEditor(page: Page, name: string): Promise<void> {
  await page.goto(`/profiles/${name}`);
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeEditable({
    timeout: 30_000,
  });
}

async function setThreshold(page: Page, behavior: string, count: string): Promise<void> {
  await page.getByRole('button', { name: `Expand behavior ${behavior}` }).click();
  const item = page.getByRole('region', { name: behavior, exact: true });
  await item.getByRole('textbox', { name: 'Value', exact: true }).fill(count);
}

function preview(page: Page) {
  return page.getByRole('dialog', { name: /^Review changes to / });
}

/** Opens the preview and waits until it may be confirmed (validated, weakening acknowledged). */
async function openReadyPreview(page: Page, version: number) {
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = preview(page);
  const acknowledge = dialog.getByRole('checkbox', { name: 'I understand this weakens detection' });
  if (await acknowledge.isVisible()) await acknowledge.check();
  const save = dialog.getByRole('button', { name: `Save as version ${version}` });
  await expect(save).toBeEnabled({ timeout: 30_000 });
  return save;
}

async function expectSaved(page: Page, version: number): Promise<void> {
  await expect(page.getByText(`The profile is now at version ${version}.`)).toBeVisible({
    timeout: 30_000,
  });
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' });
const banner = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title });

test.describe.configure({ timeout: 120_000 });

test.afterEach(async () => {
  await setFaults({});
});

test('with 30% throttling and 200 ms latency, editing and saving through the preview succeeds', async ({
  page,
}) => {
  const name = await createProfile('e2e-faults-throttle');
  await setFaults({ throttle: 0.3, latencyMs: 200 });
  // Counted from the browser's side, so the report shows the faults really reached the app.
  let throttled = 0;
  let answered = 0;
  page.on('response', (response) => {
    if (!response.url().startsWith(readAppConfig().iotEndpoint)) return;
    if (response.request().method() === 'OPTIONS') return;
    answered += 1;
    if (response.headers()['x-amzn-errortype'] === 'ThrottlingException') throttled += 1;
  });

  await openEditor(page, name);
  await page.getByRole('textbox', { name: 'Description' }).fill('Saved through throttling');
  await setThreshold(page, 'messages-sent', '150');
  const save = await openReadyPreview(page, 2);
  await save.click();
  await expectSaved(page, 2);
  // Throttling never made the app claim the endpoint was gone.
  await expect(banner(page, 'AWS IoT endpoint unreachable')).toHaveCount(0);

  test.info().annotations.push({
    type: 'faults',
    description: `${throttled} of ${answered} AWS answers to the page were ThrottlingException`,
  });

  await setFaults({});
  const saved = await describeProfile(name);
  expect(saved.version).toBe(2);
  expect(saved.securityProfileDescription).toBe('Saved through throttling');
  expect(threshold(saved, 'messages-sent')).toBe(150);
});

test('a throttled save says it is retrying, with the attempt, and completes when throttling ends', async ({
  page,
}) => {
  const name = await createProfile('e2e-faults-retrying');
  await openEditor(page, name);
  await page.getByRole('textbox', { name: 'Description' }).fill('Saved after retries');
  const save = await openReadyPreview(page, 2);

  // Every request is now refused as throttled: the save waits and says so, attempt by attempt.
  await setFaults({ throttle: 1 });
  await save.click();
  const retrying = page.getByRole('status', { name: 'Retrying requests' });
  await expect(retrying).toContainText(
    'UpdateSecurityProfile: AWS IoT is throttling requests; retrying (attempt 2 of 5)…',
  );
  // The save bar under the preview says the same in short.
  await expect(page.getByText(/^Retrying \(attempt [2-5] of 5\)…$/)).toBeAttached();
  await setFaults({});
  await expectSaved(page, 2);
  await expect(retrying).toHaveCount(0);
  expect((await describeProfile(name)).securityProfileDescription).toBe('Saved after retries');
});

test('with every connection dropped the app says the endpoint is unreachable, keeps the edit and recovers', async ({
  page,
}) => {
  const name = await createProfile('e2e-faults-drop');
  await openEditor(page, name);
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Typed during the outage');

  // What a stopped endpoint looks like to the browser: no answer at all.
  await setFaults({ drop: 1 });
  await saveButton(page).click();
  const unreachable = banner(page, 'AWS IoT endpoint unreachable');
  await expect(unreachable).toBeVisible({ timeout: 30_000 });
  await expect(unreachable).toContainText('Your edits stay on this page');
  await preview(page).getByRole('button', { name: 'Back to editing' }).click();
  await expect(saveButton(page)).toBeDisabled();
  await expect(
    page.getByText(
      'The AWS IoT endpoint is unreachable: saving is disabled until it answers again.',
    ),
  ).toBeVisible();
  await expect(description).toHaveValue('Typed during the outage');

  // The endpoint returns: the app notices by itself, and saving works again.
  await setFaults({});
  await expect(unreachable).toHaveCount(0, { timeout: 15_000 });
  await expect(saveButton(page)).toBeEnabled();
  await expect(description).toHaveValue('Typed during the outage');
  const save = await openReadyPreview(page, 2);
  await save.click();
  await expectSaved(page, 2);
  expect((await describeProfile(name)).securityProfileDescription).toBe('Typed during the outage');
});

test('offline, the app says so and disables saving; back online it recovers with the edit', async ({
  page,
  context,
}) => {
  const name = await createProfile('e2e-faults-offline');
  await openEditor(page, name);
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill('Typed while offline');

  await context.setOffline(true);
  const offline = banner(page, 'You are offline');
  await expect(offline).toBeVisible();
  await expect(saveButton(page)).toBeDisabled();
  await expect(
    page.getByText('Offline: saving is disabled until the connection returns.'),
  ).toBeVisible();
  // Editing goes on offline.
  await description.fill('Typed while offline, twice');

  await context.setOffline(false);
  await expect(offline).toHaveCount(0);
  await expect(saveButton(page)).toBeEnabled();
  await expect(description).toHaveValue('Typed while offline, twice');
  const save = await openReadyPreview(page, 2);
  await save.click();
  await expectSaved(page, 2);
  expect((await describeProfile(name)).securityProfileDescription).toBe(
    'Typed while offline, twice',
  );
});
