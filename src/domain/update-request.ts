/**
 * The requests the editor sends: UpdateSecurityProfile with PATCH semantics, CreateSecurityProfile,
 * and their AWS CLI equivalents (`--cli-input-json`), plus reading such a file back.
 *
 * UpdateSecurityProfile is a PATCH: members left out stay as they are, and an empty list or map is
 * NOT a deletion. Clearing takes the member's delete flag, sent without the member ("If any
 * behaviors are defined in the current invocation, an exception occurs"); AWS's own CloudFormation
 * handler does exactly this. Equality is the one the preview uses (profile-leaves.ts), so
 * the request carries exactly what the preview shows.
 */

import {
  cloneValue,
  sameAlertTargets,
  sameBehaviors,
  sameDescription,
  sameExportConfig,
  sameRetainedV1,
  sameRetainedV2,
} from './profile-leaves';
import { PROFILE_FIELD_MEMBERS } from './security-profile';
import type {
  CreateSecurityProfileRequest,
  SecurityProfile,
  SecurityProfileFields,
  Tag,
  UpdateSecurityProfileRequest,
} from './security-profile';
import {
  type ValidationContext,
  formatIssue,
  validateCreateRequest,
  validateSecurityProfileName,
  validateUpdateRequest,
} from './validation';

function isNonEmpty<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/**
 * The UpdateSecurityProfile request turning `loaded` into `edited`: only changed members, emptied
 * lists as delete flags, and always `expectedVersion` = the loaded version.
 */
export function buildUpdateRequest(
  loaded: SecurityProfile,
  edited: SecurityProfileFields,
): UpdateSecurityProfileRequest {
  const request: UpdateSecurityProfileRequest = {
    securityProfileName: loaded.securityProfileName,
    expectedVersion: loaded.version,
  };

  if (!sameDescription(loaded.securityProfileDescription, edited.securityProfileDescription)) {
    // '' is how a description is cleared: there is no delete flag for it.
    request.securityProfileDescription = edited.securityProfileDescription ?? '';
  }

  if (!sameBehaviors(loaded.behaviors, edited.behaviors)) {
    if (isNonEmpty(edited.behaviors)) request.behaviors = cloneValue(edited.behaviors);
    else request.deleteBehaviors = true;
  }

  if (!sameAlertTargets(loaded.alertTargets, edited.alertTargets)) {
    if (Object.keys(edited.alertTargets ?? {}).length > 0) {
      request.alertTargets = cloneValue(edited.alertTargets);
    } else request.deleteAlertTargets = true;
  }

  // V1 (deprecated names) and V2 are one group: a single flag deletes both. The local endpoint
  // treats a call that sets V2 without V1 as superseding V1 (V1 is cleared), so "migrate the legacy
  // V1 entries to V2" is one save: V2 holds them all and V1, now empty, is simply not sent.
  // The same rule means V2 must never travel alone while V1 keeps entries, or they would be lost
  // silently: V1 is re-sent with V2 whenever it is non-empty (a deliberate widening of "send V1
  // only when it changed", which would drop untouched legacy entries on any V2 edit).
  const v1Changed = !sameRetainedV1(
    loaded.additionalMetricsToRetain,
    edited.additionalMetricsToRetain,
  );
  const v2Changed = !sameRetainedV2(
    loaded.additionalMetricsToRetainV2,
    edited.additionalMetricsToRetainV2,
  );
  if (v1Changed || v2Changed) {
    const v1 = edited.additionalMetricsToRetain ?? [];
    const v2 = edited.additionalMetricsToRetainV2 ?? [];
    if (v1.length === 0 && v2.length === 0) {
      request.deleteAdditionalMetricsToRetain = true;
    } else if (v2Changed && v2.length === 0) {
      // V2 emptied while legacy V1 entries stay. `[]` would be "no change" on AWS, and the flag
      // would delete V1 too; sending V1's metrics as V2 entries (without V1) leaves exactly the
      // metrics the editor shows retained, now in V2 form.
      request.additionalMetricsToRetainV2 = v1.map((metric) => ({ metric }));
    } else {
      const sendV2 = v2Changed || v2.length > 0;
      if (sendV2) request.additionalMetricsToRetainV2 = cloneValue(v2);
      if (v1.length > 0 && (v1Changed || sendV2)) request.additionalMetricsToRetain = [...v1];
    }
  }

  if (!sameExportConfig(loaded.metricsExportConfig, edited.metricsExportConfig)) {
    if (edited.metricsExportConfig === undefined) request.deleteMetricsExportConfig = true;
    else request.metricsExportConfig = cloneValue(edited.metricsExportConfig);
  }
  return request;
}

/** The CreateSecurityProfile request for a draft: empty lists, maps and description left out. */
export function buildCreateRequest(
  name: string,
  draft: SecurityProfileFields,
  tags?: Tag[],
): CreateSecurityProfileRequest {
  const request: CreateSecurityProfileRequest = { securityProfileName: name };
  const description = draft.securityProfileDescription ?? '';
  if (description !== '') request.securityProfileDescription = description;
  if (isNonEmpty(draft.behaviors)) request.behaviors = cloneValue(draft.behaviors);
  if (Object.keys(draft.alertTargets ?? {}).length > 0) {
    request.alertTargets = cloneValue(draft.alertTargets);
  }
  if (isNonEmpty(draft.additionalMetricsToRetain)) {
    request.additionalMetricsToRetain = [...draft.additionalMetricsToRetain];
  }
  if (isNonEmpty(draft.additionalMetricsToRetainV2)) {
    request.additionalMetricsToRetainV2 = cloneValue(draft.additionalMetricsToRetainV2);
  }
  if (draft.metricsExportConfig !== undefined) {
    request.metricsExportConfig = cloneValue(draft.metricsExportConfig);
  }
  if (isNonEmpty(tags)) request.tags = cloneValue(tags);
  return request;
}

/** Whether an update request changes anything besides naming the profile and its version. */
export function hasChanges(request: UpdateSecurityProfileRequest): boolean {
  return Object.entries(request).some(
    ([key, value]) =>
      key !== 'securityProfileName' &&
      key !== 'expectedVersion' &&
      value !== undefined &&
      // A delete flag set to false deletes nothing.
      !(key.startsWith('delete') && value === false),
  );
}

export type CliOperation = 'update' | 'create';

/** Members in the order `aws iot … --generate-cli-skeleton` lists them (create's tags after V2). */
const CLI_MEMBERS = [
  'securityProfileName',
  'securityProfileDescription',
  'behaviors',
  'alertTargets',
  'additionalMetricsToRetain',
  'additionalMetricsToRetainV2',
  'tags',
  'deleteBehaviors',
  'deleteAlertTargets',
  'deleteAdditionalMetricsToRetain',
  'expectedVersion',
  'metricsExportConfig',
  'deleteMetricsExportConfig',
] as const;

const UPDATE_ONLY_MEMBERS: readonly string[] = [
  'expectedVersion',
  'deleteBehaviors',
  'deleteAlertTargets',
  'deleteAdditionalMetricsToRetain',
  'deleteMetricsExportConfig',
];

/** Members of a describe-security-profile output that an import may carry and ignores. */
const OUTPUT_ONLY_MEMBERS: readonly string[] = [
  'securityProfileArn',
  'version',
  'creationDate',
  'lastModifiedDate',
];

type AnyRequest = UpdateSecurityProfileRequest | CreateSecurityProfileRequest;

/** The request as the JSON object `--cli-input-json` takes; members are the API's names. */
export function toCliInput(request: AnyRequest): Record<string, unknown> {
  const source = request as Partial<Record<(typeof CLI_MEMBERS)[number], unknown>>;
  const input: Record<string, unknown> = {};
  for (const member of CLI_MEMBERS) {
    const value = source[member];
    if (value !== undefined) input[member] = cloneValue(value);
  }
  return input;
}

/** The request as the text of a `--cli-input-json` file (two-space indented JSON). */
export function toCliInputJson(request: AnyRequest): string {
  return JSON.stringify(toCliInput(request), null, 2);
}

/** Text wrapped in single quotes for a POSIX shell: each `'` becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A copy-pasteable `aws iot update-security-profile --cli-input-json '…'` (or create-) command.
 * Throws if a create command is asked for a request that carries update-only members.
 */
export function toCliCommand(request: AnyRequest, op: CliOperation): string {
  const input = toCliInput(request);
  if (op === 'create') {
    const updateOnly = UPDATE_ONLY_MEMBERS.filter((member) => member in input);
    if (updateOnly.length > 0) {
      throw new Error(
        `toCliCommand: create-security-profile takes no ${updateOnly.join(', ')}; pass an update request with 'update'`,
      );
    }
  } else if ('tags' in input) {
    throw new Error('toCliCommand: update-security-profile takes no tags; use tag-resource');
  }
  return `aws iot ${op}-security-profile --cli-input-json ${shellQuote(JSON.stringify(input))}`;
}

export type ClearedMember =
  'behaviors' | 'alertTargets' | 'additionalMetricsToRetain' | 'metricsExportConfig';

export type ParsedCliInput =
  | {
      ok: true;
      /** The members the file sets (an update input may set only some). */
      fields: SecurityProfileFields;
      /**
       * Members the file's delete flags clear (absent from `fields`); 'additionalMetricsToRetain'
       * stands for both retained-metric lists, as deleteAdditionalMetricsToRetain does.
       */
      cleared: ClearedMember[];
      name?: string;
      expectedVersion?: number;
      tags?: Tag[];
    }
  | { ok: false; error: string };

const DELETE_FLAGS: readonly [string, ClearedMember][] = [
  ['deleteBehaviors', 'behaviors'],
  ['deleteAlertTargets', 'alertTargets'],
  ['deleteAdditionalMetricsToRetain', 'additionalMetricsToRetain'],
  ['deleteMetricsExportConfig', 'metricsExportConfig'],
];

const KNOWN_MEMBERS: ReadonlySet<string> = new Set<string>([
  ...CLI_MEMBERS,
  ...OUTPUT_ONLY_MEMBERS,
]);

/** A copy without `null` members: restJson1 reads `null` as absent, and so does validation. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== null) copy[key] = withoutNulls(member);
    }
    return copy;
  }
  return value;
}

const NO_CONTEXT: ValidationContext = { customMetrics: new Map(), dimensions: new Set() };
const SHOWN_PROBLEMS = 5;

/**
 * Reads a `--cli-input-json` file (create or update), or a describe-security-profile output, for
 * import into the editor; refuses anything that is not one with a message saying why. Only the
 * model's constraints are checked here: references to custom metrics and dimensions are the
 * editor's validation, which knows the account.
 */
export function parseCliInputJson(text: string): ParsedCliInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file is not valid JSON: ${detail}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const got = parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : typeof parsed;
    return {
      ok: false,
      error: `Expected a JSON object with security profile members (as --cli-input-json takes), got ${got}`,
    };
  }
  const record = withoutNulls(parsed) as Record<string, unknown>;
  const keys = Object.keys(record);
  const unknown = keys.filter((key) => !KNOWN_MEMBERS.has(key));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `This is not a security profile input: unknown member${unknown.length === 1 ? '' : 's'} ${unknown
        .slice(0, SHOWN_PROBLEMS)
        .map((key) => JSON.stringify(key))
        .join(', ')} (the AWS CLI refuses unknown parameters too)`,
    };
  }
  const profileKeys = keys.filter((key) => !OUTPUT_ONLY_MEMBERS.includes(key));
  if (profileKeys.length === 0) {
    return {
      ok: false,
      error:
        'This is not a security profile input: it has none of securityProfileName, securityProfileDescription, behaviors, alertTargets, additionalMetricsToRetainV2 or metricsExportConfig',
    };
  }
  const isUpdate = UPDATE_ONLY_MEMBERS.some((member) => member in record);
  if (isUpdate && 'tags' in record) {
    return {
      ok: false,
      error: 'The file mixes tags (create only) with expectedVersion or delete flags (update only)',
    };
  }

  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'securityProfileName' || key === 'expectedVersion') continue;
    if (OUTPUT_ONLY_MEMBERS.includes(key)) continue;
    body[key] = value;
  }
  const name = record['securityProfileName'];
  const expectedVersion = record['expectedVersion'];
  const problems = [
    ...(name === undefined ? [] : validateSecurityProfileName(name)),
    ...(expectedVersion === undefined ||
    (typeof expectedVersion === 'number' && Number.isSafeInteger(expectedVersion))
      ? []
      : [
          {
            path: 'expectedVersion',
            message: `expected a whole number, got ${JSON.stringify(expectedVersion)}`,
            kind: 'constraint' as const,
          },
        ]),
    ...(isUpdate
      ? validateUpdateRequest(body, NO_CONTEXT)
      : validateCreateRequest(body, NO_CONTEXT)),
  ].filter((issue) => issue.kind === 'constraint');
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map(formatIssue).join('; ');
    const more =
      problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more)` : '';
    return {
      ok: false,
      error: `The file is not a valid security profile input: ${shown}${more}`,
    };
  }

  // Past the constraint checks every member has its model type, so the casts below hold.
  const fields: SecurityProfileFields = {};
  const target = fields as Record<string, unknown>;
  for (const member of PROFILE_FIELD_MEMBERS) {
    if (body[member] !== undefined) target[member] = body[member];
  }
  const cleared = DELETE_FLAGS.filter(([flag]) => body[flag] === true).map(([, member]) => member);
  const result: ParsedCliInput = { ok: true, fields, cleared };
  if (typeof name === 'string') result.name = name;
  if (typeof expectedVersion === 'number') result.expectedVersion = expectedVersion;
  if (Array.isArray(body['tags'])) result.tags = body['tags'] as Tag[];
  return result;
}
