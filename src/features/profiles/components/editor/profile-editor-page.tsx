import { Alert, Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../../components/error-alert';
import { isNotFoundError, toAppError } from '../../../../lib/aws/errors';
import { useAccess } from '../../../../lib/aws/access-context';
import { useIotClient } from '../../../../lib/aws/iot-client-context';
import { profileDetailOptions } from '../../api/profile-queries';
import { useEditorCatalogue } from '../../hooks/use-editor-catalogue';
import type { EditorCatalogue } from '../../hooks/use-editor-catalogue';
import { draftFromProfile, emptyDraft } from '../../utils/profile-draft';
import type { ProfileDraft } from '../../utils/profile-draft';
import { cloneProfileName } from './clone-profile-name';
import { ProfileNotFound } from '../profile-details';
import { ProfilePageFrame } from '../profile-page-frame';
import { ProfileEditorForm } from './profile-editor-form';

function Loading({ label }: { label: string }) {
  return (
    <Stack role="status" aria-label={label} gap="sm">
      <Skeleton height={36} width="40%" />
      <Skeleton height={56} />
      <Skeleton height={240} />
    </Stack>
  );
}

function CatalogueWarning({ catalogue }: { catalogue: EditorCatalogue }) {
  if (catalogue.errors.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title="Custom metrics or dimensions did not load">
      <Stack gap="xs">
        <Text size="sm">
          {catalogue.errors.map((error) => toAppError(error).userMessage).join(' ')} References to
          custom metrics and dimensions show as unknown until they load.
        </Text>
        <div>
          <Button size="xs" variant="outline" color="yellow" onClick={catalogue.retry}>
            Retry
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

/** Why the editor shows no way to save: the signed-in role may only read. */
function ReadOnlyNote({ reason }: { reason: string | undefined }) {
  return (
    <Alert color="gray" variant="light" title="Read-only" role="note">
      {reason ?? 'You may read this profile but not change it.'}
    </Alert>
  );
}

/** The editor of an existing profile: loads it and the account's metrics and dimensions. */
export function ProfileEditorPage({ name }: { name: string }) {
  const client = useIotClient();
  const access = useAccess();
  const profile = useQuery(profileDetailOptions(client, name));
  const catalogue = useEditorCatalogue();

  // A failed background refetch (the 30 s check for a newer version, during an outage) must not
  // take the form and its edits off the page: errors replace the form only before it has data.
  const loadError = profile.data === undefined ? profile.error : null;
  let body;
  if (loadError !== null && isNotFoundError(loadError)) {
    body = <ProfileNotFound name={name} />;
  } else if (loadError !== null) {
    body = (
      <Stack gap="md">
        <Title order={1}>{name}</Title>
        <ErrorAlert
          title="Could not load this security profile"
          error={loadError}
          onRetry={() => void profile.refetch()}
          retrying={profile.isFetching}
        />
      </Stack>
    );
  } else if (profile.data === undefined || catalogue.isPending) {
    body = <Loading label={`Loading security profile ${name}`} />;
  } else {
    body = (
      <>
        {access.canEdit ? null : <ReadOnlyNote reason={access.readOnlyReason} />}
        <CatalogueWarning catalogue={catalogue} />
        <ProfileEditorForm
          loaded={profile.data}
          initialDraft={draftFromProfile(profile.data)}
          catalogue={catalogue}
          readOnly={!access.canEdit}
        />
      </>
    );
  }
  return <ProfilePageFrame current={name}>{body}</ProfilePageFrame>;
}

function cloneDraft(draft: ProfileDraft): ProfileDraft {
  return { ...draft, securityProfileName: cloneProfileName(draft.securityProfileName) };
}

/** The editor of a new profile: empty, or a copy of the profile named `cloneFrom`. */
export function NewProfilePage({ cloneFrom }: { cloneFrom?: string }) {
  const client = useIotClient();
  const access = useAccess();
  const source = useQuery({
    ...profileDetailOptions(client, cloneFrom ?? ''),
    enabled: cloneFrom !== undefined,
  });
  const catalogue = useEditorCatalogue();
  const current = cloneFrom === undefined ? 'New profile' : `Copy of ${cloneFrom}`;

  let body;
  if (!access.canEdit) {
    body = (
      <Stack gap="md">
        <Title order={1}>New security profile</Title>
        <ReadOnlyNote reason={access.readOnlyReason} />
      </Stack>
    );
  } else if (cloneFrom !== undefined && source.isError) {
    body = (
      <ErrorAlert
        title={`Could not load ${cloneFrom} to copy it`}
        error={source.error}
        onRetry={() => void source.refetch()}
        retrying={source.isFetching}
      />
    );
  } else if ((cloneFrom !== undefined && source.isPending) || catalogue.isPending) {
    body = <Loading label="Loading the new profile form" />;
  } else {
    body = (
      <>
        <CatalogueWarning catalogue={catalogue} />
        <ProfileEditorForm
          initialDraft={source.data ? cloneDraft(draftFromProfile(source.data)) : emptyDraft()}
          catalogue={catalogue}
        />
      </>
    );
  }
  return <ProfilePageFrame current={current}>{body}</ProfilePageFrame>;
}
