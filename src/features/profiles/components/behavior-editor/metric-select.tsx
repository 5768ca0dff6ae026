import { Code, Group, Select, Stack, Text } from '@mantine/core';
import type {
  ComboboxItem,
  ComboboxItemGroup,
  ComboboxParsedItem,
  OptionsFilter,
} from '@mantine/core';
import { useMemo } from 'react';
import type { MetricDefinition, MetricSide } from '../../../../domain/metric-catalogue';

const SIDE_GROUPS: readonly { side: MetricSide; group: string }[] = [
  { side: 'cloud', group: 'Cloud-side' },
  { side: 'device', group: 'Device-side' },
  { side: 'custom', group: 'Custom' },
];

export interface MetricSelectProps {
  metrics: readonly MetricDefinition[];
  /** The behavior's metric name; may name a metric not in `metrics` (shown as unknown). */
  value: string | undefined;
  onChange: (metric: MetricDefinition) => void;
  error?: string;
  readOnly?: boolean;
  /** The form path (`behaviors.2.metric`), as `data-field` on the input. */
  field?: string;
}

function metricData(
  metrics: readonly MetricDefinition[],
  value: string | undefined,
): ComboboxItemGroup<ComboboxItem>[] {
  const groups = SIDE_GROUPS.map(({ side, group }) => ({
    group,
    items: metrics
      .filter((metric) => metric.side === side)
      .map((metric) => ({ value: metric.name, label: metric.displayName })),
  })).filter((group) => group.items.length > 0);
  if (value !== undefined && value !== '' && !metrics.some((metric) => metric.name === value)) {
    // A metric the account no longer has (or a typo from an import) still shows by name.
    groups.push({ group: 'Unknown', items: [{ value, label: `${value} (unknown metric)` }] });
  }
  return groups;
}

/** Matches the search against the display name, the wire name and the description. */
function metricFilter(byName: ReadonlyMap<string, MetricDefinition>): OptionsFilter {
  return ({ options, search }) => {
    const needle = search.trim().toLowerCase();
    if (needle === '') return options;
    const matches = (item: ComboboxItem): boolean => {
      const metric = byName.get(item.value);
      return [item.label, item.value, metric?.description ?? '']
        .join(' ')
        .toLowerCase()
        .includes(needle);
    };
    const result: ComboboxParsedItem[] = [];
    for (const option of options) {
      if ('group' in option) {
        const items = option.items.filter(matches);
        if (items.length > 0) result.push({ group: option.group, items });
      } else if (matches(option)) result.push(option);
    }
    return result;
  };
}

/**
 * The metric picker: built-in cloud-side and device-side metrics and the account's custom ones in
 * groups, searchable by display name, wire name or description; each option shows all three.
 */
export function MetricSelect({
  metrics,
  value,
  onChange,
  error,
  readOnly,
  field,
}: MetricSelectProps) {
  const byName = useMemo(
    () => new Map(metrics.map((metric) => [metric.name, metric] as const)),
    [metrics],
  );
  const data = useMemo(() => metricData(metrics, value), [metrics, value]);
  const filter = useMemo(() => metricFilter(byName), [byName]);
  const selected = value === undefined ? undefined : byName.get(value);
  return (
    <Select
      label="Metric"
      placeholder="Search metrics by name or description"
      description={selected === undefined ? undefined : `${selected.name}: ${selected.description}`}
      data={data}
      value={value === undefined || value === '' ? null : value}
      searchable
      readOnly={readOnly}
      data-field={field}
      allowDeselect={false}
      nothingFoundMessage="No metric matches"
      maxDropdownHeight={360}
      filter={filter}
      error={error}
      onChange={(name) => {
        const metric = name === null ? undefined : byName.get(name);
        if (metric !== undefined) onChange(metric);
      }}
      renderOption={({ option }) => {
        const metric = byName.get(option.value);
        return (
          <Stack gap={0}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">{option.label}</Text>
              <Code>{option.value}</Code>
            </Group>
            {metric !== undefined && (
              <Text size="xs" c="dimmed">
                {metric.description}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
