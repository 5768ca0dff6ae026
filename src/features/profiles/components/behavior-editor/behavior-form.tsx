import {
  Alert,
  Group,
  List,
  NativeSelect,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { memo } from 'react';
import { useFormContext } from 'react-hook-form';
import { describeDuration } from '../../../../domain/behavior-summary';
import type { MetricDefinition } from '../../../../domain/metric-catalogue';
import {
  CONFIDENCE_LEVELS,
  STATISTICS,
  type Behavior,
  type BehaviorCriteria,
  type ComparisonOperator,
  type ConfidenceLevel,
  type DimensionValueOperator,
  type MetricValue,
} from '../../../../domain/security-profile';
import { countValueElements, validateName } from '../../../../domain/validation';
import type { ProfileDraft } from '../../utils/profile-draft';
import {
  CONFIDENCE_DESCRIPTIONS,
  DETECTION_TYPE_DESCRIPTIONS,
  DETECTION_TYPE_LABELS,
  type DetectionType,
  allowsDimension,
  describeStatistic,
  detectionTypeOf,
  detectionTypesFor,
  operatorLabel,
  withDetection,
  withMetric,
} from './behavior-model';
import { CidrSetField } from './cidr-set-field';
import { errorMessageAt, errorNodeAt, otherMessages } from './form-errors';
import { memoByData } from './memo-by-data';
import { MetricSelect } from './metric-select';
import { NumberTextInput } from './number-text-input';
import { PortSetField } from './port-set-field';
import { valueQuotaProblem } from './port-list';
import { NumberSetField, StringSetField } from './value-set-field';

export interface BehaviorFormProps {
  index: number;
  /** The behavior as the form holds it now. */
  behavior: Behavior;
  /** Its metric's definition; undefined when no metric is chosen or the name is unknown. */
  metric: MetricDefinition | undefined;
  metrics: readonly MetricDefinition[];
  dimensions: readonly string[];
  /** The form's error node at `behaviors.<index>`. */
  errors: unknown;
  readOnly: boolean;
  /** Focus the name input on mount. */
  focusName?: boolean;
}

const WRITE = { shouldDirty: true, shouldValidate: true } as const;

const CONFIDENCE_LABELS: Readonly<Record<ConfidenceLevel, string>> = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};

const DIMENSION_OPERATOR_LABELS: Readonly<Record<DimensionValueOperator, string>> = {
  IN: 'Topics matching the dimension (IN)',
  NOT_IN: 'Topics not matching the dimension (NOT_IN)',
};

/** `record` with `key` set to `value`, or without `key` when `value` is undefined. */
function withMember<T extends object, K extends keyof T>(
  record: T,
  key: K,
  value: T[K] | undefined,
): T {
  const rest = Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

interface PlacedPaths {
  /** Paths (below the behavior) whose messages, children included, a field shows. */
  subtrees: Set<string>;
  /** Paths whose own message a field shows, while their children may not be shown. */
  own: Set<string>;
}

/** Which error paths the fields rendered for this metric and detection type display. */
function placedPaths(
  metric: MetricDefinition | undefined,
  type: DetectionType,
  criteria: BehaviorCriteria,
  dimensionShown: boolean,
): PlacedPaths {
  const subtrees = new Set(['name', 'metric', 'suppressAlerts', 'exportMetric']);
  const own = new Set<string>();
  if (metric === undefined) return { subtrees, own };
  subtrees.add('criteria.consecutiveDatapointsToAlarm');
  subtrees.add('criteria.consecutiveDatapointsToClear');
  if (dimensionShown) subtrees.add('metricDimension');
  if (type === 'ml') {
    subtrees.add('criteria.mlDetectionConfig');
    return { subtrees, own };
  }
  subtrees.add('criteria.comparisonOperator');
  if (metric.durations.length > 0 || criteria.durationSeconds !== undefined) {
    subtrees.add('criteria.durationSeconds');
  }
  if (type === 'statistical') subtrees.add('criteria.statisticalThreshold');
  else {
    own.add('criteria.value');
    subtrees.add(`criteria.value.${metric.valueMember}`);
  }
  return { subtrees, own };
}

function firstMessage(...messages: (string | undefined)[]): string | undefined {
  return messages.find((message) => message !== undefined);
}

/**
 * The editor of one behavior: name, metric, detection type and the criteria form of the metric's
 * operator family, datapoints, dimension and switches, with the form's messages beside each
 * field and any message no field owns listed on top.
 */
export function BehaviorForm({
  index,
  behavior,
  metric,
  metrics,
  dimensions,
  errors,
  readOnly,
  focusName = false,
}: BehaviorFormProps) {
  const { setValue } = useFormContext<ProfileDraft>();
  const base = `behaviors.${index}` as const;
  const criteria: BehaviorCriteria = behavior.criteria ?? {};
  const type = detectionTypeOf(behavior.criteria);
  const messageAt = (path: string): string | undefined => errorMessageAt(errors, path);
  const dimensionShown =
    metric !== undefined &&
    (allowsDimension(metric, type) || behavior.metricDimension !== undefined);

  const name = behavior.name ?? '';
  const nameProblem = validateName(name, 'name')[0]?.message;

  const nameField = (
    <TextInput
      label="Behavior name"
      description="Unique in the profile: letters, digits, ':', '_' and '-'"
      value={name}
      readOnly={readOnly}
      data-field={`${base}.name`}
      autoFocus={focusName}
      error={firstMessage(
        nameProblem === undefined ? undefined : `Name ${nameProblem}`,
        messageAt('name'),
      )}
      onChange={(event) => setValue(`${base}.name`, event.currentTarget.value, WRITE)}
    />
  );

  const placed = placedPaths(metric, type, criteria, dimensionShown);
  const unplaced = otherMessages(errors, '', placed.subtrees, placed.own);
  return (
    <Stack gap="md" pt="sm">
      {unplaced.length > 0 && (
        <Alert color="red" variant="light" title="Problems in this behavior">
          <List size="sm">
            {unplaced.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {nameField}
      <BehaviorSettings
        index={index}
        behavior={behavior}
        metric={metric}
        metrics={metrics}
        dimensions={dimensions}
        errors={errors}
        readOnly={readOnly}
      />
    </Stack>
  );
}

type BehaviorSettingsProps = Omit<BehaviorFormProps, 'focusName'>;

/** The JSON of a behavior without its name, to tell whether anything but the name changed. */
function settingsKey(behavior: Behavior): string {
  return JSON.stringify({ ...behavior, name: undefined });
}

/**
 * Everything of a behavior below its name: metric, detection type, criteria, dimension, switches.
 * Memoized on the behavior minus its name, so renaming a behavior re-renders the name input alone
 * rather than every Mantine control of the form.
 */
const BehaviorSettings = memo(
  function BehaviorSettings({
    index,
    behavior,
    metric,
    metrics,
    dimensions,
    errors,
    readOnly,
  }: BehaviorSettingsProps) {
    const { setValue, getValues } = useFormContext<ProfileDraft>();
    const base = `behaviors.${index}` as const;
    const criteria: BehaviorCriteria = behavior.criteria ?? {};
    const type = detectionTypeOf(behavior.criteria);
    const messageAt = (path: string): string | undefined => errorMessageAt(errors, path);
    const dimensionShown =
      metric !== undefined &&
      (allowsDimension(metric, type) || behavior.metricDimension !== undefined);

    const current = (): Behavior => getValues(base);
    const setCriteria = (next: BehaviorCriteria) => setValue(`${base}.criteria`, next, WRITE);
    const setCriteriaMember = <K extends keyof BehaviorCriteria>(
      key: K,
      value: BehaviorCriteria[K] | undefined,
    ) => setCriteria(withMember(current().criteria ?? {}, key, value));
    const setValueMember = (value: MetricValue) => setCriteriaMember('value', value);
    const quotaProblem = (growth: number) =>
      valueQuotaProblem(countValueElements(getValues('behaviors')), growth);

    const metricField = (
      <MemoMetricSelect
        metrics={metrics}
        value={behavior.metric}
        field={`${base}.metric`}
        readOnly={readOnly}
        error={messageAt('metric')}
        onChange={(next) => setValue(base, withMetric(current(), next), WRITE)}
      />
    );

    let detection;
    if (metric === undefined) {
      detection = (
        <Text size="sm" c="dimmed">
          {behavior.metric === undefined || behavior.metric === ''
            ? 'Choose a metric to set how this behavior detects anomalies.'
            : `${behavior.metric} is not a metric this account has; choose one from the list to edit the criteria.`}
        </Text>
      );
    } else {
      const types = detectionTypesFor(metric);
      if (!types.includes(type)) types.push(type);
      detection = (
        <Stack gap="md">
          <MemoDetectionTypeField
            field={base}
            metricName={metric.name}
            types={types}
            value={type}
            readOnly={readOnly}
            onChange={(nextType) =>
              setValue(base, withDetection(current(), metric, nextType), WRITE)
            }
          />
          {type === 'ml' ? (
            <MemoConfidenceField
              value={criteria.mlDetectionConfig?.confidenceLevel}
              field={`${base}.criteria.mlDetectionConfig.confidenceLevel`}
              error={firstMessage(
                messageAt('criteria.mlDetectionConfig.confidenceLevel'),
                messageAt('criteria.mlDetectionConfig'),
              )}
              readOnly={readOnly}
              onChange={(level) =>
                setCriteriaMember('mlDetectionConfig', { confidenceLevel: level })
              }
            />
          ) : (
            <>
              <MemoNativeSelect
                label="Normal behavior"
                description="The device alarms when its value does not satisfy this."
                value={criteria.comparisonOperator ?? ''}
                disabled={readOnly}
                data-field={`${base}.criteria.comparisonOperator`}
                error={messageAt('criteria.comparisonOperator')}
                data={operatorOptions(metric, criteria.comparisonOperator)}
                onChange={(event) => {
                  const operator = metric.operators.find((op) => op === event.currentTarget.value);
                  setCriteriaMember('comparisonOperator', operator);
                }}
              />
              {type === 'statistical' ? (
                <MemoNativeSelect
                  label="Percentile of all devices"
                  description={
                    criteria.statisticalThreshold?.statistic === undefined
                      ? 'Choose the percentile that sets the threshold.'
                      : describeStatistic(
                          criteria.statisticalThreshold.statistic,
                          criteria.comparisonOperator,
                        )
                  }
                  value={criteria.statisticalThreshold?.statistic ?? ''}
                  disabled={readOnly}
                  data-field={`${base}.criteria.statisticalThreshold.statistic`}
                  error={firstMessage(
                    messageAt('criteria.statisticalThreshold.statistic'),
                    messageAt('criteria.statisticalThreshold'),
                  )}
                  data={[
                    ...(criteria.statisticalThreshold?.statistic === undefined
                      ? [{ value: '', label: 'Choose a percentile' }]
                      : []),
                    ...STATISTICS.map((statistic) => ({ value: statistic, label: statistic })),
                  ]}
                  onChange={(event) => {
                    const statistic = STATISTICS.find((s) => s === event.currentTarget.value);
                    setCriteriaMember(
                      'statisticalThreshold',
                      statistic === undefined ? {} : { statistic },
                    );
                  }}
                />
              ) : (
                <MemoStaticValueField
                  metric={metric}
                  value={criteria.value}
                  errors={errors}
                  messageAt={messageAt}
                  field={`${base}.criteria.value`}
                  quotaProblem={quotaProblem}
                  readOnly={readOnly}
                  onChange={setValueMember}
                />
              )}
              {(metric.durations.length > 0 || criteria.durationSeconds !== undefined) && (
                <MemoNativeSelect
                  label="Duration"
                  description="The window each datapoint is measured over."
                  value={
                    criteria.durationSeconds === undefined ? '' : String(criteria.durationSeconds)
                  }
                  disabled={readOnly}
                  data-field={`${base}.criteria.durationSeconds`}
                  error={messageAt('criteria.durationSeconds')}
                  data={durationOptions(metric, criteria.durationSeconds)}
                  onChange={(event) => {
                    const text = event.currentTarget.value;
                    setCriteriaMember('durationSeconds', text === '' ? undefined : Number(text));
                  }}
                />
              )}
            </>
          )}
          <Group grow align="flex-start">
            <MemoNumberTextInput
              label="Datapoints to alarm"
              description="Consecutive violating datapoints before an alarm (1–10; default 1)"
              value={criteria.consecutiveDatapointsToAlarm}
              field={`${base}.criteria.consecutiveDatapointsToAlarm`}
              integer
              min={1}
              max={10}
              readOnly={readOnly}
              error={messageAt('criteria.consecutiveDatapointsToAlarm')}
              onChange={(value) => setCriteriaMember('consecutiveDatapointsToAlarm', value)}
            />
            <MemoNumberTextInput
              label="Datapoints to clear"
              description="Consecutive normal datapoints before the alarm clears (1–10; default 1)"
              value={criteria.consecutiveDatapointsToClear}
              field={`${base}.criteria.consecutiveDatapointsToClear`}
              integer
              min={1}
              max={10}
              readOnly={readOnly}
              error={messageAt('criteria.consecutiveDatapointsToClear')}
              onChange={(value) => setCriteriaMember('consecutiveDatapointsToClear', value)}
            />
          </Group>
          {dimensionShown && (
            <MemoDimensionFields
              value={behavior.metricDimension}
              field={`${base}.metricDimension`}
              dimensions={dimensions}
              readOnly={readOnly}
              error={firstMessage(
                messageAt('metricDimension.dimensionName'),
                messageAt('metricDimension.operator'),
                messageAt('metricDimension'),
              )}
              onChange={(dimension) =>
                setValue(base, withMember(current(), 'metricDimension', dimension), WRITE)
              }
            />
          )}
        </Stack>
      );
    }

    const switches = (
      <Group gap="xl">
        <MemoSwitch
          label="Suppress alerts"
          description="Record violations without sending alerts"
          checked={behavior.suppressAlerts === true}
          data-field={`${base}.suppressAlerts`}
          disabled={readOnly}
          error={messageAt('suppressAlerts')}
          onChange={(event) =>
            setValue(`${base}.suppressAlerts`, event.currentTarget.checked, WRITE)
          }
        />
        <MemoSwitch
          label="Export metric"
          description="Send this metric's values to the profile's metrics export topic"
          checked={behavior.exportMetric === true}
          data-field={`${base}.exportMetric`}
          disabled={readOnly}
          error={messageAt('exportMetric')}
          onChange={(event) => setValue(`${base}.exportMetric`, event.currentTarget.checked, WRITE)}
        />
      </Group>
    );

    return (
      <>
        {metricField}
        {detection}
        {switches}
      </>
    );
  },
  (before, after) =>
    before.index === after.index &&
    before.metric === after.metric &&
    before.metrics === after.metrics &&
    before.dimensions === after.dimensions &&
    before.errors === after.errors &&
    before.readOnly === after.readOnly &&
    settingsKey(before.behavior) === settingsKey(after.behavior),
);

function operatorOptions(metric: MetricDefinition, current: ComparisonOperator | undefined) {
  const options = metric.operators.map((operator) => ({
    value: operator,
    label: operatorLabel(operator),
  }));
  if (current === undefined)
    return [{ value: '', label: 'Choose how normal is defined' }, ...options];
  if (!metric.operators.includes(current)) {
    options.push({
      value: current,
      label: `${operatorLabel(current)}: not allowed for this metric`,
    });
  }
  return options;
}

function durationOptions(metric: MetricDefinition, current: number | undefined) {
  const options = [
    { value: '', label: 'No duration' },
    ...metric.durations.map((seconds) => ({
      value: String(seconds),
      label: describeDuration(seconds),
    })),
  ];
  if (current !== undefined && !metric.durations.includes(current)) {
    options.push({
      value: String(current),
      label: `${describeDuration(current)}: not allowed for this metric`,
    });
  }
  return options;
}

interface StaticValueFieldProps {
  metric: MetricDefinition;
  value: MetricValue | undefined;
  errors: unknown;
  messageAt: (path: string) => string | undefined;
  /** The form path of the value (`behaviors.2.criteria.value`). */
  field: string;
  quotaProblem: (growth: number) => string | undefined;
  readOnly: boolean;
  onChange: (value: MetricValue) => void;
}

/** The value input of a static threshold, by the metric's value member. */
function StaticValueField({
  metric,
  value,
  errors,
  messageAt,
  field,
  quotaProblem,
  readOnly,
  onChange,
}: StaticValueFieldProps) {
  const valueMessage = messageAt('criteria.value');
  const listErrors = (member: string) => errorNodeAt(errors, `criteria.value.${member}`);
  const valueNote =
    valueMessage === undefined ? null : (
      <Text size="sm" c="red" role="alert">
        {valueMessage}
      </Text>
    );
  switch (metric.valueMember) {
    case 'count':
    case 'number': {
      const member = metric.valueMember;
      return (
        <MemoNumberTextInput
          label="Value"
          description={
            member === 'count'
              ? 'A whole number, 0 or more'
              : 'Any number (custom number metrics compare against a decimal)'
          }
          value={value?.[member]}
          integer={member === 'count'}
          min={member === 'count' ? 0 : undefined}
          unit={metric.unit}
          field={`${field}.${member}`}
          readOnly={readOnly}
          error={firstMessage(messageAt(`criteria.value.${member}`), valueMessage)}
          onChange={(next) =>
            onChange(
              next === undefined ? {} : member === 'count' ? { count: next } : { number: next },
            )
          }
        />
      );
    }
    case 'cidrs':
      return (
        <Stack gap={4}>
          {valueNote}
          <CidrSetField
            cidrs={value?.cidrs ?? []}
            errors={listErrors('cidrs')}
            field={`${field}.cidrs`}
            quotaProblem={quotaProblem}
            readOnly={readOnly}
            onChange={(cidrs) => onChange({ cidrs })}
          />
        </Stack>
      );
    case 'ports':
      return (
        <Stack gap={4}>
          {valueNote}
          <PortSetField
            ports={value?.ports ?? []}
            errors={listErrors('ports')}
            field={`${field}.ports`}
            quotaProblem={quotaProblem}
            readOnly={readOnly}
            onChange={(ports) => onChange({ ports })}
          />
        </Stack>
      );
    case 'numbers':
      return (
        <Stack gap={4}>
          {valueNote}
          <NumberSetField
            values={value?.numbers ?? []}
            errors={listErrors('numbers')}
            field={`${field}.numbers`}
            quotaProblem={quotaProblem}
            readOnly={readOnly}
            onChange={(numbers) => onChange({ numbers })}
          />
        </Stack>
      );
    case 'strings':
      return (
        <Stack gap={4}>
          {valueNote}
          <StringSetField
            values={value?.strings ?? []}
            errors={listErrors('strings')}
            field={`${field}.strings`}
            quotaProblem={quotaProblem}
            readOnly={readOnly}
            onChange={(strings) => onChange({ strings })}
          />
        </Stack>
      );
  }
}

interface ConfidenceFieldProps {
  value: ConfidenceLevel | undefined;
  /** The form path of the confidence level, for `data-field` on the chosen (or first) radio. */
  field: string;
  error: string | undefined;
  readOnly: boolean;
  onChange: (level: ConfidenceLevel) => void;
}

/** ML Detect's confidence level, each explained in terms of how many alarms it raises. */
function ConfidenceField({ value, field, error, readOnly, onChange }: ConfidenceFieldProps) {
  return (
    <Radio.Group
      label="ML confidence"
      description="How sure the model must be that a datapoint is anomalous before it alarms."
      value={value ?? null}
      readOnly={readOnly}
      error={error}
      onChange={(next) => {
        const level = CONFIDENCE_LEVELS.find((candidate) => candidate === next);
        if (level !== undefined) onChange(level);
      }}
    >
      <Stack mt="xs" gap="xs">
        {(['HIGH', 'MEDIUM', 'LOW'] as const).map((level) => (
          <Radio
            key={level}
            value={level}
            label={`${CONFIDENCE_LABELS[level]} (${level})`}
            description={CONFIDENCE_DESCRIPTIONS[level]}
            data-field={level === (value ?? 'HIGH') ? field : undefined}
            disabled={readOnly}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

interface DimensionFieldsProps {
  value: Behavior['metricDimension'];
  /** The form path of the dimension (`behaviors.2.metricDimension`). */
  field: string;
  dimensions: readonly string[];
  error: string | undefined;
  readOnly: boolean;
  onChange: (value: Behavior['metricDimension']) => void;
}

/** The TOPIC_FILTER dimension a behavior is scoped to, and whether topics match it or not. */
function DimensionFields({
  value,
  field,
  dimensions,
  error,
  readOnly,
  onChange,
}: DimensionFieldsProps) {
  const names = [...dimensions];
  if (value !== undefined && !names.includes(value.dimensionName)) names.push(value.dimensionName);
  return (
    <Group grow align="flex-start">
      <MemoNativeSelect
        label="Dimension"
        description="Limit the metric to MQTT topics matching a topic filter dimension"
        value={value?.dimensionName ?? ''}
        disabled={readOnly}
        data-field={`${field}.dimensionName`}
        error={error}
        data={[
          { value: '', label: 'None: all topics' },
          ...names.map((name) => ({
            value: name,
            label: dimensions.includes(name) ? name : `${name} (not found)`,
          })),
        ]}
        onChange={(event) => {
          const dimensionName = event.currentTarget.value;
          onChange(
            dimensionName === ''
              ? undefined
              : {
                  dimensionName,
                  ...(value?.operator === undefined ? {} : { operator: value.operator }),
                },
          );
        }}
      />
      {value !== undefined && (
        <MemoNativeSelect
          label="Dimension operator"
          value={value.operator ?? 'IN'}
          disabled={readOnly}
          data-field={`${field}.operator`}
          data={(['IN', 'NOT_IN'] as const).map((operator) => ({
            value: operator,
            label: DIMENSION_OPERATOR_LABELS[operator],
          }))}
          onChange={(event) =>
            onChange({
              dimensionName: value.dimensionName,
              operator: event.currentTarget.value === 'NOT_IN' ? 'NOT_IN' : 'IN',
            })
          }
        />
      )}
    </Group>
  );
}

interface DetectionTypeFieldProps {
  /** The behavior's form path; with the metric name, it keeps `onChange` current under memo. */
  field: string;
  metricName: string;
  types: readonly DetectionType[];
  value: DetectionType;
  readOnly: boolean;
  onChange: (type: DetectionType) => void;
}

function DetectionTypeField({ types, value, readOnly, onChange }: DetectionTypeFieldProps) {
  return (
    <Radio.Group
      label="Detection type"
      value={value}
      readOnly={readOnly}
      onChange={(next) => {
        const nextType = types.find((candidate) => candidate === next);
        if (nextType !== undefined) onChange(nextType);
      }}
    >
      <Group mt="xs" gap="lg">
        {types.map((candidate) => (
          <Radio
            key={candidate}
            value={candidate}
            label={DETECTION_TYPE_LABELS[candidate]}
            description={DETECTION_TYPE_DESCRIPTIONS[candidate]}
            disabled={readOnly}
          />
        ))}
      </Group>
    </Radio.Group>
  );
}

// Each control re-renders only when its own data changes: typing a threshold re-renders the
// threshold, not the metric picker, the detection type, the selects and the switches beside it.
const MemoMetricSelect = memoByData(MetricSelect);
const MemoNativeSelect = memoByData(NativeSelect);
const MemoSwitch = memoByData(Switch);
const MemoNumberTextInput = memoByData(NumberTextInput);
const MemoConfidenceField = memoByData(ConfidenceField);
const MemoDimensionFields = memoByData(DimensionFields);
const MemoStaticValueField = memoByData(StaticValueField);
const MemoDetectionTypeField = memoByData(DetectionTypeField);
