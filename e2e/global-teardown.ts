import { rm } from 'node:fs/promises';

/** Removes the run's temp directory (the app config and the endpoint's data). */
export default async function globalTeardown(): Promise<void> {
  const workDir = process.env['E2E_WORK_DIR'];
  if (workDir) await rm(workDir, { recursive: true, force: true });
}
