import { Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { DefinitionList } from '../../../components/definition-list';
import type { DefinitionItem } from '../../../components/definition-list';
import {
  describeDuration,
  summarizeBehavior,
  describePort,
} from '../../../domain/behavior-summary';
import type { MetricDefinition } from '../../../domain/metric-catalogue';
import type { Behavior, ComparisonOperator, MetricValue } from '../../../domain/security-profile';

const OPERATOR_LABELS: Record<ComparisonOperator, string> = {
  'less-than': 'less than',
  'less-than-equals': 'less than or equal to',
  'greater-than': 'greater than',
  'greater-than-equals': 'greater than or equal to',
  'in-cidr-set': 'in CIDR set',
  'not-in-cidr-set': 'not in CIDR set',
  'in-port-set': 'in port set',
  'not-in-port-set': 'not in port set',
  'in-set': 'in set',
  'not-in-set': 'not in set',
};

function codeList(values: readonly (string | number)[]): ReactNode {
  return (
    <Group gap={6} component="span">
      {values.map((value) => (
        <Code key={String(value)}>{value}</Code>
      ))}
    </Group>
  );
}

function valueItems(value: MetricValue, unit: string): DefinitionItem[] {
  const withUnit = (n: number) => (unit ? `${n.toLocaleString()} ${unit}` : n.toLocaleString());
  const items: DefinitionItem[] = [];
  if (value.count !== undefined) items.push({ term: 'Value', description: withUnit(value.count) });
  if (value.number !== undefined)
    items.push({ term: 'Value', description: withUnit(value.number) });
  if (value.numbers) items.push({ term: 'Numbers', description: codeList(value.numbers) });
  if (value.cidrs) items.push({ term: 'CIDRs', description: codeList(value.cidrs) });
  if (value.ports)
    items.push({ term: 'Ports', description: codeList(value.ports.map(describePort)) });
  if (value.strings) items.push({ term: 'Strings', description: codeList(value.strings) });
  return items;
}

function yesNo(value: boolean | undefined): string {
  return value ? 'Yes' : 'No';
}

function criteriaItems(behavior: Behavior, metric: MetricDefinition | undefined): DefinitionItem[] {
  const criteria = behavior.criteria ?? {};
  const items: DefinitionItem[] = [];
  if (criteria.mlDetectionConfig) {
    items.push({ term: 'Detection', description: 'ML Detect (learned from device history)' });
    items.push({ term: 'ML confidence', description: criteria.mlDetectionConfig.confidenceLevel });
  } else if (criteria.statisticalThreshold) {
    items.push({
      term: 'Detection',
      description: 'Statistical threshold (compared with all devices)',
    });
  } else if (criteria.comparisonOperator) {
    items.push({ term: 'Detection', description: 'Static threshold' });
  }
  if (criteria.comparisonOperator) {
    items.push({
      term: 'Operator',
      description: (
        <>
          {OPERATOR_LABELS[criteria.comparisonOperator]} <Code>{criteria.comparisonOperator}</Code>
        </>
      ),
    });
  }
  if (criteria.value) items.push(...valueItems(criteria.value, metric?.unit ?? ''));
  if (criteria.statisticalThreshold?.statistic) {
    items.push({
      term: 'Statistic',
      description: <Code>{criteria.statisticalThreshold.statistic}</Code>,
    });
  }
  if (criteria.durationSeconds !== undefined) {
    items.push({
      term: 'Duration',
      description: `${describeDuration(criteria.durationSeconds)} (${criteria.durationSeconds} s)`,
    });
  }
  if (criteria.consecutiveDatapointsToAlarm !== undefined) {
    items.push({
      term: 'Datapoints to alarm',
      description: String(criteria.consecutiveDatapointsToAlarm),
    });
  }
  if (criteria.consecutiveDatapointsToClear !== undefined) {
    items.push({
      term: 'Datapoints to clear',
      description: String(criteria.consecutiveDatapointsToClear),
    });
  }
  if (behavior.metricDimension) {
    const { dimensionName, operator } = behavior.metricDimension;
    items.push({
      term: 'Dimension',
      description: (
        <>
          <Code>{dimensionName}</Code> {operator === 'NOT_IN' ? '(not in)' : '(in)'}
        </>
      ),
    });
  }
  items.push({ term: 'Suppress alerts', description: yesNo(behavior.suppressAlerts) });
  items.push({ term: 'Export metric', description: yesNo(behavior.exportMetric) });
  return items;
}

export interface BehaviorCardProps {
  behavior: Behavior;
  /** The catalogue entry of the behavior's metric, when known. */
  metric: MetricDefinition | undefined;
}

/** One behavior: its name, metric, a plain-words summary and every criteria detail. */
export function BehaviorCard({ behavior, metric }: BehaviorCardProps) {
  return (
    <Paper component="article" withBorder p="md" aria-label={`Behavior ${behavior.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={3} size="h4">
              {behavior.name}
            </Title>
            {behavior.metric ? (
              <Text size="sm" c="dimmed">
                {metric ? `${metric.displayName} · ` : ''}
                <Code>{behavior.metric}</Code>
              </Text>
            ) : null}
          </div>
          {behavior.suppressAlerts ? (
            <Badge color="gray" variant="light">
              Alerts suppressed
            </Badge>
          ) : null}
        </Group>
        <Text>{summarizeBehavior(behavior, metric)}</Text>
        <DefinitionList items={criteriaItems(behavior, metric)} />
      </Stack>
    </Paper>
  );
}
