import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dd-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? -1;
}

describe('lockDataDir', () => {
  it('claims a free directory and releases it', async () => {
    const release = await lockDataDir(dir);
    expect(await readFile(join(dir, 'endpoint.lock'), 'utf8')).toBe(String(process.pid));
    await release();
    await expect(readFile(join(dir, 'endpoint.lock'), 'utf8')).rejects.toThrow();
  });

  it('refuses a directory held by another live process, naming it', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await writeFile(join(dir, 'endpoint.lock'), String(holder.pid));
      await expect(lockDataDir(dir)).rejects.toThrow(
        `in use by another local AWS endpoint (process ${holder.pid})`,
      );
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that was killed', async () => {
    await writeFile(join(dir, 'endpoint.lock'), String(await exitedPid()));
    const release = await lockDataDir(dir);
    expect(await readFile(join(dir, 'endpoint.lock'), 'utf8')).toBe(String(process.pid));
    await release();
  });
});
