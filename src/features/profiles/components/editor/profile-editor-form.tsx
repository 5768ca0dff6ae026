import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCopy, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { RegionErrorBoundary } from '../../../../components/region-error-boundary';
import { paths } from '../../../../config/paths';
import type { SecurityProfile } from '../../../../domain/security-profile';
import {
  buildCreateRequest,
  buildUpdateRequest,
  toCliInputJson,
} from '../../../../domain/update-request';
import { useIotClient } from '../../../../lib/aws/iot-client-context';
import { useCreateSecurityProfile } from '../../api/create-security-profile';
import { useDeleteSecurityProfile } from '../../api/delete-security-profile';
import { profileDetailOptions } from '../../api/profile-queries';
import { useUpdateSecurityProfile } from '../../api/update-security-profile';
import type { EditorCatalogue } from '../../hooks/use-editor-catalogue';
import { draftResolver } from '../../utils/draft-resolver';
import type { DraftResolverContext } from '../../utils/draft-resolver';
import { draftFromProfile, fieldsFromDraft } from '../../utils/profile-draft';
import type { ProfileDraft } from '../../utils/profile-draft';
import { BehaviorsSection } from '../behavior-editor/behaviors-section';
import { ProfileSection } from '../profile-section';
import { AlertTargetFields } from './alert-target-fields';
import { ConfirmDialog } from './confirm-dialog';
import { DeleteProfileDialog } from './delete-profile-dialog';
import { DetailsFields } from './details-fields';
import { EditorActions } from './editor-actions';
import { focusField } from './focus-field';
import { fullUpdateRequest } from './full-update-request';
import { ImportExport } from './import-export';
import { JsonView } from './json-view';
import { MetricsExportFields } from './metrics-export-fields';
import { QuotaMeters } from './quota-meters';
import { RetainedMetricsFields } from './retained-metrics-fields';

export interface ProfileEditorFormProps {
  /** The profile as loaded; undefined when creating a new one. */
  loaded?: SecurityProfile;
  /** The values the form starts with (a copy of `loaded`, empty, or a clone). */
  initialDraft: ProfileDraft;
  catalogue: EditorCatalogue;
  /** Shows the profile without any way to change it (a viewer); the page explains why. */
  readOnly?: boolean;
}

type EditorTab = 'form' | 'json';

/** A fieldset only for its `disabled` (read-only for viewers), without the browser's frame. */
const PLAIN_FIELDSET = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;

/** How long typing must pause before rules that span fields are re-checked everywhere. */
const CROSS_FIELD_CHECK_DELAY_MS = 150;

/**
 * The profile editor: every section in one react-hook-form form (values in the wire shape),
 * validated by the domain rules as the analyst types, saved as the minimal UpdateSecurityProfile
 * against the version it was loaded from (or created with CreateSecurityProfile).
 */
export function ProfileEditorForm({
  loaded,
  initialDraft,
  catalogue,
  readOnly = false,
}: ProfileEditorFormProps) {
  const creating = loaded === undefined;
  const client = useIotClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The version edits are made against. It moves only on a save or an explicit reload: a
  // background refetch must never silently change what expectedVersion protects.
  const [base, setBase] = useState(loaded);
  const [tab, setTab] = useState<EditorTab>('form');
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [confirmReload, setConfirmReload] = useState(false);
  const [reloading, setReloading] = useState(false);
  const leaving = useRef(false);
  const formRoot = useRef<HTMLDivElement>(null);

  const form = useForm<ProfileDraft, DraftResolverContext>({
    resolver: draftResolver,
    mode: 'onChange',
    defaultValues: initialDraft,
    context: { validation: catalogue.validation },
  });
  const { getValues, handleSubmit, reset, subscribe, trigger } = form;
  const update = useUpdateSecurityProfile();
  const create = useCreateSecurityProfile();
  const remove = useDeleteSecurityProfile();

  // With a resolver, react-hook-form re-checks only the field that changed; rules that span
  // fields (unique behavior names, the value-element quota) need the whole draft re-checked.
  // That re-check waits for a pause in typing, so a keystroke pays for one validation, not two.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: () => {
        clearTimeout(timer);
        timer = setTimeout(() => void trigger(), CROSS_FIELD_CHECK_DELAY_MS);
      },
    });
    if (!creating) void trigger();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [subscribe, trigger, creating]);

  const name = base?.securityProfileName ?? '';

  const submit = (values: ProfileDraft) => {
    if (base === undefined) {
      const request = buildCreateRequest(values.securityProfileName, fieldsFromDraft(values));
      create.mutate(request, {
        onSuccess: (created) => {
          leaving.current = true;
          void navigate(paths.profile.href(created.securityProfileName));
        },
      });
      return;
    }
    update.mutate(buildUpdateRequest(base, fieldsFromDraft(values)), {
      onSuccess: (saved) => {
        setBase(saved);
        setSavedVersion(saved.version);
        reset(draftFromProfile(saved));
      },
    });
  };

  const reloadTheirs = async () => {
    setConfirmReload(false);
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({
        ...profileDetailOptions(client, name),
        staleTime: 0,
      });
      setBase(latest);
      setSavedVersion(null);
      reset(draftFromProfile(latest));
      update.reset();
    } finally {
      setReloading(false);
    }
  };

  const jump = (field: string) => {
    setTab('form');
    // The form tab renders on the next frame when the JSON tab was showing.
    requestAnimationFrame(() => {
      if (formRoot.current) focusField(formRoot.current, field);
    });
  };

  const exportText = () => {
    const values = getValues();
    return base === undefined
      ? toCliInputJson(buildCreateRequest(values.securityProfileName, fieldsFromDraft(values)))
      : toCliInputJson(fullUpdateRequest(base, fieldsFromDraft(values)));
  };

  return (
    <FormProvider {...form}>
      <Stack gap="lg" ref={formRoot}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1}>{creating ? 'New security profile' : name}</Title>
            {base ? (
              <Group gap="xs">
                <Badge variant="light" color="gray" tt="none">
                  Version {base.version}
                </Badge>
                <Text size="xs" c="dimmed">
                  Last modified {base.lastModifiedDate.toLocaleString()}
                </Text>
              </Group>
            ) : null}
          </div>
          {readOnly ? null : (
            <Group gap="xs">
              <ImportExport
                exportText={exportText}
                exportFileName={`${getValues('securityProfileName') || 'security-profile'}.json`}
                takeName={creating}
              />
              {base ? (
                <>
                  <Button
                    component={Link}
                    to={paths.newProfile.href(name)}
                    variant="default"
                    leftSection={<IconCopy size={16} aria-hidden />}
                  >
                    Clone
                  </Button>
                  <Button
                    variant="light"
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => setDeleteOpen(true)}
                  >
                    Delete
                  </Button>
                </>
              ) : null}
            </Group>
          )}
        </Group>

        {readOnly ? null : (
          <EditorActions
            base={base}
            validation={catalogue.validation}
            saving={update.isPending || create.isPending}
            saveError={creating ? create.error : update.error}
            savedVersion={savedVersion}
            onSave={() => void handleSubmit(submit)()}
            onReloadTheirs={() => setConfirmReload(true)}
            reloading={reloading}
            onJump={jump}
            leaving={leaving}
          />
        )}
        <QuotaMeters />

        <Tabs value={tab} onChange={(next) => setTab(next === 'json' ? 'json' : 'form')}>
          <Tabs.List>
            <Tabs.Tab value="form">Form</Tabs.Tab>
            <Tabs.Tab value="json">JSON</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="form" pt="md">
            {/* A disabled fieldset makes every native input of the sections read-only at once. */}
            <fieldset disabled={readOnly} style={PLAIN_FIELDSET}>
              <Stack gap="xl">
                <ProfileSection title="Details">
                  <DetailsFields nameEditable={creating} />
                </ProfileSection>
                <ProfileSection title="Behaviors">
                  <div data-editor-section="behaviors">
                    <RegionErrorBoundary region="the behaviors">
                      <BehaviorsSection
                        metrics={catalogue.metrics}
                        dimensions={catalogue.dimensionNames}
                        readOnly={readOnly}
                      />
                    </RegionErrorBoundary>
                  </div>
                </ProfileSection>
                <ProfileSection title="Alert target">
                  <AlertTargetFields />
                </ProfileSection>
                <ProfileSection title="Retained metrics">
                  <RetainedMetricsFields
                    metrics={catalogue.metrics}
                    dimensions={catalogue.dimensionNames}
                  />
                </ProfileSection>
                <ProfileSection title="Metrics export">
                  <MetricsExportFields />
                </ProfileSection>
              </Stack>
            </fieldset>
          </Tabs.Panel>
          {/* Only mounted while shown, so it starts from the form's current values. */}
          <Tabs.Panel value="json" pt="md">
            <fieldset disabled={readOnly} style={PLAIN_FIELDSET}>
              {tab === 'json' ? <JsonView /> : null}
            </fieldset>
          </Tabs.Panel>
        </Tabs>
      </Stack>

      {base ? (
        <DeleteProfileDialog
          opened={deleteOpen}
          name={name}
          deleting={remove.isPending}
          error={remove.error}
          onClose={() => {
            setDeleteOpen(false);
            remove.reset();
          }}
          onConfirm={() =>
            remove.mutate(
              { securityProfileName: name, expectedVersion: base.version },
              {
                onSuccess: () => {
                  leaving.current = true;
                  void navigate(paths.profiles.href());
                },
              },
            )
          }
        />
      ) : null}
      <ConfirmDialog
        opened={confirmReload}
        title="Reload their version?"
        message="Your unsaved edits are discarded and the form shows the profile as it is saved now."
        confirmLabel="Discard mine and reload"
        cancelLabel="Keep my edits"
        onConfirm={() => void reloadTheirs()}
        onCancel={() => setConfirmReload(false)}
      />
    </FormProvider>
  );
}
