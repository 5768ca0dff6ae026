import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { describePort, summarizeBehavior } from '../src/domain/behavior-summary';
import type { Behavior } from '../src/domain/security-profile';
import { describeProfile } from './local-aws';

test('a profile page shows its fields, behaviors in plain words, alert target, retained metrics and export config', async ({
  page,
}) => {
  const name = 'industrial-gateway-custom';
  const truth = await describeProfile(name);

  await page.goto('/');
  await page.getByRole('link', { name, exact: true }).click();
  // A profile opens in the editor; the read-only details are one switch away.
  await page
    .getByRole('radiogroup', { name: 'View' })
    .getByText('Details', { exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Device Defender profile editor`);
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb.getByRole('link', { name: 'Security profiles' })).toBeVisible();
  await expect(breadcrumb).toContainText(name);

  const overview = page.getByRole('region', { name: 'Overview' });
  await expect(overview).toContainText(truth.securityProfileArn ?? 'missing ARN');
  await expect(overview.getByRole('definition').nth(2)).toHaveText(String(truth.version));

  const behaviors = page.getByRole('region', { name: /^Behaviors/ });
  const cards = behaviors.getByRole('article');
  await expect(cards).toHaveCount(truth.behaviors?.length ?? 0);
  for (const behavior of truth.behaviors ?? []) {
    const card = behaviors.getByRole('article', { name: `Behavior ${behavior.name}` });
    await expect(card.getByRole('heading', { level: 3, name: behavior.name })).toBeVisible();
    await expect(card).toContainText(behavior.metric ?? '');
  }
  // Plain words: the summary states when the alarm fires, with units and the datapoint rule.
  const cpu = behaviors.getByRole('article', { name: 'Behavior cpu-temperature-limit' });
  await expect(cpu).toContainText(/85/);
  await expect(cpu).toContainText('5 minutes (300 s)');
  await expect(cpu).toContainText(/Datapoints to alarm\s*3/);
  await expect(cpu).toContainText(/Export metric\s*Yes/);
  const peers = behaviors.getByRole('article', { name: 'Behavior plant-network-peers' });
  await expect(peers).toContainText('10.70.0.0/16');
  await expect(peers).toContainText(/Suppress alerts\s*Yes/);

  const sns = truth.alertTargets?.SNS;
  const alerts = page.getByRole('region', { name: 'Alert targets' });
  await expect(alerts).toContainText(sns?.alertTargetArn ?? 'missing SNS topic');
  await expect(alerts).toContainText(sns?.roleArn ?? 'missing role');

  const retained = page.getByRole('table', { name: 'Retained metrics' });
  for (const legacy of truth.additionalMetricsToRetain ?? []) {
    await expect(retained.getByRole('row').filter({ hasText: legacy })).toContainText('Legacy');
  }

  const exportConfig = page.getByRole('region', { name: 'Metrics export' });
  await expect(exportConfig).toContainText(truth.metricsExportConfig?.mqttTopic ?? 'missing topic');

  // For a human look at the layout; kept outside the repository.
  await page.screenshot({ path: join(tmpdir(), 'e2e-profile-detail.png'), fullPage: true });
});

test('every behavior reads in plain words; port sets name well-known services', async ({
  page,
}) => {
  const name = 'gateway-network-lockdown';
  const truth = await describeProfile(name);
  const behavior = truth.behaviors?.find((entry) => entry.name === 'no-telnet-or-plain-mqtt');
  const ports = behavior?.criteria?.value?.ports ?? [];
  expect(ports.length).toBeGreaterThan(0);

  await page.goto(`/profiles/${name}?view=details`);
  for (const entry of truth.behaviors ?? []) {
    // The SDK's shape is the wire shape the domain types describe (its enums are typed as string).
    const sentence = summarizeBehavior(entry as Behavior);
    await expect(page.getByRole('article', { name: `Behavior ${entry.name}` })).toContainText(
      sentence,
    );
  }
  const card = page.getByRole('article', { name: 'Behavior no-telnet-or-plain-mqtt' });
  for (const port of ports) await expect(card).toContainText(describePort(port));
  await expect(card).toContainText('not in port set');
});

test('a profile that does not exist says so and links back to the list', async ({ page }) => {
  await page.goto('/profiles/no-such-profile');
  await expect(page.getByRole('alert')).toHaveText('No security profile named “no-such-profile”.');
  await page.getByRole('link', { name: 'Back to all security profiles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security profiles' })).toBeVisible();
});

test('an unknown address shows the not-found page inside the shell', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Device Defender profile editor');
});
