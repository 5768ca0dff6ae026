import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLogin, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from './auth-context';

/**
 * Shown instead of the app while nobody is signed in: why the last attempt failed (if it did)
 * and a button to the hosted login that returns to `returnTo`.
 */
export function SignInPage({ returnTo }: { returnTo: string }) {
  const { session, state } = useAuth();
  const [redirecting, setRedirecting] = useState(false);
  const error = state.status === 'signed-out' ? state.error : undefined;
  return (
    <Center mih="100vh" p="lg">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={480} w="100%">
        <Stack gap="md">
          <Stack gap={4} align="center">
            <IconShieldCheck size={36} aria-hidden />
            <Title order={1} size="h2">
              Device Defender profile editor
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              Sign in with your organisation&apos;s account to read or edit security profiles.
            </Text>
          </Stack>
          {error === undefined ? null : (
            <Alert color="red" variant="light" title="Sign-in did not succeed" role="alert">
              {error}
            </Alert>
          )}
          <Button
            size="md"
            leftSection={<IconLogin size={18} aria-hidden />}
            loading={redirecting}
            onClick={() => {
              setRedirecting(true);
              void session.signIn(returnTo).finally(() => setRedirecting(false));
            }}
          >
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
