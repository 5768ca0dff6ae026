import { expect, type Page } from '@playwright/test';

/** A profile name no other test or run uses (the e2e endpoint's data lives for the whole run). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Confirms a save in its preview: waits for the dialog, ticks the weakening acknowledgement when
 * the preview asks for it, and clicks the confirm button once nothing blocks it (AWS IoT's verdict
 * on the behaviors arrives first).
 */
export async function confirmSave(page: Page): Promise<void> {
  const preview = page.getByRole('dialog', { name: /^Review (changes to|new profile) / });
  await expect(preview).toBeVisible();
  const acknowledge = preview.getByRole('checkbox', {
    name: 'I understand this weakens detection',
  });
  if ((await acknowledge.count()) > 0 && (await acknowledge.isEnabled())) {
    await acknowledge.check();
  }
  const confirm = preview.getByRole('button', { name: /^(Save as version \d+|Create .+)$/ });
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(preview).toBeHidden();
}
