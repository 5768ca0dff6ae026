import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { RuntimeConfig } from '../config/runtime-config';
import type { RenewingCredentialsProvider } from '../lib/aws/cognito-credentials';
import { IotClientProvider } from '../lib/aws/iot-client-context';
import { AuthProvider } from '../features/auth/auth-context';
import type { AuthSession } from '../features/auth/auth-session';
import { theme } from '../theme';

export interface AppProviderProps {
  config: RuntimeConfig;
  queryClient: QueryClient;
  /** With sign-in: the tab's session and the credentials it yields; absent for the local key pair. */
  auth?: { session: AuthSession; credentials: RenewingCredentialsProvider };
  children: ReactNode;
}

/** Theme, server-state cache, the sign-in session (if any) and the session's AWS client. */
export function AppProvider({ config, queryClient, auth, children }: AppProviderProps) {
  const withClient = auth ? (
    <AuthProvider session={auth.session}>
      <IotClientProvider config={config} credentials={auth.credentials}>
        {children}
      </IotClientProvider>
    </AuthProvider>
  ) : (
    <IotClientProvider config={config}>{children}</IotClientProvider>
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>{withClient}</QueryClientProvider>
    </MantineProvider>
  );
}
