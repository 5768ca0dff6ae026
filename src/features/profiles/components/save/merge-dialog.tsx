import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type {
  MergeChoice,
  MergeConflict,
  MergeNote,
  MergeResult,
} from '../../../../domain/profile-merge';
import { mergeProfiles, resolveMerge } from '../../../../domain/profile-merge';
import type { SecurityProfile, SecurityProfileFields } from '../../../../domain/security-profile';
import { describeEntity, describePath, showValue, timeAgo } from './save-format';

export interface MergeDialogProps {
  opened: boolean;
  /** The version the edit started from. */
  base: SecurityProfile;
  /** The edit. */
  mine: SecurityProfileFields;
  /** The version on the server now, saved by someone else. */
  theirs: SecurityProfile;
  /** The merge with every conflict resolved; save it with expectedVersion = theirs.version. */
  onMerged: (fields: SecurityProfileFields) => void;
  /** Drop the edit and load theirs. */
  onDiscardMine: () => void;
  /** Save mine over theirs (still with expectedVersion = theirs.version); confirmed first. */
  onOverwrite: () => void;
  onClose: () => void;
}

const SIDE_LABEL: Record<MergeNote['side'], string> = {
  mine: 'Yours',
  theirs: 'Theirs',
  both: 'Both',
};
const SIDE_COLOR: Record<MergeNote['side'], string> = {
  mine: 'blue',
  theirs: 'grape',
  both: 'gray',
};
const CHOICE_LABEL: Record<MergeChoice, string> = {
  mine: 'Mine',
  theirs: 'Theirs',
  both: 'Both (keep every element either side has)',
};

function ValueColumn({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {showValue(value)}
      </Code>
    </Stack>
  );
}

function ConflictChoice({
  conflict,
  choice,
  onChoose,
}: {
  conflict: MergeConflict;
  choice: MergeChoice | undefined;
  onChoose: (choice: MergeChoice) => void;
}) {
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="sm">{conflict.summary}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <ValueColumn label="Base (what you loaded)" value={conflict.base} />
        <ValueColumn label="Mine" value={conflict.mine} />
        <ValueColumn label="Theirs" value={conflict.theirs} />
      </SimpleGrid>
      <Radio.Group
        label={`Keep for ${describePath(conflict.path)}`}
        value={choice ?? null}
        onChange={(value) => onChoose(value as MergeChoice)}
      >
        <Group gap="md" mt={4}>
          {conflict.choices.map((option) => (
            <Radio key={option} value={option} label={CHOICE_LABEL[option]} />
          ))}
        </Group>
      </Radio.Group>
    </Stack>
  );
}

function MergeStep({
  base,
  theirs,
  result,
  picks,
  onChoose,
  onMerged,
  onDiscardMine,
  onAskOverwrite,
}: {
  base: SecurityProfile;
  theirs: SecurityProfile;
  result: MergeResult;
  picks: Readonly<Record<string, MergeChoice>>;
  onChoose: (id: string, choice: MergeChoice) => void;
  onMerged: (fields: SecurityProfileFields) => void;
  onDiscardMine: () => void;
  onAskOverwrite: () => void;
}) {
  const open = result.conflicts.filter((conflict) => picks[conflict.id] === undefined).length;
  const ids = useId();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        <Text size="sm">
          Saved by someone else: version {base.version} → {theirs.version},{' '}
          {timeAgo(theirs.lastModifiedDate, new Date())}. Your save was not applied.
        </Text>
      </Alert>

      <section aria-labelledby={`${ids}-auto`}>
        <Title order={4} size="h5" id={`${ids}-auto`} mb={4}>
          Merged automatically ({result.autoMerged.length})
        </Title>
        {result.autoMerged.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing: every change is in a conflict below.
          </Text>
        ) : (
          <List spacing={4} listStyleType="none">
            {result.autoMerged.map((note) => (
              <List.Item key={`${note.side}|${note.path}|${note.summary}`}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge color={SIDE_COLOR[note.side]} variant="light" style={{ flexShrink: 0 }}>
                    {SIDE_LABEL[note.side]}
                  </Badge>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    <Text span fw={600} inherit>
                      {describeEntity(note.path)}
                    </Text>
                    {`: ${note.summary}`}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby={`${ids}-conflicts`}>
        <Title order={4} size="h5" id={`${ids}-conflicts`} mb={4}>
          Conflicts ({result.conflicts.length})
        </Title>
        {result.conflicts.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: both sides&apos; changes fit together.
          </Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">Both of you changed these differently. Choose what to keep.</Text>
            {result.conflicts.map((conflict) => (
              <ConflictChoice
                key={conflict.id}
                conflict={conflict}
                choice={picks[conflict.id]}
                onChoose={(choice) => onChoose(conflict.id, choice)}
              />
            ))}
          </Stack>
        )}
      </section>

      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Button variant="default" color="red" onClick={onDiscardMine}>
            Discard mine and load theirs
          </Button>
          <Button variant="outline" color="red" onClick={onAskOverwrite}>
            Overwrite theirs with mine
          </Button>
        </Group>
        <Group gap="sm">
          {open === 0 ? null : (
            <Text size="sm" c="dimmed" id={`${ids}-blocker`}>
              Choose for {open} {open === 1 ? 'conflict' : 'conflicts'}.
            </Text>
          )}
          <Button
            disabled={open > 0}
            aria-describedby={open === 0 ? undefined : `${ids}-blocker`}
            onClick={() => onMerged(resolveMerge(result, picks))}
          >
            Use merged result
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function OverwriteStep({
  theirs,
  onBack,
  onOverwrite,
}: {
  theirs: SecurityProfile;
  onBack: () => void;
  onOverwrite: () => void;
}) {
  const back = useRef<HTMLButtonElement>(null);
  // The button that opened this step is gone: keyboard focus lands on the safe answer instead.
  useEffect(() => back.current?.focus(), []);
  return (
    <Stack gap="md">
      <Text size="sm">
        Your version replaces everything saved in version {theirs.version}: their changes are lost
        unless they are also in yours.
      </Text>
      <Text size="sm">
        The save still sends expectedVersion {theirs.version}, so if a third person saves before
        you, it fails with a new conflict instead of overwriting their work too.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onBack} ref={back}>
          Back to the merge
        </Button>
        <Button color="red" onClick={onOverwrite}>
          Overwrite version {theirs.version}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * What a save that met a version conflict offers: the three-way merge of base, mine and theirs
 * (one-side changes taken automatically and listed, each true conflict resolved by a choice), or
 * either side whole: discard mine and load theirs, or overwrite theirs with mine after a confirm
 * step.
 */
export function MergeDialog({
  opened,
  base,
  mine,
  theirs,
  onMerged,
  onDiscardMine,
  onOverwrite,
  onClose,
}: MergeDialogProps) {
  const result = useMemo(() => mergeProfiles(base, mine, theirs), [base, mine, theirs]);
  // Choices belong to one merge: a newer "theirs" (a new conflict cycle) starts over.
  const [choices, setChoices] = useState<{
    version: number;
    picks: Record<string, MergeChoice>;
  }>({ version: theirs.version, picks: {} });
  const picks = choices.version === theirs.version ? choices.picks : {};
  const [confirmingOverwrite, setConfirmingOverwrite] = useState(false);

  const close = () => {
    setConfirmingOverwrite(false);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="xl"
      title={
        confirmingOverwrite
          ? `Overwrite version ${theirs.version} with yours?`
          : `${theirs.securityProfileName} changed while you edited`
      }
    >
      {confirmingOverwrite ? (
        <OverwriteStep
          theirs={theirs}
          onBack={() => setConfirmingOverwrite(false)}
          onOverwrite={() => {
            setConfirmingOverwrite(false);
            onOverwrite();
          }}
        />
      ) : (
        <MergeStep
          base={base}
          theirs={theirs}
          result={result}
          picks={picks}
          onChoose={(id, choice) =>
            setChoices({ version: theirs.version, picks: { ...picks, [id]: choice } })
          }
          onMerged={onMerged}
          onDiscardMine={onDiscardMine}
          onAskOverwrite={() => setConfirmingOverwrite(true)}
        />
      )}
    </Modal>
  );
}
