import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ConfigErrorPage } from './app/config-error-page';
import { loadRuntimeConfig } from './config/runtime-config';
import { theme } from './theme';

async function start(container: HTMLElement): Promise<void> {
  // The config decides the endpoint and credentials, so nothing renders before it is known.
  const result = await loadRuntimeConfig();
  createRoot(container).render(
    <StrictMode>
      {result.ok ? (
        <App config={result.config} />
      ) : (
        <MantineProvider theme={theme}>
          <ConfigErrorPage problem={result.problem} />
        </MantineProvider>
      )}
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
void start(container);
