import { DescribeCustomMetricCommand, ListCustomMetricsCommand } from '@aws-sdk/client-iot';
import type { IoTClient } from '@aws-sdk/client-iot';
import { CUSTOM_METRIC_TYPES } from '../../../domain/security-profile';
import type { CustomMetric, CustomMetricType } from '../../../domain/security-profile';
import { isNotFoundError } from '../../../lib/aws/errors';
import { mapWithConcurrency, DESCRIBE_CONCURRENCY } from './security-profiles';

function isCustomMetricType(value: string | undefined): value is CustomMetricType {
  return (CUSTOM_METRIC_TYPES as readonly (string | undefined)[]).includes(value);
}

/**
 * Every custom metric of the account (all pages, each described for its type and display name),
 * keyed by metric name. Behaviors reference custom metrics by bare name.
 */
export async function listCustomMetrics(
  client: IoTClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Map<string, CustomMetric>> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListCustomMetricsCommand({ nextToken, maxResults: 250 }), {
      abortSignal: signal,
    });
    names.push(...(page.metricNames ?? []));
    nextToken = page.nextToken || undefined;
  } while (nextToken);

  const described = await mapWithConcurrency(names, DESCRIBE_CONCURRENCY, async (metricName) => {
    try {
      const output = await client.send(new DescribeCustomMetricCommand({ metricName }), {
        abortSignal: signal,
      });
      if (!isCustomMetricType(output.metricType)) return null;
      return {
        metricName,
        metricType: output.metricType,
        ...(output.displayName ? { displayName: output.displayName } : {}),
      } satisfies CustomMetric;
    } catch (error) {
      // Deleted between List and Describe: simply not there any more.
      if (isNotFoundError(error)) return null;
      throw error;
    }
  });
  return new Map(
    described.filter((metric) => metric !== null).map((metric) => [metric.metricName, metric]),
  );
}
