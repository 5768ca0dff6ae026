import { screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../testing/render';
import { ErrorAlert } from './error-alert';
import { RegionErrorBoundary } from './region-error-boundary';

function Exploding({ when }: { when: boolean }) {
  if (when) throw new Error('cannot render this behavior');
  return <p>Rendered fine</p>;
}

describe('RegionErrorBoundary', () => {
  // React logs caught render errors; keep the test output readable.
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());

  it('contains a failure to its region and lets the rest of the page render', () => {
    renderWithProviders(
      <>
        <RegionErrorBoundary region="the behaviors">
          <Exploding when />
        </RegionErrorBoundary>
        <RegionErrorBoundary region="the alert targets">
          <Exploding when={false} />
        </RegionErrorBoundary>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not show the behaviors');
    expect(screen.getByRole('alert')).toHaveTextContent('cannot render this behavior');
    expect(screen.getByText('Rendered fine')).toBeInTheDocument();
  });

  it('renders the region again on Retry', async () => {
    function Flaky() {
      const [broken, setBroken] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setBroken(false)}>
            Repair
          </button>
          <RegionErrorBoundary region="the overview">
            <Exploding when={broken} />
          </RegionErrorBoundary>
        </>
      );
    }
    const { user } = renderWithProviders(<Flaky />);
    await user.click(screen.getByRole('button', { name: 'Repair' }));
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByText('Rendered fine')).toBeInTheDocument();
  });
});

describe('ErrorAlert', () => {
  it('shows the readable message, exception name, HTTP status and request id', async () => {
    const error = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: '7d3c-request' },
    });
    const retries: number[] = [];
    const { user } = renderWithProviders(
      <ErrorAlert title="Could not load" error={error} onRetry={() => retries.push(1)} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('throttling requests');
    expect(alert).toHaveTextContent(
      'ThrottlingException: Rate exceeded · HTTP 400 · Request id 7d3c-request',
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retries).toHaveLength(1);
  });
});
