import { Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useDocumentTitle } from '@mantine/hooks';
import { useAccess } from '../../lib/aws/access-context';
import { pageTitle } from './page-title';
import { ProfilesList } from '../../features/profiles/components/profiles-list';

/** `/` and `/profiles`: every security profile of the account and region. */
export function ProfilesListRoute() {
  useDocumentTitle(pageTitle('Security profiles'));
  const access = useAccess();
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
        {access.canEdit ? (
          <Button
            component={Link}
            to={paths.newProfile.href()}
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            New profile
          </Button>
        ) : (
          <Tooltip label={access.readOnlyReason} multiline w={320}>
            <Button
              data-disabled
              aria-disabled
              aria-describedby="new-profile-read-only"
              onClick={(event) => event.preventDefault()}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              New profile
            </Button>
          </Tooltip>
        )}
      </Group>
      {access.canEdit ? null : (
        <Text id="new-profile-read-only" size="sm" c="dimmed">
          {access.readOnlyReason}
        </Text>
      )}
      <ProfilesList />
    </Stack>
  );
}
