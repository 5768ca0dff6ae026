/**
 * `npm start`: the whole local stack in one command — cognito-local (user pool and hosted login,
 * seeded with the demo users), the local AWS endpoint (emulator/main.ts: IoT and Cognito Identity)
 * and the Vite dev server — with one readiness message, signals forwarded to all, and no process
 * left behind when any stops.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIdentityConfig } from '../emulator/config';
import {
  readLocalCognitoConfig,
  startLocalCognito,
  type RunningLocalCognito,
} from './local-cognito';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const EMULATOR_PORT = process.env['LOCAL_AWS_PORT'] ?? '4510';
const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
const APP_URL = 'http://127.0.0.1:5173';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

interface Service {
  name: string;
  child: ChildProcess;
}

const services: Service[] = [];
/** cognito-local runs behind an in-process proxy, so it is not one of the plain services. */
let cognitoStack: RunningLocalCognito | undefined;
let stopping = false;

function binPath(pkg: string, bin: string): string {
  // Run the package's own entry so no shell or npx wrapper sits between us and the process.
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
  if (!relative) throw new Error(`${pkg} has no "${bin}" executable`);
  return join(dirname(manifestPath), relative);
}

function launch(name: string, args: string[], onLine: (line: string) => void): Service {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}]`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        onLine(line);
        if (line.trim() === '') continue;
        process.stdout.write(`${prefix} ${line}\n`);
      }
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
    process.stderr.write(`\n${name} ${how}; stopping the local stack.\n`);
    void stopAll(code === 0 ? 1 : (code ?? 1));
  });
  const service = { name, child };
  services.push(service);
  return service;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopAll(exitCode: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all([
      cognitoStack?.close(),
      ...services.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited(child);
        clearTimeout(timer);
      }),
    ]);
  }
  process.exit(exitCode);
}

async function waitForUrl(url: string, what: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // Ctrl+C reaches us twice: from the terminal's process group and relayed by tsx.
      if (stopping) return;
      process.stdout.write(`\nReceived ${signal}; stopping the local stack…\n`);
      void stopAll(0, signal);
    });
  }

  // Seeded and started first (about a second): the other two need nothing from it to start.
  const cognito = readLocalCognitoConfig(process.env, root);
  try {
    cognitoStack = await startLocalCognito({
      ...cognito,
      log: (line) => {
        if (line.trim() !== '') process.stdout.write(`[cognito] ${line}\n`);
      },
    });
  } catch (error) {
    process.stderr.write(
      `Could not start cognito-local: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  const oidc = cognitoStack.endpoints;
  void cognitoStack.exited.then((how) => {
    if (stopping) return;
    process.stderr.write(`\ncognito-local ended (${String(how)}); stopping the local stack.\n`);
    void stopAll(1);
  });

  let dataDir = process.env['LOCAL_AWS_DATA_DIR'] ?? '.local-aws';
  // `node --import tsx` runs the TypeScript in this very child, so no grandchild can outlive it.
  launch('local-aws', ['--import', 'tsx', join(root, 'emulator', 'main.ts')], (line) => {
    const match = /Local AWS endpoint listening on \S+ \(data: (.+)\)/.exec(line);
    if (match?.[1]) dataDir = match[1];
  });
  launch('vite', [binPath('vite', 'vite')], () => {});

  try {
    await Promise.all([
      waitForUrl(`${EMULATOR_URL}/_local/health`, 'The local AWS endpoint'),
      waitForUrl(APP_URL, 'The Vite dev server'),
    ]);
  } catch (error) {
    process.stderr.write(
      `\n${error instanceof Error ? error.message : String(error)}; stopping.\n`,
    );
    await stopAll(1);
  }
  if (stopping) return;

  const identity = readIdentityConfig();
  process.stdout.write(
    [
      '',
      '────────────────────────────────────────────────────────────',
      '  Device Defender profile editor is running',
      '',
      `  Open:              ${APP_URL}`,
      `  AWS IoT endpoint:  ${EMULATOR_URL} (local stand-in, also Cognito Identity)`,
      `  Sign-in (hosted):  ${oidc.authorizationEndpoint} (cognito-local; the app sends you there)`,
      `  Token endpoint:    ${oidc.tokenEndpoint}`,
      `  Issuer:            ${oidc.issuer}`,
      `  User pool:         ${cognito.userPoolId}`,
      `  App client:        ${cognito.clients[0]?.clientId ?? ''}`,
      `  Identity pool:     ${identity.identityPoolId}`,
      '',
      '  Demo users (username / password / group):',
      ...cognito.users.map(
        (user) => `    ${user.username.padEnd(9)} ${user.password.padEnd(16)} ${user.group}`,
      ),
      '',
      `  Data directories:  ${dataDir} and ${cognito.dataDir}`,
      '',
      '  Press Ctrl+C to stop all three.',
      '────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}

void main();
