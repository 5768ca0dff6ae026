import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { describeAllProfiles, readAppConfig } from './local-aws';

function profilesTable(page: Page) {
  return page.getByRole('table', { name: 'Security profiles' });
}

async function linkNames(page: Page): Promise<string[]> {
  return profilesTable(page).getByRole('link').allTextContents();
}

test('the header names the local endpoint the app talks to', async ({ page }) => {
  await page.goto('/');
  const { host } = new URL(readAppConfig().iotEndpoint);
  await expect(page.getByRole('banner')).toContainText(`Local endpoint ${host}`);
});

test('lists every profile with its behaviors count', async ({ page }) => {
  const profiles = await describeAllProfiles();
  expect(profiles.length).toBeGreaterThan(1);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Security profiles' })).toBeVisible();
  const table = profilesTable(page);
  await expect(table.getByRole('link')).toHaveCount(profiles.length);
  expect(await linkNames(page)).toEqual(profiles.map((profile) => profile.securityProfileName));

  for (const profile of profiles) {
    const name = profile.securityProfileName ?? '';
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(profile.behaviors?.length ?? 0));
  }
  // For a human look at the layout; kept outside the repository.
  await page.screenshot({ path: join(tmpdir(), 'e2e-profiles-list.png'), fullPage: true });
});

test('the filter narrows the list by name or description and survives a reload', async ({
  page,
}) => {
  const profiles = await describeAllProfiles();
  const query = 'gateway';
  const expected = profiles
    .filter((profile) =>
      `${profile.securityProfileName} ${profile.securityProfileDescription ?? ''}`
        .toLowerCase()
        .includes(query),
    )
    .map((profile) => profile.securityProfileName);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(profiles.length);

  await page.goto('/profiles');
  await expect(profilesTable(page).getByRole('link')).toHaveCount(profiles.length);
  await page.getByRole('searchbox', { name: 'Filter profiles' }).fill(query);
  await expect(profilesTable(page).getByRole('link')).toHaveCount(expected.length);
  expect(await linkNames(page)).toEqual(expected);
  await expect(page).toHaveURL(/[?&]q=gateway\b/);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Filter profiles' })).toHaveValue(query);
  await expect(profilesTable(page).getByRole('link')).toHaveCount(expected.length);
  expect(await linkNames(page)).toEqual(expected);
});

test('the keyboard alone reaches and opens a profile from the list', async ({ page }) => {
  const [first] = await describeAllProfiles();
  const name = first?.securityProfileName ?? '';
  await page.goto('/');
  const link = profilesTable(page).getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();

  let reached = false;
  for (let presses = 0; presses < 15 && !reached; presses += 1) {
    await page.keyboard.press('Tab');
    reached = await link.evaluate((element) => element.matches(':focus'));
  }
  expect(reached, `Tab never focused the link to ${name}`).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/profiles/${name}$`));
});
