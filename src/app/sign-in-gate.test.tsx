import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../features/auth/auth-context';
import { AuthSession } from '../features/auth/auth-session';
import type { OidcUser, OidcUserManager } from '../features/auth/auth-session';
import { IotClientProvider } from '../lib/aws/iot-client-context';
import { renderWithProviders } from '../testing/render';
import { HeaderAccount } from './header-account';
import { ProfilesListRoute } from './routes/profiles-list-route';
import { SignInGate } from './sign-in-gate';

const HOUR_FROM_NOW_S = Math.floor(Date.now() / 1000) + 3600;

function userIn(groups: string[]): OidcUser {
  return {
    id_token: 'id-token',
    profile: {
      sub: `sub-${groups.join('+')}`,
      'cognito:username': groups.includes('editors') ? 'analyst' : 'auditor',
      'cognito:groups': groups,
      exp: HOUR_FROM_NOW_S,
    },
  };
}

function sessionWith(stored: OidcUser | null) {
  let current = stored;
  const manager = {
    getUser: vi.fn(async () => current),
    signinRedirect: vi.fn(async () => undefined),
    signinRedirectCallback: vi.fn(async (): Promise<OidcUser> => {
      throw new Error('unused');
    }),
    signinSilent: vi.fn(async () => null),
    removeUser: vi.fn(async () => {
      current = null;
    }),
    events: { addUserLoaded: () => undefined, addSilentRenewError: () => undefined },
  } satisfies OidcUserManager;
  const onSignedOut = vi.fn();
  const session = new AuthSession(manager, {
    signInHost: '127.0.0.1:9229',
    onSignedOut,
    navigate: vi.fn(),
    storages: [],
  });
  return { session, manager, onSignedOut };
}

function renderGate(session: AuthSession, route = '/profiles?sort=name') {
  return renderWithProviders(
    <AuthProvider session={session}>
      <SignInGate>
        <HeaderAccount />
        <p>The app</p>
      </SignInGate>
    </AuthProvider>,
    { route },
  );
}

describe('SignInGate and HeaderAccount', () => {
  it('shows the sign-in page when signed out; Sign in returns to the same URL', async () => {
    const { session, manager } = sessionWith(null);
    await session.start();
    const { user } = renderGate(session);
    expect(screen.queryByText('The app')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(manager.signinRedirect).toHaveBeenCalledWith({
      state: { returnTo: '/profiles?sort=name' },
    });
  });

  it('shows why the last sign-in failed', async () => {
    const { session } = sessionWith(userIn(['nobody']));
    await session.start();
    renderGate(session);
    expect(await screen.findByRole('alert')).toHaveTextContent(/neither the “editors” nor/);
  });

  it.each([
    { groups: ['editors'], username: 'analyst', role: 'Editor' },
    { groups: ['viewers'], username: 'auditor', role: 'Viewer' },
  ])('shows $username with role $role, and signs out', async ({ groups, username, role }) => {
    const { session, onSignedOut } = sessionWith(userIn(groups));
    await session.start();
    const { user } = renderGate(session);
    const account = screen.getByLabelText('Signed-in user');
    expect(within(account).getByText(username)).toBeInTheDocument();
    expect(within(account).getByLabelText(`Role: ${role}`)).toBeInTheDocument();
    await user.click(within(account).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });
});

describe('ProfilesListRoute access', () => {
  it.each([
    { groups: ['editors'], offersNew: true },
    { groups: ['viewers'], offersNew: false },
  ])('for $groups offers New profile: $offersNew', async ({ groups, offersNew }) => {
    const { session } = sessionWith(userIn(groups));
    await session.start();
    renderWithProviders(
      <AuthProvider session={session}>
        {/* The list itself is not under test: its requests go to a closed port. */}
        <IotClientProvider
          config={{
            region: 'us-east-1',
            iotEndpoint: 'http://127.0.0.1:9',
            localCredentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'secret' },
          }}
        >
          <SignInGate>
            <ProfilesListRoute />
          </SignInGate>
        </IotClientProvider>
      </AuthProvider>,
    );
    if (offersNew) {
      expect(screen.getByRole('link', { name: 'New profile' })).toBeInTheDocument();
    } else {
      expect(screen.queryByRole('link', { name: 'New profile' })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'New profile' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      expect(screen.getByText(/signed in as a viewer/)).toBeInTheDocument();
    }
  });
});
