import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useFormContext } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import type { ProfileDraft } from '../../utils/profile-draft';
import { otherMessages, ownMessage } from './form-errors';

const NOTHING_SHOWN: ReadonlySet<string> = new Set();

/** A string that changes exactly when the messages at or below the node change. */
function signature(node: unknown, deep: boolean): string {
  if (!deep) return ownMessage(node) ?? '';
  return otherMessages(node, '', NOTHING_SHOWN).join('\n');
}

/**
 * The form's error node at `path` (`behaviors.3`), re-rendering the caller only when the messages
 * there change (`deep`: also below it). A whole-form validation after every keystroke would
 * otherwise re-render every behavior of the list, not just the edited one.
 */
export function useErrorsAt(path: FieldPath<ProfileDraft>, deep = true): unknown {
  const { getFieldState, subscribe } = useFormContext<ProfileDraft>();
  const listen = useCallback(
    (onChange: () => void) =>
      subscribe({ name: path, formState: { errors: true }, callback: onChange }),
    [subscribe, path],
  );
  // The snapshot is the messages as one string: react-hook-form updates its error objects in
  // place, so identity says nothing, and a string compares by value.
  const messages = useSyncExternalStore(listen, () => signature(getFieldState(path).error, deep));
  return useMemo(
    () => (messages === '' ? undefined : (getFieldState(path).error as unknown)),
    [messages, getFieldState, path],
  );
}
