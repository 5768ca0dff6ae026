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
/** The same build again, served a config with sign-in, for the auth specs (e2e/auth*.spec.ts). */
const E2E_AUTH_APP_PORT = 4274;
const E2E_COGNITO_PORT = 4620;
/**
 * Temporary credentials from the identity stand-in live this long, so the auth specs see the app
 * renew them several times within one test; the long-term key pair of the other specs is unaffected.
 */
const E2E_CREDENTIAL_LIFETIME_SECONDS = 6;
const emulatorUrl = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
const appUrl = `http://127.0.0.1:${E2E_APP_PORT}`;
const authAppUrl = `http://127.0.0.1:${E2E_AUTH_APP_PORT}`;
const cognitoUrl = `http://127.0.0.1:${E2E_COGNITO_PORT}`;
const userPoolId = 'us-east-1_DdLocal01';

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
// The specs without sign-in keep the key pair above; the auth specs get the app as `npm start`
// runs it, but pointed at this run's cognito-local and endpoint.
const authAppConfigFile = join(workDir, 'auth-config.json');
writeFileSync(
  authAppConfigFile,
  JSON.stringify(
    {
      region: 'us-east-1',
      iotEndpoint: emulatorUrl,
      cognito: {
        userPoolId,
        clientId: 'ddlocaleditorclient0000001',
        identityPoolId: 'us-east-1:7f3c2a10-0d0d-4c0a-8a11-10ca1c0de001',
        identityEndpoint: emulatorUrl,
        metadata: {
          issuer: `${cognitoUrl}/${userPoolId}`,
          authorization_endpoint: `${cognitoUrl}/oauth2/authorize`,
          token_endpoint: `${cognitoUrl}/oauth2/token`,
          jwks_uri: `${cognitoUrl}/${userPoolId}/.well-known/jwks.json`,
        },
      },
    },
    null,
    2,
  ),
);
process.env['E2E_AUTH_APP_URL'] = authAppUrl;
process.env['E2E_COGNITO_URL'] = cognitoUrl;
process.env['E2E_CREDENTIAL_LIFETIME_SECONDS'] = String(E2E_CREDENTIAL_LIFETIME_SECONDS);

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
      command: 'node --import tsx scripts/local-cognito-main.ts',
      url: `${cognitoUrl}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        LOCAL_COGNITO_PORT: String(E2E_COGNITO_PORT),
        LOCAL_COGNITO_DATA_DIR: join(workDir, 'cognito'),
        LOCAL_COGNITO_CALLBACK_URLS: `${authAppUrl}/auth/callback,${authAppUrl}/`,
      },
    },
    {
      command: 'node --import tsx emulator/main.ts',
      url: `${emulatorUrl}/_local/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        LOCAL_AWS_PORT: String(E2E_EMULATOR_PORT),
        LOCAL_AWS_DATA_DIR: dataDir,
        LOCAL_AWS_ALLOWED_ORIGINS: `${appUrl},${authAppUrl}`,
        LOCAL_AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
        LOCAL_AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
        // The identity stand-in verifies ID tokens against this run's cognito-local.
        LOCAL_COGNITO_PORT: String(E2E_COGNITO_PORT),
        LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS: String(E2E_CREDENTIAL_LIFETIME_SECONDS),
        // Faults the specs switch on (e2e/faults.spec.ts) fall the same way on every run.
        LOCAL_AWS_FAULT_SEED: '2026',
      },
    },
    {
      command: `npx vite preview --port ${E2E_APP_PORT} --strictPort`,
      url: appUrl,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { APP_CONFIG_FILE: appConfigFile },
    },
    {
      // Vite locks a project to one preview process; this second one serves the same dist/.
      command: `npx vite preview --port ${E2E_AUTH_APP_PORT} --strictPort --bypass-lock`,
      url: authAppUrl,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { APP_CONFIG_FILE: authAppConfigFile },
    },
  ],
});
