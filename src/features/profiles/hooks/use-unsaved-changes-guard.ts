import { useEffect } from 'react';
import type { RefObject } from 'react';
import { useBlocker } from 'react-router';
import type { Blocker } from 'react-router';

/**
 * While `dirty`, asks before leaving: in-app navigation to another page is held by the returned
 * router blocker (`state === 'blocked'`; the caller shows the question and calls `proceed` or
 * `reset`), and closing or reloading the tab gets the browser's own prompt. Changing only the
 * search string (e.g. the Edit/Details switch) is not leaving. While `leaving.current` is true
 * (set by the page right before it navigates away itself, after a create or delete), nothing is
 * asked.
 */
export function useUnsavedChangesGuard(dirty: boolean, leaving: RefObject<boolean>): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return blocker;
}
