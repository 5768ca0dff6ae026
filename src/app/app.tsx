import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { UserManager } from 'oidc-client-ts';
import { describeEndpoint, isLocalEndpoint, resolveCognitoConfig } from '../config/runtime-config';
import type { ResolvedCognitoConfig, RuntimeConfig } from '../config/runtime-config';
import { createCognitoCredentials } from '../lib/aws/cognito-credentials';
import { createQueryClient } from '../lib/query-client';
import { AuthSession } from '../features/auth/auth-session';
import { cognitoLogoutUrl, createOidcSettings } from '../features/auth/oidc-settings';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

function layoutFor(config: RuntimeConfig, signIn: boolean) {
  return { endpointLabel: describeEndpoint(config), local: isLocalEndpoint(config), signIn };
}

/** The app with the local key pair: no sign-in, full access (the config allows it only locally). */
function KeyPairApp({ config }: { config: RuntimeConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(layoutFor(config, false)));
  return (
    <AppProvider config={config} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}

function createSignIn(cognito: ResolvedCognitoConfig, queryClient: QueryClient) {
  const origin = window.location.origin;
  // Nothing of the previous user may outlive the sign-out: neither credentials nor data.
  const onSignedOut = () => {
    credentials.reset();
    queryClient.clear();
  };
  const manager = new UserManager(createOidcSettings(cognito, origin, window.sessionStorage));
  const logoutUrl = cognitoLogoutUrl(cognito, origin);
  const session = new AuthSession(manager, {
    signInHost: new URL(cognito.metadata.authorization_endpoint).host,
    ...(logoutUrl === undefined ? {} : { logoutUrl }),
    onSignedOut,
    navigate: (url) => window.location.assign(url),
    storages: [window.sessionStorage, window.localStorage],
  });
  const credentials = createCognitoCredentials({
    identityPoolId: cognito.identityPoolId,
    region: cognito.identityRegion,
    loginsKey: cognito.loginsKey,
    ...(cognito.identityEndpoint === undefined ? {} : { endpoint: cognito.identityEndpoint }),
    getIdToken: session.getIdToken,
  });
  return { session, credentials };
}

/** The app behind the hosted login: every AWS call is signed with the user's temporary credentials. */
function SignedInApp({
  config,
  cognito,
}: {
  config: RuntimeConfig;
  cognito: ResolvedCognitoConfig;
}) {
  const [queryClient] = useState(createQueryClient);
  const [auth] = useState(() => createSignIn(cognito, queryClient));
  const [router] = useState(() =>
    createAppRouter(layoutFor(config, true), { callbackPath: cognito.redirectPath }),
  );
  useEffect(() => {
    // The callback page settles the state itself; anywhere else the stored session is restored.
    if (window.location.pathname !== cognito.redirectPath) void auth.session.start();
  }, [auth, cognito.redirectPath]);
  return (
    <AppProvider config={config} queryClient={queryClient} auth={auth}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}

/** The whole app for one validated runtime config; with Cognito settings, sign-in is required. */
export function App({ config }: { config: RuntimeConfig }) {
  const [cognito] = useState(() => resolveCognitoConfig(config));
  return cognito === undefined ? (
    <KeyPairApp config={config} />
  ) : (
    <SignedInApp config={config} cognito={cognito} />
  );
}
