import { Anchor, AppShell, Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '../config/paths';
import { ConnectivityBanner } from '../components/connectivity-banner';
import { RegionErrorBoundary } from '../components/region-error-boundary';
import { HeaderAccount } from './header-account';

export interface AppLayoutProps {
  /** Where requests go, e.g. "Local endpoint 127.0.0.1:4510" or "AWS us-east-1". */
  endpointLabel: string;
  local: boolean;
  /** Whether users sign in: the header then shows who is signed in, their role and Sign out. */
  signIn?: boolean;
}

/** The shell around every page: a header naming the product, the endpoint and the user. */
export function AppLayout({ endpointLabel, local, signIn = false }: AppLayoutProps) {
  // Keyed by path so a page that failed to render gets a fresh boundary after navigation.
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 56 }} padding="lg">
      <AppShell.Header component="header">
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={paths.home.href()} underline="never" c="inherit" miw={0}>
            <Group gap="xs" wrap="nowrap">
              <IconShieldCheck size={22} aria-hidden style={{ flexShrink: 0 }} />
              <Text fw={700} truncate>
                Device Defender profile editor
              </Text>
            </Group>
          </Anchor>
          {/* The endpoint must stay readable on narrow screens; the product name gives way. */}
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Badge
              variant="light"
              color={local ? 'teal' : 'orange'}
              size="lg"
              tt="none"
              style={{ flexShrink: 0, overflow: 'visible' }}
            >
              <VisuallyHidden>Endpoint in use: </VisuallyHidden>
              {endpointLabel}
            </Badge>
            {signIn ? <HeaderAccount /> : null}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <ConnectivityBanner endpointLabel={endpointLabel} />
        <RegionErrorBoundary key={pathname} region="this page">
          <Outlet />
        </RegionErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
