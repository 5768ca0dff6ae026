import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_ACCOUNT, TEST_CREDENTIALS, TEST_REGION } from './contract-harness';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real CLI entry running as a child process. */
export interface ChildEmulator {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Starts `node --import tsx emulator/main.ts` on a random port (LOCAL_AWS_PORT=0) and the given
 * data dir, and resolves once it prints its "listening" line.
 */
export function spawnEmulator(dataDir: string, timeoutMs = 15_000): Promise<ChildEmulator> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOCAL_AWS_PORT: '0',
      LOCAL_AWS_HOST: '127.0.0.1',
      LOCAL_AWS_DATA_DIR: dataDir,
      LOCAL_AWS_REGION: TEST_REGION,
      LOCAL_AWS_ACCOUNT_ID: TEST_ACCOUNT,
      LOCAL_AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      LOCAL_AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Always drain both pipes: a child blocked on a full stdout pipe would look like a hang.
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The emulator did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (): void => {
      const match = /Local AWS endpoint listening on (http:\/\/\S+) \(data: /.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({ url: match[1], process: child, output: () => output, exited });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The emulator exited (${String(code)}) before listening:\n${output}`));
    });
  });
}
