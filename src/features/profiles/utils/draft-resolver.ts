import { get, set } from 'react-hook-form';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { validateCreateRequest, validateSecurityProfileName } from '../../../domain/validation';
import type { ValidationContext, ValidationIssue } from '../../../domain/validation';
import { fieldsFromDraft } from './profile-draft';
import type { ProfileDraft } from './profile-draft';

/** What the resolver needs besides the values (react-hook-form's `context` option). */
export interface DraftResolverContext {
  /** The account's custom metrics and dimensions, for reference checks. */
  validation: ValidationContext;
}

/** An issue addressed to a form field: `behaviors.2.criteria.value.ports.0`, or `root`. */
export interface DraftIssue extends ValidationIssue {
  /** The react-hook-form path of the field the issue concerns. */
  field: string;
}

const NO_ACCOUNT: ValidationContext = { customMetrics: new Map(), dimensions: new Set() };

/**
 * The react-hook-form path of a validation path: `behaviors[2].criteria.value.ports[0]` becomes
 * `behaviors.2.criteria.value.ports.0`; request-level paths (`body`, '') become `root`.
 */
export function toFormPath(path: string): string {
  if (path === '' || path === 'body') return 'root';
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Every issue of a draft as AWS would find it in the Create/Update request it stands for, plus the
 * name's rule. The same check the resolver runs, so a summary built on it lists what blocks Save.
 */
export function validateDraft(
  draft: ProfileDraft,
  validation: ValidationContext = NO_ACCOUNT,
): DraftIssue[] {
  const issues = [
    ...validateSecurityProfileName(draft.securityProfileName),
    // Update takes the same members with the same rules; delete flags are built later, from a
    // valid draft, by buildUpdateRequest.
    ...validateCreateRequest(fieldsFromDraft(draft), validation),
  ];
  return issues.map((issue) => ({ ...issue, field: toFormPath(issue.path) }));
}

/**
 * React-hook-form errors for issues: one FieldError per field (messages of the same field joined),
 * `type: 'domain'`. An error about a whole list sits on the list and under its `root`, so either
 * reading works beside the per-element errors.
 */
export function toFieldErrors(
  issues: readonly DraftIssue[],
  values: ProfileDraft,
): FieldErrors<ProfileDraft> {
  const messages = new Map<string, string[]>();
  for (const issue of issues) {
    const list = messages.get(issue.field) ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    messages.set(issue.field, list);
  }
  const errors: FieldErrors<ProfileDraft> = {};
  // Shorter paths first: a list's own error is placed before its elements' errors land in it.
  const fields = [...messages.keys()].sort((a, b) => a.split('.').length - b.split('.').length);
  for (const field of fields) {
    const error: FieldError = { type: 'domain', message: (messages.get(field) ?? []).join('; ') };
    if (Array.isArray(get(values, field))) {
      set(errors, field, Object.assign([], error, { root: error }));
    } else {
      const existing: unknown = get(errors, field);
      set(
        errors,
        field,
        typeof existing === 'object' && existing !== null ? Object.assign(existing, error) : error,
      );
    }
  }
  return errors;
}

/**
 * The editor form's resolver: the domain validation over the form values, errors at the matching
 * dotted paths. Values that fail stay in the form untouched (react-hook-form keeps its own values).
 */
export const draftResolver: Resolver<ProfileDraft, DraftResolverContext | undefined> = (
  values,
  context,
) => {
  const issues = validateDraft(values, context?.validation);
  if (issues.length === 0) return { values, errors: {} };
  return { values: {}, errors: toFieldErrors(issues, values) };
};
