import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { AuthSession, AuthState } from './auth-session';

const AuthContext = createContext<AuthSession | null>(null);

/** Provides the tab's sign-in session to the sign-in pages and the app shell. */
export function AuthProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  return <AuthContext.Provider value={session}>{children}</AuthContext.Provider>;
}

/** The sign-in session and its current state; throws outside AuthProvider (a wiring bug). */
export function useAuth(): { session: AuthSession; state: AuthState } {
  const session = useContext(AuthContext);
  if (!session) throw new Error('useAuth must be used inside <AuthProvider>.');
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
