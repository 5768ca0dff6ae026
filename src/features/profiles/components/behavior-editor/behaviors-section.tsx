import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { MetricDefinition } from '../../../../domain/metric-catalogue';
import type { Behavior } from '../../../../domain/security-profile';
import { MAX_BEHAVIORS } from '../../../../domain/validation';
import type { ProfileDraft } from '../../utils/profile-draft';
import { copyName, defaultBehaviorName } from './behavior-model';
import { BehaviorItem } from './behavior-item';
import { ownMessage } from './form-errors';
import { useErrorsAt } from './use-errors-at';

export interface BehaviorsSectionProps {
  /** Every metric a behavior may use: the built-in ones, then the account's custom metrics. */
  metrics: readonly MetricDefinition[];
  /** The account's dimension names (ListDimensions). */
  dimensions: readonly string[];
  /** Shows the behaviors without letting them change. */
  readOnly?: boolean;
}

/**
 * The Behaviors section of the profile editor, inside the page's `FormProvider<ProfileDraft>`:
 * the list of behaviors (add, duplicate, remove, collapse and expand) and the form of each.
 * Behaviors loaded with the profile start collapsed, ones added here start expanded.
 */
export function BehaviorsSection({ metrics, dimensions, readOnly = false }: BehaviorsSectionProps) {
  const { control, getValues } = useFormContext<ProfileDraft>();
  const { fields, append, insert, remove } = useFieldArray({ control, name: 'behaviors' });
  const listErrors = useErrorsAt('behaviors', false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [expandAt, setExpandAt] = useState<number | null>(null);
  // The behavior just added or duplicated: its name input takes focus when it opens.
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const metricsByName = useMemo(
    () => new Map(metrics.map((metric) => [metric.name, metric] as const)),
    [metrics],
  );

  // A form reset (after a save, a reload or an import) gives every behavior a new id; the
  // behaviors open before it stay open by position instead of all collapsing.
  const [seenFields, setSeenFields] = useState(fields);
  if (seenFields !== fields) {
    setSeenFields(fields);
    const seenIds = new Set(seenFields.map((field) => field.id));
    if (expanded.size > 0 && fields.length > 0 && !fields.some((field) => seenIds.has(field.id))) {
      const ids = seenFields.flatMap((field, index) => {
        const now = fields[index];
        return expanded.has(field.id) && now !== undefined ? [now.id] : [];
      });
      setExpanded(new Set(ids));
    }
  }

  // A behavior just added or duplicated opens once the field array has given it an id.
  const added = expandAt === null ? undefined : fields[expandAt];
  if (added !== undefined) {
    setExpanded(new Set(expanded).add(added.id));
    setJustAdded(added.id);
    setExpandAt(null);
  }

  const takenNames = useCallback(
    () => new Set(getValues('behaviors').map((behavior) => behavior.name)),
    [getValues],
  );
  const onToggle = useCallback((id: string) => {
    setJustAdded(null);
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const onDuplicate = useCallback(
    (index: number) => {
      const original = getValues(`behaviors.${index}`);
      const copy: Behavior = {
        ...structuredClone(original),
        name: copyName(original.name, takenNames()),
      };
      insert(index + 1, copy, { shouldFocus: false });
      setExpandAt(index + 1);
    },
    [getValues, insert, takenNames],
  );
  const onRemove = useCallback((index: number) => remove(index), [remove]);
  const onAdd = () => {
    append({ name: defaultBehaviorName(takenNames()) }, { shouldFocus: false });
    setExpandAt(fields.length);
  };

  const full = fields.length >= MAX_BEHAVIORS;
  const listMessage = ownMessage(listErrors);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c={fields.length > MAX_BEHAVIORS ? 'red' : 'dimmed'}>
          {fields.length} of at most {MAX_BEHAVIORS} behaviors
        </Text>
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={fields.length === 0}
            onClick={() => {
              setJustAdded(null);
              setExpanded(new Set());
            }}
          >
            Collapse all
          </Button>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={fields.length === 0}
            onClick={() => setExpanded(new Set(fields.map((field) => field.id)))}
          >
            Expand all
          </Button>
          {!readOnly && (
            <Button
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              disabled={full}
              onClick={onAdd}
            >
              Add behavior
            </Button>
          )}
        </Group>
      </Group>
      {full && !readOnly && (
        <Text size="sm" c="dimmed">
          A security profile holds at most {MAX_BEHAVIORS} behaviors; remove one to add another.
        </Text>
      )}
      {listMessage !== undefined && (
        <Text size="sm" c="red" role="alert">
          {listMessage}
        </Text>
      )}
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No behaviors yet: the profile detects nothing until you add one.
        </Text>
      )}
      {fields.map((field, index) => (
        <BehaviorItem
          key={field.id}
          id={field.id}
          index={index}
          metrics={metrics}
          metricsByName={metricsByName}
          dimensions={dimensions}
          readOnly={readOnly}
          expanded={expanded.has(field.id)}
          focusName={field.id === justAdded}
          canDuplicate={!full}
          onToggle={onToggle}
          onDuplicate={onDuplicate}
          onRemove={onRemove}
        />
      ))}
    </Stack>
  );
}
