import { resolve } from 'node:path';

/** Everything the local AWS endpoint needs to start; `readEmulatorConfig` fills it from the environment. */
export interface EmulatorOptions {
  /** Interface to bind. Defaults to 127.0.0.1 so the fixed demo keys never leave the machine. */
  host: string;
  /** TCP port; 0 picks a free one. Defaults to 4510. */
  port: number;
  /** Directory holding the durable store. Defaults to `.local-aws` under the current directory. */
  dataDir: string;
  region: string;
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Browser origins that get CORS headers. */
  allowedOrigins: readonly string[];
  /** Largest accepted request body in bytes (see `DEFAULT_MAX_BODY_BYTES`). */
  maxBodyBytes: number;
  /** Allowed difference between a request's x-amz-date and the server clock, in milliseconds. */
  maxClockSkewMs: number;
  /** Receives one line per request; defaults to stdout. */
  log: (line: string) => void;
}

export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
];

/**
 * 1 MiB. The largest legal profile (100 behaviors holding 1000 value elements in total, plus
 * descriptions and ARNs) serializes to well under 200 KiB, so 1 MiB never refuses a valid request
 * while keeping a hostile client from making the process buffer arbitrary amounts of memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** AWS refuses SigV4 requests whose x-amz-date is more than 15 minutes away from its clock. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`LOCAL_AWS_PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function nonEmpty(raw: string | undefined, fallback: string): string {
  return raw !== undefined && raw.trim() !== '' ? raw.trim() : fallback;
}

/** Builds the options from `LOCAL_AWS_*` variables, with the documented defaults; throws on a bad port. */
export function readEmulatorConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): EmulatorOptions {
  const origins = env['LOCAL_AWS_ALLOWED_ORIGINS'];
  return {
    host: nonEmpty(env['LOCAL_AWS_HOST'], '127.0.0.1'),
    port: parsePort(env['LOCAL_AWS_PORT'], 4510),
    dataDir: resolve(cwd, nonEmpty(env['LOCAL_AWS_DATA_DIR'], '.local-aws')),
    region: nonEmpty(env['LOCAL_AWS_REGION'], 'us-east-1'),
    accountId: nonEmpty(env['LOCAL_AWS_ACCOUNT_ID'], '123456789012'),
    accessKeyId: nonEmpty(env['LOCAL_AWS_ACCESS_KEY_ID'], 'AKIALOCALDEVELOPMENT'),
    secretAccessKey: nonEmpty(
      env['LOCAL_AWS_SECRET_ACCESS_KEY'],
      'local-development-secret-key-not-for-aws',
    ),
    allowedOrigins:
      origins !== undefined && origins.trim() !== ''
        ? origins
            .split(',')
            .map((origin) => origin.trim())
            .filter((origin) => origin !== '')
        : DEFAULT_ALLOWED_ORIGINS,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    maxClockSkewMs: DEFAULT_MAX_CLOCK_SKEW_MS,
    log: (line) => {
      process.stdout.write(`${line}\n`);
    },
  };
}
