import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { AccessProvider } from '../lib/aws/access-context';
import type { Access } from '../lib/aws/access-context';
import { useAuth } from '../features/auth/auth-context';
import { VIEWER_READ_ONLY_REASON } from '../features/auth/roles';
import type { Role } from '../features/auth/roles';
import { SignInPage } from '../features/auth/sign-in-page';

const EDITOR_ACCESS: Access = { canEdit: true };
const VIEWER_ACCESS: Access = { canEdit: false, readOnlyReason: VIEWER_READ_ONLY_REASON };

/** What the features may offer to a role; the server enforces the same split. */
export function accessForRole(role: Role): Access {
  return role === 'editor' ? EDITOR_ACCESS : VIEWER_ACCESS;
}

/**
 * Renders `children` only for a signed-in user, with their access provided to the features;
 * otherwise the sign-in page, which returns to this very URL afterwards.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <Center mih="100vh" role="status" aria-label="Restoring your session">
        <Loader />
      </Center>
    );
  }
  if (state.status === 'signed-out') {
    return <SignInPage returnTo={`${location.pathname}${location.search}`} />;
  }
  return <AccessProvider value={accessForRole(state.user.role)}>{children}</AccessProvider>;
}
