import { Badge, Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../features/auth/auth-context';
import type { AuthSession } from '../features/auth/auth-session';
import { clearAllDrafts } from '../features/profiles/utils/draft-store';
import { roleLabel } from '../features/auth/roles';

/**
 * Signs out, then removes the saved drafts, so nothing of the user's work stays in the browser. The
 * drafts go after the sign-out has unmounted the editor, whose last autosave would otherwise
 * write its draft back. (A session that merely ends keeps them: signing in again restores.)
 */
async function signOutAndForgetDrafts(session: AuthSession): Promise<void> {
  await session.signOut();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await clearAllDrafts();
}

/** The header's account area: who is signed in, their role, and Sign out. */
export function HeaderAccount() {
  const { session, state } = useAuth();
  const [signingOut, setSigningOut] = useState(false);
  if (state.status !== 'signed-in') return null;
  const { user } = state;
  return (
    <Group gap="xs" wrap="nowrap" aria-label="Signed-in user">
      <Text size="sm" fw={500} truncate maw={180} title={user.email ?? user.username}>
        {user.username}
      </Text>
      <Badge
        variant="outline"
        color={user.role === 'editor' ? 'blue' : 'gray'}
        tt="none"
        aria-label={`Role: ${roleLabel(user.role)}`}
      >
        {roleLabel(user.role)}
      </Badge>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconLogout size={14} aria-hidden />}
        loading={signingOut}
        onClick={() => {
          setSigningOut(true);
          void signOutAndForgetDrafts(session).finally(() => setSigningOut(false));
        }}
      >
        Sign out
      </Button>
    </Group>
  );
}
