import { queryOptions } from '@tanstack/react-query';
import type { IoTClient } from '@aws-sdk/client-iot';
import { listCustomMetrics } from './custom-metrics';
import { describeSecurityProfile, listProfileSummaries } from './security-profiles';

/**
 * Query options for the profiles feature. Keys go generic → specific so `profileKeys.all`
 * invalidates everything profile-related. The IoT client is not part of any key: there is one
 * per session and it never changes while the cache lives.
 */
export const profileKeys = {
  all: ['profiles'] as const,
  lists: () => [...profileKeys.all, 'list'] as const,
  details: () => [...profileKeys.all, 'detail'] as const,
  detail: (name: string) => [...profileKeys.details(), name] as const,
};

/** The full profiles list (all pages, each row enriched by a Describe). */
export function profileListOptions(client: IoTClient) {
  return queryOptions({
    queryKey: profileKeys.lists(),
    queryFn: ({ signal }) => listProfileSummaries(client, { signal }),
  });
}

/** One profile as DescribeSecurityProfile returns it. */
export function profileDetailOptions(client: IoTClient, name: string) {
  return queryOptions({
    queryKey: profileKeys.detail(name),
    queryFn: ({ signal }) => describeSecurityProfile(client, name, { signal }),
  });
}

/** Keys of the account's custom metrics, which profiles reference by name. */
export const customMetricKeys = {
  all: ['custom-metrics'] as const,
  list: () => [...customMetricKeys.all, 'list'] as const,
};

/** All custom metrics by name; they change rarely, so they stay fresh for five minutes. */
export function customMetricsOptions(client: IoTClient) {
  return queryOptions({
    queryKey: customMetricKeys.list(),
    queryFn: ({ signal }) => listCustomMetrics(client, { signal }),
    staleTime: 5 * 60_000,
  });
}
