import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { pageTitle } from './page-title';
import { ProfilesList } from '../../features/profiles/components/profiles-list';

/** `/` and `/profiles`: every security profile of the account and region. */
export function ProfilesListRoute() {
  useDocumentTitle(pageTitle('Security profiles'));
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>Security profiles</Title>
        <Text c="dimmed" size="sm">
          AWS IoT Device Defender security profiles: the behaviors each watches and where its alerts
          go.
        </Text>
      </div>
      <ProfilesList />
    </Stack>
  );
}
