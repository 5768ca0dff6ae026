import { Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useIotClient } from '../../../lib/aws/iot-client-context';
import { profileListOptions } from '../api/profile-queries';
import { ProfilesListView } from './profiles-list-view';

/** URL search parameter that holds the list filter, so it survives reloads and can be shared. */
export const FILTER_PARAM = 'q';

/** The profiles list with its loading, error and empty states; the filter lives in `?q=`. */
export function ProfilesList() {
  const client = useIotClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = searchParams.get(FILTER_PARAM) ?? '';
  const { data, error, isPending, isError, refetch, isFetching } = useQuery(
    profileListOptions(client),
  );

  const setFilter = (next: string) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next) params.set(FILTER_PARAM, next);
        else params.delete(FILTER_PARAM);
        return params;
      },
      // Typing should not push one history entry per keystroke.
      { replace: true },
    );

  if (isPending) {
    return (
      <Stack role="status" aria-label="Loading security profiles" gap="sm">
        <Skeleton height={56} maw={420} />
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} height={40} />
        ))}
      </Stack>
    );
  }
  if (isError) {
    return (
      <ErrorAlert
        title="Could not load the security profiles"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }
  return <ProfilesListView rows={data} filter={filter} onFilterChange={setFilter} />;
}
