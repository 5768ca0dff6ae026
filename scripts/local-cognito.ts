/**
 * cognito-local as the local user pool and hosted-login stand-in: its data directory seeded
 * (idempotently) with a fixed user pool, a fixed public app client for the authorization code +
 * PKCE flow, the groups `editors` and `viewers` and two demo users, then the package's own entry
 * started as a child process with that directory as its working directory (cognito-local keeps
 * its state in `./.cognito` of its cwd), behind a small proxy that fixes two deviations from
 * Cognito (see `createCognitoFixProxy`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
} from 'node:http';
import { createServer } from 'node:net';
import { decodeJwt, SignJWT } from 'jose';
import { dirname, join, resolve } from 'node:path';
import {
  DEFAULT_APP_CLIENT_ID,
  DEFAULT_COGNITO_PORT,
  DEFAULT_USER_POOL_ID,
} from '../emulator/config';

const require = createRequire(import.meta.url);

/** A seeded demo user: the hosted login accepts `username` with `password`. */
export interface DemoUser {
  username: string;
  password: string;
  group: 'editors' | 'viewers';
  /** Fixed, so the identity stand-in gives the same IdentityId after a reseed. */
  sub: string;
  email: string;
}

/** The demo users every local stack has; the README prints them. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'analyst',
    password: 'Analyst!Local1',
    group: 'editors',
    sub: '0d5e2a1c-7a11-4c55-9a1a-a11a1e5e0001',
    email: 'analyst@example.com',
  },
  {
    username: 'auditor',
    password: 'Auditor!Local1',
    group: 'viewers',
    sub: '0d5e2a1c-7a11-4c55-9a1a-a0d170400002',
    email: 'auditor@example.com',
  },
];

/** The app origins (dev server and preview, both host spellings) the client may redirect to. */
export const APP_ORIGINS: readonly string[] = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
];

/** The path on the app that receives the authorization code. */
export const CALLBACK_PATH = '/auth/callback';

/** An app client to seed; tests add a second one to obtain tokens with another audience. */
export interface AppClientSeed {
  clientId: string;
  name: string;
  callbackUrls: readonly string[];
  logoutUrls: readonly string[];
  /** ID token lifetime in seconds (cognito-local honours IdTokenValidity with a unit). */
  idTokenValiditySeconds: number;
}

/** Everything needed to seed and start cognito-local. */
export interface LocalCognitoOptions {
  /** 0 picks a free port before start, because the token issuer must name the real port. */
  port: number;
  /** Its working directory; cognito-local writes `.cognito/` here. */
  dataDir: string;
  userPoolId: string;
  clients: readonly AppClientSeed[];
  users: readonly DemoUser[];
  /** Receives cognito-local's output, one line at a time. */
  log: (line: string) => void;
}

/** The OIDC endpoints an app needs, given explicitly because cognito-local's discovery lacks them. */
export interface LocalCognitoEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

/** A running cognito-local. */
export interface RunningLocalCognito {
  url: string;
  port: number;
  endpoints: LocalCognitoEndpoints;
  /** Settles when the cognito-local process ends, for whatever reason, with its code or signal. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** Closes the proxy, sends SIGTERM (SIGKILL after a grace period) and waits for the process to end. */
  close(): Promise<void>;
}

function nonEmpty(raw: string | undefined, fallback: string): string {
  return raw !== undefined && raw.trim() !== '' ? raw.trim() : fallback;
}

function parseInteger(
  raw: string | undefined,
  fallback: number,
  name: string,
  min: number,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > 65535 * 1000) {
    throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  }
  return value;
}

/** The default callback URLs: `/auth/callback` and the root of every app origin. */
export function defaultCallbackUrls(origins: readonly string[] = APP_ORIGINS): string[] {
  return origins.flatMap((origin) => [`${origin}${CALLBACK_PATH}`, `${origin}/`]);
}

/**
 * Options from `LOCAL_COGNITO_PORT` (9229), `LOCAL_COGNITO_DATA_DIR` (`cognito` under
 * `LOCAL_AWS_DATA_DIR`), `LOCAL_COGNITO_USER_POOL_ID`, `LOCAL_COGNITO_CLIENT_ID`,
 * `LOCAL_COGNITO_CALLBACK_URLS` (comma-separated) and `LOCAL_COGNITO_ID_TOKEN_VALIDITY_SECONDS`
 * (3600); throws on a malformed number.
 */
export function readLocalCognitoConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): LocalCognitoOptions {
  const awsDataDir = nonEmpty(env['LOCAL_AWS_DATA_DIR'], '.local-aws');
  const callbacks = env['LOCAL_COGNITO_CALLBACK_URLS'];
  const callbackUrls =
    callbacks !== undefined && callbacks.trim() !== ''
      ? callbacks
          .split(',')
          .map((url) => url.trim())
          .filter((url) => url !== '')
      : defaultCallbackUrls();
  return {
    port: parseInteger(env['LOCAL_COGNITO_PORT'], DEFAULT_COGNITO_PORT, 'LOCAL_COGNITO_PORT', 0),
    dataDir: resolve(cwd, nonEmpty(env['LOCAL_COGNITO_DATA_DIR'], join(awsDataDir, 'cognito'))),
    userPoolId: nonEmpty(env['LOCAL_COGNITO_USER_POOL_ID'], DEFAULT_USER_POOL_ID),
    clients: [
      {
        clientId: nonEmpty(env['LOCAL_COGNITO_CLIENT_ID'], DEFAULT_APP_CLIENT_ID),
        name: 'device-defender-editor',
        callbackUrls,
        logoutUrls: APP_ORIGINS.map((origin) => `${origin}/`),
        idTokenValiditySeconds: parseInteger(
          env['LOCAL_COGNITO_ID_TOKEN_VALIDITY_SECONDS'],
          3600,
          'LOCAL_COGNITO_ID_TOKEN_VALIDITY_SECONDS',
          1,
        ),
      },
    ],
    users: DEMO_USERS,
    log: (line) => {
      process.stdout.write(`${line}\n`);
    },
  };
}

/** The origin cognito-local answers on and puts in its tokens' `iss` (with the pool id appended). */
export function localCognitoUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** The endpoints the app's OIDC client must be given as explicit metadata. */
export function localCognitoEndpoints(port: number, userPoolId: string): LocalCognitoEndpoints {
  const url = localCognitoUrl(port);
  return {
    issuer: `${url}/${userPoolId}`,
    authorizationEndpoint: `${url}/oauth2/authorize`,
    tokenEndpoint: `${url}/oauth2/token`,
    jwksUri: `${url}/${userPoolId}/.well-known/jwks.json`,
  };
}

type Json = Record<string, unknown>;

async function readJson(path: string): Promise<Json> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Json)
      : {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  // Written aside and renamed, so an interrupted seed never leaves a torn file for cognito-local.
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temp, path);
}

function record(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}

/**
 * Writes (or repairs) cognito-local's files in `options.dataDir/.cognito` so the pool, the app
 * clients, the groups and the demo users exist exactly as configured. Anything else already there
 * (other users, refresh tokens, other pools) is kept, so running it on every start is safe. Must
 * run while cognito-local is stopped: it keeps its state in memory and would overwrite the files.
 */
export async function seedLocalCognito(options: LocalCognitoOptions): Promise<void> {
  const configDir = join(options.dataDir, '.cognito');
  const dbDir = join(configDir, 'db');
  await mkdir(dbDir, { recursive: true });
  const now = new Date().toISOString();

  const configPath = join(configDir, 'config.json');
  const config = await readJson(configPath);
  await writeJson(configPath, {
    ...config,
    // Plain usernames (analyst, auditor), not e-mail addresses as cognito-local defaults to.
    UserPoolDefaults: { ...record(config['UserPoolDefaults']), UsernameAttributes: [] },
    // The issuer must name the address the browser and the identity stand-in use.
    TokenConfig: { ...record(config['TokenConfig']), IssuerDomain: localCognitoUrl(options.port) },
  });

  const poolPath = join(dbDir, `${options.userPoolId}.json`);
  const pool = await readJson(poolPath);
  const users = record(pool['Users']);
  for (const user of options.users) {
    const existing = record(users[user.username]);
    users[user.username] = {
      Username: user.username,
      Password: user.password,
      Attributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'sub', Value: user.sub },
      ],
      Enabled: true,
      UserStatus: 'CONFIRMED',
      UserCreateDate:
        typeof existing['UserCreateDate'] === 'string' ? existing['UserCreateDate'] : now,
      UserLastModifiedDate: now,
      RefreshTokens: Array.isArray(existing['RefreshTokens']) ? existing['RefreshTokens'] : [],
    };
  }
  const groups = record(pool['Groups']);
  const descriptions: Record<DemoUser['group'], string> = {
    editors: 'May view and change security profiles.',
    viewers: 'May view security profiles only.',
  };
  for (const [groupName, description] of Object.entries(descriptions)) {
    const existing = record(groups[groupName]);
    const members = new Set(
      Array.isArray(existing['members'])
        ? existing['members'].filter((member): member is string => typeof member === 'string')
        : [],
    );
    for (const user of options.users) {
      if (user.group === groupName) members.add(user.username);
      else members.delete(user.username);
    }
    groups[groupName] = {
      GroupName: groupName,
      Description: description,
      CreationDate: typeof existing['CreationDate'] === 'string' ? existing['CreationDate'] : now,
      LastModifiedDate: now,
      members: [...members].sort(),
    };
  }
  const poolOptions = record(pool['Options']);
  await writeJson(poolPath, {
    ...pool,
    Options: {
      ...poolOptions,
      Id: options.userPoolId,
      Name: 'device-defender-local',
      UsernameAttributes: [],
      MfaConfiguration: 'OFF',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
      },
      CreationDate:
        typeof poolOptions['CreationDate'] === 'string' ? poolOptions['CreationDate'] : now,
      LastModifiedDate: now,
    },
    Users: users,
    Groups: groups,
  });

  const clientsPath = join(dbDir, 'clients.json');
  const clientsDb = await readJson(clientsPath);
  const clients = record(clientsDb['Clients']);
  for (const client of options.clients) {
    const existing = record(clients[client.clientId]);
    clients[client.clientId] = {
      ClientId: client.clientId,
      ClientName: client.name,
      UserPoolId: options.userPoolId,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [...client.callbackUrls],
      LogoutURLs: [...client.logoutUrls],
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      IdTokenValidity: client.idTokenValiditySeconds,
      AccessTokenValidity: client.idTokenValiditySeconds,
      TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'seconds', RefreshToken: 'days' },
      RefreshTokenValidity: 30,
      CreationDate: typeof existing['CreationDate'] === 'string' ? existing['CreationDate'] : now,
      LastModifiedDate: now,
    };
  }
  await writeJson(clientsPath, { ...clientsDb, Clients: clients });
}

/** The command that runs cognito-local's own entry (no shell, no npx wrapper in between). */
export function localCognitoCommand(options: Pick<LocalCognitoOptions, 'port' | 'dataDir'>): {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
} {
  const manifestPath = require.resolve('cognito-local/package.json');
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['cognito-local'];
  if (bin === undefined) throw new Error('cognito-local has no executable');
  return {
    command: process.execPath,
    args: [join(dirname(manifestPath), bin)],
    cwd: options.dataDir,
    // Bound to loopback: its signing key ships inside the package, so anyone could mint tokens.
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1' },
  };
}

/** A port nobody listens on right now, from the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls cognito-local's `/health` until it answers 200, the child exits or the time is up. */
export async function waitForLocalCognito(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `cognito-local exited (${child.exitCode ?? child.signalCode}) before it answered`,
      );
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`cognito-local did not answer ${url}/health within ${timeoutMs} ms`);
}

function stop(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function readBuffer(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolveBody(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function formParams(body: Buffer, contentType: string | undefined): URLSearchParams {
  if (contentType?.includes('application/json') === true) {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(record(parsed))) {
      if (typeof value === 'string') params.set(key, value);
    }
    return params;
  }
  return new URLSearchParams(body.toString('utf8'));
}

/** cognito-local's signing key (shipped inside the package), to re-sign the tokens it issued. */
function cognitoLocalSigningKey(): KeyObject {
  const { pem } = require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string };
  return createPrivateKey(pem);
}

async function withAuthTime(token: unknown, authTime: number, key: KeyObject): Promise<unknown> {
  if (typeof token !== 'string') return token;
  const claims = decodeJwt(token);
  if (claims['auth_time'] === authTime) return token;
  return new SignJWT({ ...claims, auth_time: authTime })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })
    .sign(key);
}

interface Buffered {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function innerRequest(
  innerPort: number,
  method: string,
  path: string,
  headers: IncomingMessage['headers'],
  body: Buffer,
): Promise<Buffered> {
  return new Promise((resolveResponse, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: innerPort, method, path, headers },
      (response) => {
        readBuffer(response).then(
          (buffer) =>
            resolveResponse({
              status: response.statusCode ?? 502,
              headers: response.headers,
              body: buffer,
            }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Calls cognito-local's cognito-idp JSON API (which checks no credentials). */
async function identityProviderCall(
  url: string,
  operation: string,
  input: Record<string, unknown>,
): Promise<{ status: number; output: Json }> {
  const response = await fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, output: record(await response.json()) };
}

/**
 * Disables or enables a user of the local pool, as AdminDisableUser/AdminEnableUser do; the
 * proxy in front of cognito-local then refuses a disabled user's sign-in and token renewal.
 */
export async function setLocalUserEnabled(
  url: string,
  userPoolId: string,
  username: string,
  enabled: boolean,
): Promise<void> {
  const { status, output } = await identityProviderCall(
    url,
    enabled ? 'AdminEnableUser' : 'AdminDisableUser',
    { UserPoolId: userPoolId, Username: username },
  );
  if (status !== 200) throw new Error(`Could not change ${username}: ${JSON.stringify(output)}`);
}

const HOP_BY_HOP = new Set(['transfer-encoding', 'connection', 'keep-alive', 'content-length']);

const AUTHORIZE_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'code_challenge',
  'code_challenge_method',
  'scope',
  'state',
];

/** What the hosted login and the token endpoint answer a disabled user with, as Cognito does. */
export const USER_DISABLED_MESSAGE = 'User is disabled.';

/**
 * A pass-through HTTP proxy to cognito-local on `innerPort` that corrects two deviations from
 * Cognito, so the app meets locally what it meets in AWS:
 * - cognito-local ignores a user's `Enabled` flag; the proxy answers a disabled user's sign-in
 *   with the login form and "User is disabled.", and a disabled user's refresh_token grant with
 *   400 invalid_grant.
 * - On a refresh_token grant cognito-local stamps the new tokens with `auth_time` = now, while
 *   Cognito keeps the time of the original sign-in, and OIDC clients (oidc-client-ts among them)
 *   refuse a renewed ID token whose `auth_time` changed. The refresh token's `iat` is that
 *   original time, so the proxy puts it back and re-signs with cognito-local's own key.
 * Everything else passes unchanged.
 */
export function createCognitoFixProxy(innerPort: number, userPoolId: string): Server {
  const key = cognitoLocalSigningKey();
  const innerUrl = localCognitoUrl(innerPort);
  const isDisabled = async (username: string | null | undefined): Promise<boolean> => {
    if (typeof username !== 'string' || username === '') return false;
    const { status, output } = await identityProviderCall(innerUrl, 'AdminGetUser', {
      UserPoolId: userPoolId,
      Username: username,
    });
    return status === 200 && output['Enabled'] === false;
  };

  return createHttpServer((req, res) => {
    const answer = (status: number, headers: IncomingMessage['headers'], body: Buffer): void => {
      // The body is re-sent whole, so the upstream framing headers no longer apply.
      const kept = Object.fromEntries(
        Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)),
      );
      res.writeHead(status, { ...kept, 'content-length': String(body.length) });
      res.end(body);
    };
    const answerJson = (status: number, value: unknown): void => {
      answer(
        status,
        { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
        Buffer.from(JSON.stringify(value)),
      );
    };
    const forward = async (): Promise<void> => {
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const path = url.split('?')[0];
      const body = await readBuffer(req);
      const pass = (): Promise<Buffered> => innerRequest(innerPort, method, url, req.headers, body);

      if (method === 'POST' && path === '/oauth2/authorize') {
        const params = formParams(body, req.headers['content-type']);
        if (await isDisabled(params.get('username'))) {
          const query = new URLSearchParams();
          for (const name of AUTHORIZE_PARAMS) query.set(name, params.get(name) ?? '');
          const form = await innerRequest(
            innerPort,
            'GET',
            `/oauth2/authorize?${query}`,
            { host: req.headers.host ?? '' },
            Buffer.alloc(0),
          );
          const html = form.body
            .toString('utf8')
            .replace('<body>', `<body>\n<p style="color:red">${USER_DISABLED_MESSAGE}</p>`);
          answer(form.status, form.headers, Buffer.from(html));
          return;
        }
      }

      const params =
        method === 'POST' && path === '/oauth2/token'
          ? formParams(body, req.headers['content-type'])
          : undefined;
      const refreshToken =
        params?.get('grant_type') === 'refresh_token' ? params.get('refresh_token') : null;
      if (refreshToken === null || refreshToken === undefined) {
        const upstream = await pass();
        answer(upstream.status, upstream.headers, upstream.body);
        return;
      }
      const claims = decodeJwt(refreshToken);
      const username = claims['cognito:username'];
      if (await isDisabled(typeof username === 'string' ? username : undefined)) {
        answerJson(400, { error: 'invalid_grant', error_description: USER_DISABLED_MESSAGE });
        return;
      }
      const upstream = await pass();
      if (upstream.status !== 200 || typeof claims.iat !== 'number') {
        answer(upstream.status, upstream.headers, upstream.body);
        return;
      }
      const tokens = record(JSON.parse(upstream.body.toString('utf8')));
      tokens['id_token'] = await withAuthTime(tokens['id_token'], claims.iat, key);
      tokens['access_token'] = await withAuthTime(tokens['access_token'], claims.iat, key);
      answer(200, upstream.headers, Buffer.from(JSON.stringify(tokens)));
    };
    forward().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      answerJson(502, {
        error: 'server_error',
        error_description: `local cognito proxy: ${error instanceof Error ? error.message : String(error)}`,
      });
    });
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
}

/**
 * Seeds and starts cognito-local (on an internal port, behind the fixing proxy on
 * `options.port`) and resolves once it answers; rejects, with the process ended, if it does not
 * within `timeoutMs`. The child is also killed if this process exits first.
 */
export async function startLocalCognito(
  overrides: Partial<LocalCognitoOptions> = {},
  timeoutMs = 20_000,
): Promise<RunningLocalCognito> {
  const base = { ...readLocalCognitoConfig(), ...overrides };
  const options: LocalCognitoOptions = {
    ...base,
    port: base.port === 0 ? await freePort() : base.port,
  };
  await seedLocalCognito(options);
  const innerPort = await freePort();
  const { command, args, cwd, env } = localCognitoCommand({ ...options, port: innerPort });
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | NodeJS.Signals | null>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(signal ?? code));
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        if (output.length > 50) output.shift();
        options.log(line);
      }
    });
  }
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const proxy = createCognitoFixProxy(innerPort, options.userPoolId);
  const closeProxy = (): Promise<void> =>
    new Promise((done) => {
      if (!proxy.listening) {
        done();
        return;
      }
      proxy.close(() => done());
      proxy.closeAllConnections();
    });
  try {
    await waitForLocalCognito(localCognitoUrl(innerPort), child, timeoutMs);
    await listen(proxy, options.port);
  } catch (error) {
    await Promise.all([stop(child, 1_000), closeProxy()]);
    process.off('exit', killOnExit);
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${options.port} is already in use (set LOCAL_COGNITO_PORT to another)`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new Error(`${reason}\n${output.join('\n')}`, { cause: error });
  }
  return {
    url: localCognitoUrl(options.port),
    port: options.port,
    endpoints: localCognitoEndpoints(options.port, options.userPoolId),
    exited,
    close: async () => {
      await Promise.all([closeProxy(), stop(child, 3_000)]);
      process.off('exit', killOnExit);
    },
  };
}
