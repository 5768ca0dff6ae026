import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import type { IoTClient } from '@aws-sdk/client-iot';
import type { RuntimeConfig } from '../../config/runtime-config';
import type { RenewingCredentialsProvider } from './cognito-credentials';
import { createConnectivityMonitor } from './connectivity';
import type { ConnectivityMonitor, ConnectivityState } from './connectivity';
import { createIotClient, probeEndpoint } from './iot-client';
import type { IotClientOptions } from './iot-client';

/** While the endpoint is unreachable (and the browser online), it is asked again this often. */
export const PROBE_INTERVAL_MS = 3_000;

const IotClientContext = createContext<IoTClient | null>(null);

interface ConnectivityContextValue {
  monitor: ConnectivityMonitor;
  checkNow: () => void;
}

// Outside a provider (component tests) nothing is known to be wrong: online, reachable, no retries.
const detachedConnectivity: ConnectivityContextValue = {
  monitor: createConnectivityMonitor(true),
  checkNow: () => undefined,
};

const ConnectivityContext = createContext<ConnectivityContextValue>(detachedConnectivity);

function browserOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

/**
 * Creates the session's one IoT client from the config (signed with `credentials` when sign-in
 * provides them) and provides it to feature api hooks, together with what is known about the
 * connection: the browser's online state, the endpoint's reachability and pending retries.
 */
export function IotClientProvider({
  config,
  credentials,
  retries,
  children,
}: {
  config: RuntimeConfig;
  credentials?: RenewingCredentialsProvider;
  /** The client's retry settings; tests pass a `sleep` that does not wait. Default: the policy's. */
  retries?: Omit<IotClientOptions, 'monitor'>;
  children: ReactNode;
}) {
  // Created once per mount: the config cannot change without a reload, and the credentials
  // provider renews itself, so the client never needs replacing.
  const [monitor] = useState(() => createConnectivityMonitor(browserOnline()));
  const [client] = useState(() => createIotClient(config, credentials, { ...retries, monitor }));
  // The probe asks once per check: retrying inside a check would only delay the next one.
  const [probeClient] = useState(() =>
    createIotClient(config, credentials, { ...retries, monitor, maxAttempts: 1 }),
  );
  const checkNow = useCallback(() => void probeEndpoint(probeClient), [probeClient]);
  const state = useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);

  useEffect(() => {
    const update = () => {
      monitor.dispatch({ type: navigator.onLine ? 'browser-online' : 'browser-offline' });
    };
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [monitor]);

  // Unreachable is only learnt from a failed call and only cleared by an answered one, so while
  // it lasts the endpoint is asked again on a timer: the banner goes when the endpoint returns.
  const probing = state.browserOnline && !state.endpointReachable;
  useEffect(() => {
    if (!probing) return undefined;
    checkNow();
    const timer = setInterval(checkNow, PROBE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [probing, checkNow]);

  const connectivity = useMemo(() => ({ monitor, checkNow }), [monitor, checkNow]);
  return (
    <ConnectivityContext.Provider value={connectivity}>
      <IotClientContext.Provider value={client}>{children}</IotClientContext.Provider>
    </ConnectivityContext.Provider>
  );
}

/** The session's IoT client; throws when rendered outside IotClientProvider (a wiring bug). */
export function useIotClient(): IoTClient {
  const client = useContext(IotClientContext);
  if (!client) throw new Error('useIotClient must be used inside <IotClientProvider>.');
  return client;
}

/** The current connectivity state; re-renders on every change of it. */
export function useConnectivity(): ConnectivityState {
  const { monitor } = useContext(ConnectivityContext);
  return useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
}

/** Asks the endpoint right away whether it answers again (the banner's "Check now"). */
export function useCheckConnectivity(): () => void {
  return useContext(ConnectivityContext).checkNow;
}
