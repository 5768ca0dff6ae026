import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import type { StoredDraft } from '../../utils/draft-store';

export interface RestoreDraftAlertProps {
  draft: StoredDraft;
  /** The version on the server now; undefined for a new profile. */
  currentVersion: number | undefined;
  onRestore: () => void;
  onDiscard: () => void;
}

/** Where the stored edit started, in words: its version, and whether the server moved on since. */
function origin(draft: StoredDraft, currentVersion: number | undefined): string {
  if (draft.baseVersion === null) return 'on a new profile';
  const moved =
    currentVersion !== undefined && currentVersion !== draft.baseVersion
      ? ` (the profile is at version ${currentVersion} now: restoring merges your edits with the newer version)`
      : '';
  return `on version ${draft.baseVersion}${moved}`;
}

/** Offers the working copy kept in this browser back: never restored without the analyst's say. */
export function RestoreDraftAlert({
  draft,
  currentVersion,
  onRestore,
  onDiscard,
}: RestoreDraftAlertProps) {
  return (
    <Alert
      color="grape"
      variant="light"
      role="region"
      aria-label="Unsaved edits"
      title="Unsaved edits found"
      icon={<IconRestore size={18} aria-hidden />}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          You have unsaved edits from {new Date(draft.savedAt).toLocaleString()}{' '}
          {origin(draft, currentVersion)}.
        </Text>
        <Group gap="xs">
          <Button size="xs" color="grape" onClick={onRestore}>
            Restore
          </Button>
          <Button size="xs" variant="default" onClick={onDiscard}>
            Discard
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
