import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IotClientProvider, useCheckConnectivity } from '../lib/aws/iot-client-context';
import { renderWithProviders } from '../testing/render';
import { ConnectivityBanner } from './connectivity-banner';

// The network boundary is real: a port nothing listens on, then a bare HTTP listener on it.
let server: Server | null = null;
let answered = 0;
afterEach(async () => {
  const open = server;
  server = null;
  if (open) await new Promise<void>((resolve) => open.close(() => resolve()));
  setBrowserOnline(true);
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function listen(port: number): Promise<void> {
  server = createServer((_req, res) => {
    answered += 1;
    res.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
    });
    res.end(JSON.stringify({ securityProfileIdentifiers: [] }));
  });
  const started = server;
  return new Promise<void>((resolve) => started.listen(port, '127.0.0.1', resolve));
}

// jsdom's navigator.onLine is fixed at true; the browser's own switch is what is stood in for.
function setBrowserOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

function CheckButton() {
  const checkNow = useCheckConnectivity();
  return (
    <button type="button" onClick={checkNow}>
      Ask the endpoint
    </button>
  );
}

function renderBanner(port: number) {
  return renderWithProviders(
    <IotClientProvider
      config={{
        region: 'us-east-1',
        iotEndpoint: `http://127.0.0.1:${port}`,
        localCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'secret' },
      }}
    >
      <ConnectivityBanner endpointLabel={`Local endpoint 127.0.0.1:${port}`} />
      <CheckButton />
    </IotClientProvider>,
  );
}

describe('ConnectivityBanner', () => {
  it('says nothing while the way to AWS IoT is fine', async () => {
    const port = await freePort();
    await listen(port);
    const { user } = renderBanner(port);
    answered = 0;
    await user.click(screen.getByRole('button', { name: 'Ask the endpoint' }));
    await waitFor(() => expect(answered).toBe(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the endpoint is unreachable when a call gets no answer, and goes when it answers', async () => {
    const port = await freePort();
    const { user } = renderBanner(port);
    await user.click(screen.getByRole('button', { name: 'Ask the endpoint' }));
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('AWS IoT endpoint unreachable');
    expect(banner).toHaveTextContent(`Local endpoint 127.0.0.1:${port}`);
    expect(banner).toHaveTextContent('Your edits stay on this page');

    await listen(port);
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('says the browser is offline, and goes when it is back online', async () => {
    const port = await freePort();
    await listen(port);
    renderBanner(port);
    act(() => setBrowserOnline(false));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are offline');
    act(() => setBrowserOnline(true));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });
});
