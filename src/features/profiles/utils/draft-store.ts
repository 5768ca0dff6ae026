import type { SecurityProfile } from '../../../domain/security-profile';
import type { ProfileDraft } from './profile-draft';

/**
 * The analyst's working copy of one edit, kept in this browser only (IndexedDB), so a reload, a
 * crashed tab, a closed window or a sign-in round trip does not lose it. Nothing here is ever sent
 * to a server.
 */
export interface StoredDraft {
  /** `draftKey(scope, profileName)`. */
  key: string;
  /** The profile edited; empty for a new profile that has no name yet. */
  profileName: string;
  /** The version the edit was made against; null for a new profile. */
  baseVersion: number | null;
  /** When that version was saved (ms since the epoch); null for a new profile. */
  baseLastModified: number | null;
  /**
   * That version as it was loaded, so a restore after someone else saved can merge three-way
   * against it (the server keeps no old versions). Null for a new profile.
   */
  base: SecurityProfile | null;
  /** The form values. */
  values: ProfileDraft;
  /** When the draft was written (ms since the epoch). */
  savedAt: number;
}

const DATABASE_NAME = 'device-defender-editor';
const DATABASE_VERSION = 1;
const STORE_NAME = 'drafts';
/** The key of the draft of a profile not yet created (its name is part of the edit). */
const NEW_PROFILE_KEY = 'new';

/** The key of the draft of `profileName` in `scope` (account and endpoint); undefined = a new profile. */
export function draftKey(scope: string, profileName: string | undefined): string {
  return `${scope}|${profileName === undefined ? NEW_PROFILE_KEY : `profile:${profileName}`}`;
}

/** Promise-based draft storage; every function resolves (never rejects) even when IndexedDB fails. */
export interface DraftStore {
  /** Writes (or overwrites) the draft under its key; resolves false when drafts are unavailable. */
  saveDraft(draft: StoredDraft): Promise<boolean>;
  /** The draft under `key`, or undefined when there is none or drafts are unavailable. */
  loadDraft(key: string): Promise<StoredDraft | undefined>;
  /** Removes the draft under `key` (nothing when there is none or drafts are unavailable). */
  clearDraft(key: string): Promise<void>;
  /** Removes every draft (on sign-out: nothing of the user's work stays in the browser). */
  clearAllDrafts(): Promise<void>;
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

function isStoredDraft(value: unknown): value is StoredDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<StoredDraft>;
  return (
    typeof draft.key === 'string' &&
    typeof draft.savedAt === 'number' &&
    typeof draft.values === 'object' &&
    draft.values !== null &&
    Array.isArray(draft.values.behaviors)
  );
}

/**
 * A draft store on the IndexedDB that `factory` returns. A failure (private mode, quota, a
 * blocked or missing IndexedDB) is logged once through `warn` and then answered as "drafts
 * unavailable", so the editor works on without them.
 */
export function createDraftStore(
  factory: () => IDBFactory,
  warn: (message: string, error: unknown) => void = (message, error) =>
    console.warn(message, error),
): DraftStore {
  let database: Promise<IDBDatabase> | undefined;
  let warned = false;

  const degrade = (error: unknown) => {
    if (warned) return;
    warned = true;
    warn('Drafts are unavailable in this browser; edits are not kept across reloads.', error);
  };

  const open = (): Promise<IDBDatabase> => {
    database ??= (async () => {
      const request = factory().open(DATABASE_NAME, DATABASE_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE_NAME)) {
          request.result.createObjectStore(STORE_NAME, { keyPath: 'key' });
        }
      };
      const db = await requestResult(request);
      // Another tab upgrading the schema must not be blocked by this one.
      db.onversionchange = () => {
        db.close();
        database = undefined;
      };
      return db;
    })();
    // A failed open is not retried on every keystroke: it stays failed for this page.
    return database;
  };

  return {
    async saveDraft(draft) {
      try {
        const transaction = (await open()).transaction(STORE_NAME, 'readwrite');
        transaction.objectStore(STORE_NAME).put(draft);
        await transactionDone(transaction);
        return true;
      } catch (error) {
        degrade(error);
        return false;
      }
    },
    async loadDraft(key) {
      try {
        const transaction = (await open()).transaction(STORE_NAME, 'readonly');
        const value: unknown = await requestResult(transaction.objectStore(STORE_NAME).get(key));
        return isStoredDraft(value) ? value : undefined;
      } catch (error) {
        degrade(error);
        return undefined;
      }
    },
    async clearDraft(key) {
      try {
        const transaction = (await open()).transaction(STORE_NAME, 'readwrite');
        transaction.objectStore(STORE_NAME).delete(key);
        await transactionDone(transaction);
      } catch (error) {
        degrade(error);
      }
    },
    async clearAllDrafts() {
      try {
        const transaction = (await open()).transaction(STORE_NAME, 'readwrite');
        transaction.objectStore(STORE_NAME).clear();
        await transactionDone(transaction);
      } catch (error) {
        degrade(error);
      }
    },
  };
}

/** The page's draft store, on the browser's IndexedDB (read when first used, not at import). */
export const draftStore: DraftStore = createDraftStore(() => {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  return indexedDB;
});

/** Writes a draft to the page's store; resolves false when drafts are unavailable. */
export const saveDraft = (draft: StoredDraft): Promise<boolean> => draftStore.saveDraft(draft);
/** Reads a draft from the page's store; undefined when none or unavailable. */
export const loadDraft = (key: string): Promise<StoredDraft | undefined> =>
  draftStore.loadDraft(key);
/** Removes a draft from the page's store; never rejects. */
export const clearDraft = (key: string): Promise<void> => draftStore.clearDraft(key);
/** Removes every draft from the page's store; never rejects. */
export const clearAllDrafts = (): Promise<void> => draftStore.clearAllDrafts();
