import type { Behavior } from '../../../../domain/security-profile';

/** A value as the dialogs print it: "(none)" when absent, numbers bare, the rest as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** How long before `now` `date` was, as the reader's locale says it: "2 minutes ago". */
export function timeAgo(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A problem the server named, pointed at the behavior it concerns when it names one. */
export interface PointedProblem {
  /** The behavior's name, when the message starts with `behaviors[i]` and i exists. */
  behavior?: string;
  /** The field inside the behavior (`criteria.value`), or undefined for the behavior as a whole. */
  field?: string;
  message: string;
}

const BEHAVIOR_PATH = /^behaviors\[(\d+)\](?:\.([^:\s]+))?:\s*([\s\S]*)$/;

/**
 * Splits a message worded `behaviors[1].criteria.value: …` (as the service and our validation
 * word them) into the behavior's name, the field and the rest; other messages come back whole.
 */
export function pointAtBehavior(message: string, behaviors: readonly Behavior[]): PointedProblem {
  const match = BEHAVIOR_PATH.exec(message);
  const behavior = match === null ? undefined : behaviors[Number(match[1])];
  if (match === null || behavior === undefined) return { message };
  return {
    behavior: behavior.name,
    ...(match[2] === undefined ? {} : { field: match[2] }),
    message: match[3] ?? '',
  };
}

const BEHAVIOR_MEMBER = /^behaviors\[name=([^\]]+)\](?:\.(.+))?$/;
const RETAINED_MEMBER = /^additionalMetricsToRetainV2\[metric=([^\]]+)\](?:\.(.+))?$/;
const ALERT_TARGET_MEMBER = /^alertTargets\.([A-Za-z0-9_]+)(?:\.(.+))?$/;

/**
 * A merge or diff path in words: `behaviors[name=auth].criteria.value.count` reads
 * "behavior auth · criteria.value.count", `securityProfileDescription` "the description"; other
 * paths come back as they are.
 */
export function describePath(path: string): string {
  if (path === 'securityProfileDescription') return 'the description';
  if (path === 'metricsExportConfig') return 'the metrics export config';
  const target = ALERT_TARGET_MEMBER.exec(path);
  if (target !== null) {
    return target[2] === undefined
      ? `the ${target[1]} alert target`
      : `the ${target[1]} alert target · ${target[2]}`;
  }
  const retained = RETAINED_MEMBER.exec(path);
  if (retained !== null) {
    return retained[2] === undefined
      ? `retained metric ${retained[1]}`
      : `retained metric ${retained[1]} · ${retained[2]}`;
  }
  const match = BEHAVIOR_MEMBER.exec(path);
  if (match === null) return path;
  return match[2] === undefined ? `behavior ${match[1]}` : `behavior ${match[1]} · ${match[2]}`;
}

/** The entity a path belongs to, in words: "behavior auth", "the SNS alert target". */
export function describeEntity(path: string): string {
  const behavior = BEHAVIOR_MEMBER.exec(path);
  if (behavior !== null) return `behavior ${behavior[1]}`;
  const target = ALERT_TARGET_MEMBER.exec(path);
  if (target !== null) return `the ${target[1]} alert target`;
  const retained = RETAINED_MEMBER.exec(path);
  if (retained !== null) return `retained metric ${retained[1]}`;
  return describePath(path);
}
