import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { BUILT_IN_METRICS, customMetricDefinition } from '../../../domain/metric-catalogue';
import type { MetricDefinition } from '../../../domain/metric-catalogue';
import type { CustomMetricType } from '../../../domain/security-profile';
import type { ValidationContext } from '../../../domain/validation';
import { useIotClient } from '../../../lib/aws/iot-client-context';
import { dimensionNamesOptions } from '../api/dimensions';
import { customMetricsOptions } from '../api/profile-queries';

export interface EditorCatalogue {
  /** Every built-in metric, then the account's custom metrics. */
  metrics: readonly MetricDefinition[];
  /** The account's dimension names. */
  dimensionNames: readonly string[];
  /** What validation checks references against. */
  validation: ValidationContext;
  /** True until both custom metrics and dimensions have answered (or failed). */
  isPending: boolean;
  /** Failures loading custom metrics or dimensions (references to them then show as unknown). */
  errors: unknown[];
  /** Loads whatever failed again. */
  retry: () => void;
}

/** The account's metrics and dimensions, as the editor's pickers and validation need them. */
export function useEditorCatalogue(): EditorCatalogue {
  const client = useIotClient();
  const customMetrics = useQuery(customMetricsOptions(client));
  const dimensions = useQuery(dimensionNamesOptions(client));
  const { data: customData, refetch: refetchCustom } = customMetrics;
  const { data: dimensionData, refetch: refetchDimensions } = dimensions;

  const metrics = useMemo(
    () => [...BUILT_IN_METRICS, ...[...(customData?.values() ?? [])].map(customMetricDefinition)],
    [customData],
  );
  const dimensionNames = useMemo(() => dimensionData ?? [], [dimensionData]);
  const validation = useMemo<ValidationContext>(
    () => ({
      customMetrics: new Map<string, CustomMetricType>(
        [...(customData?.values() ?? [])].map((metric) => [metric.metricName, metric.metricType]),
      ),
      dimensions: new Set(dimensionData ?? []),
    }),
    [customData, dimensionData],
  );
  const errors = [customMetrics.error, dimensions.error].filter((error) => error !== null);
  return {
    metrics,
    dimensionNames,
    validation,
    isPending: customMetrics.isPending || dimensions.isPending,
    errors,
    retry: () => {
      if (customMetrics.isError) void refetchCustom();
      if (dimensions.isError) void refetchDimensions();
    },
  };
}
