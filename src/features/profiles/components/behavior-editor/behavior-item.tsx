import { ActionIcon, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconCopy, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import { useWatch } from 'react-hook-form';
import { summarizeBehavior } from '../../../../domain/behavior-summary';
import type { MetricDefinition } from '../../../../domain/metric-catalogue';
import type { Behavior } from '../../../../domain/security-profile';
import type { ProfileDraft } from '../../utils/profile-draft';
import { BehaviorForm } from './behavior-form';
import { otherMessages } from './form-errors';
import { useErrorsAt } from './use-errors-at';

export interface BehaviorItemProps {
  index: number;
  /** The field array's id of this behavior (stable across moves). */
  id: string;
  metrics: readonly MetricDefinition[];
  metricsByName: ReadonlyMap<string, MetricDefinition>;
  dimensions: readonly string[];
  readOnly: boolean;
  expanded: boolean;
  /** Focus the name input when the form opens (a behavior just added or duplicated). */
  focusName: boolean;
  /** False when the profile already holds the most behaviors allowed. */
  canDuplicate: boolean;
  onToggle: (id: string) => void;
  onDuplicate: (index: number) => void;
  onRemove: (index: number) => void;
}

const NO_PATHS: ReadonlySet<string> = new Set();

/** A deep copy: react-hook-form edits values in place, so `compute` must compare snapshots. */
function snapshotBehavior(behavior: Behavior | undefined): Behavior | undefined {
  return behavior === undefined ? undefined : structuredClone(behavior);
}

/**
 * One behavior of the list: a header (name, one-line summary, problem count, collapse, duplicate,
 * remove) and, when expanded, its form. It watches only `behaviors.<index>` and that slice's
 * errors, so editing one behavior re-renders that behavior alone.
 */
export const BehaviorItem = memo(function BehaviorItem({
  index,
  id,
  metrics,
  metricsByName,
  dimensions,
  readOnly,
  expanded,
  focusName,
  canDuplicate,
  onToggle,
  onDuplicate,
  onRemove,
}: BehaviorItemProps) {
  // A snapshot of this behavior (undefined for one render after a removal shifts the indexes).
  // react-hook-form matches watched names by prefix, so an edit of behaviors.1 also notifies
  // behaviors.10 to .19; with `compute`, a watcher re-renders only when its value really changed.
  const watched = useWatch<ProfileDraft, `behaviors.${number}`, ProfileDraft, Behavior | undefined>(
    {
      name: `behaviors.${index}`,
      compute: snapshotBehavior,
    },
  );
  const errorNode = useErrorsAt(`behaviors.${index}`);
  const behavior: Behavior = watched ?? { name: '' };
  const problems = otherMessages(errorNode, '', NO_PATHS).length;
  const metric = behavior.metric === undefined ? undefined : metricsByName.get(behavior.metric);
  const title = behavior.name === '' ? `behavior ${index + 1}` : `behavior ${behavior.name}`;
  const summary =
    behavior.metric === undefined || behavior.metric === ''
      ? 'No metric chosen yet'
      : summarizeBehavior(behavior, metric);
  const headingId = `behavior-heading-${id}`;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <ActionIcon
            variant="subtle"
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${title}`}
            aria-expanded={expanded}
            onClick={() => onToggle(id)}
          >
            {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text id={headingId} fw={600} truncate>
              {behavior.name === '' ? `Behavior ${index + 1} (unnamed)` : behavior.name}
            </Text>
            <Text size="sm" c="dimmed" data-testid="behavior-summary">
              {summary}
            </Text>
          </Stack>
          {problems > 0 && (
            <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
              {problems} {problems === 1 ? 'problem' : 'problems'}
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={`Duplicate ${title}`}
              disabled={!canDuplicate}
              onClick={() => onDuplicate(index)}
            >
              <IconCopy size={18} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${title}`}
              onClick={() => onRemove(index)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {expanded && (
        <BehaviorForm
          index={index}
          behavior={behavior}
          metric={metric}
          metrics={metrics}
          dimensions={dimensions}
          errors={errorNode}
          readOnly={readOnly}
          focusName={focusName}
        />
      )}
    </Paper>
  );
});
