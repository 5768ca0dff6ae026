/**
 * The Device Defender metric catalogue: every built-in cloud-side and device-side metric with the
 * operators, value member, durations and detection types AWS documents for it, plus the same
 * description derived for custom metrics. Validation, summaries and the editor all read this one
 * table, so a rule about a metric is written exactly once.
 *
 * Sources: the AWS IoT Device Defender Developer Guide pages "Cloud-side metrics",
 * "Device-side metrics", "ML Detect", "Custom metrics" and "Scoping metrics in security profiles
 * using dimensions", and the BehaviorCriteria documentation of the service model.
 *
 * `aws:disconnect-duration` is deliberately absent. A search of the AWS documentation found the
 * current "Cloud-side metrics" page (English, Chinese, Korean and Taiwanese versions), but only its
 * opening metrics could be retrieved, and the archived Developer Guide copy (2021–2023) does not
 * list it. Its only traces are third-party code calling ListMetricValues with it and one
 * non-authoritative checker, so its operators, value member, durations and ML/dimension support
 * are unknown. Guessing would make the editor and the local endpoint accept or refuse behaviors
 * AWS may treat differently; leaving it out makes validation refuse it as an unknown `aws:`
 * metric, which is the honest answer until the live page is checked.
 */

import type {
  ComparisonOperator,
  CustomMetric,
  CustomMetricType,
  MetricValue,
} from './security-profile';

export type MetricValueType =
  'number' | 'ip-address-list' | 'port-list' | 'number-list' | 'string-list';

export type MetricSide = 'cloud' | 'device' | 'custom';

export interface MetricDefinition {
  /** The wire name: `aws:num-messages-sent`, or the custom metric's name. */
  name: string;
  side: MetricSide;
  /** A short human name, e.g. "Messages sent". */
  displayName: string;
  /** Plain language, one or two sentences. */
  description: string;
  /** What one unit of the value counts ("messages", "bytes"); '' when it has none. */
  unit: string;
  valueType: MetricValueType;
  operators: readonly ComparisonOperator[];
  /** The one MetricValue member a static threshold on this metric uses. */
  valueMember: keyof MetricValue;
  /** Allowed `durationSeconds`; empty when the metric takes none. */
  durations: readonly number[];
  /** Whether a `statisticalThreshold` (percentile of all devices) is allowed. */
  statistical: boolean;
  /** Whether ML Detect (`mlDetectionConfig`) is allowed. */
  ml: boolean;
  /** Whether a TOPIC_FILTER dimension is allowed (Rules Detect). */
  dimension: boolean;
  /** Whether a dimension is allowed together with ML Detect. */
  mlDimension: boolean;
}

export const NUMBER_OPERATORS = [
  'less-than',
  'less-than-equals',
  'greater-than',
  'greater-than-equals',
] as const satisfies readonly ComparisonOperator[];
export const CIDR_SET_OPERATORS = [
  'in-cidr-set',
  'not-in-cidr-set',
] as const satisfies readonly ComparisonOperator[];
export const PORT_SET_OPERATORS = [
  'in-port-set',
  'not-in-port-set',
] as const satisfies readonly ComparisonOperator[];
export const SET_OPERATORS = [
  'in-set',
  'not-in-set',
] as const satisfies readonly ComparisonOperator[];

/** The documented windows of every count metric: 5, 10, 15, 30 and 60 minutes. */
export const COUNT_DURATIONS = [300, 600, 900, 1800, 3600] as const;

type BuiltInNumberSpec = Pick<
  MetricDefinition,
  'name' | 'side' | 'displayName' | 'description' | 'unit'
> &
  Partial<Pick<MetricDefinition, 'dimension' | 'mlDimension'>>;

function countMetric(spec: BuiltInNumberSpec): MetricDefinition {
  return {
    valueType: 'number',
    operators: NUMBER_OPERATORS,
    valueMember: 'count',
    durations: COUNT_DURATIONS,
    statistical: true,
    ml: true,
    dimension: false,
    mlDimension: false,
    ...spec,
  };
}

type BuiltInListSpec = Pick<
  MetricDefinition,
  'name' | 'side' | 'displayName' | 'description' | 'valueType'
> &
  Partial<Pick<MetricDefinition, 'dimension'>>;

function listMetric(spec: BuiltInListSpec): MetricDefinition {
  const list = listTypeShape(spec.valueType);
  return {
    unit: '',
    ...list,
    // The docs mark every list metric "Compatible with: Rules Detect" only, and ML Detect's page
    // names them as unsupported; percentiles have no meaning for a set of addresses or ports.
    durations: [],
    statistical: false,
    ml: false,
    dimension: false,
    mlDimension: false,
    ...spec,
  };
}

function listTypeShape(
  valueType: MetricValueType,
): Pick<MetricDefinition, 'operators' | 'valueMember'> {
  switch (valueType) {
    case 'ip-address-list':
      return { operators: CIDR_SET_OPERATORS, valueMember: 'cidrs' };
    case 'port-list':
      return { operators: PORT_SET_OPERATORS, valueMember: 'ports' };
    case 'number-list':
      return { operators: SET_OPERATORS, valueMember: 'numbers' };
    case 'string-list':
      return { operators: SET_OPERATORS, valueMember: 'strings' };
    case 'number':
      return { operators: NUMBER_OPERATORS, valueMember: 'count' };
  }
}

/**
 * Every built-in metric AWS documents, cloud-side first, in the documentation's order.
 *
 * `aws:message-byte-size` and `aws:num-established-tcp-connections` have no "Duration" line in the
 * docs, yet AWS's own statistical-threshold examples for them set `durationSeconds` (300 and 900):
 * a percentile needs a window to accumulate over. They therefore take the same optional windows as
 * the count metrics. Refusing a duration would refuse AWS's own examples; their static examples,
 * which carry none, stay valid because a duration is never required.
 */
export const BUILT_IN_METRICS: readonly MetricDefinition[] = [
  countMetric({
    name: 'aws:message-byte-size',
    side: 'cloud',
    displayName: 'Message size',
    description:
      'The size in bytes of each message a device sends to AWS IoT. Use it to bound the largest or smallest message.',
    unit: 'bytes',
    dimension: true,
    mlDimension: true,
  }),
  countMetric({
    name: 'aws:num-messages-sent',
    side: 'cloud',
    displayName: 'Messages sent',
    description: 'The number of messages a device sends to AWS IoT in a period of time.',
    unit: 'messages',
    dimension: true,
    mlDimension: true,
  }),
  countMetric({
    name: 'aws:num-messages-received',
    side: 'cloud',
    displayName: 'Messages received',
    description: 'The number of messages a device receives from AWS IoT in a period of time.',
    unit: 'messages',
    dimension: true,
    mlDimension: true,
  }),
  countMetric({
    name: 'aws:num-authorization-failures',
    side: 'cloud',
    displayName: 'Authorization failures',
    description:
      'The number of requests from a device that AWS IoT denied in a period of time, for example a publish to a topic the device may not use.',
    unit: 'failures',
    dimension: true,
    mlDimension: true,
  }),
  listMetric({
    name: 'aws:source-ip-address',
    side: 'cloud',
    displayName: 'Source IP',
    description:
      'The IP address a device connected to AWS IoT from. Use it to allow or deny CIDR ranges devices may connect from.',
    valueType: 'ip-address-list',
    // The one list metric that takes a TOPIC_FILTER dimension (Rules Detect only).
    dimension: true,
  }),
  countMetric({
    name: 'aws:num-connection-attempts',
    side: 'cloud',
    displayName: 'Connection attempts',
    description:
      'The number of times a device tries to connect in a period of time, successful or not.',
    unit: 'connection attempts',
  }),
  countMetric({
    name: 'aws:num-disconnects',
    side: 'cloud',
    displayName: 'Disconnects',
    description: 'The number of times a device disconnects from AWS IoT in a period of time.',
    unit: 'disconnects',
  }),
  countMetric({
    name: 'aws:all-bytes-out',
    side: 'device',
    displayName: 'Bytes out',
    description: 'The number of bytes a device sends in a period of time, as its agent reports.',
    unit: 'bytes',
  }),
  countMetric({
    name: 'aws:all-bytes-in',
    side: 'device',
    displayName: 'Bytes in',
    description: 'The number of bytes a device receives in a period of time, as its agent reports.',
    unit: 'bytes',
  }),
  countMetric({
    name: 'aws:all-packets-out',
    side: 'device',
    displayName: 'Packets out',
    description: 'The number of packets a device sends in a period of time, as its agent reports.',
    unit: 'packets',
  }),
  countMetric({
    name: 'aws:all-packets-in',
    side: 'device',
    displayName: 'Packets in',
    description:
      'The number of packets a device receives in a period of time, as its agent reports.',
    unit: 'packets',
  }),
  countMetric({
    name: 'aws:num-listening-tcp-ports',
    side: 'device',
    displayName: 'Listening TCP port count',
    description: 'The number of TCP ports a device listens on.',
    // The docs say "Units: failures" here, an evident copy-paste slip; a count of ports is ports.
    unit: 'ports',
  }),
  countMetric({
    name: 'aws:num-listening-udp-ports',
    side: 'device',
    displayName: 'Listening UDP port count',
    description: 'The number of UDP ports a device listens on.',
    unit: 'ports',
  }),
  countMetric({
    name: 'aws:num-established-tcp-connections',
    side: 'device',
    displayName: 'Established TCP connections',
    description: 'The number of TCP connections a device has open.',
    unit: 'connections',
  }),
  listMetric({
    name: 'aws:destination-ip-addresses',
    side: 'device',
    displayName: 'Destination IPs',
    description:
      'The IP addresses a device connects to. Use it to allow or deny CIDR ranges devices may reach.',
    valueType: 'ip-address-list',
  }),
  listMetric({
    name: 'aws:listening-tcp-ports',
    side: 'device',
    displayName: 'Listening TCP ports',
    description: 'The TCP ports a device listens on. Use it to allow or deny ports.',
    valueType: 'port-list',
  }),
  listMetric({
    name: 'aws:listening-udp-ports',
    side: 'device',
    displayName: 'Listening UDP ports',
    description: 'The UDP ports a device listens on. Use it to allow or deny ports.',
    valueType: 'port-list',
  }),
];

const BUILT_IN_BY_NAME: ReadonlyMap<string, MetricDefinition> = new Map(
  BUILT_IN_METRICS.map((metric) => [metric.name, metric]),
);

/** The prefix every built-in metric name carries and no custom metric name may. */
export const BUILT_IN_METRIC_PREFIX = 'aws:';

/** The built-in metric of that exact name, or undefined. */
export function builtInMetric(name: string): MetricDefinition | undefined {
  return BUILT_IN_BY_NAME.get(name);
}

/** The catalogue entry for a custom metric, derived from its type. */
export function customMetricDefinition(metric: CustomMetric): MetricDefinition {
  const isNumber = metric.metricType === 'number';
  const displayName =
    metric.displayName !== undefined && metric.displayName.trim() !== ''
      ? metric.displayName
      : metric.metricName;
  return {
    name: metric.metricName,
    side: 'custom',
    displayName,
    description: `A custom ${metric.metricType} metric that your devices report.`,
    unit: '',
    valueType: metric.metricType,
    operators: isNumber ? NUMBER_OPERATORS : listTypeShape(metric.metricType).operators,
    // Custom number metrics compare against `number` (a double), not the built-ins' `count`.
    valueMember: isNumber ? 'number' : listTypeShape(metric.metricType).valueMember,
    durations: isNumber ? COUNT_DURATIONS : [],
    // "Percentile statistics are not available for metrics when any of the metric values are
    // negative numbers" is a property of the reported data, not of the profile, so it is allowed.
    statistical: isNumber,
    // "Custom metrics only support the number type" for ML Detect.
    ml: isNumber,
    // "metricDimension can't be used with custom metrics."
    dimension: false,
    mlDimension: false,
  };
}

/**
 * The definition a behavior's `metric` refers to: a built-in `aws:` metric, or an existing custom
 * metric from `customMetrics` (name → type); undefined when it names neither.
 */
export function resolveMetric(
  name: string,
  customMetrics: ReadonlyMap<string, CustomMetricType>,
): MetricDefinition | undefined {
  if (name.startsWith(BUILT_IN_METRIC_PREFIX)) return builtInMetric(name);
  const metricType = customMetrics.get(name);
  return metricType === undefined
    ? undefined
    : customMetricDefinition({ metricName: name, metricType });
}

/** "a, b or c": the natural-language list used in messages and summaries. */
export function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** How a metric's value type reads in a sentence: "a number metric", "a list metric of ports". */
export function describeValueType(metric: MetricDefinition): string {
  const custom = metric.side === 'custom' ? ' custom' : '';
  switch (metric.valueType) {
    case 'number':
      return `a number${custom} metric`;
    case 'ip-address-list':
      return `an IP address list${custom} metric`;
    case 'port-list':
      return `a port list${custom} metric`;
    case 'number-list':
      return `a number list${custom} metric`;
    case 'string-list':
      return `a string list${custom} metric`;
  }
}

/** Whether values of this type are sets (compared with in/not-in operators, never a duration). */
export function isListValueType(valueType: MetricValueType): boolean {
  return valueType !== 'number';
}
