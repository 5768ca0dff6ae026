import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CustomMetric, SecurityProfile } from '../../../domain/security-profile';
import { BUILT_IN_METRIC_PREFIX } from '../../../domain/metric-catalogue';
import { useIotClient } from '../../../lib/aws/iot-client-context';
import { toAppError } from '../../../lib/aws/errors';
import { customMetricsOptions } from '../api/profile-queries';
import { metricDefinitionFor } from '../utils/metric-definition';
import { BehaviorCard } from './behavior-card';

const NO_CUSTOM_METRICS: ReadonlyMap<string, CustomMetric> = new Map();

/** True when any behavior or retained metric names a custom (non-`aws:`) metric. */
export function usesCustomMetrics(profile: SecurityProfile): boolean {
  const names = [
    ...(profile.behaviors ?? []).map((behavior) => behavior.metric),
    ...(profile.additionalMetricsToRetainV2 ?? []).map((entry) => entry.metric),
    ...(profile.additionalMetricsToRetain ?? []),
  ];
  return names.some((name) => name !== undefined && !name.startsWith(BUILT_IN_METRIC_PREFIX));
}

/**
 * The account's custom metrics, fetched only when the profile uses one. While they load, or if
 * they fail, custom metrics show by name only: that never hides a behavior.
 */
export function useCustomMetrics(profile: SecurityProfile) {
  const client = useIotClient();
  const query = useQuery({ ...customMetricsOptions(client), enabled: usesCustomMetrics(profile) });
  return { customMetrics: query.data ?? NO_CUSTOM_METRICS, error: query.error };
}

export interface ProfileBehaviorsProps {
  profile: SecurityProfile;
  customMetrics: ReadonlyMap<string, CustomMetric>;
  customMetricsError: unknown;
}

/** Every behavior of the profile as a card, or a note that it has none. */
export function ProfileBehaviors({
  profile,
  customMetrics,
  customMetricsError,
}: ProfileBehaviorsProps) {
  const behaviors = profile.behaviors ?? [];
  if (behaviors.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This profile has no behaviors, so it detects nothing by itself.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {customMetricsError ? (
        <Alert color="yellow" variant="light" title="Custom metric names only">
          Could not load the custom metric definitions: {toAppError(customMetricsError).userMessage}
        </Alert>
      ) : null}
      {behaviors.map((behavior) => (
        <BehaviorCard
          key={behavior.name}
          behavior={behavior}
          metric={behavior.metric ? metricDefinitionFor(behavior.metric, customMetrics) : undefined}
        />
      ))}
    </Stack>
  );
}
