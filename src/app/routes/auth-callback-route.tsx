import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { AuthCallbackPage } from '../../features/auth/auth-callback-page';

/** The OAuth redirect target: completes sign-in, then replaces itself with the page to return to. */
export function AuthCallbackRoute() {
  const navigate = useNavigate();
  const onDone = useCallback(
    (returnTo: string) => void navigate(returnTo, { replace: true }),
    [navigate],
  );
  return <AuthCallbackPage onDone={onDone} />;
}
