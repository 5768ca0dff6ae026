import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createRenewingCredentials,
  explainIdentityFailure,
  renewalMarginMs,
} from './cognito-credentials';
import type { TemporaryCredentials } from './cognito-credentials';
import { ExplainedError, toAppError } from './errors';

describe('renewalMarginMs', () => {
  it.each([
    { lifetimeMs: 3_600_000, margin: 600_000 },
    { lifetimeMs: 1_200_000, margin: 300_000 },
    { lifetimeMs: 6_000, margin: 1_500 },
    { lifetimeMs: -5, margin: 0 },
  ])('renews $lifetimeMs ms credentials $margin ms ahead', ({ lifetimeMs, margin }) => {
    expect(renewalMarginMs(lifetimeMs)).toBe(margin);
  });
});

describe('createRenewingCredentials', () => {
  let clock = 0;
  const now = () => clock;
  let issued = 0;
  const fetchCredentials = vi.fn(async (): Promise<TemporaryCredentials> => {
    issued += 1;
    return {
      accessKeyId: `ASIA${issued}`,
      secretAccessKey: 'secret',
      sessionToken: `token-${issued}`,
      expiration: new Date(clock + 8_000),
    };
  });

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    issued = 0;
    fetchCredentials.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('serves the cached credentials until a quarter of their lifetime is left', async () => {
    const provider = createRenewingCredentials(fetchCredentials, now);
    expect((await provider()).accessKeyId).toBe('ASIA1');
    clock = 5_999;
    expect((await provider()).accessKeyId).toBe('ASIA1');
    clock = 6_000;
    expect((await provider()).accessKeyId).toBe('ASIA2');
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
  });

  it('shares one fetch between concurrent callers', async () => {
    const provider = createRenewingCredentials(fetchCredentials, now);
    const both = await Promise.all([provider(), provider(), provider()]);
    expect(both.map((credentials) => credentials.accessKeyId)).toEqual(['ASIA1', 'ASIA1', 'ASIA1']);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
  });

  it('renews unprompted before expiry, so an idle edit saves with valid credentials', async () => {
    const provider = createRenewingCredentials(fetchCredentials, now);
    await provider();
    for (const step of [1, 2, 3]) {
      clock += 6_000;
      await vi.advanceTimersByTimeAsync(6_000);
      expect(fetchCredentials).toHaveBeenCalledTimes(step + 1);
    }
    const latest = await provider();
    expect(latest.accessKeyId).toBe('ASIA4');
    expect(latest.expiration?.getTime()).toBeGreaterThan(clock);
  });

  it('does not cache a failure: the next call fetches again', async () => {
    fetchCredentials.mockRejectedValueOnce(new Error('identity pool down'));
    const provider = createRenewingCredentials(fetchCredentials, now);
    await expect(provider()).rejects.toThrow('identity pool down');
    expect((await provider()).accessKeyId).toBe('ASIA1');
  });

  it('after reset forgets the credentials, stops renewing and ignores a fetch still in flight', async () => {
    let release: (credentials: TemporaryCredentials) => void = () => undefined;
    fetchCredentials.mockImplementationOnce(
      () => new Promise<TemporaryCredentials>((resolve) => (release = resolve)),
    );
    const provider = createRenewingCredentials(fetchCredentials, now);
    const stale = provider();
    provider.reset();
    release({ accessKeyId: 'ASIAOLDUSER', secretAccessKey: 'x', expiration: new Date(60_000) });
    await stale;
    expect((await provider()).accessKeyId).toBe('ASIA1');
    provider.reset();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
  });
});

describe('explainIdentityFailure', () => {
  const sdkError = (name: string, status: number) =>
    Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status } });

  it.each([
    { error: new TypeError('Failed to fetch'), kind: 'network', advice: /did not answer/ },
    {
      error: sdkError('NotAuthorizedException', 400),
      kind: 'unauthorized',
      advice: /Sign out and sign in again/,
    },
    {
      error: sdkError('ResourceNotFoundException', 404),
      kind: 'unauthorized',
      advice: /identityPoolId/,
    },
  ])('explains $error.name with advice', ({ error, kind, advice }) => {
    const explained = explainIdentityFailure(error, 'http://127.0.0.1:4510');
    expect(explained).toBeInstanceOf(ExplainedError);
    const appError = toAppError(explained);
    expect(appError.kind).toBe(kind);
    expect(appError.userMessage).toMatch(advice);
  });

  it('names the endpoint that could not be reached', () => {
    const explained = explainIdentityFailure(
      new TypeError('Failed to fetch'),
      'http://127.0.0.1:4510',
    );
    expect(toAppError(explained).userMessage).toContain('http://127.0.0.1:4510');
  });

  it('passes other errors through unchanged', () => {
    const error = sdkError('InternalErrorException', 500);
    expect(explainIdentityFailure(error, 'x')).toBe(error);
  });
});
