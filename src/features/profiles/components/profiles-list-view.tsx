import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ProfileSummary } from '../api/security-profiles';
import { filterProfiles } from '../utils/filter-profiles';
import { pluralize } from '../utils/format';
import { ProfilesTable } from './profiles-table';

export interface ProfilesListViewProps {
  rows: readonly ProfileSummary[];
  /** The filter text (kept in the URL by the caller). */
  filter: string;
  onFilterChange: (filter: string) => void;
}

/** The loaded list: filter box, match count, the table, and the empty states. */
export function ProfilesListView({ rows, filter, onFilterChange }: ProfilesListViewProps) {
  if (rows.length === 0) {
    return (
      <Paper withBorder p="xl">
        <Text fw={600}>No security profiles yet</Text>
        <Text size="sm" c="dimmed">
          This account has no Device Defender security profiles in this region.
        </Text>
      </Paper>
    );
  }
  const visible = filterProfiles(rows, filter);
  return (
    <Stack gap="md">
      <TextInput
        label="Filter profiles"
        description="Matches the name or the description"
        placeholder="e.g. auth-failures"
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter}
        onChange={(event) => onFilterChange(event.currentTarget.value)}
        maw={420}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {filter.trim()
          ? `${visible.length} of ${pluralize(rows.length, 'profile')} match`
          : pluralize(rows.length, 'profile')}
      </Text>
      {visible.length === 0 ? (
        <Paper withBorder p="xl">
          <Group justify="space-between">
            <Text>No profile matches “{filter.trim()}”.</Text>
            <Button variant="subtle" onClick={() => onFilterChange('')}>
              Clear filter
            </Button>
          </Group>
        </Paper>
      ) : (
        <ProfilesTable rows={visible} label="Security profiles" />
      )}
    </Stack>
  );
}
