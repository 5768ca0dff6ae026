import {
  builtInMetric,
  BUILT_IN_METRIC_PREFIX,
  customMetricDefinition,
} from '../../../domain/metric-catalogue';
import type { MetricDefinition } from '../../../domain/metric-catalogue';
import type { CustomMetric } from '../../../domain/security-profile';

/**
 * The catalogue entry a metric name refers to: a built-in `aws:` metric or one of the account's
 * custom metrics (with its display name); undefined when it names neither.
 */
export function metricDefinitionFor(
  name: string,
  customMetrics: ReadonlyMap<string, CustomMetric>,
): MetricDefinition | undefined {
  if (name.startsWith(BUILT_IN_METRIC_PREFIX)) return builtInMetric(name);
  const custom = customMetrics.get(name);
  return custom ? customMetricDefinition(custom) : undefined;
}
