import {
  InternalFailureException,
  InvalidRequestException,
  LimitExceededException,
  ResourceNotFoundException,
  ThrottlingException,
  UnauthorizedException,
  VersionConflictException,
} from '@aws-sdk/client-iot';
import { describe, expect, it } from 'vitest';
import { ExplainedError, isNotFoundError, toAppError } from './errors';
import type { AppErrorKind } from './errors';
import { CredentialsUnavailableError } from './iot-client';

const metadata = (httpStatusCode: number) => ({
  $metadata: { httpStatusCode, requestId: `req-${httpStatusCode}` },
});

describe('toAppError', () => {
  it.each<[string, unknown, AppErrorKind, number, boolean]>([
    [
      'ResourceNotFoundException',
      new ResourceNotFoundException({ message: 'No profile dd', ...metadata(404) }),
      'not-found',
      404,
      false,
    ],
    [
      'VersionConflictException',
      new VersionConflictException({ message: 'expected 3', ...metadata(409) }),
      'conflict',
      409,
      false,
    ],
    [
      'InvalidRequestException',
      new InvalidRequestException({ message: 'bad', ...metadata(400) }),
      'invalid-request',
      400,
      false,
    ],
    // IoT answers throttling with 400, yet waiting and retrying is exactly what it asks for.
    [
      'ThrottlingException',
      new ThrottlingException({ message: 'Rate exceeded', ...metadata(400) }),
      'throttled',
      400,
      true,
    ],
    [
      'LimitExceededException',
      new LimitExceededException({ message: 'too many', ...metadata(410) }),
      'limit-exceeded',
      410,
      false,
    ],
    [
      'UnauthorizedException',
      new UnauthorizedException({ message: 'no', ...metadata(401) }),
      'unauthorized',
      401,
      false,
    ],
    // Refused temporary credentials are renewed by the IoT client, so a retry can succeed.
    [
      'ExpiredTokenException',
      Object.assign(new Error('The security token included in the request is expired'), {
        name: 'ExpiredTokenException',
        ...metadata(403),
      }),
      'unauthorized',
      403,
      true,
    ],
    [
      'UnrecognizedClientException',
      Object.assign(new Error('The security token is invalid'), {
        name: 'UnrecognizedClientException',
        ...metadata(403),
      }),
      'unauthorized',
      403,
      false,
    ],
    [
      'InternalFailureException',
      new InternalFailureException({ message: 'boom', ...metadata(500) }),
      'server',
      500,
      true,
    ],
  ])(
    'maps %s to kind, status, request id and retryability',
    (_, error, kind, status, retryable) => {
      const appError = toAppError(error);
      expect(appError).toMatchObject({ kind, status, retryable, requestId: `req-${status}` });
      expect(appError.name).toBe((error as Error).name);
      expect(appError.cause).toBe(error);
    },
  );

  it('maps an unknown service error by its HTTP status', () => {
    const error = Object.assign(new Error('gone'), {
      name: 'Unknown',
      $fault: 'client',
      $metadata: { httpStatusCode: 404 },
    });
    expect(toAppError(error)).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
    expect(toAppError(error).requestId).toBeUndefined();
  });

  it.each(['Failed to fetch', 'Load failed', 'NetworkError when attempting to fetch resource.'])(
    'explains the network/CORS failure "%s" and what to check',
    (message) => {
      const appError = toAppError(new TypeError(message));
      expect(appError.kind).toBe('network');
      expect(appError.retryable).toBe(true);
      expect(appError.userMessage).toMatch(/CORS/);
      expect(appError.userMessage).toMatch(/endpoint/);
    },
  );

  it('recognises a network failure that passed through the SDK (which adds $metadata)', () => {
    // What the browser build of the SDK rethrows when CORS or the connection fails.
    const error = Object.assign(new TypeError('Failed to fetch'), {
      $metadata: { attempts: 1, totalRetryDelay: 0 },
    });
    expect(toAppError(error)).toMatchObject({ kind: 'network', retryable: true });
  });

  it('does not take a programming TypeError for a network failure', () => {
    const appError = toAppError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(appError.kind).toBe('unknown');
    expect(appError.retryable).toBe(false);
  });

  it('treats missing credentials as an authorization problem that a retry cannot fix', () => {
    const appError = toAppError(new CredentialsUnavailableError('no keys'));
    expect(appError).toMatchObject({ kind: 'unauthorized', retryable: false });
  });

  it('recognises an aborted request, also after the SDK stamped it with $metadata', () => {
    const aborted = new DOMException('The operation was aborted.', 'AbortError');
    expect(toAppError(aborted).kind).toBe('aborted');
    const viaSdk = Object.assign(new Error('Request aborted'), {
      name: 'AbortError',
      $metadata: { attempts: 1 },
    });
    expect(toAppError(viaSdk)).toMatchObject({ kind: 'aborted', retryable: false });
  });

  it('survives thrown non-errors', () => {
    expect(toAppError('plain string')).toMatchObject({ kind: 'unknown', message: 'plain string' });
    expect(toAppError(undefined).userMessage).toMatch(/Something went wrong/);
  });
});

describe('ExpiredTokenException', () => {
  it('tells the user to try again rather than to check the sign-in', () => {
    const error = Object.assign(new Error('expired'), {
      name: 'ExpiredTokenException',
      ...metadata(403),
    });
    expect(toAppError(error).userMessage).toMatch(/new ones are being fetched\. Try again\.$/);
  });
});

describe('ExplainedError', () => {
  it('keeps its own advice even with SDK metadata stamped on it', () => {
    const error = Object.assign(
      new ExplainedError({
        name: 'IdentityPoolUnreachable',
        kind: 'network',
        message: 'Failed to fetch',
        userMessage: 'Check the identity pool endpoint.',
        retryable: true,
      }),
      metadata(0),
    );
    expect(toAppError(error)).toMatchObject({
      kind: 'network',
      name: 'IdentityPoolUnreachable',
      userMessage: 'Check the identity pool endpoint.',
      retryable: true,
    });
  });
});

describe('isNotFoundError', () => {
  it('is true only for a missing resource', () => {
    expect(isNotFoundError(new ResourceNotFoundException({ message: 'x', ...metadata(404) }))).toBe(
      true,
    );
    expect(isNotFoundError(new InvalidRequestException({ message: 'x', ...metadata(400) }))).toBe(
      false,
    );
  });
});
