import {
  DescribeCustomMetricCommand,
  DescribeDimensionCommand,
  DescribeSecurityProfileCommand,
  ListCustomMetricsCommand,
  ListDimensionsCommand,
  ListSecurityProfilesCommand,
  ListTagsForResourceCommand,
  ListTargetsForSecurityProfileCommand,
  type IoTClient,
} from '@aws-sdk/client-iot';
import type { CustomMetricType } from '../../src/domain/security-profile';
import type { ValidationContext } from '../../src/domain/validation';

/** Everything the API shows of the account, as plain data (no request ids). */
export interface AccountSnapshot {
  profiles: Record<string, unknown>;
  dimensions: Record<string, unknown>;
  customMetrics: Record<string, unknown>;
}

/** The output without `$metadata`, which carries the request id and so differs every call. */
function plain(output: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(output).filter(([key]) => key !== '$metadata'));
}

async function allPages<T>(
  page: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const result = await page(token);
    items.push(...result.items);
    token = result.nextToken;
  } while (token !== undefined);
  return items;
}

/**
 * The whole account through the API: every profile (Describe, targets, tags), every dimension and
 * custom metric (Describe, tags). Two snapshots are equal exactly when nothing visible changed.
 */
export async function snapshotAccount(iot: IoTClient): Promise<AccountSnapshot> {
  const profileNames = await allPages(async (nextToken) => {
    const out = await iot.send(new ListSecurityProfilesCommand({ maxResults: 250, nextToken }));
    return {
      items: (out.securityProfileIdentifiers ?? []).map((id) => id.name ?? ''),
      ...(out.nextToken !== undefined ? { nextToken: out.nextToken } : {}),
    };
  });
  const profiles: Record<string, unknown> = {};
  for (const name of profileNames) {
    const described = await iot.send(
      new DescribeSecurityProfileCommand({ securityProfileName: name }),
    );
    const targets = await iot.send(
      new ListTargetsForSecurityProfileCommand({ securityProfileName: name, maxResults: 250 }),
    );
    const tags = await iot.send(
      new ListTagsForResourceCommand({ resourceArn: described.securityProfileArn }),
    );
    profiles[name] = { ...plain(described), targets: plain(targets), tags: plain(tags) };
  }

  const dimensionNames = await allPages(async (nextToken) => {
    const out = await iot.send(new ListDimensionsCommand({ maxResults: 250, nextToken }));
    return {
      items: out.dimensionNames ?? [],
      ...(out.nextToken !== undefined ? { nextToken: out.nextToken } : {}),
    };
  });
  const dimensions: Record<string, unknown> = {};
  for (const name of dimensionNames) {
    const described = await iot.send(new DescribeDimensionCommand({ name }));
    const tags = await iot.send(new ListTagsForResourceCommand({ resourceArn: described.arn }));
    dimensions[name] = { ...plain(described), tags: plain(tags) };
  }

  const metricNames = await allPages(async (nextToken) => {
    const out = await iot.send(new ListCustomMetricsCommand({ maxResults: 250, nextToken }));
    return {
      items: out.metricNames ?? [],
      ...(out.nextToken !== undefined ? { nextToken: out.nextToken } : {}),
    };
  });
  const customMetrics: Record<string, unknown> = {};
  for (const metricName of metricNames) {
    const described = await iot.send(new DescribeCustomMetricCommand({ metricName }));
    const tags = await iot.send(
      new ListTagsForResourceCommand({ resourceArn: described.metricArn }),
    );
    customMetrics[metricName] = { ...plain(described), tags: plain(tags) };
  }
  return { profiles, dimensions, customMetrics };
}

/** The validation context (custom metric types, dimension names) a snapshot describes. */
export function contextOf(snapshot: AccountSnapshot): ValidationContext {
  return {
    customMetrics: new Map(
      Object.entries(snapshot.customMetrics).map(
        ([name, metric]) =>
          [name, (metric as { metricType: CustomMetricType }).metricType] as const,
      ),
    ),
    dimensions: new Set(Object.keys(snapshot.dimensions)),
  };
}
