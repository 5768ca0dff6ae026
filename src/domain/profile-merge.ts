/**
 * Three-way merge of a profile when a save meets VersionConflictException: `base` is the version
 * the editor loaded, `mine` the edited fields, `theirs` the version saved meanwhile.
 *
 * Entities merge by identity, never by position: behaviors by name (a rename is a removal plus an
 * addition), alert targets by type, retained metrics (V2) by metric and dimension, the export
 * config as one entity. Inside an entity every leaf is compared under the rules the save and the
 * preview use (profile-leaves.ts). A change on one side only is taken; the same change on
 * both sides is taken once; different changes to one leaf are a conflict. The MetricValue sets
 * (cidrs, ports, numbers, strings) and the legacy retained-metric names merge as sets: an element
 * added on either side is kept, one removed on either side is gone, so they never conflict, except
 * inside a behavior both sides added under the same name, where there is no base to tell an
 * addition from a removal.
 *
 * Unchanged sides are taken verbatim, so merging with an unchanged side returns the other side
 * exactly: mergeProfiles(base, x, base) = x and mergeProfiles(base, base, y) = y.
 */

import {
  BEHAVIOR_RULES,
  type Entity,
  type LeafRules,
  PLAIN_RULES,
  RETAINED_METRIC_RULES,
  asEntity,
  behaviorPath,
  cloneValue,
  elementKey,
  entitiesEqual,
  explode,
  implode,
  leafEqual,
  leafPaths,
  retainedMetricKey,
  retainedMetricPath,
  sameDescription,
  setDifference,
  setsEqual,
  valuesEqual,
} from './profile-leaves';
import type {
  AlertTargets,
  Behavior,
  MetricToRetain,
  MetricsExportConfig,
  SecurityProfileFields,
} from './security-profile';

export type MergeChoice = 'mine' | 'theirs' | 'both';

export interface MergeNote {
  /** Where: `behaviors[name=HighMessages].criteria.value.count`. */
  path: string;
  /** Whose change it is: 'both' when both sides made the same change. */
  side: 'mine' | 'theirs' | 'both';
  /** In plain words, e.g. "took your change: criteria.value.count 100 → 200". */
  summary: string;
}

type KeyedMember =
  'behaviors' | 'alertTargets' | 'metricsExportConfig' | 'additionalMetricsToRetainV2';

/** What a conflict decides: a whole entity (keep or remove) or one leaf of it. */
export type MergeTarget =
  | { member: 'securityProfileDescription' }
  | {
      member: KeyedMember;
      key: string;
      /** The leaf inside the entity; absent when the whole entity is at stake. */
      leaf?: string;
      /** For a kept entity that the merged list lacks: the entity it goes after (null: first). */
      insertAfter?: string | null;
    };

export interface MergeConflict {
  /** Stable across calls with the same inputs: the conflict's path. */
  id: string;
  path: string;
  target: MergeTarget;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** 'both' only for set-valued leaves: the union of both sides' sets. */
  choices: readonly MergeChoice[];
  /** What each choice writes at the target; undefined removes it. */
  outcomes: Partial<Record<MergeChoice, unknown>>;
  summary: string;
}

export interface MergeResult {
  /** The merge with every conflict at theirs' value (the saved state) until resolved. */
  merged: SecurityProfileFields;
  autoMerged: MergeNote[];
  conflicts: MergeConflict[];
}

const SIDE_TEXT = { mine: 'your change', theirs: 'their change', both: 'the change both made' };

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

interface Collector {
  notes: MergeNote[];
  conflicts: MergeConflict[];
}

/** Three-way set merge: theirs' surviving elements in theirs' order, then mine's additions. */
function mergeSets(base: unknown, mine: unknown, theirs: unknown): unknown[] {
  const removedByMine = new Set(setDifference(base, mine).removed.map(elementKey));
  const addedByMine = setDifference(base, mine).added;
  const result: unknown[] = [];
  const seen = new Set<string>();
  const push = (element: unknown): void => {
    const key = elementKey(element);
    if (seen.has(key)) return;
    seen.add(key);
    result.push(cloneValue(element));
  };
  for (const element of Array.isArray(theirs) ? theirs : []) {
    if (!removedByMine.has(elementKey(element))) push(element);
  }
  for (const element of addedByMine) push(element);
  return result;
}

function setChangeText(before: unknown, after: unknown): string {
  const { added, removed } = setDifference(before, after);
  return [...added.map((e) => `+${show(e)}`), ...removed.map((e) => `−${show(e)}`)].join(', ');
}

/** Merges the leaves of one entity present on both sides (`base` undefined: added on both). */
function mergeLeaves(
  member: KeyedMember,
  key: string,
  path: string,
  base: Entity | undefined,
  mine: Entity,
  theirs: Entity,
  rules: LeafRules,
  out: Collector,
): Record<string, unknown> {
  const lb = explode(base);
  const lm = explode(mine);
  const lt = explode(theirs);
  const result = new Map(lt);
  for (const leaf of leafPaths(lt, lm, lb)) {
    const vb = lb.get(leaf);
    const vm = lm.get(leaf);
    const vt = lt.get(leaf);
    const leafPath = `${path}.${leaf}`;
    const isSet = rules.sets.has(leaf);
    const change = (from: unknown, to: unknown): string =>
      isSet ? setChangeText(from, to) : `${show(from)} → ${show(to)}`;
    if (leafEqual(leaf, vm, vt, rules)) {
      if (valuesEqual(vt, vb) && !valuesEqual(vm, vb)) {
        if (vm === undefined) result.delete(leaf);
        else result.set(leaf, vm);
      }
      if (base !== undefined && !leafEqual(leaf, vm, vb, rules)) {
        out.notes.push({
          path: leafPath,
          side: 'both',
          summary: `both made the same change: ${leaf} ${change(vb, vt)}`,
        });
      }
      continue;
    }
    if (base !== undefined && leafEqual(leaf, vm, vb, rules)) {
      out.notes.push({
        path: leafPath,
        side: 'theirs',
        summary: `kept their change: ${leaf} ${change(vb, vt)}`,
      });
      continue;
    }
    if (base !== undefined && leafEqual(leaf, vt, vb, rules)) {
      if (vm === undefined) result.delete(leaf);
      else result.set(leaf, vm);
      out.notes.push({
        path: leafPath,
        side: 'mine',
        summary: `took your change: ${leaf} ${change(vb, vm)}`,
      });
      continue;
    }
    if (isSet && base !== undefined) {
      const merged = mergeSets(vb, vm, vt);
      result.set(leaf, merged);
      out.notes.push({
        path: leafPath,
        side: 'both',
        summary: `merged both sides' set changes: ${leaf} yours ${setChangeText(vb, vm)}; theirs ${setChangeText(vb, vt)}`,
      });
      continue;
    }
    const outcomes: Partial<Record<MergeChoice, unknown>> = { mine: vm, theirs: vt };
    if (isSet) outcomes.both = mergeSets([], vm, vt);
    out.conflicts.push({
      id: leafPath,
      path: leafPath,
      target: { member, key, leaf },
      base: vb,
      mine: vm,
      theirs: vt,
      choices: isSet ? ['mine', 'theirs', 'both'] : ['mine', 'theirs'],
      outcomes,
      summary:
        base === undefined
          ? `both added ${path} with different ${leaf}: yours ${show(vm)}, theirs ${show(vt)}`
          : `both changed ${leaf}: yours ${show(vb)} → ${show(vm)}, theirs ${show(vb)} → ${show(vt)}`,
    });
  }
  return implode(result);
}

/** Notes for an entity changed on one side only: per leaf when it was changed, else whole. */
function entityNotes(
  path: string,
  label: string,
  before: Entity | undefined,
  after: Entity | undefined,
  side: 'mine' | 'theirs',
  rules: LeafRules,
): MergeNote[] {
  const lead = side === 'mine' ? 'took your change' : 'kept their change';
  if (before === undefined || after === undefined) {
    return [
      { path, side, summary: `${lead}: ${before === undefined ? 'added' : 'removed'} ${label}` },
    ];
  }
  const left = explode(before);
  const right = explode(after);
  return leafPaths(left, right)
    .filter((leaf) => !leafEqual(leaf, left.get(leaf), right.get(leaf), rules))
    .map((leaf) => ({
      path: `${path}.${leaf}`,
      side,
      summary: `${lead}: ${leaf} ${
        rules.sets.has(leaf)
          ? setChangeText(left.get(leaf), right.get(leaf))
          : `${show(left.get(leaf))} → ${show(right.get(leaf))}`
      }`,
    }));
}

interface KeyedInput {
  keys: string[];
  entities: Map<string, Entity>;
}

interface KeyedSpec {
  member: KeyedMember;
  rules: LeafRules;
  pathOf: (key: string) => string;
  label: (key: string) => string;
}

/** Merges entities matched by key; returns the merged entities in the merged order. */
function mergeKeyed(
  spec: KeyedSpec,
  base: KeyedInput,
  mine: KeyedInput,
  theirs: KeyedInput,
  out: Collector,
): Map<string, Entity> {
  const merged = new Map<string, Entity>();
  const pendingInserts: MergeConflict[] = [];
  const allKeys = [...new Set([...theirs.keys, ...mine.keys, ...base.keys])];
  const equal = (a: Entity | undefined, b: Entity | undefined): boolean =>
    entitiesEqual(a, b, spec.rules);
  for (const key of allKeys) {
    const b = base.entities.get(key);
    const m = mine.entities.get(key);
    const t = theirs.entities.get(key);
    const path = spec.pathOf(key);
    const label = spec.label(key);
    const describe = (from: Entity | undefined, to: Entity | undefined): string =>
      from === undefined
        ? `added ${label}`
        : to === undefined
          ? `removed ${label}`
          : `changed ${label}`;
    if (equal(m, t)) {
      // Equal under the rules but maybe spelled differently: take the side that changed the text.
      const taken = valuesEqual(t, b) ? m : t;
      if (taken !== undefined) merged.set(key, taken);
      if (!equal(m, b)) {
        out.notes.push({ path, side: 'both', summary: `both ${describe(b, t)} the same way` });
      }
    } else if (equal(m, b)) {
      if (t !== undefined) merged.set(key, t);
      out.notes.push(...entityNotes(path, label, b, t, 'theirs', spec.rules));
    } else if (equal(t, b)) {
      if (m !== undefined) merged.set(key, m);
      out.notes.push(...entityNotes(path, label, b, m, 'mine', spec.rules));
    } else if (m === undefined || t === undefined) {
      // Removed on one side, changed on the other: keep the changed one, or remove it.
      if (t !== undefined) merged.set(key, t);
      const conflict: MergeConflict = {
        id: path,
        path,
        target: { member: spec.member, key },
        base: b,
        mine: m,
        theirs: t,
        choices: ['mine', 'theirs'],
        outcomes: { mine: m, theirs: t },
        summary:
          m === undefined
            ? `you removed ${label}; they changed it`
            : `they removed ${label}; you changed it`,
      };
      out.conflicts.push(conflict);
      if (t === undefined) pendingInserts.push(conflict);
    } else {
      merged.set(key, mergeLeaves(spec.member, key, path, b, m, t, spec.rules, out));
    }
  }
  const ordered = orderKeys(base.keys, mine.keys, theirs.keys, merged);
  const result = new Map<string, Entity>();
  for (const key of ordered) {
    const entity = merged.get(key);
    if (entity !== undefined) result.set(key, entity);
  }
  // Where a kept entity goes if the conflict is resolved to keep it: after its predecessor in
  // mine's order that the merge holds.
  for (const conflict of pendingInserts) {
    if (conflict.target.member === 'securityProfileDescription') continue;
    const index = mine.keys.indexOf(conflict.target.key);
    const before = mine.keys.slice(0, Math.max(index, 0)).reverse();
    conflict.target.insertAfter = before.find((key) => result.has(key)) ?? null;
  }
  return result;
}

/**
 * The merged order: theirs' order then mine's additions; if theirs kept base's order exactly,
 * mine's order (with any of theirs' additions after), so a reorder on one side survives.
 */
function orderKeys(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  present: ReadonlyMap<string, unknown>,
): string[] {
  const theirsUnchanged = theirs.length === base.length && theirs.every((k, i) => base[i] === k);
  if (!theirsUnchanged) {
    const order: string[] = [];
    for (const key of [...theirs, ...mine, ...present.keys()]) {
      if (present.has(key) && !order.includes(key)) order.push(key);
    }
    return order;
  }
  // Theirs kept base's order, so mine's order wins; an entity mine lacks but the merge keeps (a
  // conflict left at theirs) stays after its predecessor in theirs' order.
  const order = mine.filter((key) => present.has(key));
  theirs.forEach((key, index) => {
    if (!present.has(key) || order.includes(key)) return;
    const predecessor = theirs
      .slice(0, index)
      .reverse()
      .find((candidate) => order.includes(candidate));
    order.splice(predecessor === undefined ? 0 : order.indexOf(predecessor) + 1, 0, key);
  });
  for (const key of present.keys()) if (!order.includes(key)) order.push(key);
  return order;
}

function keyedList<T extends object>(
  list: readonly T[] | undefined,
  keyOf: (item: T) => string,
): KeyedInput {
  const entities = new Map<string, Entity>();
  const keys: string[] = [];
  for (const item of list ?? []) {
    const key = keyOf(item);
    // Names are unique in a valid profile; a duplicate (refused by validation) keeps the first.
    if (entities.has(key)) continue;
    keys.push(key);
    entities.set(key, item as Entity);
  }
  return { keys, entities };
}

function keyedMap(map: Readonly<Record<string, object | undefined>> | undefined): KeyedInput {
  const entities = new Map<string, Entity>();
  for (const [key, value] of Object.entries(map ?? {})) {
    if (value !== undefined) entities.set(key, value as Entity);
  }
  return { keys: [...entities.keys()], entities };
}

/** The empty form (absent or empty) of the side that emptied a member, so x's form survives. */
function emptyForm<T>(
  mine: T | undefined,
  theirs: T | undefined,
  isEmpty: (v: T) => boolean,
): T | undefined {
  if (theirs === undefined || isEmpty(theirs)) return theirs;
  if (mine === undefined || isEmpty(mine)) return mine;
  return undefined;
}

const BEHAVIOR_SPEC: KeyedSpec = {
  member: 'behaviors',
  rules: BEHAVIOR_RULES,
  pathOf: behaviorPath,
  label: (key) => `behavior ${key}`,
};
const ALERT_TARGET_SPEC: KeyedSpec = {
  member: 'alertTargets',
  rules: PLAIN_RULES,
  pathOf: (key) => `alertTargets.${key}`,
  label: (key) => `the ${key} alert target`,
};
const EXPORT_SPEC: KeyedSpec = {
  member: 'metricsExportConfig',
  rules: PLAIN_RULES,
  pathOf: () => 'metricsExportConfig',
  label: () => 'the metrics export config',
};
const RETAINED_SPEC: KeyedSpec = {
  member: 'additionalMetricsToRetainV2',
  rules: RETAINED_METRIC_RULES,
  pathOf: retainedMetricPath,
  label: (key) => `retained metric ${key}`,
};
const EXPORT_KEY = 'metricsExportConfig';

function exportInput(config: MetricsExportConfig | undefined): KeyedInput {
  return config === undefined
    ? { keys: [], entities: new Map() }
    : { keys: [EXPORT_KEY], entities: new Map([[EXPORT_KEY, asEntity(config) ?? {}]]) };
}

function mergeDescription(
  base: SecurityProfileFields,
  mine: SecurityProfileFields,
  theirs: SecurityProfileFields,
  out: Collector,
): string | undefined {
  const b = base.securityProfileDescription;
  const m = mine.securityProfileDescription;
  const t = theirs.securityProfileDescription;
  const path = 'securityProfileDescription';
  if (sameDescription(m, t)) {
    if (!sameDescription(m, b)) {
      out.notes.push({ path, side: 'both', summary: 'both made the same description change' });
    }
    return t === b ? m : t;
  }
  if (sameDescription(m, b)) {
    out.notes.push({ path, side: 'theirs', summary: `kept their description ${show(t ?? '')}` });
    return t;
  }
  if (sameDescription(t, b)) {
    out.notes.push({ path, side: 'mine', summary: `took your description ${show(m ?? '')}` });
    return m;
  }
  out.conflicts.push({
    id: path,
    path,
    target: { member: path },
    base: b,
    mine: m,
    theirs: t,
    choices: ['mine', 'theirs'],
    outcomes: { mine: m, theirs: t },
    summary: `both changed the description: yours ${show(m ?? '')}, theirs ${show(t ?? '')}`,
  });
  return t;
}

function mergeRetainedV1(
  base: SecurityProfileFields,
  mine: SecurityProfileFields,
  theirs: SecurityProfileFields,
  out: Collector,
): string[] | undefined {
  const b = base.additionalMetricsToRetain;
  const m = mine.additionalMetricsToRetain;
  const t = theirs.additionalMetricsToRetain;
  const path = 'additionalMetricsToRetain';
  if (setsEqual(m, t) || setsEqual(m, b)) {
    if (!setsEqual(t, b)) {
      out.notes.push({
        path,
        side: setsEqual(m, t) ? 'both' : 'theirs',
        summary: `${setsEqual(m, t) ? SIDE_TEXT.both : SIDE_TEXT.theirs} to the legacy retained metrics: ${setChangeText(b, t)}`,
      });
    }
    const taken = setsEqual(m, t) && valuesEqual(t, b) ? m : t;
    return taken === undefined ? undefined : [...taken];
  }
  if (setsEqual(t, b)) {
    out.notes.push({
      path,
      side: 'mine',
      summary: `${SIDE_TEXT.mine} to the legacy retained metrics: ${setChangeText(b, m)}`,
    });
    return m === undefined ? undefined : [...m];
  }
  const merged = mergeSets(b, m, t) as string[];
  out.notes.push({
    path,
    side: 'both',
    summary: `merged both sides' changes to the legacy retained metrics: yours ${setChangeText(b, m)}; theirs ${setChangeText(b, t)}`,
  });
  return merged.length === 0 ? emptyForm(m, t, (v) => v.length === 0) : merged;
}

/** The three-way merge of a profile's fields: one-side changes taken, true conflicts listed. */
export function mergeProfiles(
  base: SecurityProfileFields,
  mine: SecurityProfileFields,
  theirs: SecurityProfileFields,
): MergeResult {
  const out: Collector = { notes: [], conflicts: [] };
  const merged: SecurityProfileFields = {};

  const description = mergeDescription(base, mine, theirs, out);
  if (description !== undefined) merged.securityProfileDescription = description;

  const byName = (behavior: Behavior): string => behavior.name;
  const behaviors = mergeKeyed(
    BEHAVIOR_SPEC,
    keyedList(base.behaviors, byName),
    keyedList(mine.behaviors, byName),
    keyedList(theirs.behaviors, byName),
    out,
  );
  const behaviorList = [...behaviors.values()].map((b) => cloneValue(b) as unknown as Behavior);
  const behaviorsOut =
    behaviorList.length > 0
      ? behaviorList
      : emptyForm(mine.behaviors, theirs.behaviors, (v) => v.length === 0);
  if (behaviorsOut !== undefined) merged.behaviors = cloneValue(behaviorsOut);

  const targets = mergeKeyed(
    ALERT_TARGET_SPEC,
    keyedMap(base.alertTargets),
    keyedMap(mine.alertTargets),
    keyedMap(theirs.alertTargets),
    out,
  );
  const targetsOut: AlertTargets | undefined =
    targets.size > 0
      ? (Object.fromEntries([...targets].map(([k, v]) => [k, cloneValue(v)])) as AlertTargets)
      : emptyForm(mine.alertTargets, theirs.alertTargets, (v) => Object.keys(v).length === 0);
  if (targetsOut !== undefined) merged.alertTargets = cloneValue(targetsOut);

  const v1 = mergeRetainedV1(base, mine, theirs, out);
  if (v1 !== undefined) merged.additionalMetricsToRetain = v1;

  const retained = mergeKeyed(
    RETAINED_SPEC,
    keyedList(base.additionalMetricsToRetainV2, retainedMetricKey),
    keyedList(mine.additionalMetricsToRetainV2, retainedMetricKey),
    keyedList(theirs.additionalMetricsToRetainV2, retainedMetricKey),
    out,
  );
  const retainedList = [...retained.values()].map(
    (e) => cloneValue(e) as unknown as MetricToRetain,
  );
  const retainedOut =
    retainedList.length > 0
      ? retainedList
      : emptyForm(
          mine.additionalMetricsToRetainV2,
          theirs.additionalMetricsToRetainV2,
          (v) => v.length === 0,
        );
  if (retainedOut !== undefined) merged.additionalMetricsToRetainV2 = cloneValue(retainedOut);

  const exportConfig = mergeKeyed(
    EXPORT_SPEC,
    exportInput(base.metricsExportConfig),
    exportInput(mine.metricsExportConfig),
    exportInput(theirs.metricsExportConfig),
    out,
  ).get(EXPORT_KEY);
  if (exportConfig !== undefined) {
    merged.metricsExportConfig = cloneValue(exportConfig) as unknown as MetricsExportConfig;
  }

  return { merged, autoMerged: out.notes, conflicts: out.conflicts };
}

function applyToList<T extends object>(
  list: T[],
  keyOf: (item: T) => string,
  target: Extract<MergeTarget, { key: string }>,
  value: unknown,
): T[] {
  const index = list.findIndex((item) => keyOf(item) === target.key);
  if (target.leaf !== undefined) {
    const current = list[index];
    if (current === undefined) return list;
    const leaves = explode(asEntity(current));
    if (value === undefined) leaves.delete(target.leaf);
    else leaves.set(target.leaf, value);
    const next = [...list];
    next[index] = implode(leaves) as T;
    return next;
  }
  if (value === undefined) return list.filter((item) => keyOf(item) !== target.key);
  const entity = cloneValue(value) as T;
  if (index >= 0) return list.map((item, i) => (i === index ? entity : item));
  const after =
    target.insertAfter === undefined || target.insertAfter === null
      ? -1
      : list.findIndex((item) => keyOf(item) === target.insertAfter);
  return [...list.slice(0, after + 1), entity, ...list.slice(after + 1)];
}

function applyToEntity(
  current: Entity | undefined,
  leaf: string | undefined,
  value: unknown,
): Entity | undefined {
  if (leaf === undefined) return value === undefined ? undefined : cloneValue(value as Entity);
  if (current === undefined) return undefined;
  const leaves = explode(current);
  if (value === undefined) leaves.delete(leaf);
  else leaves.set(leaf, value);
  return implode(leaves);
}

/**
 * The merged fields with every conflict resolved by `choices` (conflict id → choice). Throws if a
 * conflict has no choice or a choice it does not allow: the caller must resolve them all.
 */
export function resolveMerge(
  result: MergeResult,
  choices: Readonly<Record<string, MergeChoice>>,
): SecurityProfileFields {
  const missing = result.conflicts.filter((conflict) => choices[conflict.id] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `resolveMerge: ${missing.length} conflict${missing.length === 1 ? '' : 's'} left unresolved: ${missing.map((c) => c.id).join(', ')}`,
    );
  }
  const fields = cloneValue(result.merged);
  for (const conflict of result.conflicts) {
    const choice = choices[conflict.id];
    if (choice === undefined || !conflict.choices.includes(choice)) {
      throw new Error(
        `resolveMerge: ${String(choice)} is not a choice for ${conflict.id}; allowed: ${conflict.choices.join(', ')}`,
      );
    }
    const value = conflict.outcomes[choice];
    const target = conflict.target;
    switch (target.member) {
      case 'securityProfileDescription':
        if (value === undefined) delete fields.securityProfileDescription;
        else fields.securityProfileDescription = value as string;
        break;
      case 'behaviors':
        fields.behaviors = applyToList(fields.behaviors ?? [], (b) => b.name, target, value);
        break;
      case 'additionalMetricsToRetainV2':
        fields.additionalMetricsToRetainV2 = applyToList(
          fields.additionalMetricsToRetainV2 ?? [],
          retainedMetricKey,
          target,
          value,
        );
        break;
      case 'alertTargets': {
        const targets: Record<string, object | undefined> = { ...fields.alertTargets };
        const next = applyToEntity(asEntity(targets[target.key]), target.leaf, value);
        const others = Object.entries(targets).filter(([type]) => type !== target.key);
        fields.alertTargets = Object.fromEntries(
          next === undefined ? others : [...others, [target.key, next]],
        ) as AlertTargets;
        break;
      }
      case 'metricsExportConfig': {
        const next = applyToEntity(asEntity(fields.metricsExportConfig), target.leaf, value);
        if (next === undefined) delete fields.metricsExportConfig;
        else fields.metricsExportConfig = next as unknown as MetricsExportConfig;
        break;
      }
    }
  }
  return fields;
}
