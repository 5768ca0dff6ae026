import { ExplainedError } from '../../lib/aws/errors';
import { groupsFromClaims, roleFromGroups } from './roles';
import type { Role } from './roles';
import { describeSignInError, NO_ROLE_MESSAGE } from './sign-in-errors';

/** The part of an oidc-client-ts User this session reads. */
export interface OidcUser {
  id_token?: string;
  refresh_token?: string;
  profile: Record<string, unknown>;
  state?: unknown;
}

/** The part of oidc-client-ts's UserManager this session uses (a fake stands in for it in tests). */
export interface OidcUserManager {
  getUser(): Promise<OidcUser | null>;
  signinRedirect(args?: { state?: unknown }): Promise<void>;
  signinRedirectCallback(url?: string): Promise<OidcUser>;
  signinSilent(): Promise<OidcUser | null>;
  removeUser(): Promise<void>;
  events: {
    addUserLoaded(callback: (user: OidcUser) => void): unknown;
    addSilentRenewError(callback: (error: Error) => void): unknown;
  };
}

/** Who is signed in, as the header and the access rules need it. */
export interface SignedInUser {
  /** Cognito's `sub`: stable for the user across sign-ins. */
  subject: string;
  username: string;
  email?: string;
  groups: string[];
  role: Role;
}

/** Where sign-in stands; `error` explains why the last attempt or the session ended. */
export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; error?: string }
  | { status: 'signed-in'; user: SignedInUser };

/** Thrown when an AWS call needs credentials but nobody is signed in (any more). */
export class SignInRequiredError extends ExplainedError {
  constructor(reason: string) {
    super({
      name: 'SignInRequiredError',
      kind: 'unauthorized',
      message: reason,
      userMessage: `${reason} Sign in again to continue.`,
    });
  }
}

/** ID tokens are renewed when they expire within this many seconds. */
export const ID_TOKEN_RENEWAL_SECONDS = 60;

export interface AuthSessionOptions {
  /** Names the hosted login in network-failure messages. */
  signInHost: string;
  /** Cognito's logout URL when there is one; the browser goes there after a local sign-out. */
  logoutUrl?: string;
  /** Clears what belongs to the user: cached credentials and fetched data. */
  onSignedOut: () => void;
  /** Navigates the window away (to the logout endpoint). */
  navigate: (url: string) => void;
  /** Every storage the OIDC client might have written to; sign-out sweeps its keys from all. */
  storages: Storage[];
  now?: () => number;
}

function userFrom(user: OidcUser): SignedInUser | null {
  const claims = user.profile;
  const role = roleFromGroups(groupsFromClaims(claims));
  if (role === null) return null;
  const username = claims['cognito:username'];
  const email = claims['email'];
  const subject = typeof claims['sub'] === 'string' ? claims['sub'] : '';
  return {
    subject,
    username: typeof username === 'string' ? username : typeof email === 'string' ? email : subject,
    ...(typeof email === 'string' ? { email } : {}),
    groups: groupsFromClaims(claims),
    role,
  };
}

function returnToFrom(state: unknown): string {
  if (state !== null && typeof state === 'object' && 'returnTo' in state) {
    const returnTo = (state as { returnTo: unknown }).returnTo;
    // Only same-site paths: the state travels through the hosted login and back.
    if (typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//')) {
      return returnTo;
    }
  }
  return '/';
}

/**
 * The sign-in session of one tab around an OIDC client: its state for React
 * (`subscribe`/`getState`), sign-in through the hosted login, completion on the callback, a
 * valid ID token on demand (renewed with the refresh token when close to expiry) and sign-out.
 */
export class AuthSession {
  private state: AuthState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private renewal: Promise<OidcUser> | undefined;
  private completion: Promise<string> | undefined;

  constructor(
    private readonly manager: OidcUserManager,
    private readonly options: AuthSessionOptions,
  ) {
    manager.events.addUserLoaded((user) => void this.accept(user));
    manager.events.addSilentRenewError((error) => {
      // The server refused the refresh token (session ended, user disabled): sign out with the
      // reason. A network blip is left alone: the next getIdToken tries again.
      if (typeof (error as { error?: unknown }).error === 'string') void this.end(error);
    });
  }

  /** Registers a listener for state changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (a stable object between changes, as useSyncExternalStore requires). */
  getState = (): AuthState => this.state;

  private setState(next: AuthState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private expiresSoon(user: OidcUser): boolean {
    const exp = user.profile['exp'];
    return typeof exp !== 'number' || exp * 1000 - this.now() < ID_TOKEN_RENEWAL_SECONDS * 1000;
  }

  /** Adopts a user the OIDC client holds; one without a role group is signed out with a reason. */
  private async accept(user: OidcUser): Promise<SignedInUser | null> {
    const signedIn = userFrom(user);
    if (signedIn === null) {
      await this.clear();
      this.setState({ status: 'signed-out', error: NO_ROLE_MESSAGE });
      return null;
    }
    const current = this.state.status === 'signed-in' ? this.state.user : undefined;
    // Another user in the same tab must never reuse the previous one's credentials or data.
    if (current !== undefined && current.subject !== signedIn.subject) this.options.onSignedOut();
    if (current?.subject !== signedIn.subject || current.role !== signedIn.role) {
      this.setState({ status: 'signed-in', user: signedIn });
    }
    return signedIn;
  }

  /** Ends the session after a failure (e.g. a refused renewal), keeping the reason to show. */
  private async end(error: unknown): Promise<void> {
    await this.clear();
    this.setState({
      status: 'signed-out',
      error: describeSignInError(error, this.options.signInHost),
    });
  }

  /** Removes tokens and sign-in state from every storage, then the user's credentials and data. */
  private async clear(): Promise<void> {
    await this.manager.removeUser();
    for (const storage of this.options.storages) {
      const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
      for (const key of keys) if (key?.startsWith('oidc.')) storage.removeItem(key);
    }
    this.options.onSignedOut();
  }

  /**
   * Restores the session of this tab (tokens in session storage), renewing an expired ID token
   * with the refresh token; signed-out when there is none. Skipped on the callback page, whose
   * completeSignIn settles the state.
   */
  async start(): Promise<void> {
    if (this.state.status !== 'loading') return;
    const user = await this.manager.getUser();
    if (this.state.status !== 'loading') return;
    if (user === null) {
      this.setState({ status: 'signed-out' });
      return;
    }
    if (!this.expiresSoon(user)) {
      await this.accept(user);
      return;
    }
    try {
      await this.accept(await this.renew());
    } catch (error) {
      await this.end(error);
    }
  }

  /** Sends the browser to the hosted login; after sign-in it comes back to `returnTo`. */
  async signIn(returnTo: string): Promise<void> {
    try {
      await this.manager.signinRedirect({ state: { returnTo } });
    } catch (error) {
      this.setState({
        status: 'signed-out',
        error: describeSignInError(error, this.options.signInHost),
      });
    }
  }

  /**
   * Completes a sign-in on the callback URL (once, however often it is called for that URL) and
   * resolves to the path to return to; on failure the state says why and it resolves to `/`.
   */
  completeSignIn(url: string): Promise<string> {
    this.completion ??= (async () => {
      try {
        const user = await this.manager.signinRedirectCallback(url);
        const signedIn = await this.accept(user);
        return signedIn === null ? '/' : returnToFrom(user.state);
      } catch (error) {
        await this.end(error);
        return '/';
      }
    })();
    return this.completion;
  }

  private renew(): Promise<OidcUser> {
    this.renewal ??= this.manager
      .signinSilent()
      .then((user) => {
        if (user === null) throw new Error('The sign-in service returned no session.');
        return user;
      })
      .finally(() => {
        this.renewal = undefined;
      });
    return this.renewal;
  }

  /**
   * A valid ID token of the signed-in user, renewed first when it expires within
   * ID_TOKEN_RENEWAL_SECONDS; throws SignInRequiredError when there is no session or it cannot
   * be renewed (the state then says why).
   */
  getIdToken = async (): Promise<string> => {
    let user = await this.manager.getUser();
    if (user === null || user.id_token === undefined) {
      throw new SignInRequiredError('You are not signed in.');
    }
    if (this.expiresSoon(user)) {
      try {
        user = await this.renew();
      } catch (error) {
        await this.end(error);
        throw new SignInRequiredError('Your session has ended.');
      }
    }
    if (user.id_token === undefined) throw new SignInRequiredError('You are not signed in.');
    return user.id_token;
  };

  /**
   * Signs out: tokens and sign-in state leave storage, credentials and cached data are dropped,
   * and where Cognito has a logout endpoint the browser goes there to end the hosted session.
   */
  async signOut(): Promise<void> {
    await this.clear();
    this.setState({ status: 'signed-out' });
    if (this.options.logoutUrl !== undefined) this.options.navigate(this.options.logoutUrl);
  }
}
