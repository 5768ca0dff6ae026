import { resolve } from 'node:path';
import { NO_FAULTS, parseFaultSeed, parseFaultSpec, type FaultSettings } from './faults';

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
  /**
   * Open connections served normally; a connection beyond this is answered 503
   * ThrottlingException, and beyond twice this it is refused outright (see server.ts).
   */
  maxConnections: number;
  /** Fault injection at start (`LOCAL_AWS_FAULTS`); changeable at run time via `/_local/faults`. */
  faults: FaultSettings;
  /** Seed for the fault dice (`LOCAL_AWS_FAULT_SEED`); absent means Math.random. */
  faultSeed?: number;
  /** Receives one line per request; defaults to stdout. */
  log: (line: string) => void;
  /** The Cognito Identity stand-in: which identity pool it serves and whose ID tokens it trusts. */
  identity: IdentityOptions;
}

/** The identity pool the Cognito Identity stand-in serves and the one user pool it trusts. */
export interface IdentityOptions {
  /** `<region>:<uuid>`; any other IdentityPoolId is answered with ResourceNotFoundException. */
  identityPoolId: string;
  /** The user pool whose production Logins key (`cognito-idp.<region>.amazonaws.com/<id>`) is accepted. */
  userPoolId: string;
  /** The app client id every accepted ID token must carry as its audience. */
  clientId: string;
  /** The `iss` the ID tokens carry; its signing keys are read from `<issuer>/.well-known/jwks.json`. */
  issuer: string;
  /** How long issued temporary credentials stay valid. */
  credentialLifetimeSeconds: number;
}

/** The fixed user pool id `scripts/local-cognito.ts` seeds into cognito-local. */
export const DEFAULT_USER_POOL_ID = 'us-east-1_DdLocal01';
/** The fixed app client id (public client, code + PKCE) seeded into cognito-local. */
export const DEFAULT_APP_CLIENT_ID = 'ddlocaleditorclient0000001';
/** The fixed identity pool id the stand-in answers for. */
export const DEFAULT_IDENTITY_POOL_ID = 'us-east-1:7f3c2a10-0d0d-4c0a-8a11-10ca1c0de001';
/** cognito-local's port unless `LOCAL_COGNITO_PORT` says otherwise. */
export const DEFAULT_COGNITO_PORT = 9229;
/** Temporary credentials last one hour, as the identity pool's default does. */
export const DEFAULT_CREDENTIAL_LIFETIME_SECONDS = 3600;

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

/**
 * 64 connections: a browser opens at most 6 per origin, the SDK's Node agent 50 per host, so no
 * legitimate local client reaches it, while a runaway or hostile one cannot exhaust file handles.
 */
export const DEFAULT_MAX_CONNECTIONS = 64;

function parseMaxConnections(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_CONNECTIONS;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`LOCAL_AWS_MAX_CONNECTIONS must be a positive integer, got "${raw}"`);
  }
  return limit;
}

function parseFaults(env: NodeJS.ProcessEnv): Pick<EmulatorOptions, 'faults' | 'faultSeed'> {
  const spec = env['LOCAL_AWS_FAULTS'];
  const seed = env['LOCAL_AWS_FAULT_SEED'];
  try {
    return {
      faults: spec !== undefined && spec.trim() !== '' ? parseFaultSpec(spec) : { ...NO_FAULTS },
      ...(seed !== undefined && seed.trim() !== '' ? { faultSeed: parseFaultSeed(seed) } : {}),
    };
  } catch (error) {
    throw new Error(
      `LOCAL_AWS_FAULTS / LOCAL_AWS_FAULT_SEED: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** AWS refuses SigV4 requests whose x-amz-date is more than 15 minutes away from its clock. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

function parsePort(raw: string | undefined, fallback: number, name = 'LOCAL_AWS_PORT'): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseLifetime(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_CREDENTIAL_LIFETIME_SECONDS;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new Error(
      `LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS must be a positive integer, got "${raw}"`,
    );
  }
  return seconds;
}

/**
 * The identity stand-in's settings from `LOCAL_COGNITO_*` and
 * `LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS`; the defaults match the seed of scripts/local-cognito.ts.
 */
export function readIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityOptions {
  const userPoolId = nonEmpty(env['LOCAL_COGNITO_USER_POOL_ID'], DEFAULT_USER_POOL_ID);
  const cognitoPort = parsePort(
    env['LOCAL_COGNITO_PORT'],
    DEFAULT_COGNITO_PORT,
    'LOCAL_COGNITO_PORT',
  );
  return {
    identityPoolId: nonEmpty(env['LOCAL_COGNITO_IDENTITY_POOL_ID'], DEFAULT_IDENTITY_POOL_ID),
    userPoolId,
    clientId: nonEmpty(env['LOCAL_COGNITO_CLIENT_ID'], DEFAULT_APP_CLIENT_ID),
    issuer: nonEmpty(
      env['LOCAL_COGNITO_ISSUER'],
      `http://127.0.0.1:${cognitoPort}/${userPoolId}`,
    ).replace(/\/+$/, ''),
    credentialLifetimeSeconds: parseLifetime(env['LOCAL_AWS_CREDENTIAL_LIFETIME_SECONDS']),
  };
}

function nonEmpty(raw: string | undefined, fallback: string): string {
  return raw !== undefined && raw.trim() !== '' ? raw.trim() : fallback;
}

/** Builds the options from `LOCAL_AWS_*` variables, with the documented defaults; throws on a bad value. */
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
    maxConnections: parseMaxConnections(env['LOCAL_AWS_MAX_CONNECTIONS']),
    ...parseFaults(env),
    log: (line) => {
      process.stdout.write(`${line}\n`);
    },
    identity: readIdentityConfig(env),
  };
}
