import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { ErrorAlert } from '../../../../components/error-alert';
import { diffProfiles, weakeningChanges } from '../../../../domain/profile-diff';
import type { Change } from '../../../../domain/profile-diff';
import type {
  Behavior,
  CreateSecurityProfileRequest,
  SecurityProfile,
  SecurityProfileFields,
  UpdateSecurityProfileRequest,
} from '../../../../domain/security-profile';
import {
  buildCreateRequest,
  buildUpdateRequest,
  hasChanges,
  toCliCommand,
  toCliInputJson,
} from '../../../../domain/update-request';
import type { ValidationContext, ValidationIssue } from '../../../../domain/validation';
import {
  formatIssue,
  validateCreateRequest,
  validateSecurityProfileName,
  validateUpdateRequest,
} from '../../../../domain/validation';
import { useIotClient } from '../../../../lib/aws/iot-client-context';
import { validateBehaviorsOptions } from '../../api/validate-behaviors';
import { ChangeList } from './change-list';
import { pointAtBehavior } from './save-format';

/** What the preview confirms: an update of a loaded profile, or the creation of a new one. */
export type SaveRequest = UpdateSecurityProfileRequest | CreateSecurityProfileRequest;

export interface PreviewDialogProps {
  opened: boolean;
  /** The profile the edit started from; undefined when creating a new profile. */
  loaded?: SecurityProfile;
  edited: SecurityProfileFields;
  name: string;
  validation: ValidationContext;
  saving: boolean;
  saveError: unknown;
  /** Called with the exact request the dialog shows, once nothing blocks it. */
  onConfirm: (request: SaveRequest) => void;
  onClose: () => void;
}

const NO_BEHAVIORS: readonly Behavior[] = [];

/** The local issues of the request's body: the name and version travel in the path and query. */
function localIssues(
  request: SaveRequest,
  creating: boolean,
  name: string,
  validation: ValidationContext,
): ValidationIssue[] {
  const body = Object.fromEntries(
    Object.entries(request).filter(([key]) => key !== 'securityProfileName'),
  );
  if (!creating) return validateUpdateRequest(body, validation);
  return [...validateSecurityProfileName(name), ...validateCreateRequest(body, validation)];
}

const SHOWN_WEAKENING = 3;

/** The weakening changes in one sentence, the first few named (the list badges them all). */
function weakeningText(changes: readonly Change[]): string {
  const named = changes.slice(0, SHOWN_WEAKENING).map((change) => change.summary);
  const more =
    changes.length > SHOWN_WEAKENING ? ` and ${changes.length - SHOWN_WEAKENING} more` : '';
  const verb = changes.length === 1 ? 'change makes' : 'changes make';
  return `${changes.length} ${verb} Device Defender alarm less: ${named.join('; ')}${more}.`;
}

function CopyText({ text, label }: { text: string; label: string }) {
  return (
    <CopyButton value={text}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant="light"
          color={copied ? 'teal' : undefined}
          onClick={copy}
          aria-label={copied ? `${label}: copied` : label}
        >
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  );
}

interface VerdictProps {
  behaviors: readonly Behavior[];
  enabled: boolean;
}

type VerdictState = 'none' | 'pending' | 'valid' | 'refused';

/** The server's verdict on the behaviors, and whether it lets the save go. */
function useServerVerdict({ behaviors, enabled }: VerdictProps) {
  const client = useIotClient();
  const query = useQuery({
    ...validateBehaviorsOptions(client, behaviors),
    enabled: enabled && behaviors.length > 0,
  });
  let state: VerdictState;
  if (behaviors.length === 0) state = 'none';
  else if (query.isError) state = 'refused';
  else if (query.data === undefined) state = 'pending';
  else state = query.data.valid ? 'valid' : 'refused';
  return { query, state };
}

function ServerVerdict({
  behaviors,
  verdict,
}: {
  behaviors: readonly Behavior[];
  verdict: ReturnType<typeof useServerVerdict>;
}) {
  const { query, state } = verdict;
  const titleId = useId();
  let body;
  if (state === 'none') {
    body = (
      <Text size="sm" c="dimmed">
        No behaviors to check: the profile will have none.
      </Text>
    );
  } else if (state === 'pending') {
    body = (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">Asking AWS IoT to validate the behaviors…</Text>
      </Group>
    );
  } else if (query.isError) {
    body = (
      <ErrorAlert
        title="AWS IoT could not validate the behaviors; saving is blocked"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else if (state === 'refused') {
    const problems = query.data?.problems ?? [];
    body = (
      <Alert
        role="alert"
        color="red"
        variant="light"
        title="AWS IoT refuses these behaviors; saving is blocked"
        icon={<IconAlertTriangle aria-hidden />}
      >
        {problems.length === 0 ? (
          <Text size="sm">The service answered not valid without naming a problem.</Text>
        ) : (
          <List size="sm" spacing={4}>
            {problems.map((problem) => {
              const pointed = pointAtBehavior(problem, behaviors);
              return (
                <List.Item key={problem}>
                  {pointed.behavior === undefined ? (
                    pointed.message
                  ) : (
                    <>
                      <Text span fw={600} size="sm">
                        Behavior {pointed.behavior}
                        {pointed.field === undefined ? '' : ` · ${pointed.field}`}
                      </Text>
                      {`: ${pointed.message}`}
                    </>
                  )}
                </List.Item>
              );
            })}
          </List>
        )}
      </Alert>
    );
  } else {
    body = (
      <Group gap="xs">
        <IconCircleCheck aria-hidden color="var(--mantine-color-teal-6)" size={18} />
        <Text size="sm">
          AWS IoT validated the {behaviors.length === 1 ? 'behavior' : 'behaviors'}: no problems.
        </Text>
      </Group>
    );
  }
  return (
    <section aria-labelledby={titleId}>
      <Title order={4} size="h5" id={titleId} mb={4}>
        Server validation
      </Title>
      {body}
    </section>
  );
}

/**
 * The preview every save goes through: the change list in plain words with each change's effect
 * on detection, an acknowledgement when any change weakens detection, the exact request and its
 * AWS CLI equivalent, and AWS IoT's own verdict on the behaviors. Save works only when nothing
 * blocks it (no changes, unacknowledged weakening, a local problem, the server's refusal or a
 * verdict still pending).
 */
export function PreviewDialog({
  opened,
  loaded,
  edited,
  name,
  validation,
  saving,
  saveError,
  onConfirm,
  onClose,
}: PreviewDialogProps) {
  const creating = loaded === undefined;
  const request: SaveRequest = useMemo(
    () =>
      loaded === undefined ? buildCreateRequest(name, edited) : buildUpdateRequest(loaded, edited),
    [loaded, edited, name],
  );
  const requestJson = useMemo(() => toCliInputJson(request), [request]);
  const cliCommand = useMemo(
    () => toCliCommand(request, creating ? 'create' : 'update'),
    [request, creating],
  );
  // A new profile is all additions: its diff is against nothing.
  const diff = useMemo(() => diffProfiles(loaded ?? {}, edited), [loaded, edited]);
  const weakening = useMemo(() => weakeningChanges(diff), [diff]);
  const issues = useMemo(
    () => localIssues(request, creating, name, validation),
    [request, creating, name, validation],
  );
  // For an update, an empty request and an empty diff are the same thing (one equality rules both).
  const changed = creating || hasChanges(request);
  const behaviors = edited.behaviors ?? NO_BEHAVIORS;
  // Nothing to save, nothing to ask the server about.
  const verdict = useServerVerdict({ behaviors, enabled: opened && changed });

  // The acknowledgement belongs to one request: any change to it asks again.
  const [acknowledgedFor, setAcknowledgedFor] = useState<string | null>(null);
  const acknowledged = acknowledgedFor === requestJson;
  const [tab, setTab] = useState<string | null>('changes');
  const ids = useId();

  let blocker: string | null = null;
  if (!changed) blocker = 'No changes to save.';
  else if (issues.length > 0) {
    blocker = `Fix ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} to save.`;
  } else if (verdict.state === 'pending')
    blocker = 'Waiting for AWS IoT to validate the behaviors.';
  else if (verdict.state === 'refused') blocker = 'AWS IoT refuses the behaviors (see below).';
  else if (weakening.length > 0 && !acknowledged) {
    blocker = 'Confirm that you understand this weakens detection.';
  }

  const title = creating ? `Review new profile ${name}` : `Review changes to ${name}`;
  const confirmLabel = creating ? `Create ${name}` : `Save as version ${loaded.version + 1}`;
  const operation = creating ? 'CreateSecurityProfile' : 'UpdateSecurityProfile';

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      <Stack gap="md">
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="changes">Changes</Tabs.Tab>
            <Tabs.Tab value="request">Request and CLI</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="changes" pt="md">
            <ChangeList diff={diff} />
          </Tabs.Panel>
          <Tabs.Panel value="request" pt="md">
            <Stack gap="md">
              <section aria-labelledby={`${ids}-request`}>
                <Group justify="space-between" mb={4}>
                  <Title order={4} size="h5" id={`${ids}-request`}>
                    {operation} request
                  </Title>
                  <CopyText text={requestJson} label="Copy request JSON" />
                </Group>
                <Code
                  block
                  aria-label={`${operation} request JSON`}
                  tabIndex={0}
                  style={{ maxHeight: 360, overflow: 'auto' }}
                >
                  {requestJson}
                </Code>
                {creating ? null : (
                  <Text size="xs" c="dimmed" mt={4}>
                    expectedVersion {loaded.version}: if someone saved since, the save fails with a
                    version conflict instead of overwriting their work.
                  </Text>
                )}
              </section>
              <section aria-labelledby={`${ids}-cli`}>
                <Group justify="space-between" mb={4}>
                  <Title order={4} size="h5" id={`${ids}-cli`}>
                    AWS CLI equivalent
                  </Title>
                  <CopyText text={cliCommand} label="Copy CLI command" />
                </Group>
                <Code
                  block
                  aria-label="AWS CLI command"
                  tabIndex={0}
                  style={{
                    whiteSpace: 'pre-wrap',
                    wordBreak: 'break-all',
                    maxHeight: 240,
                    overflow: 'auto',
                  }}
                >
                  {cliCommand}
                </Code>
              </section>
            </Stack>
          </Tabs.Panel>
        </Tabs>

        {changed ? <ServerVerdict behaviors={behaviors} verdict={verdict} /> : null}

        {changed && issues.length > 0 ? (
          <Alert
            role="alert"
            color="red"
            variant="light"
            title={`${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} in the request`}
            icon={<IconAlertTriangle aria-hidden />}
          >
            <List size="sm" spacing={4}>
              {issues.map((issue) => (
                <List.Item key={`${issue.path}|${issue.message}`}>{formatIssue(issue)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}

        {changed && weakening.length > 0 ? (
          <Checkbox
            color="red"
            label="I understand this weakens detection"
            description={weakeningText(weakening)}
            checked={acknowledged}
            onChange={(event) =>
              setAcknowledgedFor(event.currentTarget.checked ? requestJson : null)
            }
          />
        ) : null}

        {saveError === null || saveError === undefined ? null : (
          <ErrorAlert title="The save failed" error={saveError} />
        )}

        <Group justify="flex-end" gap="sm">
          {blocker === null ? null : (
            <Text size="sm" c="dimmed" id={`${ids}-blocker`}>
              {blocker}
            </Text>
          )}
          <Button variant="default" onClick={onClose}>
            Back to editing
          </Button>
          <Button
            onClick={() => onConfirm(request)}
            disabled={blocker !== null}
            loading={saving}
            aria-describedby={blocker === null ? undefined : `${ids}-blocker`}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
