/**
 * cognito-local on its own (seeded, behind the fixing proxy), for setups that start the local
 * services separately, such as Playwright's `webServer` list:
 * `tsx scripts/local-cognito-main.ts`, configured by the `LOCAL_COGNITO_*` variables.
 * Readiness: it prints "cognito-local listening on <url>" and answers `GET <url>/health`.
 */
import { readLocalCognitoConfig, startLocalCognito } from './local-cognito';

const options = readLocalCognitoConfig();
const cognito = await startLocalCognito(options).catch((error: unknown) => {
  process.stderr.write(
    `Could not start cognito-local: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
process.stdout.write(
  `cognito-local listening on ${cognito.url} (issuer ${cognito.endpoints.issuer}, data: ${options.dataDir})\n`,
);
let stopping = false;
void cognito.exited.then((how) => {
  if (stopping) return;
  process.stderr.write(`cognito-local ended (${String(how)})\n`);
  process.exit(1);
});

const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`Received ${signal}, shutting down\n`);
  cognito.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
