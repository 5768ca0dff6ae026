import {
  CreateSecurityProfileCommand,
  DescribeCustomMetricCommand,
  ListCustomMetricsCommand,
  ListDimensionsCommand,
} from '@aws-sdk/client-iot';
import type {
  CustomMetricType,
  ListCustomMetricsCommandOutput,
  ListDimensionsCommandOutput,
} from '@aws-sdk/client-iot';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { PROFILE_FIELD_MEMBERS } from '../src/domain/security-profile';
import { createTestIotClient, describeProfile } from './local-aws';
import { confirmSave, uniqueName } from './editor-steps';

/**
 * The editor's proof for every kind of behavior: built, saved and edited in the browser alone,
 * with Describe (read through the SDK from the same local endpoint) equal to what the form's JSON
 * tab showed after each save. The custom metrics and dimensions are discovered, not assumed.
 */

const ROLE = 'arn:aws:iam::123456789012:role/device-defender-e2e';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:device-defender-e2e';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface AccountCatalogue {
  /** A custom metric name of each type. */
  custom: Record<CustomMetricType, string>;
  /** A TOPIC_FILTER dimension name. */
  dimension: string;
}

/** The account's custom metrics (one of each type) and a dimension, read through the SDK. */
async function discoverCatalogue(): Promise<AccountCatalogue> {
  const client = createTestIotClient();
  const found: Partial<Record<CustomMetricType, string>> = {};
  let nextToken: string | undefined;
  do {
    const page: ListCustomMetricsCommandOutput = await client.send(
      new ListCustomMetricsCommand({ nextToken }),
    );
    for (const metricName of page.metricNames ?? []) {
      const described = await client.send(new DescribeCustomMetricCommand({ metricName }));
      const type = described.metricType;
      if (type !== undefined && found[type] === undefined) found[type] = metricName;
    }
    nextToken = page.nextToken;
  } while (nextToken !== undefined);

  const dimensions: string[] = [];
  nextToken = undefined;
  do {
    const page: ListDimensionsCommandOutput = await client.send(
      new ListDimensionsCommand({ nextToken }),
    );
    dimensions.push(...(page.dimensionNames ?? []));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);

  const { number, 'number-list': numberList } = found;
  const { 'string-list': stringList, 'ip-address-list': ipList } = found;
  const dimension = [...dimensions].sort()[0];
  if (
    number === undefined ||
    numberList === undefined ||
    stringList === undefined ||
    ipList === undefined ||
    dimension === undefined
  ) {
    throw new Error(
      `the seeded account lacks a custom metric type or a dimension: ${JSON.stringify({ found, dimensions })}`,
    );
  }
  return {
    custom: {
      number,
      'number-list': numberList,
      'string-list': stringList,
      'ip-address-list': ipList,
    },
    dimension,
  };
}

/** The profile fields the JSON tab shows for the form's current values. */
async function formJson(page: Page): Promise<Record<string, unknown>> {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const text = await page.getByLabel('Profile JSON').inputValue();
  await page.getByRole('tab', { name: 'Form' }).click();
  return JSON.parse(text) as Record<string, unknown>;
}

function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

function behavior(page: Page, name: string): Locator {
  return section(page, 'Behaviors').getByRole('region', { name, exact: true });
}

/**
 * Saves and waits for the new version; returns the UpdateSecurityProfile body the page sent
 * (observed, not intercepted), to check which delete flags a removal is saved as.
 */
async function saveAndExpectVersion(
  page: Page,
  name: string,
  version: number,
): Promise<Record<string, unknown>> {
  const update = page.waitForRequest(
    (request) =>
      request.method() === 'PATCH' &&
      new URL(request.url()).pathname === `/security-profiles/${encodeURIComponent(name)}`,
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  await confirmSave(page);
  const body = (await update).postDataJSON() as Record<string, unknown>;
  await expect(page.getByText(`The profile is now at version ${version}.`)).toBeVisible();
  await expect(page.getByText('No changes to save.')).toBeVisible();
  return body;
}

/** Adds a behavior, names it and picks its metric by wire name; returns its region. */
async function addBehavior(page: Page, name: string, metric: string): Promise<Locator> {
  const behaviors = section(page, 'Behaviors');
  await behaviors.getByRole('button', { name: 'Add behavior' }).click();
  // The behavior just added is the one whose name input has focus.
  const nameInput = behaviors.getByLabel('Behavior name').last();
  await expect(nameInput).toBeFocused();
  await nameInput.fill(name);
  const item = behavior(page, name);
  await item.getByRole('combobox', { name: 'Metric' }).fill(metric);
  await page
    .getByRole('option', { name: new RegExp(escapeRegExp(metric)) })
    .first()
    .click();
  await expect(item.getByRole('radiogroup', { name: 'Detection type' })).toBeVisible();
  return item;
}

/**
 * The editable members of a Describe output or of the JSON tab, with absent, empty-list and
 * empty-object members dropped: "none" reads as either, and only what a profile holds counts.
 */
function profileFields(source: object): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const member of PROFILE_FIELD_MEMBERS) {
    const value = record[member];
    const empty =
      value === undefined ||
      value === '' ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
    if (!empty) fields[member] = value;
  }
  return fields;
}

/** The behaviors of a JSON view or Describe, by name. */
function byName(behaviors: unknown): Map<string, Record<string, unknown>> {
  const list = (behaviors ?? []) as Record<string, unknown>[];
  return new Map(list.map((entry) => [String(entry['name']), entry]));
}

test('builds one behavior of every kind, saves, edits each and saves again: Describe equals the form', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { custom, dimension } = await discoverCatalogue();
  const name = uniqueName('e2e-behaviors');
  await page.goto('/profiles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New security profile' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);

  // Static count.
  const staticCount = await addBehavior(page, 'static-count', 'aws:num-messages-sent');
  await staticCount.getByRole('textbox', { name: 'Value', exact: true }).fill('100');

  // CIDR set.
  const cidrSet = await addBehavior(page, 'cidr-set', 'aws:source-ip-address');
  await cidrSet.getByRole('combobox', { name: 'Normal behavior' }).selectOption('in-cidr-set');
  await cidrSet.getByRole('textbox', { name: 'Add CIDRs' }).fill('10.0.0.0/8, 192.168.0.0/16');
  await cidrSet.getByRole('button', { name: 'Add CIDRs' }).click();
  await expect(cidrSet.getByRole('textbox', { name: 'CIDR 2' })).toHaveValue('192.168.0.0/16');

  // Port set.
  const portSet = await addBehavior(page, 'port-set', 'aws:listening-tcp-ports');
  await portSet.getByRole('combobox', { name: 'Normal behavior' }).selectOption('not-in-port-set');
  await portSet.getByRole('textbox', { name: 'Add ports' }).fill('23, 21');
  await portSet.getByRole('button', { name: 'Add ports' }).click();
  await expect(portSet.getByRole('list', { name: 'Ports' }).getByRole('listitem')).toHaveCount(2);

  // Statistical threshold.
  const statistical = await addBehavior(page, 'statistical', 'aws:num-authorization-failures');
  await statistical.getByRole('radio', { name: 'Statistical threshold' }).check();
  await statistical
    .getByRole('combobox', { name: 'Normal behavior' })
    .selectOption('less-than-equals');
  await statistical
    .getByRole('combobox', { name: 'Percentile of all devices' })
    .selectOption('p99');

  // ML Detect.
  const ml = await addBehavior(page, 'ml-detect', 'aws:num-messages-received');
  await ml.getByRole('radio', { name: 'ML Detect' }).check();
  await ml.getByRole('radio', { name: 'Medium (MEDIUM)' }).check();

  // Dimensioned (Rules Detect on a TOPIC_FILTER dimension).
  const dimensioned = await addBehavior(page, 'dimensioned', 'aws:message-byte-size');
  await dimensioned.getByRole('textbox', { name: 'Value', exact: true }).fill('2048');
  await dimensioned
    .getByRole('combobox', { name: 'Dimension', exact: true })
    .selectOption(dimension);
  await expect(dimensioned.getByRole('combobox', { name: 'Dimension operator' })).toHaveValue('IN');

  // Custom number.
  const customNumber = await addBehavior(page, 'custom-number', custom.number);
  await customNumber.getByRole('textbox', { name: 'Value', exact: true }).fill('85.5');

  // Custom number list.
  const customNumbers = await addBehavior(page, 'custom-number-list', custom['number-list']);
  await customNumbers.getByRole('textbox', { name: 'Add numbers' }).fill('1, 2, 3');
  await customNumbers.getByRole('button', { name: 'Add numbers' }).click();

  // Custom string list.
  const customStrings = await addBehavior(page, 'custom-string-list', custom['string-list']);
  await customStrings.getByRole('textbox', { name: 'Add strings' }).fill('nf_conntrack\nxt_tcpudp');
  await customStrings.getByRole('button', { name: 'Add strings' }).click();

  // Custom IP address list.
  const customIps = await addBehavior(page, 'custom-ip-list', custom['ip-address-list']);
  await customIps.getByRole('textbox', { name: 'Add CIDRs' }).fill('203.0.113.0/24');
  await customIps.getByRole('button', { name: 'Add CIDRs' }).click();

  await expect(page.getByRole('button', { name: 'Create profile' })).toBeEnabled();
  const shown = await formJson(page);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await confirmSave(page);
  await expect(page).toHaveURL(new RegExp(`/profiles/${name}$`));
  await expect(page.getByText('Version 1')).toBeVisible();

  const created = await describeProfile(name);
  expect(created.version).toBe(1);
  expect(created.behaviors).toEqual(shown['behaviors']);
  expect(profileFields(created)).toEqual(profileFields(shown));
  const first = byName(created.behaviors);
  expect([...first.keys()]).toEqual([
    'static-count',
    'cidr-set',
    'port-set',
    'statistical',
    'ml-detect',
    'dimensioned',
    'custom-number',
    'custom-number-list',
    'custom-string-list',
    'custom-ip-list',
  ]);
  expect(first.get('static-count')).toMatchObject({
    metric: 'aws:num-messages-sent',
    criteria: { value: { count: 100 } },
  });
  expect(first.get('cidr-set')).toMatchObject({
    criteria: {
      comparisonOperator: 'in-cidr-set',
      value: { cidrs: ['10.0.0.0/8', '192.168.0.0/16'] },
    },
  });
  expect(first.get('port-set')).toMatchObject({
    criteria: { comparisonOperator: 'not-in-port-set', value: { ports: [21, 23] } },
  });
  expect(first.get('statistical')).toMatchObject({
    criteria: {
      comparisonOperator: 'less-than-equals',
      statisticalThreshold: { statistic: 'p99' },
    },
  });
  expect(first.get('ml-detect')).toMatchObject({
    criteria: { mlDetectionConfig: { confidenceLevel: 'MEDIUM' } },
  });
  expect(first.get('ml-detect')?.['criteria']).not.toHaveProperty('comparisonOperator');
  expect(first.get('dimensioned')).toMatchObject({
    metricDimension: { dimensionName: dimension },
    criteria: { value: { count: 2048 } },
  });
  expect(first.get('custom-number')).toMatchObject({
    metric: custom.number,
    criteria: { value: { number: 85.5 } },
  });
  expect(first.get('custom-number-list')).toMatchObject({
    metric: custom['number-list'],
    criteria: { value: { numbers: [1, 2, 3] } },
  });
  expect(first.get('custom-string-list')).toMatchObject({
    metric: custom['string-list'],
    criteria: { value: { strings: ['nf_conntrack', 'xt_tcpudp'] } },
  });
  expect(first.get('custom-ip-list')).toMatchObject({
    metric: custom['ip-address-list'],
    criteria: { value: { cidrs: ['203.0.113.0/24'] } },
  });
  // The reloaded editor shows exactly what was saved.
  expect((await formJson(page))['behaviors']).toEqual(created.behaviors);

  // Edit every behavior.
  await section(page, 'Behaviors').getByRole('button', { name: 'Expand all' }).click();
  await staticCount.getByRole('textbox', { name: 'Value', exact: true }).fill('150');
  await cidrSet.getByRole('button', { name: 'Remove CIDR 192.168.0.0/16' }).click();
  await cidrSet.getByRole('textbox', { name: 'Add CIDRs' }).fill('172.16.0.0/12');
  await cidrSet.getByRole('button', { name: 'Add CIDRs' }).click();
  await portSet.getByRole('textbox', { name: 'Add ports' }).fill('8000-8002');
  await portSet.getByRole('button', { name: 'Add ports' }).click();
  await expect(portSet.getByRole('list', { name: 'Ports' }).getByRole('listitem')).toHaveCount(5);
  await statistical
    .getByRole('combobox', { name: 'Percentile of all devices' })
    .selectOption('p50');
  await ml.getByRole('radio', { name: 'Low (LOW)' }).check();
  await dimensioned.getByRole('combobox', { name: 'Dimension operator' }).selectOption('NOT_IN');
  await customNumber.getByRole('textbox', { name: 'Value', exact: true }).fill('-12.25');
  await customNumbers.getByRole('button', { name: 'Remove 2', exact: true }).click();
  await customNumbers.getByRole('textbox', { name: 'Add numbers' }).fill('4.5');
  await customNumbers.getByRole('button', { name: 'Add numbers' }).click();
  await customStrings.getByRole('button', { name: 'Remove "xt_tcpudp"' }).click();
  await customStrings.getByRole('textbox', { name: 'Add strings' }).fill('bluetooth, le');
  await customStrings.getByRole('button', { name: 'Add strings' }).click();
  await customIps.getByRole('textbox', { name: 'Add CIDRs' }).fill('2001:db8::/32');
  await customIps.getByRole('button', { name: 'Add CIDRs' }).click();

  const edited = await formJson(page);
  await saveAndExpectVersion(page, name, 2);
  const saved = await describeProfile(name);
  expect(saved.version).toBe(2);
  expect(saved.behaviors).toEqual(edited['behaviors']);
  expect(profileFields(saved)).toEqual(profileFields(edited));
  const second = byName(saved.behaviors);
  expect(second.get('static-count')).toMatchObject({ criteria: { value: { count: 150 } } });
  expect(second.get('cidr-set')).toMatchObject({
    criteria: { value: { cidrs: ['10.0.0.0/8', '172.16.0.0/12'] } },
  });
  expect(second.get('port-set')).toMatchObject({
    criteria: { value: { ports: [21, 23, 8000, 8001, 8002] } },
  });
  expect(second.get('statistical')).toMatchObject({
    criteria: { statisticalThreshold: { statistic: 'p50' } },
  });
  expect(second.get('ml-detect')).toMatchObject({
    criteria: { mlDetectionConfig: { confidenceLevel: 'LOW' } },
  });
  expect(second.get('dimensioned')).toMatchObject({
    metricDimension: { dimensionName: dimension, operator: 'NOT_IN' },
  });
  expect(second.get('custom-number')).toMatchObject({ criteria: { value: { number: -12.25 } } });
  expect(second.get('custom-number-list')).toMatchObject({
    criteria: { value: { numbers: [1, 3, 4.5] } },
  });
  expect(second.get('custom-string-list')).toMatchObject({
    criteria: { value: { strings: ['nf_conntrack', 'bluetooth, le'] } },
  });
  expect(second.get('custom-ip-list')).toMatchObject({
    criteria: { value: { cidrs: ['203.0.113.0/24', '2001:db8::/32'] } },
  });
  // A few of the values as the form shows them after the save.
  await expect(staticCount.getByRole('textbox', { name: 'Value', exact: true })).toHaveValue('150');
  await expect(customNumber.getByRole('textbox', { name: 'Value', exact: true })).toHaveValue(
    '-12.25',
  );
  await expect(dimensioned.getByRole('combobox', { name: 'Dimension operator' })).toHaveValue(
    'NOT_IN',
  );
  expect((await formJson(page))['behaviors']).toEqual(saved.behaviors);

  // Remove them all: saved as deleteBehaviors, and Describe shows none.
  for (const behaviorName of second.keys()) {
    await section(page, 'Behaviors')
      .getByRole('button', { name: `Remove behavior ${behaviorName}`, exact: true })
      .click();
  }
  await expect(page.getByText('No behaviors yet')).toBeVisible();
  const removal = await saveAndExpectVersion(page, name, 3);
  expect(removal).toMatchObject({ deleteBehaviors: true });
  expect(removal).not.toHaveProperty('behaviors');
  const emptied = await describeProfile(name);
  expect(emptied.version).toBe(3);
  expect(emptied.behaviors ?? []).toEqual([]);
  expect(profileFields(emptied)).toEqual(profileFields(await formJson(page)));
});

test('sets, then removes, the alert target and V2 retained metrics: Describe equals the form', async ({
  page,
}) => {
  const { dimension } = await discoverCatalogue();
  const name = uniqueName('e2e-targets');
  await createTestIotClient().send(
    new CreateSecurityProfileCommand({
      securityProfileName: name,
      metricsExportConfig: { mqttTopic: '$aws/rules/e2e-retained', roleArn: ROLE },
    }),
  );
  await page.goto(`/profiles/${name}`);
  await expect(page.getByText('Version 1')).toBeVisible();

  const alert = section(page, 'Alert target');
  await alert.getByRole('button', { name: 'Add alert target' }).click();
  await alert.getByLabel('SNS topic ARN').fill(TOPIC);
  await alert.getByLabel('Alert role ARN').fill(ROLE);

  const retained = section(page, 'Retained metrics');
  await retained.getByRole('button', { name: 'Add retained metric' }).click();
  const first = retained.getByRole('group', { name: 'Retained metric 1' });
  await first.getByRole('combobox', { name: 'Metric' }).fill('aws:num-messages-sent');
  await page.getByRole('option', { name: /aws:num-messages-sent/ }).click();
  await first.getByRole('combobox', { name: 'Dimension', exact: true }).click();
  await page.getByRole('option', { name: dimension, exact: true }).click();
  await first.getByRole('combobox', { name: 'Dimension operator' }).click();
  await page.getByRole('option', { name: 'Values not in the dimension' }).click();
  await first.getByRole('checkbox', { name: 'Export metric' }).check();
  await retained.getByRole('button', { name: 'Add retained metric' }).click();
  const second = retained.getByRole('group', { name: 'Retained metric 2' });
  await second.getByRole('combobox', { name: 'Metric' }).fill('aws:source-ip-address');
  await page.getByRole('option', { name: /aws:source-ip-address/ }).click();

  const shown = await formJson(page);
  await saveAndExpectVersion(page, name, 2);
  const set = await describeProfile(name);
  expect(set.version).toBe(2);
  expect(profileFields(set)).toEqual(profileFields(shown));
  expect(set.alertTargets).toEqual(shown['alertTargets']);
  expect(set.alertTargets).toEqual({ SNS: { alertTargetArn: TOPIC, roleArn: ROLE } });
  expect(set.additionalMetricsToRetainV2).toEqual(shown['additionalMetricsToRetainV2']);
  expect(set.additionalMetricsToRetainV2).toEqual([
    {
      metric: 'aws:num-messages-sent',
      metricDimension: { dimensionName: dimension, operator: 'NOT_IN' },
      exportMetric: true,
    },
    { metric: 'aws:source-ip-address' },
  ]);

  await alert.getByRole('button', { name: 'Remove alert target' }).click();
  await retained
    .getByRole('button', { name: 'Remove retained metric 1 (aws:num-messages-sent)' })
    .click();
  await retained
    .getByRole('button', { name: 'Remove retained metric 1 (aws:source-ip-address)' })
    .click();
  await expect(
    retained.getByText('No extra metrics retained: only the metrics the behaviors use are kept.'),
  ).toBeVisible();
  const cleared = await formJson(page);
  const removal = await saveAndExpectVersion(page, name, 3);
  expect(removal).toMatchObject({
    deleteAlertTargets: true,
    deleteAdditionalMetricsToRetain: true,
  });
  expect(removal).not.toHaveProperty('alertTargets');
  expect(removal).not.toHaveProperty('deleteMetricsExportConfig');
  const removed = await describeProfile(name);
  expect(removed.version).toBe(3);
  expect(profileFields(removed)).toEqual(profileFields(cleared));
  expect(removed.alertTargets ?? {}).toEqual(cleared['alertTargets'] ?? {});
  expect(removed.alertTargets ?? {}).toEqual({});
  expect(removed.additionalMetricsToRetainV2 ?? []).toEqual(
    cleared['additionalMetricsToRetainV2'] ?? [],
  );
  expect(removed.additionalMetricsToRetainV2 ?? []).toEqual([]);
  // What was not touched stays.
  expect(removed.metricsExportConfig).toEqual({
    mqttTopic: '$aws/rules/e2e-retained',
    roleArn: ROLE,
  });
});
