import { SegmentedControl, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useParams, useSearchParams } from 'react-router';
import { pageTitle } from './page-title';
import { ProfileDetails } from '../../features/profiles/components/profile-details';
import { ProfileEditorPage } from '../../features/profiles/components/editor/profile-editor-page';

type ProfileView = 'edit' | 'details';

/**
 * `/profiles/:name`: the editor of one profile, or with `?view=details` its read-only page. The
 * editor stays mounted (hidden) while the details show, so switching never loses edits.
 */
export function ProfileRoute() {
  // The router only matches this route with a non-empty :name segment.
  const { name = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const view: ProfileView = searchParams.get('view') === 'details' ? 'details' : 'edit';
  useDocumentTitle(pageTitle(name));

  const setView = (next: string) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === 'details') params.set('view', 'details');
        else params.delete('view');
        return params;
      },
      { replace: true },
    );

  return (
    <Stack gap="md" maw={1100}>
      <SegmentedControl
        aria-label="View"
        value={view}
        onChange={setView}
        data={[
          { value: 'edit', label: 'Edit' },
          { value: 'details', label: 'Details' },
        ]}
        w="fit-content"
      />
      <div hidden={view !== 'edit'}>
        <ProfileEditorPage key={name} name={name} />
      </div>
      {view === 'details' ? <ProfileDetails key={name} name={name} /> : null}
    </Stack>
  );
}
