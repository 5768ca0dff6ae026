import { AwsError } from './errors';
import type { VerifiedCaller } from './sigv4';

/** The user pool group whose members may change resources; every other group only reads. */
export const EDITORS_GROUP = 'editors';

/**
 * Whether an operation only reads. It mirrors the viewer role's IAM policy, `iot:Describe*` and
 * `iot:List*`: everything else (ValidateSecurityProfileBehaviors included) is the editor's.
 */
export function isReadOperation(operationName: string): boolean {
  return operationName.startsWith('Describe') || operationName.startsWith('List');
}

/**
 * Refuses with 403 AccessDeniedException, naming the IAM action, a write by temporary credentials
 * whose groups lack `editors`. Long-term keys keep full access, as the local IAM user's policy would.
 */
export function authorize(operationName: string, caller: VerifiedCaller): void {
  if (!caller.temporary || isReadOperation(operationName)) return;
  if (caller.groups.includes(EDITORS_GROUP)) return;
  const action = `iot:${operationName}`;
  throw new AwsError(
    'AccessDeniedException',
    `User: ${caller.principal} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
  );
}
