import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'endpoint.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims `dir` for this process so two endpoints never overwrite each other's snapshots; throws
 * a message naming the holder when another live process has it. A lock left by a killed process
 * is taken over. Resolves with the function that releases it.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The data directory ${dir} is in use by another local AWS endpoint (process ${holder}). ` +
          'Stop it, or give this one its own LOCAL_AWS_DATA_DIR.',
        { cause: error },
      );
    }
    await writeFile(path, String(process.pid));
  }
  return () => rm(path, { force: true });
}
