import { describe, expect, it } from 'vitest';
import { createQueryClient, MAX_QUERY_RETRIES, shouldRetryQuery } from './query-client';

/** What the SDK throws for a service error (the SDK itself may only be imported in lib/aws). */
function serviceError(name: string, httpStatusCode: number, message = name): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
  });
}

describe('shouldRetryQuery', () => {
  it.each<[string, unknown, boolean]>([
    ['a missing profile (404)', serviceError('ResourceNotFoundException', 404), false],
    ['throttling (400 on IoT)', serviceError('ThrottlingException', 400), true],
    ['an internal failure (500)', serviceError('InternalFailureException', 500), true],
    ['a network/CORS failure', new TypeError('Failed to fetch'), true],
    ['a bug in our code', new Error('undefined is not a function'), false],
  ])('after one failure, %s → retry %s', (_, error, expected) => {
    expect(shouldRetryQuery(0, error)).toBe(expected);
  });

  it(`stops after ${MAX_QUERY_RETRIES} retries even for retryable errors`, () => {
    const error = new TypeError('Failed to fetch');
    expect(shouldRetryQuery(MAX_QUERY_RETRIES - 1, error)).toBe(true);
    expect(shouldRetryQuery(MAX_QUERY_RETRIES, error)).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('does not retry a 404 query: it fails after exactly one attempt', async () => {
    const client = createQueryClient();
    let attempts = 0;
    await expect(
      client.fetchQuery({
        queryKey: ['test'],
        queryFn: () => {
          attempts += 1;
          throw serviceError('ResourceNotFoundException', 404, 'gone');
        },
        retry: client.getDefaultOptions().queries?.retry,
      }),
    ).rejects.toThrow('gone');
    expect(attempts).toBe(1);
  });

  it('sets an explicit stale time and never retries mutations', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.staleTime).toBeGreaterThan(0);
    expect(defaults.mutations?.retry).toBe(false);
  });
});
