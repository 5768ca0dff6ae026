import type { ParsedCliInput } from '../../../../domain/update-request';
import { PROFILE_FIELD_MEMBERS } from '../../../../domain/security-profile';
import type { SecurityProfileFields } from '../../../../domain/security-profile';
import { fieldsFromDraft } from '../../utils/profile-draft';
import type { ProfileDraft } from '../../utils/profile-draft';

/** The JSON view's text of a draft: its profile fields, two-space indented. */
export function draftToJson(draft: ProfileDraft): string {
  return JSON.stringify(fieldsFromDraft(draft), null, 2);
}

export type DraftFromJson = { ok: true; draft: ProfileDraft } | { ok: false; error: string };

const FIELD_MEMBERS: ReadonlySet<string> = new Set(PROFILE_FIELD_MEMBERS);
const LIST_VALUE_MEMBERS = ['cidrs', 'ports', 'numbers', 'strings'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'text' : typeof value;
}

/**
 * Why `value` cannot be held by the form's fields, or undefined when it can. Only the shape the
 * form's inputs rely on is checked (objects where objects go, lists where lists go); wrong values
 * inside a well-shaped draft are left to validation, which shows them at their field.
 */
function shapeProblem(value: Record<string, unknown>): string | undefined {
  const unknown = Object.keys(value).filter((key) => !FIELD_MEMBERS.has(key));
  if (unknown.length > 0) {
    return `unknown member ${unknown.map((key) => JSON.stringify(key)).join(', ')} (a profile has ${[...FIELD_MEMBERS].join(', ')})`;
  }
  const description = value['securityProfileDescription'];
  if (description !== undefined && typeof description !== 'string') {
    return `securityProfileDescription must be text, not ${describe(description)}`;
  }
  for (const key of ['behaviors', 'additionalMetricsToRetain', 'additionalMetricsToRetainV2']) {
    const list = value[key];
    if (list !== undefined && !Array.isArray(list))
      return `${key} must be a list, not ${describe(list)}`;
  }
  for (const key of ['alertTargets', 'metricsExportConfig']) {
    const map = value[key];
    if (map !== undefined && !isRecord(map))
      return `${key} must be an object, not ${describe(map)}`;
  }
  const behaviors = (value['behaviors'] ?? []) as unknown[];
  for (const [index, behavior] of behaviors.entries()) {
    const at = `behaviors[${index}]`;
    if (!isRecord(behavior)) return `${at} must be an object, not ${describe(behavior)}`;
    if (typeof behavior['name'] !== 'string') return `${at}.name must be text`;
    const criteria = behavior['criteria'];
    if (criteria === undefined) continue;
    if (!isRecord(criteria)) return `${at}.criteria must be an object`;
    const metricValue = criteria['value'];
    if (metricValue === undefined) continue;
    if (!isRecord(metricValue)) return `${at}.criteria.value must be an object`;
    for (const member of LIST_VALUE_MEMBERS) {
      const list = metricValue[member];
      if (list !== undefined && !Array.isArray(list)) {
        return `${at}.criteria.value.${member} must be a list, not ${describe(list)}`;
      }
    }
  }
  for (const [index, entry] of (
    (value['additionalMetricsToRetainV2'] ?? []) as unknown[]
  ).entries()) {
    if (!isRecord(entry)) return `additionalMetricsToRetainV2[${index}] must be an object`;
  }
  for (const [type, target] of Object.entries((value['alertTargets'] ?? {}) as object)) {
    if (!isRecord(target)) return `alertTargets.${type} must be an object`;
  }
  return undefined;
}

/** The draft whose profile fields are `fields`, keeping the name (the JSON view does not hold it). */
export function draftFromFields(name: string, fields: SecurityProfileFields): ProfileDraft {
  return {
    securityProfileName: name,
    securityProfileDescription: fields.securityProfileDescription ?? '',
    behaviors: fields.behaviors ?? [],
    alertTargets: fields.alertTargets ?? {},
    additionalMetricsToRetain: fields.additionalMetricsToRetain ?? [],
    additionalMetricsToRetainV2: fields.additionalMetricsToRetainV2 ?? [],
    ...(fields.metricsExportConfig ? { metricsExportConfig: fields.metricsExportConfig } : {}),
  };
}

/**
 * Reads the JSON view's text back into a draft named `name`. Refuses text that is not JSON, or
 * JSON the form cannot hold, with the reason; a member left out means "none", as in the view.
 */
export function draftFromJson(text: string, name: string): DraftFromJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(parsed)) {
    return {
      ok: false,
      error: `Expected a JSON object of profile fields, got ${describe(parsed)}`,
    };
  }
  const problem = shapeProblem(parsed);
  if (problem !== undefined) return { ok: false, error: problem };
  return { ok: true, draft: draftFromFields(name, parsed as SecurityProfileFields) };
}

/**
 * The draft after importing a parsed `--cli-input-json` file into `current`. An update input is a
 * patch (members it leaves out stay, its delete flags clear); a create input or a describe output
 * is a whole profile (members it leaves out become none). The file's name is taken only when
 * `takeName` (creating).
 */
export function draftFromImport(
  current: ProfileDraft,
  parsed: Extract<ParsedCliInput, { ok: true }>,
  takeName: boolean,
): ProfileDraft {
  const isPatch = parsed.expectedVersion !== undefined || parsed.cleared.length > 0;
  const base = isPatch ? current : draftFromFields(current.securityProfileName, {});
  const next = draftFromFields(
    takeName && parsed.name !== undefined ? parsed.name : current.securityProfileName,
    { ...fieldsFromDraft(base), ...parsed.fields },
  );
  for (const member of parsed.cleared) {
    if (member === 'behaviors') next.behaviors = [];
    if (member === 'alertTargets') next.alertTargets = {};
    if (member === 'additionalMetricsToRetain') {
      next.additionalMetricsToRetain = [];
      next.additionalMetricsToRetainV2 = [];
    }
    if (member === 'metricsExportConfig') delete next.metricsExportConfig;
  }
  // An import that sets a description to '' clears it; fieldsFromDraft dropped it from the base.
  if (parsed.fields.securityProfileDescription !== undefined) {
    next.securityProfileDescription = parsed.fields.securityProfileDescription;
  }
  return structuredClone(next);
}
