import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Serves `/config.json` from the file named by APP_CONFIG_FILE instead of `public/config.json`.
 * The e2e run uses it to point one unchanged build at its own emulator port; without the
 * variable, the file in `public/` (or the deployed one) is served as usual.
 */
function runtimeConfigOverride(): Plugin {
  const serveOverride: Connect.NextHandleFunction = (req, res, next) => {
    const file = process.env.APP_CONFIG_FILE;
    if (!file || req.url?.split('?')[0] !== '/config.json') return next();
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(readFileSync(file));
  };
  return {
    name: 'runtime-config-override',
    configureServer: (server) => void server.middlewares.use(serveOverride),
    configurePreviewServer: (server) => void server.middlewares.use(serveOverride),
  };
}

/** deploy/security-headers.json: the one header set for `vite preview` and the production host. */
interface SecurityHeaderSet {
  contentSecurityPolicy: Record<string, string[]>;
  headers: Record<string, string>;
  /** Only meaningful over HTTPS (HSTS); `vite preview` serves plain HTTP, so it leaves them out. */
  httpsOnlyHeaders: Record<string, string>;
}

function readHeaderSet(root: string): SecurityHeaderSet {
  return JSON.parse(
    readFileSync(join(root, 'deploy', 'security-headers.json'), 'utf8'),
  ) as SecurityHeaderSet;
}

/** The http(s) origin of a URL-shaped string, or undefined for anything else. */
function originOf(value: string): string | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** Every http(s) origin named anywhere in the runtime config (endpoints, OIDC metadata, domains). */
function configOrigins(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    const origin = originOf(value);
    if (origin !== undefined) into.add(origin);
  } else if (Array.isArray(value)) {
    for (const item of value) configOrigins(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) configOrigins(item, into);
  }
  return into;
}

function stringField(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/**
 * The AWS endpoints the app reaches when the config leaves them to the SDK: IoT in the config's
 * region without `iotEndpoint`; with sign-in, Cognito Identity without `identityEndpoint`, and the
 * user pool's issuer (its JWKS) without explicit OIDC `metadata`.
 */
function derivedAwsOrigins(config: unknown): string[] {
  const origins: string[] = [];
  const region = stringField(config, 'region');
  if (region !== undefined && stringField(config, 'iotEndpoint') === undefined) {
    origins.push(`https://iot.${region}.amazonaws.com`);
  }
  const cognito = (config as Record<string, unknown> | null)?.['cognito'];
  if (cognito !== null && typeof cognito === 'object') {
    const poolRegion =
      stringField(cognito, 'region') ?? stringField(cognito, 'userPoolId')?.split('_')[0];
    const identityRegion = stringField(cognito, 'identityPoolId')?.split(':')[0] ?? poolRegion;
    if (stringField(cognito, 'identityEndpoint') === undefined && identityRegion !== undefined) {
      origins.push(`https://cognito-identity.${identityRegion}.amazonaws.com`);
    }
    if (!('metadata' in cognito) && poolRegion !== undefined) {
      origins.push(`https://cognito-idp.${poolRegion}.amazonaws.com`);
    }
  }
  return origins;
}

/** Origins where the hosted login's form may post: the login domain and its authorize endpoint. */
function loginOrigins(config: unknown): string[] {
  const cognito = (config as Record<string, unknown> | null)?.['cognito'];
  const metadata = (cognito as Record<string, unknown> | undefined)?.['metadata'];
  return [stringField(cognito, 'domain'), stringField(metadata, 'authorization_endpoint')]
    .map((value) => (value === undefined ? undefined : originOf(value)))
    .filter((origin): origin is string => origin !== undefined);
}

/**
 * The Content-Security-Policy for a runtime config: the fixed directives of the header set, with
 * `connect-src` extended by every origin the config names (plus the AWS endpoints it implies)
 * and `form-action` by the hosted login. Used by the preview server; production
 * computes the same from its deployed config (see deploy/README.md).
 */
function contentSecurityPolicy(set: SecurityHeaderSet, config: unknown): string {
  const directives = structuredClone(set.contentSecurityPolicy);
  const extend = (name: string, origins: Iterable<string>): void => {
    const current = directives[name] ?? [];
    directives[name] = [...new Set([...current, ...origins])];
  };
  extend('connect-src', [...configOrigins(config), ...derivedAwsOrigins(config)]);
  extend('form-action', loginOrigins(config));
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The config file `vite preview` serves: APP_CONFIG_FILE, else the built copy, else public/. */
function servedConfigFile(config: ResolvedConfig): string {
  const override = process.env.APP_CONFIG_FILE;
  if (override) return override;
  const built = join(config.root, config.build.outDir, 'config.json');
  return existsSync(built) ? built : join(config.root, 'public', 'config.json');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // Unreadable or broken: the app shows its own config error; the CSP then allows only 'self'.
    return undefined;
  }
}

/**
 * Security headers. `vite preview` (what e2e and the bench run, and the closest thing to the
 * production host) gets the full set and the CSP, recomputed per request from the config file it
 * serves, so a changed APP_CONFIG_FILE or endpoint port is allowed without a restart. The dev
 * server gets the same headers but no CSP: Vite injects an inline module script (the React
 * refresh preamble) and talks HMR over a WebSocket, so a dev CSP would need 'unsafe-inline'
 * scripts and ws: sources, which proves nothing about the policy that ships; the dev server is
 * bound to 127.0.0.1, and e2e checks the real policy on the built app.
 */
function securityHeaders(): Plugin {
  const withHeaders =
    (config: () => ResolvedConfig, csp: boolean): Connect.NextHandleFunction =>
    (_req, res, next) => {
      const set = readHeaderSet(config().root);
      for (const [name, value] of Object.entries(set.headers)) res.setHeader(name, value);
      if (csp) {
        res.setHeader(
          'Content-Security-Policy',
          contentSecurityPolicy(set, readJson(servedConfigFile(config()))),
        );
      }
      next();
    };
  return {
    name: 'security-headers',
    configureServer: (server) =>
      void server.middlewares.use(withHeaders(() => server.config, false)),
    configurePreviewServer: (server) =>
      void server.middlewares.use(withHeaders(() => server.config, true)),
  };
}

export default defineConfig({
  plugins: [react(), securityHeaders(), runtimeConfigOverride()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { sourcemap: true },
});
