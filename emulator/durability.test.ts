import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  IoTClient,
  ListSecurityProfilesCommand,
  UpdateSecurityProfileCommand,
} from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS, TEST_REGION } from './testing/contract-harness';
import { spawnEmulator, type ChildEmulator } from './testing/child-emulator';

let dataDir: string;
const children: ChildEmulator[] = [];
const clients: IoTClient[] = [];

function clientFor(url: string): IoTClient {
  const client = new IoTClient({
    region: TEST_REGION,
    endpoint: url,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-aws-durability-'));
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const child of children) {
    if (child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
  }
  await rm(dataDir, { recursive: true, force: true });
});

interface Acked {
  version: number;
  description: string;
}

describe('durability', () => {
  it('keeps every acknowledged write across a SIGKILL in the middle of a write stream', async () => {
    const first = await spawnEmulator(dataDir);
    children.push(first);
    const iot = clientFor(first.url);
    const acked = new Map<string, Acked>();
    let killed = false;

    // Four writers, each owning its profiles: create one, update it a few times with
    // expectedVersion, move on. Only answered calls are recorded as acknowledged.
    const writer = async (id: number): Promise<void> => {
      for (let round = 0; !killed; round += 1) {
        const name = `durable-${id}-${round}`;
        try {
          await iot.send(
            new CreateSecurityProfileCommand({
              securityProfileName: name,
              securityProfileDescription: 'created',
            }),
          );
          acked.set(name, { version: 1, description: 'created' });
          for (let version = 1; version <= 3 && !killed; version += 1) {
            const description = `update ${version}`;
            const updated = await iot.send(
              new UpdateSecurityProfileCommand({
                securityProfileName: name,
                expectedVersion: version,
                securityProfileDescription: description,
              }),
            );
            acked.set(name, { version: updated.version ?? -1, description });
          }
        } catch (error) {
          if (!killed) throw error;
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acked.size < 15) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await Promise.all(writers);
    expect(acked.size).toBeGreaterThanOrEqual(15);

    const second = await spawnEmulator(dataDir);
    children.push(second);
    const after = clientFor(second.url);
    for (const [name, write] of acked) {
      const described = await after.send(
        new DescribeSecurityProfileCommand({ securityProfileName: name }),
      );
      // A write in flight at the kill may or may not have landed; an acknowledged one must have.
      expect(described.version, name).toBeGreaterThanOrEqual(write.version);
      if (described.version === write.version) {
        expect(described.securityProfileDescription, name).toBe(write.description);
      }
    }
    const listed = await after.send(new ListSecurityProfilesCommand({}));
    expect(listed.securityProfileIdentifiers?.map((id) => id.name)).toEqual(
      expect.arrayContaining([...acked.keys(), 'fleet-baseline']),
    );
    // No temp snapshot is left behind: only the state and the running endpoint's lock.
    expect(await readdir(dataDir)).toEqual(['endpoint.lock', 'state.json']);

    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('shutting down');
  });
});
