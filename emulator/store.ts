import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  CustomMetricType,
  DimensionType,
  SecurityProfileFields,
  Tag,
} from '../src/domain/security-profile';

/** A security profile as stored: the editable fields plus what the service maintains. */
export interface ProfileRecord {
  fields: SecurityProfileFields;
  version: number;
  /** Epoch milliseconds. */
  createdAt: number;
  modifiedAt: number;
  tags: Tag[];
  /** Target ARNs in attach order. */
  targets: string[];
}

export interface DimensionRecord {
  type: DimensionType;
  stringValues: string[];
  createdAt: number;
  modifiedAt: number;
  tags: Tag[];
  clientRequestToken: string;
}

export interface CustomMetricRecord {
  metricType: CustomMetricType;
  displayName?: string;
  createdAt: number;
  modifiedAt: number;
  tags: Tag[];
  clientRequestToken: string;
}

/** The whole account. Maps (not objects) so a name such as `__proto__` is just a name. */
export interface StoreState {
  profiles: Map<string, ProfileRecord>;
  dimensions: Map<string, DimensionRecord>;
  customMetrics: Map<string, CustomMetricRecord>;
}

interface StoreFile {
  formatVersion: 1;
  profiles: [string, ProfileRecord][];
  dimensions: [string, DimensionRecord][];
  customMetrics: [string, CustomMetricRecord][];
}

const STATE_FILE = 'state.json';
const TEMP_FILE = 'state.json.tmp';

/** An empty account. */
export function emptyState(): StoreState {
  return { profiles: new Map(), dimensions: new Map(), customMetrics: new Map() };
}

function serialize(state: StoreState): string {
  const file: StoreFile = {
    formatVersion: 1,
    profiles: [...state.profiles],
    dimensions: [...state.dimensions],
    customMetrics: [...state.customMetrics],
  };
  return JSON.stringify(file);
}

function deserialize(text: string, path: string): StoreState {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    throw new Error(`The local AWS store ${path} is not valid JSON: ${String(error)}`, {
      cause: error,
    });
  }
  const candidate = file as Partial<StoreFile> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    candidate.formatVersion !== 1 ||
    !Array.isArray(candidate.profiles) ||
    !Array.isArray(candidate.dimensions) ||
    !Array.isArray(candidate.customMetrics)
  ) {
    throw new Error(`The local AWS store ${path} has an unknown format; delete it to reseed.`);
  }
  return {
    profiles: new Map(candidate.profiles),
    dimensions: new Map(candidate.dimensions),
    customMetrics: new Map(candidate.customMetrics),
  };
}

async function fsyncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Some platforms cannot open or fsync a directory; there the
  // rename's durability is the file system's business and we carry on.
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * The account's state, kept in memory and persisted as one JSON snapshot per commit: write a temp
 * file, fsync it, rename it over `state.json`, fsync the directory. A rename is atomic, so a
 * SIGKILL at any moment leaves either the old or the new snapshot, never a torn one; that is
 * simpler to reason about than a journal with torn-tail recovery, and the state is small (tens of
 * KiB). Commits that arrive while a snapshot is being written share the next one (group commit),
 * so throughput does not collapse under concurrent writers.
 */
export class DurableStore {
  private state: StoreState;
  private durableState: StoreState;
  private applied = 0;
  private durable = 0;
  private flushing = false;
  private waiters: { generation: number; resolve: () => void; reject: (error: unknown) => void }[] =
    [];

  private constructor(
    private readonly dir: string,
    initial: StoreState,
  ) {
    this.state = initial;
    this.durableState = initial;
  }

  /** Opens (creating if needed) the store in `dir`; a new store is filled by `seed` and persisted. */
  static async open(dir: string, seed: () => StoreState): Promise<DurableStore> {
    await mkdir(dir, { recursive: true });
    // A temp file is only ever a snapshot that never got renamed into place: not acknowledged.
    await rm(join(dir, TEMP_FILE), { force: true });
    const path = join(dir, STATE_FILE);
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) return new DurableStore(dir, deserialize(text, path));
    const store = new DurableStore(dir, seed());
    await store.writeSnapshot(serialize(store.state));
    return store;
  }

  /** The current state. Treat it as read-only: change state through `mutate` only. */
  read(): StoreState {
    return this.state;
  }

  /**
   * Applies `change` to a copy of the state as one atomic step (nothing else runs in between, so a
   * version check and the write it guards cannot interleave with another request). If `change`
   * throws, nothing changes and the error propagates. Resolves with its result once the new state
   * is on disk.
   */
  async mutate<T>(change: (draft: StoreState) => T): Promise<T> {
    const draft = structuredClone(this.state);
    const result = change(draft);
    this.state = draft;
    this.applied += 1;
    await this.waitFor(this.applied);
    return result;
  }

  /** Resolves once every change applied so far is on disk, so a read never shows unsaved data. */
  settled(): Promise<void> {
    return this.waitFor(this.applied);
  }

  private waitFor(generation: number): Promise<void> {
    if (this.durable >= generation) return Promise.resolve();
    const promise = new Promise<void>((resolve, reject) => {
      this.waiters.push({ generation, resolve, reject });
    });
    if (!this.flushing) void this.flushLoop();
    return promise;
  }

  private async flushLoop(): Promise<void> {
    this.flushing = true;
    try {
      while (this.durable < this.applied) {
        const generation = this.applied;
        const snapshot = this.state;
        try {
          await this.writeSnapshot(serialize(snapshot));
        } catch (error) {
          // Memory must not run ahead of disk: forget every change that did not reach it.
          this.state = this.durableState;
          this.applied = this.durable;
          const failed = this.waiters;
          this.waiters = [];
          for (const waiter of failed) waiter.reject(error);
          return;
        }
        this.durable = generation;
        this.durableState = snapshot;
        const done = this.waiters.filter((waiter) => waiter.generation <= generation);
        this.waiters = this.waiters.filter((waiter) => waiter.generation > generation);
        for (const waiter of done) waiter.resolve();
      }
    } finally {
      this.flushing = false;
    }
  }

  private async writeSnapshot(text: string): Promise<void> {
    const temp = join(this.dir, TEMP_FILE);
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, join(this.dir, STATE_FILE));
    await fsyncDirectory(this.dir);
  }
}
