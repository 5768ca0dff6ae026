import { readEmulatorConfig } from './config';
import { startEmulator } from './server';

// `npm run emulator`: the local AWS IoT endpoint, configured by LOCAL_AWS_* variables.
const options = readEmulatorConfig();
const emulator = await startEmulator(options).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EADDRINUSE'
      ? `port ${options.port} on ${options.host} is already in use (set LOCAL_AWS_PORT to another)`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`Could not start the local AWS endpoint: ${reason}\n`);
  process.exit(1);
});
process.stdout.write(
  `Local AWS endpoint listening on ${emulator.url} (data: ${options.dataDir})\n`,
);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`Received ${signal}, shutting down\n`);
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
