import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { MetricDefinition } from '../../../../domain/metric-catalogue';
import type { DimensionValueOperator, MetricDimension } from '../../../../domain/security-profile';
import type { ProfileDraft } from '../../utils/profile-draft';

export interface RetainedMetricsFieldsProps {
  metrics: readonly MetricDefinition[];
  dimensions: readonly string[];
}

interface RowProps extends RetainedMetricsFieldsProps {
  index: number;
  metricOptions: { value: string; label: string }[];
  onRemove: () => void;
}

const OPERATOR_OPTIONS: { value: DimensionValueOperator; label: string }[] = [
  { value: 'IN', label: 'Values in the dimension' },
  { value: 'NOT_IN', label: 'Values not in the dimension' },
];

const WRITE = { shouldDirty: true, shouldValidate: true } as const;

function RetainedMetricRow({ index, metrics, dimensions, metricOptions, onRemove }: RowProps) {
  const { control, setValue } = useFormContext<ProfileDraft>();
  const path = `additionalMetricsToRetainV2.${index}` as const;
  const entry = useWatch({ control, name: path });
  const { errors } = useFormState({ control, name: path });
  const entryErrors = errors.additionalMetricsToRetainV2?.[index];
  const metricName = entry.metric;
  const dimensionValue = entry.metricDimension;
  const definition = metrics.find((candidate) => candidate.name === metricName);
  // Keep a value the catalogue does not know (a deleted custom metric) visible and selectable.
  const options =
    metricName && !metricOptions.some((option) => option.value === metricName)
      ? [...metricOptions, { value: metricName, label: metricName }]
      : metricOptions;
  const dimensionOptions = [
    ...new Set([...dimensions, ...(dimensionValue ? [dimensionValue.dimensionName] : [])]),
  ];
  const setDimension = (next: MetricDimension | undefined) =>
    setValue(`${path}.metricDimension`, next, WRITE);
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Retained metric ${index + 1}`}>
      <Group align="flex-start" wrap="wrap" gap="sm">
        <Select
          label="Metric"
          name={`${path}.metric`}
          data={options}
          value={metricName || null}
          onChange={(value) => setValue(`${path}.metric`, value ?? '', WRITE)}
          searchable
          nothingFoundMessage="No metric matches"
          error={entryErrors?.metric?.message}
          w={320}
        />
        <Select
          label="Dimension"
          name={`${path}.metricDimension`}
          placeholder={definition?.dimension === false ? 'Not available' : 'None'}
          data={dimensionOptions}
          value={dimensionValue?.dimensionName ?? null}
          onChange={(value) =>
            setDimension(
              value
                ? {
                    dimensionName: value,
                    ...(dimensionValue?.operator ? { operator: dimensionValue.operator } : {}),
                  }
                : undefined,
            )
          }
          clearable
          disabled={definition?.dimension === false && !dimensionValue}
          error={
            entryErrors?.metricDimension?.message ??
            entryErrors?.metricDimension?.dimensionName?.message
          }
          w={220}
        />
        {dimensionValue ? (
          <Select
            label="Dimension operator"
            data={OPERATOR_OPTIONS}
            value={dimensionValue.operator ?? 'IN'}
            onChange={(value) =>
              setDimension({
                dimensionName: dimensionValue.dimensionName,
                operator: value === 'NOT_IN' ? 'NOT_IN' : 'IN',
              })
            }
            allowDeselect={false}
            w={220}
          />
        ) : null}
        <Checkbox
          label="Export metric"
          name={`${path}.exportMetric`}
          mt={30}
          checked={entry.exportMetric ?? false}
          onChange={(event) => setValue(`${path}.exportMetric`, event.currentTarget.checked, WRITE)}
        />
        <ActionIcon
          variant="subtle"
          color="red"
          mt={26}
          aria-label={`Remove retained metric ${index + 1}${metricName ? ` (${metricName})` : ''}`}
          onClick={onRemove}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

function LegacyMetrics({ onMigrate }: { onMigrate: (names: string[]) => void }) {
  const { control, setValue } = useFormContext<ProfileDraft>();
  const legacy = useWatch({ control, name: 'additionalMetricsToRetain' });
  if (legacy.length === 0) return null;
  return (
    <Paper withBorder p="sm" role="group" aria-label="Legacy retained metrics">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">
            Legacy entries (<Code>additionalMetricsToRetain</Code>, deprecated by AWS): no dimension
            or export flag.
          </Text>
          <Button size="xs" variant="light" onClick={() => onMigrate(legacy)}>
            Migrate to V2
          </Button>
        </Group>
        {legacy.map((name, index) => (
          <Group key={`${name}:${index}`} gap="xs">
            <Code>{name}</Code>
            <Badge size="xs" variant="outline" color="gray">
              Legacy
            </Badge>
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={`Remove legacy retained metric ${name}`}
              onClick={() =>
                setValue(
                  'additionalMetricsToRetain',
                  legacy.filter((_, position) => position !== index),
                  { shouldDirty: true, shouldValidate: true },
                )
              }
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * Metrics kept beyond those the behaviors use: V2 entries (metric, optional dimension, export
 * flag) to add and remove, and the deprecated V1 names with a one-click migration to V2.
 */
export function RetainedMetricsFields({ metrics, dimensions }: RetainedMetricsFieldsProps) {
  const { control, getValues, setValue } = useFormContext<ProfileDraft>();
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'additionalMetricsToRetainV2',
  });
  const metricOptions = useMemo(
    () =>
      metrics.map((metric) => ({
        value: metric.name,
        label:
          metric.displayName === metric.name
            ? metric.name
            : `${metric.displayName} (${metric.name})`,
      })),
    [metrics],
  );
  const migrate = (names: string[]) => {
    const present = new Set(
      getValues('additionalMetricsToRetainV2')
        .filter((entry) => entry.metricDimension === undefined)
        .map((entry) => entry.metric),
    );
    append(names.filter((name) => !present.has(name)).map((metric) => ({ metric })));
    setValue('additionalMetricsToRetain', [], { shouldDirty: true, shouldValidate: true });
  };
  return (
    <Stack gap="sm">
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          No extra metrics retained: only the metrics the behaviors use are kept.
        </Text>
      ) : null}
      {fields.map((field, index) => (
        <RetainedMetricRow
          key={field.id}
          index={index}
          metrics={metrics}
          dimensions={dimensions}
          metricOptions={metricOptions}
          onRemove={() => remove(index)}
        />
      ))}
      <LegacyMetrics onMigrate={migrate} />
      <Group>
        <Button variant="light" onClick={() => append({ metric: '' })}>
          Add retained metric
        </Button>
      </Group>
    </Stack>
  );
}
