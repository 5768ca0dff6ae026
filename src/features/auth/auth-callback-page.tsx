import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useAuth } from './auth-context';

/**
 * The page the hosted login redirects to with the authorization code: exchanges it (PKCE) for
 * tokens and hands the path to return to to `onDone`; failures land on the sign-in page's message.
 */
export function AuthCallbackPage({ onDone }: { onDone: (returnTo: string) => void }) {
  const { session } = useAuth();
  useEffect(() => {
    let active = true;
    // completeSignIn runs once per URL, so StrictMode's second effect only awaits the same result.
    void session.completeSignIn(window.location.href).then((returnTo) => {
      if (active) onDone(returnTo);
    });
    return () => {
      active = false;
    };
  }, [session, onDone]);
  return (
    <Center mih="100vh">
      <Stack align="center" gap="sm" role="status">
        <Loader />
        <Text>Completing sign-in…</Text>
      </Stack>
    </Center>
  );
}
