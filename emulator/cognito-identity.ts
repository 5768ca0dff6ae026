import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { IdentityOptions } from './config';
import { AwsError } from './errors';
import type { TemporaryCredentials } from './temporary-credentials';
import type { AccountScope } from './wire';

/** The `x-amz-target` prefix of the Cognito Identity JSON 1.1 API. */
export const COGNITO_IDENTITY_TARGET_PREFIX = 'AWSCognitoIdentityService.';

/** The JSON 1.1 content type Cognito Identity speaks in both directions. */
export const AMZ_JSON_1_1 = 'application/x-amz-json-1.1';

/** What the stand-in knows about a caller once its ID token verified. */
interface VerifiedLogin {
  sub: string;
  groups: readonly string[];
}

function notAuthorized(message: string): AwsError {
  return new AwsError('NotAuthorizedException', message);
}

function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

function requireString(body: Readonly<Record<string, unknown>>, member: string): string {
  const value = body[member];
  if (typeof value !== 'string' || value === '') {
    throw invalidParameter(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function readLogins(body: Readonly<Record<string, unknown>>): ReadonlyMap<string, string> {
  const value = body['Logins'];
  if (value === undefined || value === null) return new Map();
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter("Value at 'Logins' must be a map of provider names to tokens.");
  }
  const logins = new Map<string, string>();
  for (const [provider, token] of Object.entries(value)) {
    if (typeof token !== 'string') {
      throw invalidParameter(`Value at 'Logins.${provider}' must be a string.`);
    }
    logins.set(provider, token);
  }
  return logins;
}

/** Why jose refused a token, in the words Cognito uses, plus jose's detail. */
function describeRefusal(error: unknown): string {
  if (error instanceof errors.JWTExpired)
    return `Invalid login token. Token expired: ${error.message}`;
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return `Invalid login token. Incorrect token audience: ${error.message}`;
    if (error.claim === 'iss')
      return `Invalid login token. Issuer doesn't match providerName: ${error.message}`;
    return `Invalid login token. ${error.message}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return `Invalid login token. Token signature invalid: ${error.message}`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return `Invalid login token. No signing key of the issuer matches the token: ${error.message}`;
  }
  if (error instanceof errors.JOSEError) return `Invalid login token. ${error.message}`;
  return `Invalid login token. ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The Cognito Identity API (GetId, GetCredentialsForIdentity) for one identity pool whose only
 * authentication provider is one user pool. ID tokens are checked with jose against the issuer's
 * JWKS: signature, `iss`, `aud` (the app client id), `exp` and `token_use`. Identity ids are
 * derived from the token's `sub`, so they are stable per user without any stored state.
 */
export class CognitoIdentityStandIn {
  private readonly keys: JWTVerifyGetKey;
  private readonly region: string;

  constructor(
    private readonly options: IdentityOptions,
    private readonly scope: AccountScope,
    private readonly credentials: TemporaryCredentials,
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`));
    // The pool id names its region (`us-east-1_…`), as the production Logins key does.
    this.region = options.userPoolId.split('_')[0] ?? scope.region;
  }

  /** The Logins key the app must use: the production provider name of the user pool. */
  get providerName(): string {
    return `cognito-idp.${this.region}.amazonaws.com/${this.options.userPoolId}`;
  }

  /** Answers one JSON 1.1 call named by its `x-amz-target`, or throws the AwsError AWS would. */
  async handle(
    target: string,
    body: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    switch (target) {
      case `${COGNITO_IDENTITY_TARGET_PREFIX}GetId`:
        return this.getId(body);
      case `${COGNITO_IDENTITY_TARGET_PREFIX}GetCredentialsForIdentity`:
        return this.getCredentialsForIdentity(body);
      default:
        throw new AwsError(
          'UnknownOperationException',
          `The local Cognito Identity stand-in does not implement ${target}.`,
        );
    }
  }

  private async getId(body: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
    const poolId = requireString(body, 'IdentityPoolId');
    if (poolId !== this.options.identityPoolId) {
      throw new AwsError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);
    }
    const login = await this.verifyLogins(readLogins(body));
    return { IdentityId: this.identityIdOf(login.sub) };
  }

  private async getCredentialsForIdentity(
    body: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    const identityId = requireString(body, 'IdentityId');
    if (!/^[\w-]+:[0-9a-f-]+$/.test(identityId)) {
      throw invalidParameter(
        `1 validation error detected: Value '${identityId}' at 'identityId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`,
      );
    }
    const login = await this.verifyLogins(readLogins(body));
    if (this.identityIdOf(login.sub) !== identityId) {
      throw notAuthorized(
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
      );
    }
    const role = login.groups.includes('editors')
      ? 'DeviceDefenderEditors'
      : 'DeviceDefenderViewers';
    const issued = this.credentials.issue({
      principal: `arn:aws:sts::${this.scope.accountId}:assumed-role/${role}/CognitoIdentityCredentials`,
      groups: login.groups,
    });
    return {
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        SecretKey: issued.secretAccessKey,
        SessionToken: issued.sessionToken,
        // JSON 1.1 timestamps are epoch seconds.
        Expiration: issued.expiresAt.getTime() / 1000,
      },
    };
  }

  private async verifyLogins(logins: ReadonlyMap<string, string>): Promise<VerifiedLogin> {
    if (logins.size === 0) {
      throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
    }
    const token = logins.get(this.providerName);
    if (token === undefined || logins.size > 1) {
      throw notAuthorized(
        `Token is not from a supported provider of this identity pool (expected the Logins key ${this.providerName}).`,
      );
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.clientId,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (
        error instanceof errors.JWKSTimeout ||
        (error instanceof Error && !(error instanceof errors.JOSEError))
      ) {
        // The token may be fine; the issuer is unreachable (cognito-local not running).
        throw new AwsError(
          'InternalFailureException',
          `Could not read the signing keys of ${this.options.issuer}: ${error.message}`,
        );
      }
      throw notAuthorized(describeRefusal(error));
    }
    if (payload['token_use'] !== 'id') {
      throw notAuthorized('Invalid login token. Not an ID token (token_use is not "id").');
    }
    const groups = payload['cognito:groups'];
    return {
      sub: payload.sub ?? '',
      groups: Array.isArray(groups)
        ? groups.filter((group): group is string => typeof group === 'string')
        : [],
    };
  }

  private identityIdOf(sub: string): string {
    const hex = createHash('sha256')
      .update(`${this.options.identityPoolId}\n${this.options.issuer}\n${sub}`)
      .digest('hex');
    // Shaped as a version-5 (name-based) UUID: the same user always gets the same identity.
    const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
    const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    return `${this.region}:${uuid}`;
  }
}
