import { QueryClient } from '@tanstack/react-query';
import { toAppError } from './aws/errors';

/** How long fetched profiles count as fresh before a remount refetches them. */
export const DEFAULT_STALE_TIME_MS = 30_000;

/**
 * At most this many retries, and only for errors that can heal by themselves. The IoT client
 * already retries each call with backoff (lib/aws/retry-policy.ts); one more round here covers
 * an outage a little longer than those attempts, without multiplying them into minutes.
 */
export const MAX_QUERY_RETRIES = 1;

/**
 * Retries network failures, 5xx and throttling; never a 4xx answer such as a missing profile or
 * an invalid request, which would only fail again and delay the message.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_QUERY_RETRIES && toAppError(error).retryable;
}

/** Creates the app's QueryClient with its defaults spelled out. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: DEFAULT_STALE_TIME_MS,
        retry: shouldRetryQuery,
        // The list re-describes every profile, so refetching on each tab switch is too costly.
        refetchOnWindowFocus: false,
      },
      // A mutation's safe retries happen inside the IoT client, which knows the operation and its
      // input (expectedVersion); a blind repeat here could apply a write twice.
      mutations: { retry: false },
    },
  });
}
