/**
 * When a call to AWS IoT is tried again, and how long to wait first.
 *
 * The policy, and why it is safe:
 * - Only failures that can heal by themselves are retried: throttling (ThrottlingException, 429),
 *   a 5xx answer (InternalFailureException and the like), a request that got no answer at all
 *   (the browser's "Failed to fetch", Node's ECONNRESET), and refused temporary credentials
 *   (the IoT client renews them before the next attempt). A 4xx answer never heals unchanged.
 * - Throttling and refused credentials are answered before the service does any work, so they are
 *   retried for every operation.
 * - A 5xx or a lost answer may hide a write that was applied, so those are retried only for
 *   operations where a repeat cannot do harm: every read (Describe, List, Get, Validate);
 *   Update/DeleteSecurityProfile when they carry expectedVersion (a repeat of an applied write is
 *   refused as VersionConflictException, which the save flow merges, never applied twice); the
 *   Create operations (ResourceAlreadyExistsException at worst); deletes of dimensions and custom
 *   metrics (deleting a missing one succeeds) and tag changes (setting a tag twice is one tag).
 *   Anything else (Attach/Detach, an update without expectedVersion) is not repeated after a 5xx
 *   or a lost answer: the person sees the error and decides.
 * - At most MAX_ATTEMPTS attempts in all, with exponential backoff and jitter, so a burst of
 *   throttling is spread out instead of being answered by a synchronised stampede.
 */

import { toAppError } from './errors';

/** Attempts per call, the first included. */
export const MAX_ATTEMPTS = 5;

/** The wait before the first retry; each later one doubles, up to RETRY_MAX_DELAY_MS. */
export const RETRY_BASE_DELAY_MS = 100;

/**
 * The same for throttling, which asks for more patience: the service is shedding load, and
 * coming back sooner only makes the next refusal likelier (the SDK's own strategy does the same).
 */
export const THROTTLE_BASE_DELAY_MS = 250;

/** No single wait is longer than this. */
export const RETRY_MAX_DELAY_MS = 5_000;

/** Why an attempt failed in a way that may heal by itself. */
export type RetryReason = 'throttled' | 'server' | 'network' | 'credentials';

const READ_PREFIXES = ['Describe', 'List', 'Get', 'Validate'];

/** Safe to repeat whatever the earlier attempt did. */
const REPEATABLE_WRITES = new Set([
  'CreateSecurityProfileCommand',
  'CreateDimensionCommand',
  'CreateCustomMetricCommand',
  'DeleteDimensionCommand',
  'DeleteCustomMetricCommand',
  'TagResourceCommand',
  'UntagResourceCommand',
]);

/** Safe to repeat only with an expectedVersion guard. */
const VERSION_GUARDED_WRITES = new Set([
  'UpdateSecurityProfileCommand',
  'DeleteSecurityProfileCommand',
]);

/** The healing kind of failure `error` is, or null when trying again unchanged cannot help. */
export function retryReason(error: unknown): RetryReason | null {
  const appError = toAppError(error);
  if (appError.name === 'ExpiredTokenException') return 'credentials';
  switch (appError.kind) {
    case 'throttled':
      return 'throttled';
    case 'server':
      return 'server';
    case 'network':
      return 'network';
    default:
      return null;
  }
}

/** True when repeating `operation` with `input` after an unknown outcome cannot do harm. */
export function isRepeatable(operation: string, input: unknown): boolean {
  const action = operation.replace(/Command$/, '');
  if (READ_PREFIXES.some((prefix) => action.startsWith(prefix))) return true;
  if (REPEATABLE_WRITES.has(operation)) return true;
  if (VERSION_GUARDED_WRITES.has(operation)) {
    return (
      typeof input === 'object' &&
      input !== null &&
      typeof (input as { expectedVersion?: unknown }).expectedVersion === 'number'
    );
  }
  return false;
}

/**
 * The reason to retry `operation` (an SDK command name such as "UpdateSecurityProfileCommand")
 * after `error`, or null when it must not be retried.
 */
export function retryDecision(
  operation: string,
  input: unknown,
  error: unknown,
): RetryReason | null {
  const reason = retryReason(error);
  if (reason === null) return null;
  if (reason === 'throttled' || reason === 'credentials') return reason;
  return isRepeatable(operation, input) ? reason : null;
}

/**
 * The wait before retry number `retry` (1 for the first retry) after a failure of kind `reason`:
 * exponential, capped, with "equal jitter" (half fixed, half random) so the wait is never near
 * zero yet clients spread out.
 */
export function backoffDelayMs(
  retry: number,
  reason: RetryReason,
  random: () => number = Math.random,
): number {
  const base = reason === 'throttled' ? THROTTLE_BASE_DELAY_MS : RETRY_BASE_DELAY_MS;
  const ceiling = Math.min(RETRY_MAX_DELAY_MS, base * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** "UpdateSecurityProfileCommand" → "UpdateSecurityProfile", as AWS names the action. */
export function actionName(operation: string): string {
  return operation.replace(/Command$/, '');
}
