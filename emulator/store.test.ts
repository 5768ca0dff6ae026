import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableStore, emptyState, type ProfileRecord, type StoreState } from './store';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-aws-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function profile(version: number): ProfileRecord {
  return { fields: {}, version, createdAt: 1, modifiedAt: 1, tags: [], targets: [] };
}

function seeded(): StoreState {
  const state = emptyState();
  state.profiles.set('seeded', profile(1));
  return state;
}

describe('DurableStore', () => {
  it('seeds a new directory once and reads the same state back', async () => {
    const first = await DurableStore.open(dir, seeded);
    expect([...first.read().profiles.keys()]).toEqual(['seeded']);
    await first.mutate((draft) => draft.profiles.set('__proto__', profile(3)));
    const second = await DurableStore.open(dir, () => {
      throw new Error('an existing store must not be reseeded');
    });
    expect(second.read().profiles.get('__proto__')?.version).toBe(3);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('persists every one of 100 concurrent mutations (group commit)', async () => {
    const store = await DurableStore.open(dir, emptyState);
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        store.mutate((draft) => draft.profiles.set(`p-${index}`, profile(index))),
      ),
    );
    const reopened = await DurableStore.open(dir, emptyState);
    expect(reopened.read().profiles.size).toBe(100);
  });

  it('changes nothing when the change throws', async () => {
    const store = await DurableStore.open(dir, seeded);
    await expect(
      store.mutate((draft) => {
        draft.profiles.delete('seeded');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(store.read().profiles.has('seeded')).toBe(true);
    const onDisk = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as {
      profiles: unknown[];
    };
    expect(onDisk.profiles).toHaveLength(1);
  });

  it('ignores and removes a torn temp file left by a crash', async () => {
    await DurableStore.open(dir, seeded);
    await writeFile(join(dir, 'state.json.tmp'), '{"formatVersion":1,"profi');
    const store = await DurableStore.open(dir, emptyState);
    expect([...store.read().profiles.keys()]).toEqual(['seeded']);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('refuses to open a store it cannot read, saying which file', async () => {
    await writeFile(join(dir, 'state.json'), 'not json');
    await expect(DurableStore.open(dir, emptyState)).rejects.toThrow(
      /state\.json is not valid JSON/,
    );
    await writeFile(join(dir, 'state.json'), '{"formatVersion":99}');
    await expect(DurableStore.open(dir, emptyState)).rejects.toThrow(/unknown format/);
  });

  it('rolls memory back to what is on disk when a write fails', async () => {
    const store = await DurableStore.open(dir, seeded);
    await rm(dir, { recursive: true });
    await expect(store.mutate((draft) => draft.profiles.set('lost', profile(1)))).rejects.toThrow();
    expect(store.read().profiles.has('lost')).toBe(false);
    expect(store.read().profiles.has('seeded')).toBe(true);
  });
});
