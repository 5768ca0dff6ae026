import { Badge, Code, Table, Text } from '@mantine/core';
import type {
  CustomMetric,
  MetricDimension,
  SecurityProfile,
} from '../../../domain/security-profile';
import { metricDefinitionFor } from '../utils/metric-definition';

function dimensionLabel(dimension: MetricDimension | undefined): string {
  if (!dimension) return '—';
  return `${dimension.dimensionName} (${dimension.operator === 'NOT_IN' ? 'not in' : 'in'})`;
}

export interface RetainedMetricsProps {
  profile: SecurityProfile;
  customMetrics: ReadonlyMap<string, CustomMetric>;
}

/**
 * Metrics kept beyond those the behaviors use: the V2 entries with dimension and export flag, then
 * the deprecated V1 names, labelled as legacy.
 */
export function RetainedMetrics({ profile, customMetrics }: RetainedMetricsProps) {
  const v2 = profile.additionalMetricsToRetainV2 ?? [];
  const legacy = profile.additionalMetricsToRetain ?? [];
  if (v2.length === 0 && legacy.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None: only the metrics the behaviors use are retained.
      </Text>
    );
  }
  const metricCell = (metric: string) => {
    const definition = metricDefinitionFor(metric, customMetrics);
    return (
      <>
        {definition ? <Text size="sm">{definition.displayName}</Text> : null}
        <Code>{metric}</Code>
      </>
    );
  };
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label="Retained metrics" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Metric</Table.Th>
            <Table.Th scope="col">Dimension</Table.Th>
            <Table.Th scope="col">Export metric</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v2.map((entry) => (
            <Table.Tr key={`v2:${entry.metric}:${entry.metricDimension?.dimensionName ?? ''}`}>
              <Table.Td>{metricCell(entry.metric)}</Table.Td>
              <Table.Td>{dimensionLabel(entry.metricDimension)}</Table.Td>
              <Table.Td>{entry.exportMetric ? 'Yes' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
          {legacy.map((metric) => (
            <Table.Tr key={`v1:${metric}`}>
              <Table.Td>
                {metricCell(metric)}{' '}
                <Badge
                  size="xs"
                  variant="outline"
                  color="gray"
                  title="additionalMetricsToRetain (deprecated)"
                >
                  Legacy
                </Badge>
              </Table.Td>
              <Table.Td>—</Table.Td>
              <Table.Td>—</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
