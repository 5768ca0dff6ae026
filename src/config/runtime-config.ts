import { z } from 'zod';

// zod compiles validators with `new Function` unless told not to; the CSP forbids eval, so the
// attempt would only log a violation in every page.
z.config({ jitless: true });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${example}` });

/** The OIDC endpoints given explicitly (cognito-local's discovery document lacks most of them). */
const oidcMetadataSchema = z.object({
  issuer: httpUrl('http://127.0.0.1:9229/us-east-1_DdLocal01'),
  authorization_endpoint: httpUrl('http://127.0.0.1:9229/oauth2/authorize'),
  token_endpoint: httpUrl('http://127.0.0.1:9229/oauth2/token'),
  jwks_uri: httpUrl('http://127.0.0.1:9229/us-east-1_DdLocal01/.well-known/jwks.json'),
  end_session_endpoint: httpUrl(
    'https://example.auth.us-east-1.amazoncognito.com/logout',
  ).optional(),
});

/** Sign-in through a Cognito user pool's hosted login, then AWS credentials from an identity pool. */
const cognitoSchema = z
  .object({
    /** The user pool's region; the prefix of userPoolId when left out. */
    region: z.string().regex(REGION_PATTERN, 'must be an AWS region such as us-east-1').optional(),
    userPoolId: z
      .string({ error: 'is required: the user pool id, such as us-east-1_AbCdEf123' })
      .regex(
        /^[a-z]{2}(-[a-z]+)+-\d+_[0-9a-zA-Z]+$/,
        'must be a user pool id such as us-east-1_AbCdEf123',
      ),
    clientId: z
      .string({ error: 'is required: the app client id (a public client, no secret)' })
      .regex(/^[\w+]+$/, 'must be an app client id (letters and digits)'),
    /** The hosted (managed) login domain, e.g. https://my-team.auth.us-east-1.amazoncognito.com. */
    domain: z
      .url({
        protocol: /^https?$/,
        error:
          'must be the hosted login domain such as https://my-team.auth.us-east-1.amazoncognito.com',
      })
      .optional(),
    metadata: oidcMetadataSchema.optional(),
    identityPoolId: z
      .string({ error: 'is required: the identity pool id, such as us-east-1:1234abcd-…' })
      .regex(
        /^[a-z]{2}(-[a-z]+)+-\d+:[0-9a-f-]+$/,
        'must be an identity pool id such as us-east-1:1234abcd-…',
      ),
    /** Derived from region and userPoolId when left out (the key Cognito expects for a user pool). */
    loginsKey: z.string().min(1, 'must not be empty').optional(),
    /** Where Cognito Identity calls go instead of AWS (the local stand-in). */
    identityEndpoint: httpUrl('http://127.0.0.1:4510').optional(),
    redirectPath: z
      .string()
      .regex(/^\/[^?#]*$/, 'must be a path on this site such as /auth/callback')
      .default('/auth/callback'),
    scope: z.string().min(1, 'must not be empty').default('openid email profile'),
  })
  .refine((cognito) => cognito.domain !== undefined || cognito.metadata !== undefined, {
    path: ['domain'],
    message: 'is required (or metadata with the OIDC endpoints): where the hosted login lives',
  });

/**
 * The shape of `/config.json`. Unknown keys are ignored rather than rejected, so a config written
 * for a newer build still loads.
 */
export const runtimeConfigSchema = z
  .object({
    region: z
      .string({ error: 'is required: the AWS region, such as us-east-1' })
      .regex(REGION_PATTERN, 'must be an AWS region such as us-east-1'),
    iotEndpoint: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL such as http://127.0.0.1:4510, or be left out for AWS',
      })
      .optional(),
    localCredentials: z
      .object({
        accessKeyId: z.string().min(1, 'must not be empty'),
        secretAccessKey: z.string().min(1, 'must not be empty'),
      })
      .optional(),
    cognito: cognitoSchema.optional(),
  })
  .refine((config) => !(config.localCredentials && config.iotEndpoint === undefined), {
    // A key pair in a public file must never reach real AWS: it is only for a local endpoint.
    path: ['localCredentials'],
    message: 'is only allowed together with iotEndpoint (a local endpoint), never for AWS itself',
  })
  .refine((config) => !(config.localCredentials && config.cognito), {
    // Two ways to sign requests would leave it unclear who acts: sign-in wins only when alone.
    path: ['localCredentials'],
    message:
      'cannot be combined with cognito: remove localCredentials to sign in, or cognito to use the key pair',
  });

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export interface ConfigIssue {
  /** Dotted path of the offending field, or "(file)" when the file itself is the problem. */
  field: string;
  message: string;
}

export interface ConfigProblem {
  summary: string;
  issues: ConfigIssue[];
}

export type RuntimeConfigResult =
  { ok: true; config: RuntimeConfig } | { ok: false; problem: ConfigProblem };

/** Validates an already-parsed config.json value; never throws. */
export function parseRuntimeConfig(value: unknown): RuntimeConfigResult {
  const parsed = runtimeConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problem: {
      summary: 'config.json has invalid fields.',
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.join('.') : '(file)',
        message: issue.message,
      })),
    },
  };
}

/** Fetches and validates `/config.json`; every failure comes back as a ConfigProblem, never a throw. */
export async function loadRuntimeConfig(
  fetchConfig: typeof fetch = fetch,
  url = '/config.json',
): Promise<RuntimeConfigResult> {
  const fail = (summary: string, message: string): RuntimeConfigResult => ({
    ok: false,
    problem: { summary, issues: [{ field: '(file)', message }] },
  });
  let response: Response;
  try {
    response = await fetchConfig(url, { cache: 'no-store' });
  } catch (error) {
    return fail(`Could not load ${url}.`, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    return fail(`Could not load ${url}.`, `The server answered HTTP ${response.status}.`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return fail(`${url} is not valid JSON.`, 'Check the file for a syntax error.');
  }
  return parseRuntimeConfig(body);
}

/** Whether the config points the app at a stand-in on this machine rather than at AWS. */
export function isLocalEndpoint(config: RuntimeConfig): boolean {
  return (
    config.iotEndpoint !== undefined && LOOPBACK_HOSTS.has(new URL(config.iotEndpoint).hostname)
  );
}

/** A short label for the header naming where requests go, e.g. "Local endpoint 127.0.0.1:4510". */
export function describeEndpoint(config: RuntimeConfig): string {
  if (config.iotEndpoint === undefined) return `AWS ${config.region}`;
  const { host } = new URL(config.iotEndpoint);
  return isLocalEndpoint(config) ? `Local endpoint ${host}` : `Custom endpoint ${host}`;
}

/** Cognito settings with every derived value filled in, ready for the OIDC client and the SDK. */
export interface ResolvedCognitoConfig {
  region: string;
  userPoolId: string;
  clientId: string;
  /** The hosted login domain, when the config names one (real Cognito); its /logout ends the session. */
  domain?: string;
  metadata: {
    issuer: string;
    authorization_endpoint: string;
    token_endpoint: string;
    jwks_uri: string;
    end_session_endpoint?: string;
  };
  identityPoolId: string;
  /** The identity pool's region: the prefix of identityPoolId. */
  identityRegion: string;
  loginsKey: string;
  identityEndpoint?: string;
  redirectPath: string;
  scope: string;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The Cognito settings of a config with defaults derived (region from the pool id, the logins key,
 * the OIDC endpoints of the hosted login domain), or undefined when the config has no sign-in.
 */
export function resolveCognitoConfig(config: RuntimeConfig): ResolvedCognitoConfig | undefined {
  const cognito = config.cognito;
  if (cognito === undefined) return undefined;
  const region = cognito.region ?? cognito.userPoolId.split('_')[0] ?? config.region;
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${cognito.userPoolId}`;
  const domain = cognito.domain === undefined ? undefined : trimSlash(cognito.domain);
  const metadata = cognito.metadata ?? {
    issuer,
    authorization_endpoint: `${domain ?? ''}/oauth2/authorize`,
    token_endpoint: `${domain ?? ''}/oauth2/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
  };
  return {
    region,
    userPoolId: cognito.userPoolId,
    clientId: cognito.clientId,
    ...(domain === undefined ? {} : { domain }),
    metadata,
    identityPoolId: cognito.identityPoolId,
    identityRegion: cognito.identityPoolId.split(':')[0] ?? region,
    // Cognito's logins key for a user pool always names the production issuer, also locally.
    loginsKey: cognito.loginsKey ?? `cognito-idp.${region}.amazonaws.com/${cognito.userPoolId}`,
    ...(cognito.identityEndpoint === undefined
      ? {}
      : { identityEndpoint: cognito.identityEndpoint }),
    redirectPath: cognito.redirectPath,
    scope: cognito.scope,
  };
}
