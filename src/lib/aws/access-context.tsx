import { createContext, useContext } from 'react';

/** What the signed-in principal may do, as far as the UI needs to know (the server enforces it). */
export interface Access {
  canEdit: boolean;
  /** Why editing is not possible, shown next to the read-only view; set when canEdit is false. */
  readOnlyReason?: string;
}

/** Without sign-in (the local key pair) everything may be changed. */
const FULL_ACCESS: Access = { canEdit: true };

const AccessContext = createContext<Access>(FULL_ACCESS);

/** Provides the signed-in principal's access to features; the app shell sets it from the role. */
export const AccessProvider = AccessContext.Provider;

/** The current principal's access; full access when no provider is mounted. */
export function useAccess(): Access {
  return useContext(AccessContext);
}
