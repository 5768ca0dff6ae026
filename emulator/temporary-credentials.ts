import { randomBytes } from 'node:crypto';
import type { CredentialRecord, CredentialResolver } from './sigv4';

/** Temporary credentials as GetCredentialsForIdentity returns them. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: Date;
}

/** Who the credentials are for: the principal ARN, the identity and the user pool groups. */
export interface CredentialSubject {
  principal: string;
  groups: readonly string[];
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function accessKeyId(): string {
  // AWS session keys are `ASIA` plus 16 base32-ish characters.
  const bytes = randomBytes(16);
  let key = 'ASIA';
  for (const byte of bytes) key += KEY_ALPHABET[byte % KEY_ALPHABET.length] ?? 'A';
  return key;
}

/**
 * Session credentials minted by the Cognito Identity stand-in, held in memory: a restart forgets
 * them, and the app simply asks for new ones (as it must when they expire anyway). Entries are
 * kept for a grace period after expiry so a late request is answered ExpiredTokenException, not
 * UnrecognizedClientException, and dropped after that so the table cannot grow without bound.
 */
export class TemporaryCredentials implements CredentialResolver {
  private readonly table = new Map<string, CredentialRecord>();

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
    private readonly graceMs: number = 60 * 60 * 1000,
  ) {}

  /** Mints a new key pair and session token for the subject, valid for the configured lifetime. */
  issue(subject: CredentialSubject): IssuedCredentials {
    this.prune();
    const issued: IssuedCredentials = {
      accessKeyId: accessKeyId(),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(96).toString('base64'),
      // Whole seconds, because the wire carries epoch seconds and the client renews by them.
      expiresAt: new Date((Math.floor(this.now() / 1000) + this.lifetimeSeconds) * 1000),
    };
    this.table.set(issued.accessKeyId, {
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      principal: subject.principal,
      groups: [...subject.groups],
      expiresAt: issued.expiresAt,
    });
    return issued;
  }

  /** The record for an access key this store issued, expired ones included (until pruned). */
  lookup(accessKeyId: string): CredentialRecord | undefined {
    return this.table.get(accessKeyId);
  }

  private prune(): void {
    const cutoff = this.now() - this.graceMs;
    for (const [key, record] of this.table) {
      if (record.expiresAt !== undefined && record.expiresAt.getTime() < cutoff) {
        this.table.delete(key);
      }
    }
  }
}

/** A resolver that asks each of `resolvers` in turn and answers with the first record found. */
export function chainCredentials(...resolvers: readonly CredentialResolver[]): CredentialResolver {
  return {
    lookup: (accessKeyId) => {
      for (const resolver of resolvers) {
        const record = resolver.lookup(accessKeyId);
        if (record !== undefined) return record;
      }
      return undefined;
    },
  };
}
