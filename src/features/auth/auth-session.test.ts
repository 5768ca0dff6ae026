import { describe, expect, it, vi } from 'vitest';
import { toAppError } from '../../lib/aws/errors';
import { AuthSession, SignInRequiredError } from './auth-session';
import type { OidcUser, OidcUserManager } from './auth-session';
import { NO_ROLE_MESSAGE } from './sign-in-errors';

const NOW_S = 1_800_000_000;

function user(
  groups: string[] | undefined,
  overrides: Partial<OidcUser> = {},
  expIn = 3600,
): OidcUser {
  return {
    id_token: `id-token-${groups?.join('+') ?? 'none'}-${expIn}`,
    refresh_token: 'refresh',
    profile: {
      sub: `sub-${groups?.join('+') ?? 'none'}`,
      'cognito:username': groups?.includes('editors') ? 'analyst' : 'auditor',
      email: 'someone@example.com',
      exp: NOW_S + expIn,
      ...(groups === undefined ? {} : { 'cognito:groups': groups }),
    },
    ...overrides,
  };
}

/** A Storage over a Map, as session and local storage behave. */
function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
  };
}

/** A stand-in for oidc-client-ts's UserManager holding one stored user. */
function fakeManager(stored: OidcUser | null) {
  let current = stored;
  let loaded: (user: OidcUser) => void = () => undefined;
  let renewError: (error: Error) => void = () => undefined;
  const manager = {
    getUser: vi.fn(async () => current),
    signinRedirect: vi.fn(async () => undefined),
    signinRedirectCallback: vi.fn(async (): Promise<OidcUser> => {
      throw new Error('not configured');
    }),
    signinSilent: vi.fn(async (): Promise<OidcUser | null> => null),
    removeUser: vi.fn(async () => {
      current = null;
    }),
    events: {
      addUserLoaded: (callback: (user: OidcUser) => void) => (loaded = callback),
      addSilentRenewError: (callback: (error: Error) => void) => (renewError = callback),
    },
  } satisfies OidcUserManager;
  return {
    manager,
    setUser: (next: OidcUser | null) => (current = next),
    load: (next: OidcUser) => {
      current = next;
      loaded(next);
    },
    failRenewal: (error: Error) => renewError(error),
  };
}

function sessionFor(stored: OidcUser | null, extra: { logoutUrl?: string } = {}) {
  const fake = fakeManager(stored);
  const onSignedOut = vi.fn();
  const navigate = vi.fn();
  const sessionStorage = memoryStorage({
    'oidc.user:issuer:client': '{"id_token":"eyJ..."}',
    'oidc.abc123': '{"code_verifier":"x"}',
    unrelated: 'kept',
  });
  const localStorage = memoryStorage({ 'oidc.stale': 'x' });
  const session = new AuthSession(fake.manager, {
    signInHost: '127.0.0.1:9229',
    onSignedOut,
    navigate,
    storages: [sessionStorage, localStorage],
    now: () => NOW_S * 1000,
    ...extra,
  });
  return { session, fake, onSignedOut, navigate, sessionStorage, localStorage };
}

describe('AuthSession.start', () => {
  it.each([
    { groups: ['editors'], role: 'editor', username: 'analyst' },
    { groups: ['viewers'], role: 'viewer', username: 'auditor' },
    { groups: ['viewers', 'editors'], role: 'editor', username: 'analyst' },
  ])('restores a stored user in $groups as $role', async ({ groups, role, username }) => {
    const { session } = sessionFor(user(groups));
    await session.start();
    expect(session.getState()).toMatchObject({
      status: 'signed-in',
      user: { role, username, groups },
    });
  });

  it('is signed out without a stored user', async () => {
    const { session } = sessionFor(null);
    await session.start();
    expect(session.getState()).toEqual({ status: 'signed-out' });
  });

  it('signs a user in neither group out again, saying why', async () => {
    const { session, fake } = sessionFor(user(['auditors']));
    await session.start();
    expect(session.getState()).toEqual({ status: 'signed-out', error: NO_ROLE_MESSAGE });
    expect(fake.manager.removeUser).toHaveBeenCalled();
  });

  it('renews an expired stored session with the refresh token before using it', async () => {
    const { session, fake } = sessionFor(user(['editors'], {}, -10));
    fake.manager.signinSilent.mockResolvedValueOnce(user(['editors']));
    await session.start();
    expect(fake.manager.signinSilent).toHaveBeenCalledTimes(1);
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('ends a session whose renewal the server refuses, explaining a disabled user', async () => {
    const { session, fake } = sessionFor(user(['editors'], {}, -10));
    fake.manager.signinSilent.mockRejectedValueOnce(
      Object.assign(new Error('User is disabled.'), {
        error: 'invalid_grant',
        error_description: 'User is disabled.',
      }),
    );
    await session.start();
    expect(session.getState()).toMatchObject({
      status: 'signed-out',
      error: expect.stringMatching(/disabled/),
    });
  });
});

describe('AuthSession.getIdToken', () => {
  it('returns the stored token while it is valid for more than a minute', async () => {
    const { session, fake } = sessionFor(user(['editors'], {}, 61));
    await expect(session.getIdToken()).resolves.toBe('id-token-editors-61');
    expect(fake.manager.signinSilent).not.toHaveBeenCalled();
  });

  it('renews once for concurrent callers when the token expires within a minute', async () => {
    const { session, fake } = sessionFor(user(['editors'], {}, 30));
    fake.manager.signinSilent.mockResolvedValue(user(['editors'], {}, 3600));
    const tokens = await Promise.all([session.getIdToken(), session.getIdToken()]);
    expect(tokens).toEqual(['id-token-editors-3600', 'id-token-editors-3600']);
    expect(fake.manager.signinSilent).toHaveBeenCalledTimes(1);
  });

  it('asks to sign in when nobody is signed in', async () => {
    const { session } = sessionFor(null);
    const error = await session.getIdToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(toAppError(error).userMessage).toMatch(/Sign in again/);
  });
});

describe('AuthSession sign-in and sign-out', () => {
  it('completes the callback once and returns to the path in the state', async () => {
    const { session, fake } = sessionFor(null);
    fake.manager.signinRedirectCallback.mockResolvedValue(
      user(['editors'], { state: { returnTo: '/profiles/p1?view=details' } }),
    );
    const [first, second] = await Promise.all([
      session.completeSignIn('http://app/auth/callback?code=c&state=s'),
      session.completeSignIn('http://app/auth/callback?code=c&state=s'),
    ]);
    expect([first, second]).toEqual(['/profiles/p1?view=details', '/profiles/p1?view=details']);
    expect(fake.manager.signinRedirectCallback).toHaveBeenCalledTimes(1);
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it.each(['https://evil.example/', '//evil.example/x', 42])(
    'never returns to %s from the state',
    async (returnTo) => {
      const { session, fake } = sessionFor(null);
      fake.manager.signinRedirectCallback.mockResolvedValue(
        user(['editors'], { state: { returnTo } }),
      );
      await expect(session.completeSignIn('http://app/auth/callback')).resolves.toBe('/');
    },
  );

  it('explains a refused callback on the sign-in page', async () => {
    const { session, fake } = sessionFor(null);
    fake.manager.signinRedirectCallback.mockRejectedValue(
      new Error('No matching state found in storage'),
    );
    await expect(session.completeSignIn('http://app/auth/callback')).resolves.toBe('/');
    expect(session.getState()).toMatchObject({
      status: 'signed-out',
      error: expect.stringMatching(/Sign in again/),
    });
  });

  it('sign-out removes every oidc entry, clears credentials and data, and stays local without a logout URL', async () => {
    const { session, onSignedOut, navigate, sessionStorage, localStorage } = sessionFor(
      user(['editors']),
    );
    await session.start();
    await session.signOut();
    expect(session.getState()).toEqual({ status: 'signed-out' });
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(navigate).not.toHaveBeenCalled();
    expect([sessionStorage.length, sessionStorage.key(0), localStorage.length]).toEqual([
      1,
      'unrelated',
      0,
    ]);
  });

  it('sign-out goes to the Cognito logout URL when there is one', async () => {
    const { session, navigate } = sessionFor(user(['editors']), {
      logoutUrl: 'https://team.auth.us-east-1.amazoncognito.com/logout?client_id=c',
    });
    await session.signOut();
    expect(navigate).toHaveBeenCalledWith(
      'https://team.auth.us-east-1.amazoncognito.com/logout?client_id=c',
    );
  });

  it('a different user loaded in the same tab drops the previous user credentials and data', async () => {
    const { session, fake, onSignedOut } = sessionFor(user(['editors']));
    await session.start();
    fake.load(user(['viewers']));
    await vi.waitFor(() => expect(session.getState()).toMatchObject({ user: { role: 'viewer' } }));
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('a refused automatic renewal signs out with the reason; a network blip does not', async () => {
    const { session, fake } = sessionFor(user(['editors']));
    await session.start();
    fake.failRenewal(new TypeError('Failed to fetch'));
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
    fake.failRenewal(
      Object.assign(new Error('expired'), {
        error: 'invalid_grant',
        error_description: 'Refresh Token has expired',
      }),
    );
    await vi.waitFor(() =>
      expect(session.getState()).toMatchObject({
        status: 'signed-out',
        error: expect.stringMatching(/session has ended/),
      }),
    );
  });
});
