import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachSecurityProfileCommand,
  CreateCustomMetricCommand,
  CreateDimensionCommand,
  CreateSecurityProfileCommand,
  DeleteCustomMetricCommand,
  DeleteDimensionCommand,
  DeleteSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  DetachSecurityProfileCommand,
  IoTClient,
  IoTServiceException,
  type IoTClientConfig,
  ListCustomMetricsCommand,
  ListDimensionsCommand,
  ListSecurityProfilesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecurityProfileCommand,
  ValidateSecurityProfileBehaviorsCommand,
} from '@aws-sdk/client-iot';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { createRemoteJWKSet, decodeJwt, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGINS,
  CALLBACK_PATH,
  DEMO_USERS,
  setLocalUserEnabled,
  startLocalCognito,
  USER_DISABLED_MESSAGE,
  type RunningLocalCognito,
} from '../scripts/local-cognito';
import { DEFAULT_APP_CLIENT_ID, DEFAULT_IDENTITY_POOL_ID, DEFAULT_USER_POOL_ID } from './config';
import { startEmulator, type RunningEmulator } from './server';
import { signInThroughHostedLogin } from './testing/hosted-login';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const LONG_TERM = {
  accessKeyId: 'AKIASIGNINTESTS00001',
  secretAccessKey: 'sign-in-test-secret-key-not-for-aws',
};
const LOGINS_KEY = `cognito-idp.${REGION}.amazonaws.com/${DEFAULT_USER_POOL_ID}`;
const REDIRECT_URI = `${APP_ORIGINS[0] ?? ''}${CALLBACK_PATH}`;
const ORIGIN = APP_ORIGINS[0] ?? '';
/** A second client of the same pool: its tokens carry another audience. */
const OTHER_CLIENT_ID = 'ddlocalotherclient00000001';
/** A client whose ID tokens live one second, for the expiry check with a real token. */
const SHORT_CLIENT_ID = 'ddlocalshortclient00000001';

const analyst = DEMO_USERS.find((user) => user.username === 'analyst');
const auditor = DEMO_USERS.find((user) => user.username === 'auditor');
if (analyst === undefined || auditor === undefined) throw new Error('demo users missing');

let workDir: string;
let cognito: RunningLocalCognito;
let emulator: RunningEmulator;
/** The same identity pool with a two-second credential lifetime. */
let shortLived: RunningEmulator;
/** An identity pool trusting the one-second client, so its expired tokens fail on expiry alone. */
let shortTokens: RunningEmulator;
/** An identity pool trusting another pool's issuer; cognito-local serves the same keys for it. */
let otherIssuer: RunningEmulator;
const iotClients: IoTClient[] = [];

async function startIdentityEmulator(
  name: string,
  lifetime: number,
  clientId = DEFAULT_APP_CLIENT_ID,
  issuer = cognito.endpoints.issuer,
): Promise<RunningEmulator> {
  return startEmulator({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(workDir, name),
    region: REGION,
    accountId: ACCOUNT,
    ...LONG_TERM,
    log: () => undefined,
    identity: {
      identityPoolId: DEFAULT_IDENTITY_POOL_ID,
      userPoolId: DEFAULT_USER_POOL_ID,
      clientId,
      issuer,
      credentialLifetimeSeconds: lifetime,
    },
  });
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'local-sign-in-'));
  const client = (clientId: string, idTokenValiditySeconds: number) => ({
    clientId,
    name: clientId,
    callbackUrls: [REDIRECT_URI],
    logoutUrls: [`${ORIGIN}/`],
    idTokenValiditySeconds,
  });
  cognito = await startLocalCognito({
    port: 0,
    dataDir: join(workDir, 'cognito'),
    clients: [
      client(DEFAULT_APP_CLIENT_ID, 3600),
      client(OTHER_CLIENT_ID, 3600),
      client(SHORT_CLIENT_ID, 1),
    ],
    log: () => undefined,
  });
  [emulator, shortLived, shortTokens, otherIssuer] = await Promise.all([
    startIdentityEmulator('aws', 3600),
    startIdentityEmulator('aws-short', 2),
    startIdentityEmulator('aws-short-tokens', 3600, SHORT_CLIENT_ID),
    startIdentityEmulator(
      'aws-other-issuer',
      3600,
      DEFAULT_APP_CLIENT_ID,
      `${cognito.url}/us-east-1_OtherPool`,
    ),
  ]);
}, 30_000);

afterAll(async () => {
  for (const client of iotClients) client.destroy();
  await Promise.all([
    emulator?.close(),
    shortLived?.close(),
    shortTokens?.close(),
    otherIssuer?.close(),
    cognito?.close(),
  ]);
  await rm(workDir, { recursive: true, force: true });
});

function signIn(user: { username: string; password: string }, clientId = DEFAULT_APP_CLIENT_ID) {
  return signInThroughHostedLogin(cognito.endpoints, {
    clientId,
    redirectUri: REDIRECT_URI,
    username: user.username,
    password: user.password,
  });
}

/** The production provider chain: the ID token under the production Logins key. */
function identityCredentials(idToken: string, endpoint = emulator.url) {
  return fromCognitoIdentityPool({
    identityPoolId: DEFAULT_IDENTITY_POOL_ID,
    logins: { [LOGINS_KEY]: idToken },
    clientConfig: { endpoint, region: REGION, maxAttempts: 1 },
  });
}

function iot(credentials: IoTClientConfig['credentials'], endpoint = emulator.url) {
  const client = new IoTClient({ region: REGION, endpoint, credentials, maxAttempts: 1 });
  iotClients.push(client);
  return client;
}

async function firstProfileName(client: IoTClient): Promise<string> {
  const listed = await client.send(new ListSecurityProfilesCommand({}));
  const name = listed.securityProfileIdentifiers?.[0]?.name;
  if (name === undefined) throw new Error('the seed has no profiles');
  return name;
}

async function rejection(
  call: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** A token with the claims of `base` but signed by a key of our own, under cognito-local's kid. */
async function forgedToken(claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
    .sign(privateKey);
}

describe('hosted login (cognito-local, code + PKCE)', () => {
  it.each([
    [analyst, ['editors']],
    [auditor, ['viewers']],
  ])(
    'issues $username an ID token with its groups, verifiable against the JWKS',
    async (user, groups) => {
      const tokens = await signIn(user);
      const { payload } = await jwtVerify(
        tokens.id_token,
        createRemoteJWKSet(new URL(cognito.endpoints.jwksUri)),
        { issuer: cognito.endpoints.issuer, audience: DEFAULT_APP_CLIENT_ID },
      );
      expect(payload).toMatchObject({
        'cognito:username': user.username,
        'cognito:groups': groups,
        sub: user.sub,
        token_use: 'id',
      });
      expect(tokens.refresh_token).not.toBe('');
    },
  );

  it('renews tokens with the refresh token, keeping the sign-in auth_time as Cognito does', async () => {
    const tokens = await signIn(analyst);
    const signedInAt = decodeJwt(tokens.id_token).auth_time;
    // auth_time has whole seconds: cross into the next one so a fresh stamp would differ.
    await new Promise((wake) => setTimeout(wake, 1100));
    const response = await fetch(cognito.endpoints.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: DEFAULT_APP_CLIENT_ID,
      }),
    });
    expect(response.status).toBe(200);
    const renewed = (await response.json()) as { id_token: string; access_token: string };
    const { payload } = await jwtVerify(
      renewed.id_token,
      createRemoteJWKSet(new URL(cognito.endpoints.jwksUri)),
      { issuer: cognito.endpoints.issuer, audience: DEFAULT_APP_CLIENT_ID },
    );
    expect(payload.auth_time).toBe(signedInAt);
    expect(payload.iat).toBeGreaterThan(signedInAt as number);
    expect(payload['cognito:groups']).toEqual(['editors']);
    expect(decodeJwt(renewed.access_token).auth_time).toBe(signedInAt);
    const credentials = await identityCredentials(renewed.id_token)();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
  });

  it('refuses a disabled user at the login form and at token renewal, until enabled again', async () => {
    const before = await signIn(auditor);
    await setLocalUserEnabled(cognito.url, DEFAULT_USER_POOL_ID, auditor.username, false);
    try {
      const form = await fetch(cognito.endpoints.authorizationEndpoint, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({
          client_id: DEFAULT_APP_CLIENT_ID,
          redirect_uri: REDIRECT_URI,
          response_type: 'code',
          code_challenge: 'x'.repeat(43),
          code_challenge_method: 'S256',
          scope: 'openid',
          state: 'disabled-check',
          username: auditor.username,
          password: auditor.password,
        }),
      });
      expect(form.status).toBe(200);
      const html = await form.text();
      expect(html).toContain(USER_DISABLED_MESSAGE);
      expect(html).toContain('value="disabled-check"');
      const renewal = await fetch(cognito.endpoints.tokenEndpoint, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: before.refresh_token,
          client_id: DEFAULT_APP_CLIENT_ID,
        }),
      });
      expect(renewal.status).toBe(400);
      expect(await renewal.json()).toEqual({
        error: 'invalid_grant',
        error_description: USER_DISABLED_MESSAGE,
      });
    } finally {
      await setLocalUserEnabled(cognito.url, DEFAULT_USER_POOL_ID, auditor.username, true);
    }
    await expect(signIn(auditor)).resolves.toHaveProperty('id_token');
  });

  it('refuses a wrong password and an unregistered redirect URI', async () => {
    await expect(signIn({ username: 'analyst', password: 'not-the-password' })).rejects.toThrow(
      /refused \(200\)/,
    );
    await expect(
      signInThroughHostedLogin(cognito.endpoints, {
        clientId: DEFAULT_APP_CLIENT_ID,
        redirectUri: 'http://127.0.0.1:9999/elsewhere',
        username: analyst.username,
        password: analyst.password,
      }),
    ).rejects.toThrow(/authorize page answered 400/);
  });
});

describe('Cognito Identity stand-in and the IoT stand-in', () => {
  it('gives an analyst session credentials that read and write', async () => {
    const { id_token } = await signIn(analyst);
    const provider = identityCredentials(id_token);
    const credentials = await provider();
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.sessionToken).toBeTruthy();
    const lifetime = (credentials.expiration?.getTime() ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThanOrEqual(3600_000);

    const client = iot(provider);
    const name = await firstProfileName(client);
    const before = await client.send(
      new DescribeSecurityProfileCommand({ securityProfileName: name }),
    );
    const updated = await client.send(
      new UpdateSecurityProfileCommand({
        securityProfileName: name,
        securityProfileDescription: 'Changed by the analyst through identity-pool credentials',
        expectedVersion: before.version,
      }),
    );
    expect(updated.version).toBe((before.version ?? 0) + 1);
  });

  it('keeps one IdentityId per user across sign-ins, and a different one per user', async () => {
    const identityOf = async (user: { username: string; password: string }) =>
      (await identityCredentials((await signIn(user)).id_token)()).identityId;
    const [first, second, other] = await Promise.all([
      identityOf(analyst),
      identityOf(analyst),
      identityOf(auditor),
    ]);
    expect(first).toMatch(
      /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('lets an auditor read but refuses every write with AccessDeniedException naming the action', async () => {
    const client = iot(identityCredentials((await signIn(auditor)).id_token));
    const name = await firstProfileName(client);
    const before = await client.send(
      new DescribeSecurityProfileCommand({ securityProfileName: name }),
    );
    await client.send(new ListDimensionsCommand({}));
    await client.send(new ListCustomMetricsCommand({}));
    await client.send(new ListTagsForResourceCommand({ resourceArn: before.securityProfileArn }));

    const writes: [string, () => Promise<unknown>][] = [
      [
        'UpdateSecurityProfile',
        () =>
          client.send(
            new UpdateSecurityProfileCommand({
              securityProfileName: name,
              securityProfileDescription: 'auditor',
              expectedVersion: before.version,
            }),
          ),
      ],
      [
        'CreateSecurityProfile',
        () =>
          client.send(new CreateSecurityProfileCommand({ securityProfileName: 'auditor-made' })),
      ],
      [
        'DeleteSecurityProfile',
        () => client.send(new DeleteSecurityProfileCommand({ securityProfileName: name })),
      ],
      [
        'ValidateSecurityProfileBehaviors',
        () => client.send(new ValidateSecurityProfileBehaviorsCommand({ behaviors: [] })),
      ],
      [
        'AttachSecurityProfile',
        () =>
          client.send(
            new AttachSecurityProfileCommand({
              securityProfileName: name,
              securityProfileTargetArn: `arn:aws:iot:${REGION}:${ACCOUNT}:all/things`,
            }),
          ),
      ],
      [
        'DetachSecurityProfile',
        () =>
          client.send(
            new DetachSecurityProfileCommand({
              securityProfileName: name,
              securityProfileTargetArn: `arn:aws:iot:${REGION}:${ACCOUNT}:all/things`,
            }),
          ),
      ],
      [
        'CreateDimension',
        () =>
          client.send(
            new CreateDimensionCommand({
              name: 'auditorDimension',
              type: 'TOPIC_FILTER',
              stringValues: ['a/#'],
              clientRequestToken: 'token-1',
            }),
          ),
      ],
      [
        'DeleteDimension',
        () => client.send(new DeleteDimensionCommand({ name: 'auditorDimension' })),
      ],
      [
        'CreateCustomMetric',
        () =>
          client.send(
            new CreateCustomMetricCommand({
              metricName: 'auditorMetric',
              metricType: 'number',
              clientRequestToken: 'token-2',
            }),
          ),
      ],
      [
        'DeleteCustomMetric',
        () => client.send(new DeleteCustomMetricCommand({ metricName: 'auditorMetric' })),
      ],
      [
        'TagResource',
        () =>
          client.send(
            new TagResourceCommand({
              resourceArn: before.securityProfileArn,
              tags: [{ Key: 'k', Value: 'v' }],
            }),
          ),
      ],
      [
        'UntagResource',
        () =>
          client.send(
            new UntagResourceCommand({ resourceArn: before.securityProfileArn, tagKeys: ['k'] }),
          ),
      ],
    ];
    for (const [operation, call] of writes) {
      const error = await rejection(call());
      expect(error, operation).toBeInstanceOf(IoTServiceException);
      expect(error.name, operation).toBe('AccessDeniedException');
      expect(error.$metadata?.httpStatusCode, operation).toBe(403);
      expect(error.message, operation).toContain(`iot:${operation}`);
      expect(error.message, operation).toContain('assumed-role/DeviceDefenderViewers');
    }
    const after = await client.send(
      new DescribeSecurityProfileCommand({ securityProfileName: name }),
    );
    expect(after.version).toBe(before.version);
    expect(after.securityProfileDescription).toBe(before.securityProfileDescription);
  });

  it('keeps full access for the long-term local key pair', async () => {
    const client = iot(LONG_TERM);
    const created = await client.send(
      new CreateSecurityProfileCommand({ securityProfileName: 'long-term-key-profile' }),
    );
    expect(created.securityProfileName).toBe('long-term-key-profile');
  });

  it('refuses session credentials without their session token or with another one', async () => {
    const credentials = await identityCredentials((await signIn(analyst)).id_token)();
    const { sessionToken, ...withoutToken } = credentials;
    expect(sessionToken).toBeDefined();
    for (const variant of [
      withoutToken,
      { ...withoutToken, sessionToken: `${sessionToken ?? ''}x` },
    ]) {
      const error = await rejection(iot(variant).send(new ListSecurityProfilesCommand({})));
      expect(error.name).toBe('UnrecognizedClientException');
      expect(error.$metadata?.httpStatusCode).toBe(403);
    }
  });

  it('refuses credentials with a two-second lifetime once they expire', async () => {
    const credentials = await identityCredentials(
      (await signIn(analyst)).id_token,
      shortLived.url,
    )();
    const expiresAt = credentials.expiration?.getTime() ?? 0;
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(2000);
    // Static credentials: the SDK must not renew them, so the second call reuses the expired ones.
    const client = iot(credentials, shortLived.url);
    await client.send(new ListSecurityProfilesCommand({}));
    await new Promise((wake) => setTimeout(wake, Math.max(0, expiresAt - Date.now()) + 100));
    const error = await rejection(client.send(new ListSecurityProfilesCommand({})));
    expect(error.name).toBe('ExpiredTokenException');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });
});

describe('ID tokens the identity stand-in refuses', () => {
  const refusals: [string, () => Promise<string>, RegExp, (() => string)?][] = [
    [
      'a tampered token (groups changed, signature kept)',
      async () => {
        const { id_token } = await signIn(auditor);
        const [header, , signature] = id_token.split('.');
        const claims = { ...decodeJwt(id_token), 'cognito:groups': ['editors'] };
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
      /Token signature invalid/,
    ],
    [
      'a token signed by a key the issuer does not publish',
      async () => forgedToken({ ...decodeJwt((await signIn(analyst)).id_token) }),
      /Token signature invalid/,
    ],
    [
      'an expired token',
      async () => {
        const { id_token } = await signIn(analyst, SHORT_CLIENT_ID);
        const exp = decodeJwt(id_token).exp ?? 0;
        await new Promise((wake) => setTimeout(wake, Math.max(0, exp * 1000 - Date.now()) + 1100));
        return id_token;
      },
      /Token expired/,
      () => shortTokens.url,
    ],
    [
      'a token for another app client (wrong audience)',
      async () => (await signIn(analyst, OTHER_CLIENT_ID)).id_token,
      /Incorrect token audience/,
    ],
    [
      'a token from another issuer (signature valid, iss not the configured one)',
      async () => (await signIn(analyst)).id_token,
      /Issuer doesn't match providerName/,
      () => otherIssuer.url,
    ],
    [
      'an access token instead of an ID token',
      async () => (await signIn(analyst)).access_token,
      /Invalid login token/,
    ],
    ['a string that is no JWT', async () => 'not-a-token', /Invalid login token/],
  ];

  it.each(refusals)('refuses %s with NotAuthorizedException', async (_, token, message, at) => {
    const error = await rejection(identityCredentials(await token(), at?.() ?? emulator.url)());
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('refuses a token under a Logins key of another user pool, and no login at all', async () => {
    const { id_token } = await signIn(analyst);
    const otherPool = fromCognitoIdentityPool({
      identityPoolId: DEFAULT_IDENTITY_POOL_ID,
      logins: { [`cognito-idp.${REGION}.amazonaws.com/us-east-1_Elsewhere`]: id_token },
      clientConfig: { endpoint: emulator.url, region: REGION, maxAttempts: 1 },
    });
    const otherError = await rejection(otherPool());
    expect(otherError.name).toBe('NotAuthorizedException');
    expect(otherError.message).toContain(LOGINS_KEY);

    const anonymous = fromCognitoIdentityPool({
      identityPoolId: DEFAULT_IDENTITY_POOL_ID,
      clientConfig: { endpoint: emulator.url, region: REGION, maxAttempts: 1 },
    });
    const anonymousError = await rejection(anonymous());
    expect(anonymousError.name).toBe('NotAuthorizedException');
    expect(anonymousError.message).toMatch(/Unauthenticated access is not supported/);
  });

  it('answers an unknown identity pool with ResourceNotFoundException', async () => {
    const { id_token } = await signIn(analyst);
    const provider = fromCognitoIdentityPool({
      identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
      logins: { [LOGINS_KEY]: id_token },
      clientConfig: { endpoint: emulator.url, region: REGION, maxAttempts: 1 },
    });
    const error = await rejection(provider());
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toContain('us-east-1:00000000-0000-4000-8000-000000000000');
  });
});

describe('the JSON 1.1 wire', () => {
  function post(target: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityService.${target}`,
        origin: ORIGIN,
        ...headers,
      },
      body: JSON.stringify(body),
    });
  }

  it('answers GetId in JSON 1.1 with CORS headers for the app origin', async () => {
    const { id_token } = await signIn(analyst);
    const response = await post('GetId', {
      IdentityPoolId: DEFAULT_IDENTITY_POOL_ID,
      Logins: { [LOGINS_KEY]: id_token },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await response.json()).toEqual({ IdentityId: expect.stringMatching(/^us-east-1:/) });
  });

  it('sends a refusal with __type in the body, the error type header exposed, and CORS', async () => {
    const response = await post('GetId', {
      IdentityPoolId: DEFAULT_IDENTITY_POOL_ID,
      Logins: { [LOGINS_KEY]: 'not-a-token' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException');
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-amzn-ErrorType/i);
    expect(await response.json()).toMatchObject({
      __type: 'NotAuthorizedException',
      message: expect.stringMatching(/Invalid login token/),
    });
  });

  it('answers the browser preflight for the identity calls', async () => {
    const response = await fetch(`${emulator.url}/`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'amz-sdk-invocation-id,amz-sdk-request,content-type,x-amz-target,x-amz-user-agent',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-amz-target');
  });

  it.each([
    [
      'an operation the stand-in does not implement',
      'ListIdentityPools',
      {},
      'UnknownOperationException',
    ],
    ['GetId without IdentityPoolId', 'GetId', {}, 'InvalidParameterException'],
    [
      'GetCredentialsForIdentity with a malformed IdentityId',
      'GetCredentialsForIdentity',
      { IdentityId: 'nope' },
      'InvalidParameterException',
    ],
  ])('refuses %s', async (_, target, body, errorType) => {
    const response = await post(target, body);
    expect(await response.json()).toMatchObject({ __type: errorType });
  });

  it("refuses GetCredentialsForIdentity for another user's identity", async () => {
    const analystIdentity = (await identityCredentials((await signIn(analyst)).id_token)())
      .identityId;
    const response = await post('GetCredentialsForIdentity', {
      IdentityId: analystIdentity,
      Logins: { [LOGINS_KEY]: (await signIn(auditor)).id_token },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      __type: 'NotAuthorizedException',
      message: expect.stringMatching(/Logins don't match/),
    });
  });
});
