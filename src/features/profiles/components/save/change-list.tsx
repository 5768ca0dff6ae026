import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { DetectionEffect } from '../../../../domain/detection-effect';
import type { Change, ProfileDiff } from '../../../../domain/profile-diff';
import { isEmpty } from '../../../../domain/profile-diff';

const EFFECT_LABEL: Record<DetectionEffect, string> = {
  weakens: 'Weakens detection',
  strengthens: 'Strengthens detection',
  neutral: 'Neutral',
};
const EFFECT_COLOR: Record<DetectionEffect, string> = {
  weakens: 'red',
  strengthens: 'teal',
  neutral: 'gray',
};

/** The effect of a change on detection, as a badge a reviewer can scan for. */
export function EffectBadge({ effect }: { effect: DetectionEffect }) {
  return (
    <Badge
      color={EFFECT_COLOR[effect]}
      variant={effect === 'weakens' ? 'filled' : 'light'}
      style={{ flexShrink: 0 }}
    >
      {EFFECT_LABEL[effect]}
    </Badge>
  );
}

function ChangeItem({ change }: { change: Change }) {
  return (
    <List.Item>
      <Stack gap={2}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <EffectBadge effect={change.effect} />
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {change.summary}
          </Text>
        </Group>
        {/* The reason matters most where detection weakens; elsewhere it is context. */}
        <Text size="xs" c={change.effect === 'weakens' ? 'red' : 'dimmed'}>
          {change.reason}
        </Text>
      </Stack>
    </List.Item>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={4} id={id} size="h5" mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

export interface ChangeListProps {
  diff: ProfileDiff;
}

/**
 * The changes of a save in plain words, grouped as a reviewer reads them: whole removals first
 * (they map to a delete flag), then behaviors added, removed and changed field by field, alert
 * target, retained metrics, export config and description; each change badged by its effect on
 * detection, with the reason.
 */
export function ChangeList({ diff }: ChangeListProps) {
  if (isEmpty(diff)) {
    return (
      <Text size="sm" role="status">
        No changes: saving would send nothing but the profile&apos;s name and version.
      </Text>
    );
  }
  const { behaviors } = diff;
  return (
    <Stack gap="md">
      {diff.wholeRemovals.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          title="Whole sections removed"
          icon={<IconAlertTriangle aria-hidden />}
        >
          <List size="sm">
            {diff.wholeRemovals.map((removal) => (
              <List.Item key={removal.flag}>{removal.summary}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {behaviors.added.length > 0 ? (
        <Section title={`Behaviors added (${behaviors.added.length})`}>
          <List spacing="xs" listStyleType="none">
            {behaviors.added.map((entry) => (
              <ChangeItem key={entry.path} change={entry} />
            ))}
          </List>
        </Section>
      ) : null}
      {behaviors.removed.length > 0 ? (
        <Section title={`Behaviors removed (${behaviors.removed.length})`}>
          <List spacing="xs" listStyleType="none">
            {behaviors.removed.map((entry) => (
              <ChangeItem key={entry.path} change={entry} />
            ))}
          </List>
        </Section>
      ) : null}
      {behaviors.changed.length > 0 || behaviors.reordered !== undefined ? (
        <Section title={`Behaviors changed (${behaviors.changed.length})`}>
          <Stack gap="sm">
            {behaviors.changed.map((change) => (
              <section key={change.path} aria-label={`Behavior ${change.name}`}>
                <Group gap="xs" mb={2}>
                  <Text size="sm" fw={600}>
                    {change.name}
                  </Text>
                  <EffectBadge effect={change.effect} />
                </Group>
                <List spacing="xs" listStyleType="none" pl="md">
                  {change.fields.map((field) => (
                    <ChangeItem key={field.path} change={field} />
                  ))}
                </List>
              </section>
            ))}
            {behaviors.reordered === undefined ? null : (
              <List listStyleType="none">
                <ChangeItem change={behaviors.reordered} />
              </List>
            )}
          </Stack>
        </Section>
      ) : null}
      {diff.alertTargets.length > 0 ? (
        <Section title="Alert target">
          <List spacing="xs" listStyleType="none">
            {diff.alertTargets.map((change) => (
              <ChangeItem key={change.path} change={change} />
            ))}
          </List>
        </Section>
      ) : null}
      {diff.retainedMetrics.length > 0 ? (
        <Section title="Retained metrics">
          <List spacing="xs" listStyleType="none">
            {diff.retainedMetrics.map((change) => (
              <ChangeItem key={change.path} change={change} />
            ))}
          </List>
        </Section>
      ) : null}
      {diff.metricsExportConfig === undefined ? null : (
        <Section title="Metrics export config">
          <List listStyleType="none">
            <ChangeItem change={diff.metricsExportConfig} />
          </List>
        </Section>
      )}
      {diff.description === undefined ? null : (
        <Section title="Description">
          <List listStyleType="none">
            <ChangeItem change={diff.description} />
          </List>
        </Section>
      )}
    </Stack>
  );
}
