import { describe, expect, it } from 'vitest';
import { describeSignInError } from './sign-in-errors';

const oauth = (error: string, description?: string) =>
  Object.assign(new Error(description ?? error), {
    name: 'ErrorResponse',
    error,
    ...(description === undefined ? {} : { error_description: description }),
  });

describe('describeSignInError', () => {
  it.each([
    {
      case: 'a disabled user at renewal',
      error: oauth('invalid_grant', 'User is disabled.'),
      says: /account is disabled.*administrator/,
    },
    {
      case: 'a network or CORS failure',
      error: new TypeError('Failed to fetch'),
      says: /Could not reach the sign-in service at 127\.0\.0\.1:9229/,
    },
    {
      case: 'a timeout',
      error: Object.assign(new Error('Timed out'), { name: 'ErrorTimeout' }),
      says: /Could not reach/,
    },
    {
      case: 'a callback without its state',
      error: new Error('No matching state found in storage'),
      says: /another tab.*Sign in again/,
    },
    {
      case: 'a refused authorization',
      error: oauth('access_denied', 'User cancelled'),
      says: /refused: User cancelled.*username and password/,
    },
    {
      case: 'an expired refresh token',
      error: oauth('invalid_grant', 'Refresh Token has expired'),
      says: /session has ended \(Refresh Token has expired\)/,
    },
    {
      case: 'anything else',
      error: oauth('invalid_client'),
      says: /Sign-in failed: invalid_client.*callback URLs/,
    },
  ])('explains $case with what to do', ({ error, says }) => {
    expect(describeSignInError(error, '127.0.0.1:9229')).toMatch(says);
  });
});
