import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { SecurityProfile } from '../../../domain/security-profile';
import type { useIotClient } from '../../../lib/aws/iot-client-context';
import { clearDraft, saveDraft } from '../utils/draft-store';
import type { ProfileDraft } from '../utils/profile-draft';

/** How long typing must pause before the working copy is written. */
export const DRAFT_AUTOSAVE_DELAY_MS = 500;

type IotClient = ReturnType<typeof useIotClient>;

/**
 * The account scope drafts are keyed by: the region and endpoint the client talks to (one
 * deployment of the app points at one account), resolved once; undefined until known.
 */
export function useDraftScope(client: IotClient): string | undefined {
  const [scope, setScope] = useState<string>();
  useEffect(() => {
    let active = true;
    void (async () => {
      const region = await client.config.region();
      const endpoint = client.config.endpoint ? await client.config.endpoint() : undefined;
      const where =
        endpoint === undefined
          ? 'aws'
          : `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}`;
      if (active) setScope(`${region}@${where}`);
    })().catch((error: unknown) => {
      // Without a scope no draft is read or written: the editor works on without drafts.
      console.warn('Drafts are unavailable: the account scope could not be resolved.', error);
    });
    return () => {
      active = false;
    };
  }, [client]);
  return scope;
}

export interface DraftAutosaveOptions {
  form: Pick<UseFormReturn<ProfileDraft>, 'subscribe' | 'getValues'>;
  /** Whether the form differs from what it was loaded with, as rendered now. */
  dirty: boolean;
  /** The draft's key; undefined while the scope is unknown (nothing is written then). */
  draftKey: string | undefined;
  /** The version the edit is made against; undefined for a new profile. */
  base: SecurityProfile | undefined;
  /** False while nothing may be written, e.g. while a stored draft waits for Restore or Discard. */
  enabled: boolean;
}

/**
 * Keeps the form's working copy in the draft store as the analyst types: written after a pause
 * of DRAFT_AUTOSAVE_DELAY_MS while the form is dirty, removed once it is not. Returns `clear`,
 * which drops the draft now (after a save, create, delete or discard) and cancels a pending write.
 */
export function useDraftAutosave({ form, dirty, draftKey, base, enabled }: DraftAutosaveOptions): {
  clear: () => void;
} {
  const { subscribe, getValues } = form;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Whether the form was dirty at the last change not yet written; undefined when none waits.
  const pending = useRef<boolean | undefined>(undefined);
  // The latest base without resubscribing: a save moves it while the subscription stays.
  const baseRef = useRef(base);
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    baseRef.current = base;
    dirtyRef.current = dirty;
  }, [base, dirty]);

  const write = useCallback(
    (key: string, dirty: boolean) => {
      if (!dirty) {
        void clearDraft(key);
        return;
      }
      const values = getValues();
      const from = baseRef.current;
      void saveDraft({
        key,
        profileName: from?.securityProfileName ?? values.securityProfileName,
        baseVersion: from?.version ?? null,
        baseLastModified: from?.lastModifiedDate.getTime() ?? null,
        base: from ?? null,
        // A structured copy: the form keeps mutating its own objects as the analyst types.
        values: structuredClone(values),
        savedAt: Date.now(),
      });
    },
    [getValues],
  );

  useEffect(() => {
    if (!enabled || draftKey === undefined) return undefined;
    const flush = () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      if (pending.current !== undefined) write(draftKey, pending.current);
      pending.current = undefined;
    };
    const unsubscribe = subscribe({
      formState: { values: true, isDirty: true },
      callback: (state) => {
        pending.current = state.isDirty === true;
        clearTimeout(timer.current);
        timer.current = setTimeout(flush, DRAFT_AUTOSAVE_DELAY_MS);
      },
    });
    // Edits typed before autosave was enabled (while the stored draft was being looked up) are
    // written too, not only those after the next keystroke.
    if (dirtyRef.current) {
      pending.current = true;
      timer.current = setTimeout(flush, DRAFT_AUTOSAVE_DELAY_MS);
    }
    // A tab that closes or reloads within the pause still gets its last keystrokes written.
    const onPageHide = () => flush();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      flush();
      unsubscribe();
    };
  }, [enabled, draftKey, subscribe, write]);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = undefined;
    if (draftKey !== undefined) void clearDraft(draftKey);
  }, [draftKey]);

  return { clear };
}
