import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';

/** A profile page's column: the breadcrumb back to the list, then the page's body. */
export function ProfilePageFrame({ current, children }: { current: string; children: ReactNode }) {
  return (
    <Stack gap="md" maw={1100}>
      <nav aria-label="Breadcrumb">
        <Breadcrumbs>
          <Anchor component={Link} to={paths.profiles.href()}>
            Security profiles
          </Anchor>
          <Text aria-current="page">{current}</Text>
        </Breadcrumbs>
      </nav>
      {children}
    </Stack>
  );
}
