import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { RuntimeConfig } from '../config/runtime-config';
import { IotClientProvider } from '../lib/aws/iot-client-context';
import { theme } from '../theme';

export interface AppProviderProps {
  config: RuntimeConfig;
  queryClient: QueryClient;
  children: ReactNode;
}

/** Theme, server-state cache and the session's AWS client, in that order. */
export function AppProvider({ config, queryClient, children }: AppProviderProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <IotClientProvider config={config}>{children}</IotClientProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
