import { ListDimensionsCommand } from '@aws-sdk/client-iot';
import type { IoTClient } from '@aws-sdk/client-iot';
import { queryOptions } from '@tanstack/react-query';

/** Every dimension name of the account (all pages), sorted; behaviors reference them by name. */
export async function listDimensionNames(
  client: IoTClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListDimensionsCommand({ nextToken, maxResults: 250 }), {
      abortSignal: signal,
    });
    names.push(...(page.dimensionNames ?? []));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return names.sort((a, b) => a.localeCompare(b));
}

/** Query keys of the account's dimensions. */
export const dimensionKeys = {
  all: ['dimensions'] as const,
  names: () => [...dimensionKeys.all, 'names'] as const,
};

/** The account's dimension names; like custom metrics they change rarely (fresh for 5 minutes). */
export function dimensionNamesOptions(client: IoTClient) {
  return queryOptions({
    queryKey: dimensionKeys.names(),
    queryFn: ({ signal }) => listDimensionNames(client, { signal }),
    staleTime: 5 * 60_000,
  });
}
