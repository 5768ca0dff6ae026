import { Group, Progress, Stack, Text } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  MAX_BEHAVIORS,
  MAX_VALUE_ELEMENTS,
  countValueElements,
} from '../../../../domain/validation';
import type { ProfileDraft } from '../../utils/profile-draft';

function Meter({ label, used, max }: { label: string; used: number; max: number }) {
  const ratio = used / max;
  const color = ratio > 1 ? 'red' : ratio >= 0.9 ? 'orange' : 'blue';
  return (
    <Stack gap={4} miw={220} style={{ flex: 1 }}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{label}</Text>
        <Text size="sm" c={ratio > 1 ? 'red' : undefined}>
          {used} of {max}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, ratio * 100)}
        color={color}
        aria-label={`${label}: ${used} of ${max}`}
      />
    </Stack>
  );
}

/** How much of the per-profile quotas the draft uses: behaviors and value elements. */
export function QuotaMeters() {
  const { control } = useFormContext<ProfileDraft>();
  const behaviors = useWatch({ control, name: 'behaviors' });
  return (
    <Group gap="xl" wrap="wrap">
      <Meter label="Behaviors" used={behaviors.length} max={MAX_BEHAVIORS} />
      <Meter label="Value elements" used={countValueElements(behaviors)} max={MAX_VALUE_ELEMENTS} />
    </Group>
  );
}
