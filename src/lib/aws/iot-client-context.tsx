import { createContext, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import type { IoTClient } from '@aws-sdk/client-iot';
import type { RuntimeConfig } from '../../config/runtime-config';
import type { RenewingCredentialsProvider } from './cognito-credentials';
import { createIotClient } from './iot-client';

const IotClientContext = createContext<IoTClient | null>(null);

/**
 * Creates the session's one IoT client from the config (signed with `credentials` when sign-in
 * provides them) and provides it to feature api hooks.
 */
export function IotClientProvider({
  config,
  credentials,
  children,
}: {
  config: RuntimeConfig;
  credentials?: RenewingCredentialsProvider;
  children: ReactNode;
}) {
  // Created once per mount: the config cannot change without a reload, and the credentials
  // provider renews itself, so the client never needs replacing.
  const [client] = useState(() => createIotClient(config, credentials));
  return <IotClientContext.Provider value={client}>{children}</IotClientContext.Provider>;
}

/** The session's IoT client; throws when rendered outside IotClientProvider (a wiring bug). */
export function useIotClient(): IoTClient {
  const client = useContext(IotClientContext);
  if (!client) throw new Error('useIotClient must be used inside <IotClientProvider>.');
  return client;
}
