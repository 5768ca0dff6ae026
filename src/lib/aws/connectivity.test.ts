import { describe, expect, it } from 'vitest';
import {
  connectivityNotice,
  createConnectivityMonitor,
  initialConnectivity,
  reduceConnectivity,
  retryLabel,
  retryLines,
  saveBlockedReason,
} from './connectivity';
import type { ConnectivityEvent, ConnectivityState, RetryActivity } from './connectivity';

const online = initialConnectivity(true);
const retry = (id: number, operation: string, attempt: number): RetryActivity => ({
  id,
  operation,
  attempt,
  maxAttempts: 5,
  delayMs: 300,
  reason: 'throttled',
});

function run(events: ConnectivityEvent[], from: ConnectivityState = online): ConnectivityState {
  return events.reduce(reduceConnectivity, from);
}

describe('reduceConnectivity and what the banner and save bar say', () => {
  it.each<[string, ConnectivityEvent[], string | null, string | null]>([
    ['nothing happened', [], null, null],
    ['the browser went offline', [{ type: 'browser-offline' }], 'offline', 'Offline'],
    [
      'the browser went offline and came back',
      [{ type: 'browser-offline' }, { type: 'browser-online' }],
      null,
      null,
    ],
    [
      'a call got no answer',
      [{ type: 'endpoint-unreachable', message: 'Failed to fetch' }],
      'unreachable',
      'unreachable',
    ],
    [
      'a call got no answer, then one got an answer',
      [{ type: 'endpoint-unreachable', message: 'Failed to fetch' }, { type: 'endpoint-answered' }],
      null,
      null,
    ],
    [
      'offline while unreachable: offline is said first',
      [{ type: 'endpoint-unreachable', message: 'x' }, { type: 'browser-offline' }],
      'offline',
      'Offline',
    ],
    [
      'a failure while offline says nothing about the endpoint',
      [
        { type: 'browser-offline' },
        { type: 'endpoint-unreachable', message: 'x' },
        { type: 'browser-online' },
      ],
      null,
      null,
    ],
  ])('%s → banner %s, save blocked %s', (_, events, kind, blockedWord) => {
    const state = run(events);
    const notice = connectivityNotice(state, 'Local endpoint 127.0.0.1:4510');
    expect(notice?.kind ?? null).toBe(kind);
    const reason = saveBlockedReason(state);
    if (blockedWord === null) expect(reason).toBeNull();
    else expect(reason).toContain(blockedWord);
  });

  it('names the endpoint and the failure in the unreachable banner, and says edits are kept', () => {
    const state = run([{ type: 'endpoint-unreachable', message: 'Failed to fetch' }]);
    const notice = connectivityNotice(state, 'Local endpoint 127.0.0.1:4510');
    expect(notice?.message).toContain('Local endpoint 127.0.0.1:4510');
    expect(notice?.message).toContain('(Failed to fetch)');
    expect(notice?.message).toContain('Your edits stay on this page');
  });

  it('returns the same state object when an event changes nothing', () => {
    expect(reduceConnectivity(online, { type: 'browser-online' })).toBe(online);
    expect(reduceConnectivity(online, { type: 'endpoint-answered' })).toBe(online);
    expect(reduceConnectivity(online, { type: 'retry-ended', id: 9 })).toBe(online);
  });
});

describe('retries in the state', () => {
  it('keeps one entry per call, updated to its latest attempt, until the call ends', () => {
    const state = run([
      { type: 'retry-scheduled', activity: retry(1, 'UpdateSecurityProfileCommand', 2) },
      { type: 'retry-scheduled', activity: retry(2, 'ListSecurityProfilesCommand', 2) },
      { type: 'retry-scheduled', activity: retry(1, 'UpdateSecurityProfileCommand', 3) },
    ]);
    expect(retryLabel(state, ['UpdateSecurityProfileCommand'])).toBe('Retrying (attempt 3 of 5)…');
    expect(retryLabel(state, ['CreateSecurityProfileCommand'])).toBeNull();
    expect(retryLines(state)).toEqual([
      'ListSecurityProfiles: AWS IoT is throttling requests; retrying (attempt 2 of 5)…',
      'UpdateSecurityProfile: AWS IoT is throttling requests; retrying (attempt 3 of 5)…',
    ]);
    const ended = reduceConnectivity(state, { type: 'retry-ended', id: 1 });
    expect(retryLabel(ended, ['UpdateSecurityProfileCommand'])).toBeNull();
    expect(retryLines(ended)).toHaveLength(1);
  });
});

describe('createConnectivityMonitor', () => {
  it('notifies subscribers only on a change, and stops after unsubscribing', () => {
    const monitor = createConnectivityMonitor(true);
    let calls = 0;
    const unsubscribe = monitor.subscribe(() => (calls += 1));
    monitor.dispatch({ type: 'browser-online' });
    expect(calls).toBe(0);
    monitor.dispatch({ type: 'browser-offline' });
    expect(calls).toBe(1);
    expect(monitor.getSnapshot().browserOnline).toBe(false);
    unsubscribe();
    monitor.dispatch({ type: 'browser-online' });
    expect(calls).toBe(1);
    expect(monitor.nextRetryId()).not.toBe(monitor.nextRetryId());
  });
});
