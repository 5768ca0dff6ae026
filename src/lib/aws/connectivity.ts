/**
 * What the app knows about its way to AWS IoT: whether the browser is online, whether the endpoint
 * answered the last time it was asked, and which calls are waiting to be retried. A small store
 * outside React (the IoT client's middleware writes to it), read by the layout's banner and the
 * save bar through useSyncExternalStore.
 */

import type { RetryReason } from './retry-policy';
import { actionName } from './retry-policy';

/** A call waiting for its next attempt. */
export interface RetryActivity {
  /** Unique per call, so two calls of the same operation are told apart. */
  id: number;
  /** The SDK command name, e.g. "UpdateSecurityProfileCommand". */
  operation: string;
  /** The attempt about to be made (2 for the first retry). */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  reason: RetryReason;
}

export interface ConnectivityState {
  /** navigator.onLine, kept current by the online/offline events. */
  browserOnline: boolean;
  /** False from a call that got no answer at all until any later call gets one. */
  endpointReachable: boolean;
  /** How the last unanswered call failed, as the browser put it. */
  lastNetworkError: string | null;
  retries: readonly RetryActivity[];
}

export type ConnectivityEvent =
  | { type: 'browser-online' }
  | { type: 'browser-offline' }
  /** Any answer from the endpoint, an error answer included: it is reachable. */
  | { type: 'endpoint-answered' }
  /** A call ended without any answer after its last attempt. */
  | { type: 'endpoint-unreachable'; message: string }
  | { type: 'retry-scheduled'; activity: RetryActivity }
  | { type: 'retry-ended'; id: number };

/** The state before anything is known to be wrong. */
export function initialConnectivity(browserOnline: boolean): ConnectivityState {
  return { browserOnline, endpointReachable: true, lastNetworkError: null, retries: [] };
}

/** The state after `event`; returns `state` itself when nothing changes (no re-render). */
export function reduceConnectivity(
  state: ConnectivityState,
  event: ConnectivityEvent,
): ConnectivityState {
  switch (event.type) {
    case 'browser-online':
      return state.browserOnline ? state : { ...state, browserOnline: true };
    case 'browser-offline':
      return state.browserOnline ? { ...state, browserOnline: false } : state;
    case 'endpoint-answered':
      return state.endpointReachable && state.lastNetworkError === null
        ? state
        : { ...state, endpointReachable: true, lastNetworkError: null };
    case 'endpoint-unreachable':
      // Offline explains the failure already; it says nothing about the endpoint.
      return state.browserOnline
        ? { ...state, endpointReachable: false, lastNetworkError: event.message }
        : state;
    case 'retry-scheduled':
      return {
        ...state,
        retries: [...state.retries.filter((r) => r.id !== event.activity.id), event.activity],
      };
    case 'retry-ended':
      return state.retries.some((r) => r.id === event.id)
        ? { ...state, retries: state.retries.filter((r) => r.id !== event.id) }
        : state;
  }
}

/** What the banner says, or null when the way to AWS IoT is fine. */
export interface ConnectivityNotice {
  kind: 'offline' | 'unreachable';
  title: string;
  message: string;
}

/** The banner for `state`: offline wins over unreachable, since it is the cause to fix first. */
export function connectivityNotice(
  state: ConnectivityState,
  endpointLabel: string,
): ConnectivityNotice | null {
  if (!state.browserOnline) {
    return {
      kind: 'offline',
      title: 'You are offline',
      message:
        'This browser has no network connection, so nothing can be loaded or saved. Your edits ' +
        'stay on this page; saving is disabled until the connection returns. Check the network ' +
        '(Wi-Fi, cable or VPN).',
    };
  }
  if (!state.endpointReachable) {
    const detail = state.lastNetworkError ? ` (${state.lastNetworkError})` : '';
    return {
      kind: 'unreachable',
      title: 'AWS IoT endpoint unreachable',
      message:
        `The last request to ${endpointLabel} got no answer${detail}. Your edits stay on this ` +
        'page; saving is disabled until the endpoint answers again, which is checked every few ' +
        'seconds. Check that the endpoint is running and reachable from this browser.',
    };
  }
  return null;
}

/** Why saving is impossible right now, or null when the way to AWS IoT is open. */
export function saveBlockedReason(state: ConnectivityState): string | null {
  if (!state.browserOnline) return 'Offline: saving is disabled until the connection returns.';
  if (!state.endpointReachable) {
    return 'The AWS IoT endpoint is unreachable: saving is disabled until it answers again.';
  }
  return null;
}

const REASON_WORDS: Record<RetryReason, string> = {
  throttled: 'AWS IoT is throttling requests',
  server: 'AWS IoT had an internal error',
  network: 'no answer from the endpoint',
  credentials: 'renewing the temporary credentials',
};

/** "Retrying (attempt 2 of 5)…" for the latest retry of one of `operations`, else null. */
export function retryLabel(state: ConnectivityState, operations: readonly string[]): string | null {
  const activity = state.retries.findLast((r) => operations.includes(r.operation));
  return activity ? `Retrying (attempt ${activity.attempt} of ${activity.maxAttempts})…` : null;
}

/** One line per waiting call, e.g. "UpdateSecurityProfile: AWS IoT is throttling requests; retrying (attempt 2 of 5)…". */
export function retryLines(state: ConnectivityState): string[] {
  return state.retries.map(
    (r) =>
      `${actionName(r.operation)}: ${REASON_WORDS[r.reason]}; retrying (attempt ${r.attempt} of ${r.maxAttempts})…`,
  );
}

/** The store: a snapshot, a subscription and a dispatcher, for useSyncExternalStore. */
export interface ConnectivityMonitor {
  getSnapshot: () => ConnectivityState;
  subscribe: (listener: () => void) => () => void;
  dispatch: (event: ConnectivityEvent) => void;
  /** A fresh id for a call's RetryActivity. */
  nextRetryId: () => number;
}

/** Creates a store starting from `initialConnectivity(browserOnline)`. */
export function createConnectivityMonitor(browserOnline = true): ConnectivityMonitor {
  let state = initialConnectivity(browserOnline);
  let lastId = 0;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (event) => {
      const next = reduceConnectivity(state, event);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    nextRetryId: () => (lastId += 1),
  };
}
