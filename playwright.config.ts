import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * E2e against the real local stack: the local AWS endpoint on its own port with a fresh data
 * directory, and `vite preview` of the already built `dist/` (npm run test:e2e builds first),
 * pointed at that endpoint through APP_CONFIG_FILE. No mocks, no request interception.
 */
const E2E_EMULATOR_PORT = 4610;
const E2E_APP_PORT = 4273;
const emulatorUrl = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
const appUrl = `http://127.0.0.1:${E2E_APP_PORT}`;

// The config file is evaluated once in the runner and once per worker; the env variable makes
// every evaluation reuse the directory the runner created, so servers and specs agree on it.
const workDir = process.env['E2E_WORK_DIR'] ?? mkdtempSync(join(tmpdir(), 'device-defender-e2e-'));
process.env['E2E_WORK_DIR'] = workDir;
const dataDir = join(workDir, 'local-aws');
const appConfigFile = join(workDir, 'config.json');
const localCredentials = {
  accessKeyId: 'AKIALOCALDEVELOPMENT',
  secretAccessKey: 'local-development-secret-key-not-for-aws',
};
writeFileSync(
  appConfigFile,
  JSON.stringify({ region: 'us-east-1', iotEndpoint: emulatorUrl, localCredentials }, null, 2),
);
process.env['E2E_IOT_ENDPOINT'] = emulatorUrl;

// The system Chromium (Debian's package by default); where that path does not exist, the
// browser `npx playwright install chromium` put in Playwright's own cache.
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: false,
  // One worker: the editor specs create and delete profiles that the list specs count.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: appUrl,
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
  webServer: [
    {
      command: 'node --import tsx emulator/main.ts',
      url: `${emulatorUrl}/_local/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        LOCAL_AWS_PORT: String(E2E_EMULATOR_PORT),
        LOCAL_AWS_DATA_DIR: dataDir,
        LOCAL_AWS_ALLOWED_ORIGINS: appUrl,
        LOCAL_AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
        LOCAL_AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      },
    },
    {
      command: `npx vite preview --port ${E2E_APP_PORT} --strictPort`,
      url: appUrl,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { APP_CONFIG_FILE: appConfigFile },
    },
  ],
});
