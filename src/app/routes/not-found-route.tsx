import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { pageTitle } from './page-title';

/** Any URL the router does not know. */
export function NotFoundRoute() {
  const { pathname } = useLocation();
  useDocumentTitle(pageTitle('Page not found'));
  return (
    <Stack gap="sm" maw={640}>
      <Title order={1}>Page not found</Title>
      <Text>
        There is no page at <code>{pathname}</code>.
      </Text>
      <Anchor component={Link} to={paths.profiles.href()}>
        Back to security profiles
      </Anchor>
    </Stack>
  );
}
