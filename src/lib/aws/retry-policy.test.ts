import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  isRepeatable,
  RETRY_BASE_DELAY_MS,
  RETRY_MAX_DELAY_MS,
  retryDecision,
  THROTTLE_BASE_DELAY_MS,
} from './retry-policy';
import type { RetryReason } from './retry-policy';

/** What the SDK throws for a service error (shape only; the SDK classes are not needed here). */
function serviceError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(name), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
  });
}

const throttled = serviceError('ThrottlingException', 400);
const internal = serviceError('InternalFailureException', 500);
const dropped = new TypeError('Failed to fetch');
const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const expired = serviceError('ExpiredTokenException', 403);
const conflict = serviceError('VersionConflictException', 409);
const invalid = serviceError('InvalidRequestException', 400);

describe('retryDecision', () => {
  it.each<[string, string, unknown, unknown, string | null]>([
    ['a read after throttling', 'DescribeSecurityProfileCommand', {}, throttled, 'throttled'],
    ['a read after a 500', 'ListSecurityProfilesCommand', {}, internal, 'server'],
    ['a read after no answer', 'ValidateSecurityProfileBehaviorsCommand', {}, dropped, 'network'],
    ['a read after a Node reset', 'DescribeSecurityProfileCommand', {}, reset, 'network'],
    [
      'a guarded update after no answer',
      'UpdateSecurityProfileCommand',
      { expectedVersion: 3 },
      dropped,
      'network',
    ],
    [
      'a guarded delete after a 500',
      'DeleteSecurityProfileCommand',
      { expectedVersion: 3 },
      internal,
      'server',
    ],
    ['an unguarded update after no answer', 'UpdateSecurityProfileCommand', {}, dropped, null],
    ['an unguarded update after a 500', 'UpdateSecurityProfileCommand', {}, internal, null],
    [
      'an unguarded update after throttling',
      'UpdateSecurityProfileCommand',
      {},
      throttled,
      'throttled',
    ],
    ['a create after a 500', 'CreateSecurityProfileCommand', {}, internal, 'server'],
    ['an attach after no answer', 'AttachSecurityProfileCommand', {}, dropped, null],
    ['an attach after throttling', 'AttachSecurityProfileCommand', {}, throttled, 'throttled'],
    [
      'any call after refused credentials',
      'AttachSecurityProfileCommand',
      {},
      expired,
      'credentials',
    ],
    [
      'a guarded update after a version conflict',
      'UpdateSecurityProfileCommand',
      { expectedVersion: 3 },
      conflict,
      null,
    ],
    ['a read after an invalid request', 'DescribeSecurityProfileCommand', {}, invalid, null],
    [
      'a read after a bug in our code',
      'DescribeSecurityProfileCommand',
      {},
      new Error('x is undefined'),
      null,
    ],
  ])('%s → %s', (_, operation, input, error, expected) => {
    expect(retryDecision(operation, input, error)).toBe(expected);
  });
});

describe('isRepeatable', () => {
  it.each<[string, unknown, boolean]>([
    ['DescribeSecurityProfileCommand', {}, true],
    ['ListTargetsForSecurityProfileCommand', {}, true],
    ['DeleteDimensionCommand', {}, true],
    ['TagResourceCommand', {}, true],
    ['UpdateSecurityProfileCommand', { expectedVersion: 1 }, true],
    ['UpdateSecurityProfileCommand', { expectedVersion: undefined }, false],
    ['UpdateSecurityProfileCommand', null, false],
    ['DetachSecurityProfileCommand', {}, false],
  ])('%s with %j → %s', (operation, input, expected) => {
    expect(isRepeatable(operation, input)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it.each<[RetryReason, number, number]>([
    ['server', 1, RETRY_BASE_DELAY_MS],
    ['network', 3, RETRY_BASE_DELAY_MS],
    ['credentials', 2, RETRY_BASE_DELAY_MS],
    ['throttled', 1, THROTTLE_BASE_DELAY_MS],
    ['throttled', 4, THROTTLE_BASE_DELAY_MS],
    ['server', 30, RETRY_BASE_DELAY_MS],
    ['throttled', 30, THROTTLE_BASE_DELAY_MS],
  ])('after %s, retry %i waits between half and all of its ceiling', (reason, retry, base) => {
    const ceiling = Math.min(RETRY_MAX_DELAY_MS, base * 2 ** (retry - 1));
    expect(backoffDelayMs(retry, reason, () => 0)).toBe(ceiling / 2);
    expect(backoffDelayMs(retry, reason, () => 0.999_999)).toBe(ceiling);
  });

  it('doubles until the cap and never exceeds it', () => {
    const waits = (reason: RetryReason) =>
      [1, 2, 3, 4, 5, 6, 7, 8].map((retry) => backoffDelayMs(retry, reason, () => 1));
    expect(waits('server')).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(waits('throttled')).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });
});
