/**
 * One plain-words line per behavior, for lists, cards and previews.
 *
 * Device Defender criteria describe what is NORMAL ("the criteria by which the behavior is
 * determined to be normal"); an alarm is a violation of them. So `less-than-equals 100` on messages
 * sent means "normal is at most 100", and it alarms when MORE than 100 are sent. Every summary
 * states when the alarm fires, because that is what a person reviewing a profile needs to know,
 * and it is the negation of the stored operator.
 */

import { type MetricDefinition, builtInMetric, isListValueType } from './metric-catalogue';
import type {
  Behavior,
  BehaviorCriteria,
  ComparisonOperator,
  ConfidenceLevel,
  MetricValue,
} from './security-profile';

/** Common service names of ports, shown next to the number ("22 (ssh)"). */
export const WELL_KNOWN_PORTS: Readonly<Record<number, string>> = {
  20: 'ftp-data',
  21: 'ftp',
  22: 'ssh',
  23: 'telnet',
  25: 'smtp',
  53: 'dns',
  67: 'dhcp',
  68: 'dhcp-client',
  69: 'tftp',
  80: 'http',
  110: 'pop3',
  123: 'ntp',
  143: 'imap',
  161: 'snmp',
  443: 'https',
  445: 'smb',
  502: 'modbus',
  1883: 'mqtt',
  3389: 'rdp',
  5683: 'coap',
  5684: 'coaps',
  5900: 'vnc',
  8080: 'http-alt',
  8443: 'https-alt',
  8883: 'mqtt-tls',
  47808: 'bacnet',
};

/** A duration in the largest whole unit: 300 → "5 minutes", 3600 → "1 hour", 45 → "45 seconds". */
export function describeDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return `${String(seconds)} seconds`;
  if (seconds !== 0 && seconds % 3600 === 0) return plural(seconds / 3600, 'hour', 'hours');
  if (seconds !== 0 && seconds % 60 === 0) return plural(seconds / 60, 'minute', 'minutes');
  return plural(seconds, 'second', 'seconds');
}

function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** A port with its service name when it has a well-known one: "443 (https)". */
export function describePort(port: number): string {
  const name = WELL_KNOWN_PORTS[port];
  return name === undefined ? String(port) : `${port} (${name})`;
}

// How each built-in number metric reads in an alarm sentence.
type Phrase =
  // "more than 100 messages are sent"
  | { style: 'event'; one: string; many: string; verbOne: string; verbMany: string }
  // "the device listens on more than 5 TCP ports"
  | { style: 'has'; lead: string; one: string; many: string }
  // "a message is larger than 1,024 bytes"
  | { style: 'size' };

const PHRASES: Readonly<Record<string, Phrase>> = {
  'aws:message-byte-size': { style: 'size' },
  'aws:num-messages-sent': event('message', 'messages', 'sent'),
  'aws:num-messages-received': event('message', 'messages', 'received'),
  'aws:num-authorization-failures': {
    style: 'event',
    one: 'authorization failure',
    many: 'authorization failures',
    verbOne: 'occurs',
    verbMany: 'occur',
  },
  'aws:num-connection-attempts': event('connection attempt', 'connection attempts', 'made'),
  'aws:num-disconnects': {
    style: 'event',
    one: 'disconnect',
    many: 'disconnects',
    verbOne: 'occurs',
    verbMany: 'occur',
  },
  'aws:all-bytes-out': event('byte', 'bytes', 'sent'),
  'aws:all-bytes-in': event('byte', 'bytes', 'received'),
  'aws:all-packets-out': event('packet', 'packets', 'sent'),
  'aws:all-packets-in': event('packet', 'packets', 'received'),
  'aws:num-listening-tcp-ports': {
    style: 'has',
    lead: 'the device listens on',
    one: 'TCP port',
    many: 'TCP ports',
  },
  'aws:num-listening-udp-ports': {
    style: 'has',
    lead: 'the device listens on',
    one: 'UDP port',
    many: 'UDP ports',
  },
  'aws:num-established-tcp-connections': {
    style: 'has',
    lead: 'the device has',
    one: 'established TCP connection',
    many: 'established TCP connections',
  },
};

function event(one: string, many: string, verb: string): Phrase {
  return { style: 'event', one, many, verbOne: `is ${verb}`, verbMany: `are ${verb}` };
}

// The alarm condition is the negation of the stored (normal) comparison.
const COUNT_VIOLATION: Readonly<Record<string, string>> = {
  'less-than': 'at least',
  'less-than-equals': 'more than',
  'greater-than': 'at most',
  'greater-than-equals': 'fewer than',
};
const LEVEL_VIOLATION: Readonly<Record<string, string>> = {
  'less-than': 'at least',
  'less-than-equals': 'above',
  'greater-than': 'at most',
  'greater-than-equals': 'below',
};
const STAT_VIOLATION: Readonly<Record<string, string>> = {
  'less-than': 'at or above',
  'less-than-equals': 'above',
  'greater-than': 'at or below',
  'greater-than-equals': 'below',
};

function sizeCondition(operator: string, bytes: number): string | undefined {
  const size = plural(bytes, 'byte', 'bytes');
  switch (operator) {
    case 'less-than':
      return `a message is ${size} or larger`;
    case 'less-than-equals':
      return `a message is larger than ${size}`;
    case 'greater-than':
      return `a message is ${size} or smaller`;
    case 'greater-than-equals':
      return `a message is smaller than ${size}`;
    default:
      return undefined;
  }
}

// How each built-in list metric reads: the subject, and what one element is called.
interface ListPhrase {
  subject: string;
  /** "the source IP is in …" (one value per datapoint) versus "ports include …" (a set). */
  single: boolean;
  element: string;
  elements: string;
}

const LIST_PHRASES: Readonly<Record<string, ListPhrase>> = {
  'aws:source-ip-address': {
    subject: 'the source IP',
    single: true,
    element: 'CIDR',
    elements: 'CIDRs',
  },
  'aws:destination-ip-addresses': {
    subject: 'destination IPs',
    single: false,
    element: 'an address',
    elements: 'CIDRs',
  },
  'aws:listening-tcp-ports': {
    subject: 'listening TCP ports',
    single: false,
    element: 'a port',
    elements: 'ports',
  },
  'aws:listening-udp-ports': {
    subject: 'listening UDP ports',
    single: false,
    element: 'a port',
    elements: 'ports',
  },
};

function customListPhrase(metric: MetricDefinition): ListPhrase {
  const ip = metric.valueType === 'ip-address-list';
  return {
    subject: metric.displayName,
    single: false,
    element: ip ? 'an address' : 'a value',
    elements: ip ? 'CIDRs' : 'values',
  };
}

/** "a, b, c" for up to three items, else "a or 3 more CIDRs". */
function listText(items: readonly string[], more: string, connector: 'or' | 'and'): string {
  if (items.length === 0) return 'an empty set';
  if (items.length <= 3) return items.join(', ');
  return `${items[0] ?? ''} ${connector} ${items.length - 1} more ${more}`;
}

function valueItems(value: MetricValue | undefined, member: keyof MetricValue): string[] {
  switch (member) {
    case 'cidrs':
      return value?.cidrs ?? [];
    case 'ports':
      return (value?.ports ?? []).map(describePort);
    case 'numbers':
      return (value?.numbers ?? []).map(formatNumber);
    case 'strings':
      return (value?.strings ?? []).map((s) => JSON.stringify(s));
    default:
      return [];
  }
}

function listCondition(
  metric: MetricDefinition,
  operator: ComparisonOperator,
  value: MetricValue | undefined,
): string {
  const phrase = LIST_PHRASES[metric.name] ?? customListPhrase(metric);
  const items = valueItems(value, metric.valueMember);
  // Normal for an in-set operator is "every value is in the set"; the alarm is a value outside it.
  const inSet = operator === 'in-cidr-set' || operator === 'in-port-set' || operator === 'in-set';
  if (phrase.single) {
    const set = listText(items, phrase.elements, 'or');
    return `${phrase.subject} is ${inSet ? 'not in' : 'in'} ${set}`;
  }
  if (inSet) {
    return `${phrase.subject} include ${phrase.element} outside ${listText(items, phrase.elements, 'and')}`;
  }
  const set = listText(items, phrase.elements, 'or');
  return `${phrase.subject} include ${items.length > 1 ? 'any of ' : ''}${set}`;
}

function numberCondition(
  metric: MetricDefinition,
  operator: ComparisonOperator,
  threshold: number,
): string | undefined {
  const phrase = PHRASES[metric.name];
  if (phrase?.style === 'size') return sizeCondition(operator, threshold);
  if (phrase?.style === 'event') {
    const cmp = COUNT_VIOLATION[operator];
    if (cmp === undefined) return undefined;
    const one = threshold === 1;
    return `${cmp} ${formatNumber(threshold)} ${one ? phrase.one : phrase.many} ${one ? phrase.verbOne : phrase.verbMany}`;
  }
  if (phrase?.style === 'has') {
    const cmp = COUNT_VIOLATION[operator];
    if (cmp === undefined) return undefined;
    return `${phrase.lead} ${cmp} ${formatNumber(threshold)} ${threshold === 1 ? phrase.one : phrase.many}`;
  }
  const cmp = LEVEL_VIOLATION[operator];
  if (cmp === undefined) return undefined;
  const unit = metric.unit === '' ? '' : ` ${metric.unit}`;
  return `${metric.displayName} is ${cmp} ${formatNumber(threshold)}${unit}`;
}

/** The window phrase: "in 5 minutes" for counted events, "over 5 minutes" for levels. */
function windowText(metric: MetricDefinition, seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const preposition = PHRASES[metric.name]?.style === 'event' ? 'in' : 'over';
  return ` ${preposition} ${describeDuration(seconds)}`;
}

/** "Established TCP connections" → "established TCP connections": acronyms keep their case. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// Built-in display names that read as one thing ("message size is"); the others are plural.
const SINGULAR_SUBJECTS: ReadonlySet<string> = new Set([
  'aws:message-byte-size',
  'aws:num-listening-tcp-ports',
  'aws:num-listening-udp-ports',
]);

/** "messages sent are" / "message size is": the metric as the subject of a statistical sentence. */
function statisticalSubject(metric: MetricDefinition): string {
  if (metric.side === 'custom') return `${metric.displayName} is`;
  const verb = SINGULAR_SUBJECTS.has(metric.name) ? 'is' : 'are';
  return `${lowerFirst(metric.displayName)} ${verb}`;
}

const CONFIDENCE_TEXT: Readonly<Record<ConfidenceLevel, string>> = {
  HIGH: 'high confidence (fewest alarms)',
  MEDIUM: 'medium confidence',
  LOW: 'low confidence (most alarms)',
};

function datapointsText(criteria: BehaviorCriteria): string {
  const alarm = criteria.consecutiveDatapointsToAlarm ?? 1;
  const clear = criteria.consecutiveDatapointsToClear ?? 1;
  if (alarm === 1 && clear === 1) return '';
  return `, after ${plural(alarm, 'datapoint', 'datapoints')}; clears after ${formatNumber(clear)}`;
}

function dimensionText(behavior: Behavior): string {
  const dimension = behavior.metricDimension;
  if (dimension === undefined) return '';
  const matching = dimension.operator === 'NOT_IN' ? 'not matching' : 'matching';
  return ` on topics ${matching} ${dimension.dimensionName}`;
}

/** The metric a behavior names, for summaries: the given definition, else a built-in by name. */
function metricFor(
  behavior: Behavior,
  metric: MetricDefinition | undefined,
): MetricDefinition | undefined {
  if (metric !== undefined) return metric;
  return behavior.metric === undefined ? undefined : builtInMetric(behavior.metric);
}

/** The alarm condition; `where` (the dimension phrase) goes where it reads naturally. */
function condition(
  behavior: Behavior,
  metric: MetricDefinition | undefined,
  where: string,
): string {
  const criteria = behavior.criteria ?? {};
  const metricName = metric?.displayName ?? behavior.metric ?? 'an unnamed metric';
  const lowerName =
    metric !== undefined && metric.side !== 'custom' ? lowerFirst(metricName) : metricName;

  if (criteria.mlDetectionConfig !== undefined) {
    return `ML Detect on ${lowerName}${where}, ${CONFIDENCE_TEXT[criteria.mlDetectionConfig.confidenceLevel] ?? criteria.mlDetectionConfig.confidenceLevel}`;
  }

  const operator = criteria.comparisonOperator;
  if (criteria.statisticalThreshold !== undefined) {
    const statistic = criteria.statisticalThreshold.statistic ?? 'a percentile';
    const cmp = operator === undefined ? undefined : STAT_VIOLATION[operator];
    const subject = metric === undefined ? `${metricName} is` : statisticalSubject(metric);
    const window =
      criteria.durationSeconds === undefined
        ? ''
        : ` over ${describeDuration(criteria.durationSeconds)}`;
    if (cmp === undefined) {
      return `Alarm when ${subject} compared with the ${statistic} of all devices${window}${where}`;
    }
    return `Alarm when ${subject} ${cmp} the ${statistic} of all devices${window}${where}`;
  }

  if (operator === undefined) return `No detection set for ${lowerName}${where}`;

  if (metric !== undefined && isListValueType(metric.valueType)) {
    return `Alarm when ${listCondition(metric, operator, criteria.value)}${where}`;
  }

  const threshold = criteria.value?.count ?? criteria.value?.number;
  if (metric !== undefined && threshold !== undefined) {
    const text = numberCondition(metric, operator, threshold);
    if (text !== undefined) {
      return `Alarm when ${text}${windowText(metric, criteria.durationSeconds)}${where}`;
    }
  }
  // An unknown metric or a mismatched operator: say literally what is stored, never guess.
  const valueText =
    threshold !== undefined
      ? formatNumber(threshold)
      : listText(
          [
            ...(criteria.value?.cidrs ?? []),
            ...(criteria.value?.ports ?? []).map(describePort),
            ...(criteria.value?.numbers ?? []).map(formatNumber),
            ...(criteria.value?.strings ?? []).map((s) => JSON.stringify(s)),
          ],
          'values',
          'or',
        );
  return `Normal when ${metricName} is ${operator} ${valueText}${where}`;
}

/**
 * One line in plain words saying when the behavior alarms, e.g. "Alarm when more than 100
 * messages are sent in 5 minutes, after 2 datapoints; clears after 1". Pass the metric's
 * definition for custom metrics; built-in ones are found by name.
 */
export function summarizeBehavior(behavior: Behavior, metric?: MetricDefinition): string {
  const definition = metricFor(behavior, metric);
  const criteria = behavior.criteria ?? {};
  const suppressed = behavior.suppressAlerts === true ? '; alerts suppressed' : '';
  return `${condition(behavior, definition, dimensionText(behavior))}${datapointsText(criteria)}${suppressed}`;
}
