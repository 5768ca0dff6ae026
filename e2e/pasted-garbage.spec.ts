import { expect, test, type Locator, type Page } from '@playwright/test';

// Pasted garbage: every case must say what is wrong and keep everything already typed.
// (10,000 lines go into the CIDR box, a textarea; the port box is a one-line input.)

function behaviorsSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Behaviors', exact: true });
}

/** Adds a behavior on `metric` (picked by wire name) to the new profile; returns its region. */
async function addBehavior(page: Page, name: string, metric: string): Promise<Locator> {
  const behaviors = behaviorsSection(page);
  await behaviors.getByRole('button', { name: 'Add behavior' }).click();
  const nameInput = behaviors.getByLabel('Behavior name').last();
  await expect(nameInput).toBeFocused();
  await nameInput.fill(name);
  const item = behaviors.getByRole('region', { name, exact: true });
  await item.getByRole('combobox', { name: 'Metric' }).fill(metric);
  await page
    .getByRole('option', { name: new RegExp(metric) })
    .first()
    .click();
  await expect(item.getByRole('radiogroup', { name: 'Detection type' })).toBeVisible();
  return item;
}

/**
 * What a paste does: the whole text in one input event. (Playwright's fill types a 10,000-line
 * text into a textarea far too slowly to be a paste.)
 */
async function paste(field: Locator, text: string): Promise<void> {
  await field.evaluate((element, value) => {
    const prototype = Object.getPrototypeOf(element) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const tenThousandLines = (line: (index: number) => string): string =>
  Array.from({ length: 10_000 }, (_, index) => line(index)).join('\n');

test('a megabyte of text, control characters and emoji in the description are refused, as typed', async ({
  page,
}) => {
  await page.goto('/profiles/new');
  const description = page.getByRole('textbox', { name: 'Description' });

  await description.fill('x'.repeat(1_000_000));
  await expect(page.getByText('1000000 / 1000 characters')).toBeVisible();
  await expect(
    page.getByText('must be at most 1000 characters; it has 1000000').first(),
  ).toBeVisible();
  await expect(description).toHaveValue('x'.repeat(1_000_000));

  const hostile = 'Line one\nLine two\u0007 with a bell and 😀';
  await description.fill(hostile);
  await expect(page.getByText(/printable ASCII/i).first()).toBeVisible();
  await expect(description).toHaveValue(hostile);
  await expect(page.getByRole('button', { name: 'Create profile' })).toBeDisabled();
});

test('10,000 pasted CIDRs or ports are refused by the quota, and what was there stays', async ({
  page,
}) => {
  await page.goto('/profiles/new');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('e2e-pasted-garbage');

  const cidrs = await addBehavior(page, 'allowed-sources', 'aws:source-ip-address');
  await cidrs.getByRole('combobox', { name: 'Normal behavior' }).selectOption('in-cidr-set');
  await cidrs.getByRole('textbox', { name: 'Add CIDRs' }).fill('10.0.0.0/8, 192.168.0.0/16');
  await cidrs.getByRole('button', { name: 'Add CIDRs' }).click();
  await expect(cidrs.getByRole('textbox', { name: 'CIDR 2' })).toHaveValue('192.168.0.0/16');

  const pastedCidrs = tenThousandLines((i) => `10.${Math.floor(i / 256) % 256}.${i % 256}.0/24`);
  await paste(cidrs.getByRole('textbox', { name: 'Add CIDRs' }), pastedCidrs);
  await cidrs.getByRole('button', { name: 'Add CIDRs' }).click();
  await expect(cidrs.getByText(/adding 10000 values .* at most 1000/)).toBeVisible();
  await expect(cidrs.getByRole('textbox', { name: 'Add CIDRs' })).toHaveValue(pastedCidrs);
  await expect(cidrs.getByRole('textbox', { name: /^CIDR \d+$/ })).toHaveCount(2);

  const ports = await addBehavior(page, 'listening-ports', 'aws:listening-tcp-ports');
  await ports.getByRole('combobox', { name: 'Normal behavior' }).selectOption('in-port-set');
  await ports.getByRole('textbox', { name: 'Add ports' }).fill('22, 443');
  await ports.getByRole('button', { name: 'Add ports' }).click();
  await expect(ports.getByRole('list', { name: 'Ports' }).getByRole('listitem')).toHaveCount(2);

  // The port box is one line: a pasted column arrives comma-separated, as from a spreadsheet row.
  const pastedPorts = Array.from({ length: 10_000 }, (_, i) => String(1024 + i)).join(', ');
  await paste(ports.getByRole('textbox', { name: 'Add ports' }), pastedPorts);
  await ports.getByRole('button', { name: 'Add ports' }).click();
  await expect(ports.getByText(/adding 10000 values .* at most 1000/)).toBeVisible();
  await expect(ports.getByRole('textbox', { name: 'Add ports' })).toHaveValue(pastedPorts);
  await expect(ports.getByRole('list', { name: 'Ports' }).getByRole('listitem')).toHaveCount(2);

  // Garbage that is not a port at all is named, not silently dropped.
  await ports.getByRole('textbox', { name: 'Add ports' }).fill('ssh, 70000, 😀');
  await ports.getByRole('button', { name: 'Add ports' }).click();
  await expect(ports.getByRole('textbox', { name: 'Add ports' })).toHaveValue('ssh, 70000, 😀');
  await expect(ports.getByRole('list', { name: 'Ports' }).getByRole('listitem')).toHaveCount(2);
});
