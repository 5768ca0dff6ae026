import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '@mantine/hooks';
import { pageTitle } from './page-title';
import { ProfilesList } from '../../features/profiles/components/profiles-list';

/** `/` and `/profiles`: every security profile of the account and region. */
export function ProfilesListRoute() {
  useDocumentTitle(pageTitle('Security profiles'));
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Security profiles</Title>
          <Text c="dimmed" size="sm">
            AWS IoT Device Defender security profiles: the behaviors each watches and where its
            alerts go.
          </Text>
        </div>
        <Button
          component={Link}
          to={paths.newProfile.href()}
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          New profile
        </Button>
      </Group>
      <ProfilesList />
    </Stack>
  );
}
