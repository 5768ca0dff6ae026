import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorAlert } from './error-alert';

export interface RegionErrorBoundaryProps {
  /** Names the region in the fallback: "Could not show {region}". */
  region: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
}

/**
 * Contains a render failure to one region of a page, so one bad section never blanks the rest.
 * The fallback offers to render the region again.
 */
export class RegionErrorBoundary extends Component<RegionErrorBoundaryProps, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Keep the component stack in the console for whoever debugs the report.
    console.error(`Region "${this.props.region}" failed to render`, error, info.componentStack);
  }

  override render() {
    if (this.state.failed) {
      return (
        <ErrorAlert
          title={`Could not show ${this.props.region}`}
          error={this.state.error}
          onRetry={() => this.setState({ error: null, failed: false })}
        />
      );
    }
    return this.props.children;
  }
}
