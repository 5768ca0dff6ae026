import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { describeEndpoint, isLocalEndpoint } from '../config/runtime-config';
import type { RuntimeConfig } from '../config/runtime-config';
import { createQueryClient } from '../lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

/** The whole app for one validated runtime config. */
export function App({ config }: { config: RuntimeConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() =>
    createAppRouter({ endpointLabel: describeEndpoint(config), local: isLocalEndpoint(config) }),
  );
  return (
    <AppProvider config={config} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
