import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The shape of `/config.json`. Unknown keys are ignored rather than rejected, so a config written
 * for a newer build (for example with the Cognito fields sign-in will add) still loads.
 */
export const runtimeConfigSchema = z
  .object({
    region: z
      .string({ error: 'is required: the AWS region, such as us-east-1' })
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as us-east-1'),
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
  })
  .refine((config) => !(config.localCredentials && config.iotEndpoint === undefined), {
    // A key pair in a public file must never reach real AWS: it is only for a local endpoint.
    path: ['localCredentials'],
    message: 'is only allowed together with iotEndpoint (a local endpoint), never for AWS itself',
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
