import { Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { RegionErrorBoundary } from '../../../components/region-error-boundary';
import { paths } from '../../../config/paths';
import type { SecurityProfile } from '../../../domain/security-profile';
import { isNotFoundError } from '../../../lib/aws/errors';
import { useIotClient } from '../../../lib/aws/iot-client-context';
import { profileDetailOptions } from '../api/profile-queries';
import { AlertTargets } from './alert-targets';
import { MetricsExport } from './metrics-export';
import { ProfileBehaviors, useCustomMetrics } from './profile-behaviors';
import { ProfileOverview } from './profile-overview';
import { ProfilePageFrame } from './profile-page-frame';
import { ProfileSection } from './profile-section';
import { RetainedMetrics } from './retained-metrics';

function ProfileView({ profile }: { profile: SecurityProfile }) {
  const { customMetrics, error: customMetricsError } = useCustomMetrics(profile);
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{profile.securityProfileName}</Title>
        <Text c={profile.securityProfileDescription ? undefined : 'dimmed'}>
          {profile.securityProfileDescription || 'No description.'}
        </Text>
      </div>
      <ProfileSection title="Overview">
        <RegionErrorBoundary region="the overview">
          <ProfileOverview profile={profile} />
        </RegionErrorBoundary>
      </ProfileSection>
      <ProfileSection title={`Behaviors (${profile.behaviors?.length ?? 0})`}>
        <RegionErrorBoundary region="the behaviors">
          <ProfileBehaviors
            profile={profile}
            customMetrics={customMetrics}
            customMetricsError={customMetricsError}
          />
        </RegionErrorBoundary>
      </ProfileSection>
      <ProfileSection title="Alert targets">
        <RegionErrorBoundary region="the alert targets">
          <AlertTargets alertTargets={profile.alertTargets} />
        </RegionErrorBoundary>
      </ProfileSection>
      <ProfileSection title="Retained metrics">
        <RegionErrorBoundary region="the retained metrics">
          <RetainedMetrics profile={profile} customMetrics={customMetrics} />
        </RegionErrorBoundary>
      </ProfileSection>
      <ProfileSection title="Metrics export">
        <RegionErrorBoundary region="the metrics export settings">
          <MetricsExport config={profile.metricsExportConfig} />
        </RegionErrorBoundary>
      </ProfileSection>
    </Stack>
  );
}

/** The page body for a profile name that does not exist. */
export function ProfileNotFound({ name }: { name: string }) {
  return (
    <Stack gap="sm">
      <Title order={1}>Profile not found</Title>
      <Text role="alert">No security profile named “{name}”.</Text>
      <Text size="sm" c="dimmed">
        It may have been deleted, or the link has a typo.
      </Text>
      <Anchor component={Link} to={paths.profiles.href()}>
        Back to all security profiles
      </Anchor>
    </Stack>
  );
}

/** The read-only page of one profile, with a breadcrumb back to the list. */
export function ProfileDetails({ name }: { name: string }) {
  const client = useIotClient();
  const { data, error, isPending, isError, refetch, isFetching } = useQuery(
    profileDetailOptions(client, name),
  );

  let body;
  if (isPending) {
    body = (
      <Stack role="status" aria-label={`Loading security profile ${name}`} gap="sm">
        <Skeleton height={36} width="40%" />
        <Skeleton height={18} width="70%" />
        <Skeleton height={160} />
        <Skeleton height={160} />
      </Stack>
    );
  } else if (isError && isNotFoundError(error)) {
    body = <ProfileNotFound name={name} />;
  } else if (isError) {
    body = (
      <Stack gap="md">
        <Title order={1}>{name}</Title>
        <ErrorAlert
          title="Could not load this security profile"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      </Stack>
    );
  } else {
    body = <ProfileView profile={data} />;
  }

  return <ProfilePageFrame current={name}>{body}</ProfilePageFrame>;
}
