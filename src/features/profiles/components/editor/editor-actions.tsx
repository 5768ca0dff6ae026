import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import type { RefObject } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { ErrorAlert } from '../../../../components/error-alert';
import type { SecurityProfile } from '../../../../domain/security-profile';
import { buildUpdateRequest, hasChanges } from '../../../../domain/update-request';
import type { ValidationContext } from '../../../../domain/validation';
import { retryLabel, saveBlockedReason } from '../../../../lib/aws/connectivity';
import { toAppError } from '../../../../lib/aws/errors';
import { useConnectivity } from '../../../../lib/aws/iot-client-context';
import { useUnsavedChangesGuard } from '../../hooks/use-unsaved-changes-guard';
import { validateDraft } from '../../utils/draft-resolver';
import { fieldsFromDraft } from '../../utils/profile-draft';
import type { ProfileDraft } from '../../utils/profile-draft';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorSummary } from './error-summary';

export interface EditorActionsProps {
  /** The profile as loaded or last saved; undefined while creating. */
  base: SecurityProfile | undefined;
  validation: ValidationContext;
  saving: boolean;
  saveError: unknown;
  /** The version just saved, for the confirmation (null when nothing was saved yet). */
  savedVersion: number | null;
  onSave: () => void;
  onReloadTheirs: () => void;
  reloading: boolean;
  onJump: (field: string) => void;
  /** Set by the page before it navigates away itself (after create or delete): not asked. */
  leaving: RefObject<boolean>;
}

/** The calls a save makes: their retries are this bar's "Retrying (attempt n of m)…". */
const SAVE_OPERATIONS = ['UpdateSecurityProfileCommand', 'CreateSecurityProfileCommand'];

function saveBlocker(issueCount: number, changed: boolean, creating: boolean): string | null {
  if (issueCount > 0) {
    return `Fix ${issueCount} ${issueCount === 1 ? 'problem' : 'problems'} to ${creating ? 'create' : 'save'}.`;
  }
  if (!changed && !creating) return 'No changes to save.';
  return null;
}

/**
 * The save bar: Save/Create (disabled with the reason while offline, the endpoint is unreachable,
 * or the draft is invalid or unchanged; "Retrying (attempt n of m)…" while a save waits to retry),
 * the outcome of the last attempt (error with request id, version conflict, saved version), the
 * summary of every problem, and the question before leaving with unsaved edits.
 */
export function EditorActions({
  base,
  validation,
  saving,
  saveError,
  savedVersion,
  onSave,
  onReloadTheirs,
  reloading,
  onJump,
  leaving,
}: EditorActionsProps) {
  const { control } = useFormContext<ProfileDraft>();
  // Every value, so the issues and the pending request follow each keystroke. This component is
  // the only one re-rendered for it; the sections watch their own fields.
  const watched = useWatch({ control }) as ProfileDraft;
  // Checking the whole draft and diffing it against the loaded profile costs milliseconds at the
  // quotas; deferred, it runs after the keystroke has painted instead of delaying it.
  const values = useDeferredValue(watched);
  const { isDirty } = useFormState({ control });
  const creating = base === undefined;
  // A new, untouched form lists no problems yet: "name must not be empty" before typing helps no one.
  const showIssues = !creating || isDirty;
  const issues = useMemo(() => validateDraft(values, validation), [values, validation]);
  const changed = useMemo(
    () => (base ? hasChanges(buildUpdateRequest(base, fieldsFromDraft(values))) : isDirty),
    [base, values, isDirty],
  );
  const blocker = useUnsavedChangesGuard(changed, leaving);
  const connectivity = useConnectivity();
  // No connection comes first: it blocks whatever the draft holds, and edits are kept meanwhile.
  const blocked = saveBlockedReason(connectivity) ?? saveBlocker(issues.length, changed, creating);
  const retrying = saving ? retryLabel(connectivity, SAVE_OPERATIONS) : null;
  const errorName = saveError === null ? undefined : toAppError(saveError).name;
  const conflict = errorName === 'VersionConflictException';
  const nameTaken = errorName === 'ResourceAlreadyExistsException';

  // A fragment: the sticky save row must be a child of the page's long column to stay in view.
  return (
    <>
      {/* Stays in view under the header, so Save is reachable from anywhere in a long profile. */}
      <Group
        gap="sm"
        py="xs"
        style={{
          position: 'sticky',
          top: 'var(--app-shell-header-height, 56px)',
          zIndex: 3,
          background: 'var(--mantine-color-body)',
        }}
      >
        <Button onClick={onSave} disabled={blocked !== null} loading={saving}>
          {creating ? 'Create profile' : 'Save changes'}
        </Button>
        <Text size="sm" c="dimmed" role="status">
          {retrying ?? blocked ?? (creating ? 'Ready to create.' : 'Unsaved changes.')}
        </Text>
      </Group>
      {savedVersion !== null && !changed ? (
        <Alert color="green" variant="light" role="status" title="Saved">
          The profile is now at version {savedVersion}.
        </Alert>
      ) : null}
      {conflict ? (
        <Alert color="orange" variant="light" role="alert" title="Someone else saved first">
          <Stack gap="xs">
            <Text size="sm">
              The profile changed after you loaded version {base?.version}, so your save was
              refused. Your edits are still here. You can reload their version (your edits are
              discarded) or copy your edits out first with Export JSON.
            </Text>
            <Group>
              <Button size="xs" color="orange" onClick={onReloadTheirs} loading={reloading}>
                Reload their version
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : nameTaken ? (
        <Alert color="red" variant="light" role="alert" title="That name is taken">
          A security profile named {values.securityProfileName} already exists in this account and
          region. Choose another name; nothing you entered was lost.
        </Alert>
      ) : saveError ? (
        <ErrorAlert
          title={creating ? 'Could not create the profile' : 'Could not save the profile'}
          error={saveError}
        />
      ) : null}
      {showIssues ? <ErrorSummary issues={issues} draft={values} onJump={onJump} /> : null}
      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        title="Leave without saving?"
        message="This profile has changes that are not saved. Leaving discards them."
        confirmLabel="Leave and discard changes"
        cancelLabel="Stay on this page"
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      />
    </>
  );
}
