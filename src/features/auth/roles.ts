/** What a signed-in user may do, from the user pool group they belong to. */
export type Role = 'editor' | 'viewer';

/** The user pool groups the roles come from (and the identity pool maps to IAM roles). */
export const ROLE_GROUPS = { editor: 'editors', viewer: 'viewers' } as const;

/** The `cognito:groups` claim of an ID token's payload, as strings; empty when absent. */
export function groupsFromClaims(claims: Record<string, unknown>): string[] {
  const groups = claims['cognito:groups'];
  if (!Array.isArray(groups)) return [];
  return groups.filter((group): group is string => typeof group === 'string');
}

/** The role of a user in these groups: editor wins over viewer; null when in neither. */
export function roleFromGroups(groups: readonly string[]): Role | null {
  if (groups.includes(ROLE_GROUPS.editor)) return 'editor';
  if (groups.includes(ROLE_GROUPS.viewer)) return 'viewer';
  return null;
}

/** The role as the header shows it. */
export function roleLabel(role: Role): string {
  return role === 'editor' ? 'Editor' : 'Viewer';
}

/** Why a viewer sees everything read-only; shown next to the editor and the disabled actions. */
export const VIEWER_READ_ONLY_REASON =
  'You are signed in as a viewer (group “viewers”), so profiles are read-only for you: saving, ' +
  'creating and deleting need the editors group. Ask an administrator if you need to edit.';
