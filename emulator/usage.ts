import type { SecurityProfileFields } from '../src/domain/security-profile';
import type { StoreState } from './store';

function dimensionsOf(fields: SecurityProfileFields): Set<string> {
  const names = new Set<string>();
  for (const behavior of fields.behaviors ?? []) {
    if (behavior.metricDimension !== undefined) names.add(behavior.metricDimension.dimensionName);
  }
  for (const retained of fields.additionalMetricsToRetainV2 ?? []) {
    if (retained.metricDimension !== undefined) names.add(retained.metricDimension.dimensionName);
  }
  return names;
}

function metricsOf(fields: SecurityProfileFields): Set<string> {
  const names = new Set<string>();
  for (const behavior of fields.behaviors ?? []) {
    if (behavior.metric !== undefined) names.add(behavior.metric);
  }
  for (const metric of fields.additionalMetricsToRetain ?? []) names.add(metric);
  for (const retained of fields.additionalMetricsToRetainV2 ?? []) names.add(retained.metric);
  return names;
}

/** Names (sorted) of the profiles whose behaviors or retained metrics use the dimension. */
export function profilesUsingDimension(state: StoreState, dimensionName: string): string[] {
  return [...state.profiles]
    .filter(([, record]) => dimensionsOf(record.fields).has(dimensionName))
    .map(([name]) => name)
    .sort();
}

/** Names (sorted) of the profiles whose behaviors or retained metrics use the metric. */
export function profilesUsingMetric(state: StoreState, metricName: string): string[] {
  return [...state.profiles]
    .filter(([, record]) => metricsOf(record.fields).has(metricName))
    .map(([name]) => name)
    .sort();
}
