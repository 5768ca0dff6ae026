/**
 * The semantic difference between two versions of a profile's editable fields, for the preview a
 * person reviews before saving: grouped by member, behaviors matched by name, set members reported
 * as elements added and removed, and every change judged for its detection effect.
 *
 * Equality is the one the save uses (profile-leaves.ts), so an empty diff means the save
 * sends nothing but the name and version.
 */

import { type DetectionEffect, classifyChange } from './detection-effect';
import {
  BEHAVIOR_RULES,
  PLAIN_RULES,
  RETAINED_METRIC_RULES,
  asEntity,
  behaviorPath,
  entitiesEqual,
  explode,
  leafEqual,
  leafPaths,
  retainedMetricKey,
  retainedMetricPath,
  sameDescription,
  setDifference,
} from './profile-leaves';
import type {
  AlertTarget,
  Behavior,
  MetricToRetain,
  MetricsExportConfig,
  SecurityProfileFields,
} from './security-profile';

/** What every change in a diff carries. */
export interface Change {
  /** Where, in request terms: `behaviors[name=HighMessages].criteria.value.count`. */
  path: string;
  /** The change in plain words. */
  summary: string;
  effect: DetectionEffect;
  /** Why it has that effect. */
  reason: string;
}

export interface DescriptionChange extends Change {
  before: string;
  after: string;
}

export interface BehaviorEntry extends Change {
  name: string;
  behavior: Behavior;
}

interface FieldChangeBase extends Change {
  /** The leaf inside the behavior: `criteria.value.cidrs`. */
  field: string;
}

export interface ValueFieldChange extends FieldChangeBase {
  kind: 'value';
  before: unknown;
  after: unknown;
}

export interface SetFieldChange extends FieldChangeBase {
  kind: 'set';
  added: unknown[];
  removed: unknown[];
}

export type FieldChange = ValueFieldChange | SetFieldChange;

export interface BehaviorChange {
  name: string;
  path: string;
  before: Behavior;
  after: Behavior;
  fields: FieldChange[];
  /** The strongest effect among the fields: weakens over strengthens over neutral. */
  effect: DetectionEffect;
}

export type EntryKind = 'added' | 'removed' | 'changed';

export interface AlertTargetChange extends Change {
  type: string;
  kind: EntryKind;
  before?: AlertTarget;
  after?: AlertTarget;
}

export interface RetainedMetricChange extends Change {
  list: 'additionalMetricsToRetain' | 'additionalMetricsToRetainV2';
  kind: EntryKind;
  metric: string;
  before?: MetricToRetain | string;
  after?: MetricToRetain | string;
}

export interface ExportConfigChange extends Change {
  kind: EntryKind;
  before?: MetricsExportConfig;
  after?: MetricsExportConfig;
}

export type DeleteFlag =
  | 'deleteBehaviors'
  | 'deleteAlertTargets'
  | 'deleteAdditionalMetricsToRetain'
  | 'deleteMetricsExportConfig';

/** A member emptied entirely: the save sends its delete flag instead of the member. */
export interface WholeRemoval {
  member: 'behaviors' | 'alertTargets' | 'additionalMetricsToRetain' | 'metricsExportConfig';
  flag: DeleteFlag;
  summary: string;
}

export interface ProfileDiff {
  description?: DescriptionChange;
  behaviors: {
    added: BehaviorEntry[];
    removed: BehaviorEntry[];
    changed: BehaviorChange[];
    /** Set when the same behaviors are kept in a different order. */
    reordered?: Change;
  };
  alertTargets: AlertTargetChange[];
  /** V1 (deprecated name list) and V2 entries. */
  retainedMetrics: RetainedMetricChange[];
  metricsExportConfig?: ExportConfigChange;
  wholeRemovals: WholeRemoval[];
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function byName(behaviors: readonly Behavior[] | undefined): Map<string, Behavior> {
  const map = new Map<string, Behavior>();
  // Names are unique in a valid profile; on a duplicate the first one is the one compared.
  for (const behavior of behaviors ?? [])
    if (!map.has(behavior.name)) map.set(behavior.name, behavior);
  return map;
}

/** The leaves of a behavior as the diff reports them: the dimension is one unit, not two leaves. */
function diffLeaves(behavior: Behavior): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [path, value] of explode(asEntity(behavior))) {
    if (path === 'name') continue;
    if (path.startsWith('metricDimension')) leaves.set('metricDimension', behavior.metricDimension);
    else leaves.set(path, value);
  }
  return leaves;
}

function fieldChanges(name: string, before: Behavior, after: Behavior): FieldChange[] {
  const left = diffLeaves(before);
  const right = diffLeaves(after);
  const changes: FieldChange[] = [];
  for (const field of leafPaths(left, right)) {
    const was = left.get(field);
    const now = right.get(field);
    const equal =
      field === 'metricDimension'
        ? entitiesEqual(asEntity(before.metricDimension), asEntity(after.metricDimension), {
            sets: new Set(),
            defaults: new Map([['operator', 'IN']]),
          })
        : leafEqual(field, was, now, BEHAVIOR_RULES);
    if (equal) continue;
    const judged = classifyChange({ kind: 'behavior-field', field, before, after });
    const path = `${behaviorPath(name)}.${field}`;
    if (BEHAVIOR_RULES.sets.has(field)) {
      const { added, removed } = setDifference(was, now);
      const parts = [
        ...added.map((element) => `+${show(element)}`),
        ...removed.map((element) => `−${show(element)}`),
      ];
      changes.push({
        kind: 'set',
        field,
        path,
        added,
        removed,
        summary: `${field}: ${parts.length === 0 ? `${show(was)} → ${show(now)}` : parts.join(', ')}`,
        ...judged,
      });
    } else {
      changes.push({
        kind: 'value',
        field,
        path,
        before: was,
        after: now,
        summary: `${field}: ${show(was)} → ${show(now)}`,
        ...judged,
      });
    }
  }
  return changes;
}

/** Weakens if any change weakens (a reviewer must see it), else strengthens if any does. */
function overallEffect(changes: readonly Change[]): DetectionEffect {
  if (changes.some((change) => change.effect === 'weakens')) return 'weakens';
  if (changes.some((change) => change.effect === 'strengthens')) return 'strengthens';
  return 'neutral';
}

function diffBehaviors(
  before: readonly Behavior[] | undefined,
  after: readonly Behavior[] | undefined,
): ProfileDiff['behaviors'] {
  const left = byName(before);
  const right = byName(after);
  const result: ProfileDiff['behaviors'] = { added: [], removed: [], changed: [] };
  for (const [name, behavior] of left) {
    if (right.has(name)) continue;
    result.removed.push({
      name,
      behavior,
      path: behaviorPath(name),
      summary: `removes behavior ${name}`,
      ...classifyChange({ kind: 'behavior-removed', behavior }),
    });
  }
  for (const [name, behavior] of right) {
    const old = left.get(name);
    if (old === undefined) {
      result.added.push({
        name,
        behavior,
        path: behaviorPath(name),
        summary: `adds behavior ${name}`,
        ...classifyChange({ kind: 'behavior-added', behavior }),
      });
      continue;
    }
    const fields = fieldChanges(name, old, behavior);
    if (fields.length > 0) {
      result.changed.push({
        name,
        path: behaviorPath(name),
        before: old,
        after: behavior,
        fields,
        effect: overallEffect(fields),
      });
    }
  }
  const keptBefore = [...left.keys()].filter((name) => right.has(name));
  const keptAfter = [...right.keys()].filter((name) => left.has(name));
  if (keptBefore.some((name, index) => keptAfter[index] !== name)) {
    result.reordered = {
      path: 'behaviors',
      summary: `reorders behaviors: ${keptAfter.join(', ')}`,
      ...classifyChange({ kind: 'behaviors-reordered' }),
    };
  }
  return result;
}

function diffAlertTargets(
  before: SecurityProfileFields['alertTargets'],
  after: SecurityProfileFields['alertTargets'],
): AlertTargetChange[] {
  const left: Record<string, AlertTarget | undefined> = before ?? {};
  const right: Record<string, AlertTarget | undefined> = after ?? {};
  const changes: AlertTargetChange[] = [];
  for (const type of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const was = left[type];
    const now = right[type];
    if (entitiesEqual(asEntity(was), asEntity(now), PLAIN_RULES)) continue;
    const path = `alertTargets.${type}`;
    if (now === undefined && was !== undefined) {
      changes.push({
        type,
        kind: 'removed',
        path,
        before: was,
        summary: `removes the ${type} alert target ${was.alertTargetArn}`,
        ...classifyChange({ kind: 'alert-target-removed', type }),
      });
    } else if (was === undefined && now !== undefined) {
      changes.push({
        type,
        kind: 'added',
        path,
        after: now,
        summary: `adds the ${type} alert target ${now.alertTargetArn}`,
        ...classifyChange({ kind: 'alert-target-added', type }),
      });
    } else if (was !== undefined && now !== undefined) {
      const parts: string[] = [];
      if (was.alertTargetArn !== now.alertTargetArn) {
        parts.push(`alertTargetArn ${was.alertTargetArn} → ${now.alertTargetArn}`);
      }
      if (was.roleArn !== now.roleArn) parts.push(`roleArn ${was.roleArn} → ${now.roleArn}`);
      changes.push({
        type,
        kind: 'changed',
        path,
        before: was,
        after: now,
        summary: `changes the ${type} alert target: ${parts.join('; ')}`,
        ...classifyChange({ kind: 'alert-target-changed', type }),
      });
    }
  }
  return changes;
}

function diffRetained(
  before: SecurityProfileFields,
  after: SecurityProfileFields,
): RetainedMetricChange[] {
  const judged = classifyChange({ kind: 'retained-metric' });
  const changes: RetainedMetricChange[] = [];
  const v1 = setDifference(before.additionalMetricsToRetain, after.additionalMetricsToRetain);
  for (const metric of v1.removed as string[]) {
    changes.push({
      list: 'additionalMetricsToRetain',
      kind: 'removed',
      metric,
      before: metric,
      path: `additionalMetricsToRetain[${metric}]`,
      summary: `stops retaining ${metric} (legacy list)`,
      ...judged,
    });
  }
  for (const metric of v1.added as string[]) {
    changes.push({
      list: 'additionalMetricsToRetain',
      kind: 'added',
      metric,
      after: metric,
      path: `additionalMetricsToRetain[${metric}]`,
      summary: `retains ${metric} (legacy list)`,
      ...judged,
    });
  }
  const left = new Map(
    (before.additionalMetricsToRetainV2 ?? []).map((e) => [retainedMetricKey(e), e]),
  );
  const right = new Map(
    (after.additionalMetricsToRetainV2 ?? []).map((e) => [retainedMetricKey(e), e]),
  );
  for (const [key, entry] of left) {
    if (right.has(key)) continue;
    changes.push({
      list: 'additionalMetricsToRetainV2',
      kind: 'removed',
      metric: entry.metric,
      before: entry,
      path: retainedMetricPath(key),
      summary: `stops retaining ${key}`,
      ...judged,
    });
  }
  for (const [key, entry] of right) {
    const old = left.get(key);
    if (old === undefined) {
      changes.push({
        list: 'additionalMetricsToRetainV2',
        kind: 'added',
        metric: entry.metric,
        after: entry,
        path: retainedMetricPath(key),
        summary: `retains ${key}${entry.exportMetric === true ? ' and exports it' : ''}`,
        ...judged,
      });
    } else if (!entitiesEqual(asEntity(old), asEntity(entry), RETAINED_METRIC_RULES)) {
      changes.push({
        list: 'additionalMetricsToRetainV2',
        kind: 'changed',
        metric: entry.metric,
        before: old,
        after: entry,
        path: retainedMetricPath(key),
        summary: `changes retained metric ${key}: ${show(old)} → ${show(entry)}`,
        ...judged,
      });
    }
  }
  return changes;
}

function diffExportConfig(
  before: MetricsExportConfig | undefined,
  after: MetricsExportConfig | undefined,
): ExportConfigChange | undefined {
  if (entitiesEqual(asEntity(before), asEntity(after), PLAIN_RULES)) return undefined;
  const judged = classifyChange({ kind: 'export-config' });
  const path = 'metricsExportConfig';
  if (after === undefined && before !== undefined) {
    return {
      kind: 'removed',
      path,
      before,
      summary: 'removes the metrics export config',
      ...judged,
    };
  }
  if (before === undefined && after !== undefined) {
    return {
      kind: 'added',
      path,
      after,
      summary: `exports metrics to topic ${after.mqttTopic}`,
      ...judged,
    };
  }
  return {
    kind: 'changed',
    path,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    summary: `changes the metrics export config: ${show(before)} → ${show(after)}`,
    ...judged,
  };
}

function wholeRemovals(
  before: SecurityProfileFields,
  after: SecurityProfileFields,
): WholeRemoval[] {
  const removals: WholeRemoval[] = [];
  const behaviorsBefore = before.behaviors?.length ?? 0;
  if (behaviorsBefore > 0 && (after.behaviors?.length ?? 0) === 0) {
    removals.push({
      member: 'behaviors',
      flag: 'deleteBehaviors',
      summary: `removes ALL behaviors (${plural(behaviorsBefore, 'behavior', 'behaviors')}); the save sends deleteBehaviors`,
    });
  }
  const targetsBefore = Object.keys(before.alertTargets ?? {}).length;
  if (targetsBefore > 0 && Object.keys(after.alertTargets ?? {}).length === 0) {
    removals.push({
      member: 'alertTargets',
      flag: 'deleteAlertTargets',
      summary: 'removes ALL alert targets; the save sends deleteAlertTargets',
    });
  }
  const retained = (fields: SecurityProfileFields): number =>
    (fields.additionalMetricsToRetain?.length ?? 0) +
    (fields.additionalMetricsToRetainV2?.length ?? 0);
  if (retained(before) > 0 && retained(after) === 0) {
    removals.push({
      member: 'additionalMetricsToRetain',
      flag: 'deleteAdditionalMetricsToRetain',
      summary:
        'removes ALL additional retained metrics (legacy and V2); the save sends deleteAdditionalMetricsToRetain',
    });
  }
  if (before.metricsExportConfig !== undefined && after.metricsExportConfig === undefined) {
    removals.push({
      member: 'metricsExportConfig',
      flag: 'deleteMetricsExportConfig',
      summary: 'removes the metrics export config; the save sends deleteMetricsExportConfig',
    });
  }
  return removals;
}

/** The grouped, classified changes that turn `before` into `after`. */
export function diffProfiles(
  before: SecurityProfileFields,
  after: SecurityProfileFields,
): ProfileDiff {
  const diff: ProfileDiff = {
    behaviors: diffBehaviors(before.behaviors, after.behaviors),
    alertTargets: diffAlertTargets(before.alertTargets, after.alertTargets),
    retainedMetrics: diffRetained(before, after),
    wholeRemovals: wholeRemovals(before, after),
  };
  if (!sameDescription(before.securityProfileDescription, after.securityProfileDescription)) {
    const was = before.securityProfileDescription ?? '';
    const now = after.securityProfileDescription ?? '';
    diff.description = {
      path: 'securityProfileDescription',
      before: was,
      after: now,
      summary: now === '' ? 'clears the description' : `description: ${show(was)} → ${show(now)}`,
      ...classifyChange({ kind: 'description' }),
    };
  }
  const exportConfig = diffExportConfig(before.metricsExportConfig, after.metricsExportConfig);
  if (exportConfig !== undefined) diff.metricsExportConfig = exportConfig;
  return diff;
}

/** Every change of a diff as one flat list, in the diff's order. */
export function listChanges(diff: ProfileDiff): Change[] {
  return [
    ...(diff.description === undefined ? [] : [diff.description]),
    ...diff.behaviors.removed,
    ...diff.behaviors.added,
    ...diff.behaviors.changed.flatMap((change) => change.fields),
    ...(diff.behaviors.reordered === undefined ? [] : [diff.behaviors.reordered]),
    ...diff.alertTargets,
    ...diff.retainedMetrics,
    ...(diff.metricsExportConfig === undefined ? [] : [diff.metricsExportConfig]),
  ];
}

/** Whether the diff holds no change at all. */
export function isEmpty(diff: ProfileDiff): boolean {
  return listChanges(diff).length === 0;
}

/** The changes that make Device Defender alarm less: what a reviewer must look at. */
export function weakeningChanges(diff: ProfileDiff): Change[] {
  return listChanges(diff).filter((change) => change.effect === 'weakens');
}
