import { mergeProfiles } from '../../../../domain/profile-merge';
import type { MergeResult } from '../../../../domain/profile-merge';
import type { SecurityProfile, SecurityProfileFields } from '../../../../domain/security-profile';
import type { StoredDraft } from '../../utils/draft-store';
import { draftFromProfile, fieldsFromDraft } from '../../utils/profile-draft';

/** How a stored draft comes back into the editor. */
export type RestorePlan =
  /** The server is still at the draft's version (or the profile is new): the values are the edit. */
  | { kind: 'restore' }
  /** The server moved on and the merge needs no choice: the merged fields are the edit. */
  | { kind: 'merged'; base: SecurityProfile; theirs: SecurityProfile; result: MergeResult }
  /** The server moved on and both changed the same leaf: the merge dialog asks. */
  | { kind: 'conflicts'; base: SecurityProfile; theirs: SecurityProfile; result: MergeResult };

/** The editable fields of a profile as the editor sees them. */
export function profileFields(profile: SecurityProfile): SecurityProfileFields {
  return fieldsFromDraft(draftFromProfile(profile));
}

/**
 * Decides how `draft` is restored against `loaded` (the profile as the server has it now;
 * undefined for a new profile): as is when the versions match, else three-way merged with the
 * draft's base as base, the draft as mine and `loaded` as theirs.
 */
export function planRestore(draft: StoredDraft, loaded: SecurityProfile | undefined): RestorePlan {
  if (loaded === undefined || draft.base === null || draft.baseVersion === loaded.version) {
    return { kind: 'restore' };
  }
  const result = mergeProfiles(
    profileFields(draft.base),
    fieldsFromDraft(draft.values),
    profileFields(loaded),
  );
  return {
    kind: result.conflicts.length > 0 ? 'conflicts' : 'merged',
    base: draft.base,
    theirs: loaded,
    result,
  };
}
