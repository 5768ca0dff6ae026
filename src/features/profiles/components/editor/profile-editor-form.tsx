import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCopy, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../../components/error-alert';
import { RegionErrorBoundary } from '../../../../components/region-error-boundary';
import { paths } from '../../../../config/paths';
import type {
  CreateSecurityProfileRequest,
  SecurityProfile,
  SecurityProfileFields,
  UpdateSecurityProfileRequest,
} from '../../../../domain/security-profile';
import { mergeProfiles } from '../../../../domain/profile-merge';
import type { MergeResult } from '../../../../domain/profile-merge';
import {
  buildCreateRequest,
  buildUpdateRequest,
  toCliInputJson,
} from '../../../../domain/update-request';
import { toAppError } from '../../../../lib/aws/errors';
import { useIotClient } from '../../../../lib/aws/iot-client-context';
import { useCreateSecurityProfile } from '../../api/create-security-profile';
import { useDeleteSecurityProfile } from '../../api/delete-security-profile';
import { profileDetailOptions } from '../../api/profile-queries';
import { useUpdateSecurityProfile } from '../../api/update-security-profile';
import { useDraftAutosave, useDraftScope } from '../../hooks/use-draft-autosave';
import type { EditorCatalogue } from '../../hooks/use-editor-catalogue';
import { draftKey, loadDraft } from '../../utils/draft-store';
import type { StoredDraft } from '../../utils/draft-store';
import { draftResolver } from '../../utils/draft-resolver';
import type { DraftResolverContext } from '../../utils/draft-resolver';
import { draftFromProfile, fieldsFromDraft } from '../../utils/profile-draft';
import type { ProfileDraft } from '../../utils/profile-draft';
import { BehaviorsSection } from '../behavior-editor/behaviors-section';
import { ProfileSection } from '../profile-section';
import { MergeDialog } from '../save/merge-dialog';
import { PreviewDialog, type SaveRequest } from '../save/preview-dialog';
import { timeAgo } from '../save/save-format';
import { AlertTargetFields } from './alert-target-fields';
import { ConfirmDialog } from './confirm-dialog';
import { DeleteProfileDialog } from './delete-profile-dialog';
import { DetailsFields } from './details-fields';
import { draftFromFields } from './draft-json';
import { EditorActions } from './editor-actions';
import { focusField } from './focus-field';
import { fullUpdateRequest } from './full-update-request';
import { ImportExport } from './import-export';
import { JsonView } from './json-view';
import { MetricsExportFields } from './metrics-export-fields';
import { QuotaMeters } from './quota-meters';
import { RestoreDraftAlert } from './restore-draft-alert';
import { planRestore, profileFields } from './restore-draft-plan';
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

/** How often an open edit checks whether someone else saved a newer version. */
const NEWER_VERSION_POLL_MS = 30_000;

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
  // Why "Reload their version" failed, shown until a reload succeeds; the edits stay.
  const [reloadError, setReloadError] = useState<unknown>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  // The fields the preview shows, fixed when it opens.
  const [edited, setEdited] = useState<SecurityProfileFields>({});
  // Their version, while the merge dialog is open.
  const [theirs, setTheirs] = useState<SecurityProfile | null>(null);
  // Set when a conflicting save was merged without questions, to say so above the form.
  const [autoMerged, setAutoMerged] = useState<{ from: number; to: number; notes: number } | null>(
    null,
  );
  const leaving = useRef(false);
  const formRoot = useRef<HTMLDivElement>(null);

  const form = useForm<ProfileDraft, DraftResolverContext>({
    resolver: draftResolver,
    mode: 'onChange',
    defaultValues: initialDraft,
    context: { validation: catalogue.validation },
  });
  const { getValues, handleSubmit, reset, subscribe, trigger } = form;
  // The working copy kept in this browser: a stored one is offered back first (`offer`), and
  // autosave starts only once that offer is answered, so it never overwrites what it offers.
  const draftScope = useDraftScope(client);
  const storeKey =
    draftScope === undefined || readOnly
      ? undefined
      : draftKey(draftScope, loaded?.securityProfileName);
  const [offer, setOffer] = useState<StoredDraft | null>(null);
  const [offerChecked, setOfferChecked] = useState(false);
  useEffect(() => {
    if (storeKey === undefined) return undefined;
    let active = true;
    void loadDraft(storeKey).then((stored) => {
      if (!active) return;
      setOffer(stored ?? null);
      setOfferChecked(true);
    });
    return () => {
      active = false;
    };
  }, [storeKey]);
  const autosave = useDraftAutosave({
    form,
    dirty: form.formState.isDirty,
    draftKey: storeKey,
    base,
    enabled: offerChecked && offer === null,
  });
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
  // Notices a teammate's save while this edit is open: on focus and every 30 s.
  const latest = useQuery({
    ...profileDetailOptions(client, name),
    enabled: !creating && !readOnly,
    refetchInterval: NEWER_VERSION_POLL_MS,
    refetchOnWindowFocus: true,
  }).data;
  const newer = base !== undefined && latest !== undefined && latest.version > base.version;

  // Save opens the preview on what the form holds now; the preview sends the exact request.
  const submit = (values: ProfileDraft) => {
    setEdited(fieldsFromDraft(values));
    setPreviewOpen(true);
  };

  const saved = (profile: SecurityProfile) => {
    autosave.clear();
    setPreviewOpen(false);
    setAutoMerged(null);
    setTheirs(null);
    setBase(profile);
    setSavedVersion(profile.version);
    reset(draftFromProfile(profile));
  };

  // Someone saved first: fetch what they saved and merge, rather than overwrite or give up. With no
  // conflict the merge needs no one's choice and goes straight to the preview; otherwise the merge
  // dialog asks. If theirs cannot be fetched, the conflict stays on screen with "Reload their version".
  const mergeWithTheirs = async () => {
    if (base === undefined) return;
    let latest: SecurityProfile;
    try {
      latest = await queryClient.fetchQuery({
        ...profileDetailOptions(client, name),
        staleTime: 0,
      });
    } catch {
      // Theirs is out of reach: the conflict stays on screen, with "Reload their version".
      setPreviewOpen(false);
      return;
    }
    update.reset();
    setPreviewOpen(false);
    const mine = fieldsFromDraft(getValues());
    takeMergeResult(base, latest, mergeProfiles(profileFields(base), mine, profileFields(latest)));
  };

  // One way on from a three-way merge of the form's edit (made against `from`) with `latest`,
  // shared by a conflicting save, and a restored draft whose version the server moved past.
  const takeMergeResult = (from: SecurityProfile, latest: SecurityProfile, result: MergeResult) => {
    if (result.conflicts.length > 0) {
      setTheirs(latest);
      return;
    }
    takeMerged(latest, result.merged);
    setAutoMerged({ from: from.version, to: latest.version, notes: result.autoMerged.length });
  };

  // Restoring never skips the merge: the stored edit goes back into the form against the version it
  // was made on, and when the server has moved on it is merged with the version loaded now.
  const restoreDraft = (draft: StoredDraft) => {
    setOffer(null);
    const plan = planRestore(draft, base);
    if (plan.kind === 'restore') {
      reset(draft.values, { keepDefaultValues: true });
      return;
    }
    setBase(plan.base);
    setSavedVersion(null);
    reset(draftFromProfile(plan.base));
    reset(draft.values, { keepDefaultValues: true });
    takeMergeResult(plan.base, plan.theirs, plan.result);
  };

  const discardDraft = () => {
    setOffer(null);
    autosave.clear();
  };

  const sendUpdate = (request: UpdateSecurityProfileRequest) =>
    update.mutate(request, {
      onSuccess: saved,
      onError: (error) => {
        if (toAppError(error).name === 'VersionConflictException') void mergeWithTheirs();
      },
    });

  const confirmSave = (request: SaveRequest) => {
    if (base === undefined) {
      create.mutate(request as CreateSecurityProfileRequest, {
        onSuccess: (created) => {
          autosave.clear();
          leaving.current = true;
          void navigate(paths.profile.href(created.securityProfileName));
        },
      });
      return;
    }
    sendUpdate(request as UpdateSecurityProfileRequest);
  };

  // The merged result becomes the edit, made against their version, and goes through the
  // preview again; its save sends expectedVersion = their version.
  const takeMerged = (latest: SecurityProfile, merged: SecurityProfileFields) => {
    setBase(latest);
    reset(draftFromProfile(latest));
    reset(draftFromFields(latest.securityProfileName, merged), { keepDefaultValues: true });
    setTheirs(null);
    setEdited(merged);
    setPreviewOpen(true);
  };

  const discardMine = () => {
    if (theirs === null) return;
    autosave.clear();
    setBase(theirs);
    setSavedVersion(null);
    reset(draftFromProfile(theirs));
    setTheirs(null);
  };

  // Still guarded by their version: a third writer who saved since is not overwritten blindly.
  const overwriteTheirs = () => {
    if (theirs === null) return;
    sendUpdate(buildUpdateRequest(theirs, fieldsFromDraft(getValues())));
  };

  const reloadTheirs = async () => {
    setConfirmReload(false);
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({
        ...profileDetailOptions(client, name),
        staleTime: 0,
      });
      autosave.clear();
      setBase(latest);
      setSavedVersion(null);
      reset(draftFromProfile(latest));
      update.reset();
      setReloadError(null);
    } catch (error) {
      setReloadError(error);
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
          <>
            {offer ? (
              <RestoreDraftAlert
                draft={offer}
                currentVersion={base?.version}
                onRestore={() => restoreDraft(offer)}
                onDiscard={discardDraft}
              />
            ) : null}
            {autoMerged ? (
              <Alert color="blue" variant="light" role="status" title="Merged with a newer version">
                Someone else saved version {autoMerged.to} after you loaded version{' '}
                {autoMerged.from}. Their changes and yours did not overlap, so they were merged (
                {autoMerged.notes} {autoMerged.notes === 1 ? 'change' : 'changes'} taken
                automatically). Review the merged result and save it.
              </Alert>
            ) : null}
            {newer && theirs === null ? (
              <Alert
                color="orange"
                variant="light"
                role="status"
                title="Someone else saved a newer version"
              >
                <Group justify="space-between">
                  <Text size="sm">
                    Version {latest.version} was saved{' '}
                    {timeAgo(latest.lastModifiedDate, new Date())}; you are editing version{' '}
                    {base.version}. Merge their changes into yours now, before you save.
                  </Text>
                  <Button size="xs" color="orange" onClick={() => setTheirs(latest)}>
                    Review their changes
                  </Button>
                </Group>
              </Alert>
            ) : null}
            {reloadError !== null ? (
              <ErrorAlert title="Could not load their version" error={reloadError} />
            ) : null}
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
          </>
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
                  autosave.clear();
                  leaving.current = true;
                  void navigate(paths.profiles.href());
                },
              },
            )
          }
        />
      ) : null}
      <PreviewDialog
        opened={previewOpen}
        loaded={base}
        edited={edited}
        name={creating ? getValues('securityProfileName') : name}
        validation={catalogue.validation}
        saving={update.isPending || create.isPending}
        saveError={creating ? create.error : update.error}
        onConfirm={confirmSave}
        onClose={() => setPreviewOpen(false)}
      />
      {base !== undefined && theirs !== null ? (
        <MergeDialog
          opened
          base={base}
          mine={fieldsFromDraft(getValues())}
          theirs={theirs}
          onMerged={(merged) => takeMerged(theirs, merged)}
          onDiscardMine={discardMine}
          onOverwrite={overwriteTheirs}
          onClose={() => setTheirs(null)}
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
