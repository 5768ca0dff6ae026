import { DescribeSecurityProfileCommand, ListSecurityProfilesCommand } from '@aws-sdk/client-iot';
import type { IoTClient } from '@aws-sdk/client-iot';
import type { SecurityProfile } from '../../../domain/security-profile';
import { isNotFoundError } from '../../../lib/aws/errors';
import { toSecurityProfile } from './profile-mapping';

/** How many DescribeSecurityProfile calls the list keeps in flight at once. */
export const DESCRIBE_CONCURRENCY = 5;

/** One row of the profiles list. */
export interface ProfileSummary {
  name: string;
  arn: string;
  description?: string;
  behaviorsCount: number;
  lastModifiedDate: Date;
  version: number;
}

export interface SecurityProfileIdentifier {
  name: string;
  arn: string;
}

interface FetchOptions {
  signal?: AbortSignal;
}

/** Lists every profile identifier, following nextToken until the last page. */
export async function listAllSecurityProfiles(
  client: IoTClient,
  { signal }: FetchOptions = {},
): Promise<SecurityProfileIdentifier[]> {
  const identifiers: SecurityProfileIdentifier[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListSecurityProfilesCommand({ nextToken, maxResults: 250 }),
      {
        abortSignal: signal,
      },
    );
    for (const { name, arn } of page.securityProfileIdentifiers ?? []) {
      if (name && arn) identifiers.push({ name, arn });
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return identifiers;
}

/** Describes one profile and maps it to the domain type (404 surfaces as ResourceNotFoundException). */
export async function describeSecurityProfile(
  client: IoTClient,
  name: string,
  { signal }: FetchOptions = {},
): Promise<SecurityProfile> {
  const output = await client.send(
    new DescribeSecurityProfileCommand({ securityProfileName: name }),
    {
      abortSignal: signal,
    },
  );
  return toSecurityProfile(output);
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the input order in the result. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Lists all profiles and describes each (DESCRIBE_CONCURRENCY at a time) for the columns List does
 * not return. A profile deleted between List and Describe is left out rather than failing the list.
 */
export async function listProfileSummaries(
  client: IoTClient,
  { signal }: FetchOptions = {},
): Promise<ProfileSummary[]> {
  const identifiers = await listAllSecurityProfiles(client, { signal });
  const rows = await mapWithConcurrency(identifiers, DESCRIBE_CONCURRENCY, async ({ name }) => {
    try {
      const profile = await describeSecurityProfile(client, name, { signal });
      return {
        name: profile.securityProfileName,
        arn: profile.securityProfileArn,
        ...(profile.securityProfileDescription === undefined
          ? {}
          : { description: profile.securityProfileDescription }),
        behaviorsCount: profile.behaviors?.length ?? 0,
        lastModifiedDate: profile.lastModifiedDate,
        version: profile.version,
      } satisfies ProfileSummary;
    } catch (error) {
      if (isNotFoundError(error)) return null;
      throw error;
    }
  });
  return rows.filter((row) => row !== null).sort((a, b) => a.name.localeCompare(b.name));
}
