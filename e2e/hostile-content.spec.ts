import {
  CreateCustomMetricCommand,
  CreateDimensionCommand,
  CreateSecurityProfileCommand,
  DeleteCustomMetricCommand,
  DeleteDimensionCommand,
  DeleteSecurityProfileCommand,
} from '@aws-sdk/client-iot';
import { expect, test, type Page } from '@playwright/test';
import { createTestIotClient } from './local-aws';

/**
 * Server data written by an attacker (anyone with iot:UpdateSecurityProfile, or a compromised
 * pipeline) must reach the analyst as text. The payloads go in through the real SDK, each as far
 * as the model allows it: descriptions and display names take printable ASCII, names only
 * `[a-zA-Z0-9:_-]`, dimension values and string criteria anything (including U+202E, the
 * right-to-left override that makes `exe.txt` read as `txt.exe`).
 */

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const profileName = `e2e-hostile-${suffix}`;
const metricName = `e2e-hostile-metric-${suffix}`;
const dimensionName = `e2e-hostile-dim-${suffix}`;

const RTL_OVERRIDE = '\u202E';
const DESCRIPTION =
  '<img src=x onerror=alert(1)> "><script>alert(1)</script> javascript:alert(1) ' +
  '<a href="javascript:alert(1)">click</a> <svg onload=alert(1)> {{constructor.constructor("alert(1)")()}}';
const METRIC_DISPLAY_NAME = '<img src=x onerror=alert(2)>"><script>alert(2)</script>';
/** Names allow only [a-zA-Z0-9:_-]: what survives of a payload there. */
const BEHAVIOR_NAMES = ['img_src-x_onerror-alert-1', 'javascript:alert-1'];
const DIMENSION_VALUES = [
  '<img src=x onerror=alert(3)>',
  `telemetry/${RTL_OVERRIDE}exe.txt`,
  'javascript:alert(3)',
];
const CRITERIA_STRINGS = [
  '<img src=x onerror=alert(4)>',
  `${RTL_OVERRIDE}gnp.exe`,
  '"><script>alert(4)</script>',
];

test.describe('hostile content from the server renders as text', () => {
  test.beforeAll(async () => {
    const client = createTestIotClient();
    await client.send(
      new CreateCustomMetricCommand({
        metricName,
        metricType: 'string-list',
        displayName: METRIC_DISPLAY_NAME,
      }),
    );
    await client.send(
      new CreateDimensionCommand({
        name: dimensionName,
        type: 'TOPIC_FILTER',
        stringValues: DIMENSION_VALUES,
      }),
    );
    await client.send(
      new CreateSecurityProfileCommand({
        securityProfileName: profileName,
        securityProfileDescription: DESCRIPTION,
        behaviors: [
          {
            name: BEHAVIOR_NAMES[0],
            metric: metricName,
            criteria: { comparisonOperator: 'in-set', value: { strings: CRITERIA_STRINGS } },
          },
          {
            name: BEHAVIOR_NAMES[1],
            metric: 'aws:num-messages-sent',
            metricDimension: { dimensionName, operator: 'IN' },
            criteria: {
              comparisonOperator: 'greater-than',
              value: { count: 100 },
              durationSeconds: 300,
            },
          },
        ],
      }),
    );
    client.destroy();
  });

  test.afterAll(async () => {
    const client = createTestIotClient();
    // The profile first: a dimension or metric still in use cannot be deleted.
    await client.send(new DeleteSecurityProfileCommand({ securityProfileName: profileName }));
    await client.send(new DeleteDimensionCommand({ name: dimensionName }));
    await client.send(new DeleteCustomMetricCommand({ metricName }));
    client.destroy();
  });

  /** Fails the test on any dialog: alert(), confirm() or prompt() would mean a payload ran. */
  function forbidDialogs(page: Page): string[] {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return dialogs;
  }

  /** No element a payload could have created exists anywhere in the document. */
  async function expectNoInjectedElements(page: Page): Promise<void> {
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('svg[onload]')).toHaveCount(0);
    await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
    // The only script is the built bundle; a payload's <script> never became an element.
    await expect(page.locator('script:not([src])')).toHaveCount(0);
  }

  test('list, details and editor show every payload as written and run none', async ({ page }) => {
    const dialogs = forbidDialogs(page);

    await page.goto('/');
    const row = page.getByRole('row').filter({
      has: page.getByRole('link', { name: profileName, exact: true }),
    });
    await expect(row).toBeVisible();
    await expect(row).toContainText(DESCRIPTION);
    await expectNoInjectedElements(page);

    await row.getByRole('link', { name: profileName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: profileName })).toBeVisible();

    // Editor: the payloads are field values, byte for byte.
    await expect(page.getByLabel('Description')).toHaveValue(DESCRIPTION);
    for (const name of BEHAVIOR_NAMES) await expect(page.locator('body')).toContainText(name);
    await expectNoInjectedElements(page);

    // Details: the payloads are text nodes, including the right-to-left override character.
    await page
      .getByRole('radiogroup', { name: 'View' })
      .getByText('Details', { exact: true })
      .click();
    await expect(page.getByText(DESCRIPTION, { exact: true })).toBeVisible();
    const custom = page.getByRole('article', { name: `Behavior ${BEHAVIOR_NAMES[0]}` });
    await expect(custom.getByRole('heading', { level: 3, name: BEHAVIOR_NAMES[0] })).toBeVisible();
    await expect(custom).toContainText(METRIC_DISPLAY_NAME);
    for (const value of CRITERIA_STRINGS) await expect(custom).toContainText(value);
    const dimensioned = page.getByRole('article', { name: `Behavior ${BEHAVIOR_NAMES[1]}` });
    await expect(dimensioned).toContainText(dimensionName);
    await expectNoInjectedElements(page);

    // Text as written: the DOM holds the characters themselves, not an escaped or stripped form.
    // The e2e project has no DOM lib (it clashes with Node's fetch types): the one global used.
    const texts = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { body: { innerText: string } } }).document.body
          .innerText,
    );
    expect(texts).toContain(`${RTL_OVERRIDE}gnp.exe`);
    expect(texts).toContain('"><script>alert(4)</script>');

    // Give any deferred handler (onerror fires after a failed load) time to run before judging.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  test('the JSON view shows the payloads as JSON text, not markup', async ({ page }) => {
    const dialogs = forbidDialogs(page);
    await page.goto(`/profiles/${profileName}`);
    await expect(page.getByRole('heading', { level: 1, name: profileName })).toBeVisible();
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = JSON.parse(await page.getByLabel('Profile JSON').inputValue()) as {
      securityProfileDescription?: string;
      behaviors?: { name: string; criteria?: { value?: { strings?: string[] } } }[];
    };
    expect(json.securityProfileDescription).toBe(DESCRIPTION);
    expect(json.behaviors?.map((behavior) => behavior.name)).toEqual(BEHAVIOR_NAMES);
    expect(json.behaviors?.[0]?.criteria?.value?.strings).toEqual(CRITERIA_STRINGS);
    await expectNoInjectedElements(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});
