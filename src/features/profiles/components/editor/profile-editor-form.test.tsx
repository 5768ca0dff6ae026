import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../../../../domain/metric-catalogue';
import type { SecurityProfile } from '../../../../domain/security-profile';
import { IotClientProvider } from '../../../../lib/aws/iot-client-context';

// The client's retries (throttling, 5xx) without their back-off waits, so failure paths stay fast.
const NO_WAIT = { sleep: () => Promise.resolve() };
import { theme } from '../../../../theme';
import { profileKeys } from '../../api/profile-queries';
import type { EditorCatalogue } from '../../hooks/use-editor-catalogue';
import { draftFromProfile, emptyDraft } from '../../utils/profile-draft';
import { ProfileEditorForm } from './profile-editor-form';
import { NewProfilePage } from './profile-editor-page';

const ROLE = 'arn:aws:iam::123456789012:role/device-defender';

const loaded: SecurityProfile = {
  securityProfileName: 'fleet',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet',
  version: 1,
  creationDate: new Date('2026-10-01T00:00:00Z'),
  lastModifiedDate: new Date('2026-10-02T00:00:00Z'),
  securityProfileDescription: 'Fleet baseline',
  behaviors: [
    {
      name: 'few-auth-failures',
      metric: 'aws:num-authorization-failures',
      criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
    },
  ],
  additionalMetricsToRetain: ['aws:num-messages-sent'],
};

const catalogue: EditorCatalogue = {
  metrics: BUILT_IN_METRICS,
  dimensionNames: [],
  validation: { customMetrics: new Map(), dimensions: new Set() },
  isPending: false,
  errors: [],
  retry: () => {},
};

// A stand-in for the IoT endpoint on the real restJson1 wire. It keeps one stored profile:
// Describe returns it; Update checks expectedVersion against it (409 VersionConflictException when
// someone else saved since), applies the patch and stores version + 1, or answers 500 on demand;
// ValidateSecurityProfileBehaviors finds every list of behaviors valid.
let onServer: SecurityProfile;
let failure = false;
// While set, every Describe fails (theirs cannot be fetched after a conflict).
let describeFails = false;
let describes = 0;
const updates: { query: string; body: Record<string, unknown> }[] = [];
const requests: { method: string; path: string; body: Record<string, unknown> }[] = [];
const validations: Record<string, unknown>[] = [];
const wire = (profile: SecurityProfile) => ({
  ...profile,
  creationDate: profile.creationDate.getTime() / 1000,
  lastModifiedDate: profile.lastModifiedDate.getTime() / 1000,
});
const theirs: SecurityProfile = { ...loaded, version: 3, securityProfileDescription: 'Theirs' };
const DELETE_FLAGS: Record<string, keyof SecurityProfile> = {
  deleteBehaviors: 'behaviors',
  deleteAlertTargets: 'alertTargets',
  deleteAdditionalMetricsToRetain: 'additionalMetricsToRetain',
  deleteMetricsExportConfig: 'metricsExportConfig',
};
/** The stored profile after an UpdateSecurityProfile body: members replaced, flags deleting. */
function applyUpdate(profile: SecurityProfile, body: Record<string, unknown>): SecurityProfile {
  const deleted = new Set(
    Object.entries(DELETE_FLAGS)
      .filter(([flag]) => body[flag] === true)
      .map(([, member]) => member as string),
  );
  const members = Object.entries(body).filter(([key]) => !(key in DELETE_FLAGS));
  const kept = Object.entries(profile).filter(([key]) => !deleted.has(key));
  return {
    ...Object.fromEntries([...kept, ...members]),
    version: profile.version + 1,
  } as SecurityProfile;
}
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers = { 'content-type': 'application/json', 'x-amzn-requestid': 'req-42' };
    const url = new URL(req.url ?? '', 'http://x');
    const body = () =>
      JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
    if (req.method === 'POST' && url.pathname === '/security-profile-behaviors/validate') {
      validations.push(body());
      res.writeHead(200, headers);
      res.end(JSON.stringify({ valid: true, validationErrors: [] }));
      return;
    }
    if (req.method === 'POST' || req.method === 'DELETE') {
      requests.push({ method: req.method, path: url.pathname + url.search, body: body() });
      const name = decodeURIComponent(url.pathname.replace('/security-profiles/', ''));
      res.writeHead(200, headers);
      res.end(
        req.method === 'POST'
          ? JSON.stringify({
              securityProfileName: name,
              securityProfileArn: `arn:aws:iot:us-east-1:123456789012:securityprofile/${name}`,
            })
          : '{}',
      );
      return;
    }
    if (req.method === 'PATCH') {
      const patch = body();
      updates.push({ query: url.search, body: patch });
      if (failure) {
        res.writeHead(500, { ...headers, 'x-amzn-errortype': 'InternalFailureException' });
        res.end(JSON.stringify({ message: 'The stand-in failed on purpose' }));
        return;
      }
      const expected = Number(url.searchParams.get('expectedVersion'));
      if (expected !== onServer.version) {
        res.writeHead(409, { ...headers, 'x-amzn-errortype': 'VersionConflictException' });
        res.end(
          JSON.stringify({
            message: `The version of fleet is ${onServer.version}, not ${expected}`,
          }),
        );
        return;
      }
      onServer = applyUpdate(onServer, patch);
      res.writeHead(200, headers);
      res.end(JSON.stringify(wire(onServer)));
      return;
    }
    if (url.pathname === '/custom-metrics') {
      res.writeHead(200, headers);
      res.end(JSON.stringify({ metricNames: [] }));
    } else if (url.pathname === '/dimensions') {
      res.writeHead(200, headers);
      res.end(JSON.stringify({ dimensionNames: [] }));
    } else if (describeFails) {
      res.writeHead(500, { ...headers, 'x-amzn-errortype': 'InternalFailureException' });
      res.end(JSON.stringify({ message: 'Describe failed on purpose' }));
    } else {
      describes += 1;
      res.writeHead(200, headers);
      res.end(JSON.stringify(wire(onServer)));
    }
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  onServer = loaded;
  failure = false;
  describeFails = false;
  describes = 0;
  updates.length = 0;
  requests.length = 0;
  validations.length = 0;
});

/** The form inside the app's providers and a data router (the unsaved-changes guard needs one). */
function renderEditor(ui: ReactElement, at = '/profiles/fleet') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: at, element: ui },
      { path: '/profiles/:name', element: <h1>Another profile page</h1> },
      { path: '/profiles', element: <h1>All profiles</h1> },
    ],
    { initialEntries: [at] },
  );
  const config = {
    region: 'us-east-1',
    iotEndpoint: endpoint,
    localCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'secret' },
  };
  const user = userEvent.setup();
  render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <IotClientProvider config={config} retries={NO_WAIT}>
          <RouterProvider router={router} />
        </IotClientProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user, router, queryClient };
}

function renderLoaded(profile: SecurityProfile = loaded) {
  return renderEditor(
    <ProfileEditorForm
      loaded={profile}
      initialDraft={draftFromProfile(profile)}
      catalogue={catalogue}
    />,
  );
}

const saveButton = () => screen.getByRole('button', { name: 'Save changes' });

type User = ReturnType<typeof userEvent.setup>;

/**
 * Waits for the save preview, ticks the weakening acknowledgement when the preview asks for it,
 * and clicks its confirm button once nothing blocks it. Returns the dialog.
 */
async function confirmInPreview(user: User, title: string, confirmLabel: string) {
  const dialog = await screen.findByRole('dialog', { name: title });
  const acknowledge = within(dialog).queryByRole('checkbox', {
    name: 'I understand this weakens detection',
  });
  if (acknowledge !== null && !(acknowledge as HTMLInputElement).checked) {
    await user.click(acknowledge);
  }
  const confirm = within(dialog).getByRole('button', { name: confirmLabel });
  await waitFor(() => expect(confirm).toBeEnabled());
  await user.click(confirm);
  return dialog;
}

describe('ProfileEditorForm', () => {
  it('starts with nothing to save and counts the description against its limit', async () => {
    const { user } = renderLoaded();
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText('No changes to save.')).toBeInTheDocument();
    expect(screen.getByText('14 / 1000 characters')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Description'), '!');
    expect(screen.getByText('15 / 1000 characters')).toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
  });

  it('shows a character AWS refuses inline and in the summary, whose link focuses the field', async () => {
    const { user } = renderLoaded();
    const description = screen.getByLabelText('Description');
    await user.type(description, ' café');
    await waitFor(() =>
      expect(description).toHaveAccessibleDescription(/printable ASCII characters and spaces only/),
    );
    expect(description).toHaveAttribute('aria-invalid', 'true');
    expect(saveButton()).toBeDisabled();
    expect(screen.getByText('Fix 1 problem to save.')).toBeInTheDocument();

    const summary = screen.getByRole('region', { name: '1 problem blocks saving' });
    await user.click(within(summary).getByRole('button', { name: 'Description' }));
    await waitFor(() => expect(description).toHaveFocus());
  });

  it('a summary link to a problem in a collapsed behavior opens that behavior', async () => {
    const broken: SecurityProfile = {
      ...loaded,
      behaviors: [
        ...(loaded.behaviors ?? []),
        {
          name: 'bad-duration',
          metric: 'aws:num-authorization-failures',
          criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 7 },
        },
      ],
    };
    const { user } = renderLoaded(broken);
    const toggle = await screen.findByRole('button', { name: 'Expand behavior bad-duration' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const summary = await screen.findByRole('region', { name: /blocks? saving/ });
    await user.click(within(summary).getByRole('button', { name: /^Behavior “bad-duration”/ }));
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Collapse behavior bad-duration' }),
      ).toHaveAttribute('aria-expanded', 'true'),
    );
  });

  it('adds and removes the alert target, validating its role ARN', async () => {
    const { user } = renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Add alert target' }));
    await user.type(screen.getByLabelText('SNS topic ARN'), 'arn:aws:sns:us-east-1:1:alerts');
    await user.type(screen.getByLabelText('Alert role ARN'), 'short');
    await waitFor(() =>
      expect(screen.getByLabelText('Alert role ARN')).toHaveAccessibleDescription(/at least 20/),
    );
    await user.clear(screen.getByLabelText('Alert role ARN'));
    await user.type(screen.getByLabelText('Alert role ARN'), ROLE);
    await waitFor(() => expect(saveButton()).toBeEnabled());

    await user.click(screen.getByRole('button', { name: 'Remove alert target' }));
    expect(screen.queryByLabelText('SNS topic ARN')).not.toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
  });

  it('migrates legacy retained metrics into V2 entries', async () => {
    const { user } = renderLoaded();
    const legacy = screen.getByRole('group', { name: 'Legacy retained metrics' });
    expect(within(legacy).getByText('aws:num-messages-sent')).toBeInTheDocument();
    await user.click(within(legacy).getByRole('button', { name: 'Migrate to V2' }));

    expect(screen.queryByRole('group', { name: 'Legacy retained metrics' })).toBeNull();
    const entry = screen.getByRole('group', { name: 'Retained metric 1' });
    expect(within(entry).getByDisplayValue('Messages sent (aws:num-messages-sent)')).toBeVisible();
    expect(saveButton()).toBeEnabled();
  });

  it('applies valid JSON edits to the form and refuses invalid JSON without touching it', async () => {
    const { user } = renderLoaded();
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = screen.getByLabelText('Profile JSON');
    const shown = JSON.parse((json as HTMLTextAreaElement).value) as Record<string, unknown>;
    expect(shown['securityProfileDescription']).toBe('Fleet baseline');
    expect(shown['behaviors']).toEqual(loaded.behaviors);

    await user.clear(json);
    // userEvent treats { and [ as key descriptors; doubled they type literally.
    await user.type(json, '{{"securityProfileDescription": "From JSON"');
    expect(screen.getByRole('alert')).toHaveTextContent(/JSON/);
    await user.type(json, '}');
    expect(screen.queryByRole('alert')).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByLabelText('Description')).toHaveValue('From JSON');
    // Leaving behaviors out of the JSON removed them: the quota meter says so.
    expect(screen.getByRole('progressbar', { name: 'Behaviors: 0 of 100' })).toBeInTheDocument();
  });

  it('imports a CLI input file into the form, and refuses a file that is not a profile', async () => {
    const { user } = renderLoaded();
    const input = screen.getByLabelText('Import JSON');
    await user.upload(
      input,
      new File(['{"Records": []}'], 'trail.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'trail.json was not imported. This is not a security profile input: unknown member "Records"',
    );
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline');

    const file = JSON.stringify({
      securityProfileName: 'fleet',
      expectedVersion: 1,
      securityProfileDescription: 'Imported',
      deleteBehaviors: true,
    });
    await user.upload(input, new File([file], 'fleet.json', { type: 'application/json' }));
    expect(await screen.findByText(/Imported fleet\.json/)).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('Imported');
    expect(screen.getByRole('progressbar', { name: 'Behaviors: 0 of 100' })).toBeInTheDocument();
    // Legacy retained metrics were not in the patch, so they stay.
    expect(screen.getByRole('group', { name: 'Legacy retained metrics' })).toBeInTheDocument();
  });

  it('saves the minimal update with the loaded version and then shows the new version', async () => {
    const { user } = renderLoaded();
    await user.clear(screen.getByLabelText('Description'));
    await user.type(screen.getByLabelText('Description'), 'Tightened');
    await user.click(saveButton());

    // The preview asks AWS IoT about the behaviors the profile keeps, then lets the save go.
    const preview = await screen.findByRole('dialog', { name: 'Review changes to fleet' });
    expect(
      await within(preview).findByText('AWS IoT validated the behavior: no problems.'),
    ).toBeInTheDocument();
    expect(validations).toEqual([{ behaviors: loaded.behaviors }]);
    expect(updates).toEqual([]);
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 2');

    expect(await screen.findByText('The profile is now at version 2.')).toBeInTheDocument();
    expect(updates).toEqual([
      { query: '?expectedVersion=1', body: { securityProfileDescription: 'Tightened' } },
    ]);
    expect(screen.getByText('Version 2')).toBeInTheDocument();
    expect(screen.getByText('No changes to save.')).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('Tightened');
    expect(screen.queryByRole('dialog', { name: 'Review changes to fleet' })).toBeNull();
  });

  it('a weakening change saves only once the acknowledgement is ticked', async () => {
    const { user } = renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Remove behavior few-auth-failures' }));
    await user.click(saveButton());

    const preview = await screen.findByRole('dialog', { name: 'Review changes to fleet' });
    const acknowledge = within(preview).getByRole('checkbox', {
      name: 'I understand this weakens detection',
    });
    expect(acknowledge).not.toBeChecked();
    expect(acknowledge).toHaveAccessibleDescription(/^1 change makes Device Defender alarm less/);
    const confirm = within(preview).getByRole('button', { name: 'Save as version 2' });
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAccessibleDescription(
      'Confirm that you understand this weakens detection.',
    );
    await user.click(confirm);
    expect(updates).toEqual([]);

    // Back to editing sends nothing and keeps the edit.
    await user.click(within(preview).getByRole('button', { name: 'Back to editing' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Review changes to fleet' })).toBeNull(),
    );
    expect(screen.getByRole('progressbar', { name: 'Behaviors: 0 of 100' })).toBeInTheDocument();
    expect(updates).toEqual([]);

    await user.click(saveButton());
    const again = await screen.findByRole('dialog', { name: 'Review changes to fleet' });
    await user.click(
      within(again).getByRole('checkbox', { name: 'I understand this weakens detection' }),
    );
    await waitFor(() =>
      expect(within(again).getByRole('button', { name: 'Save as version 2' })).toBeEnabled(),
    );
    await user.click(within(again).getByRole('button', { name: 'Save as version 2' }));

    expect(await screen.findByText('The profile is now at version 2.')).toBeInTheDocument();
    expect(updates).toEqual([{ query: '?expectedVersion=1', body: { deleteBehaviors: true } }]);
    // No behaviors left: nothing to ask the server about.
    expect(validations).toEqual([]);
  });

  it('on a version conflict merges with their version and saves against it', async () => {
    // Someone saved version 3 (a new description) after this edit loaded version 1.
    onServer = theirs;
    const { user } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), ' (mine)');
    await user.click(saveButton());
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 2');

    const merge = await screen.findByRole('dialog', { name: 'fleet changed while you edited' });
    expect(updates).toEqual([
      {
        query: '?expectedVersion=1',
        body: { securityProfileDescription: 'Fleet baseline (mine)' },
      },
    ]);
    expect(screen.queryByRole('dialog', { name: 'Review changes to fleet' })).toBeNull();
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline (mine)');
    // Both changed the description: the merge waits for a choice.
    const useMerged = within(merge).getByRole('button', { name: 'Use merged result' });
    expect(useMerged).toBeDisabled();
    expect(within(merge).getByText('Choose for 1 conflict.')).toBeInTheDocument();
    await user.click(within(merge).getByRole('radio', { name: 'Mine' }));
    expect(useMerged).toBeEnabled();
    await user.click(useMerged);

    // The merged result goes through the preview again, now against their version.
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 4');
    expect(await screen.findByText('The profile is now at version 4.')).toBeInTheDocument();
    expect(updates).toEqual([
      {
        query: '?expectedVersion=1',
        body: { securityProfileDescription: 'Fleet baseline (mine)' },
      },
      {
        query: '?expectedVersion=3',
        body: { securityProfileDescription: 'Fleet baseline (mine)' },
      },
    ]);
    expect(screen.getByText('Version 4')).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline (mine)');
    expect(screen.queryByRole('dialog', { name: 'fleet changed while you edited' })).toBeNull();
    expect(screen.queryByRole('alert', { name: 'Someone else saved first' })).toBeNull();
  });

  it('a conflict whose changes do not overlap merges by itself and saves against their version', async () => {
    onServer = theirs;
    const { user } = renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Add alert target' }));
    await user.type(screen.getByLabelText('SNS topic ARN'), 'arn:aws:sns:us-east-1:1:alerts');
    await user.type(screen.getByLabelText('Alert role ARN'), ROLE);
    await waitFor(() => expect(saveButton()).toBeEnabled());
    await user.click(saveButton());
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 2');

    // Nothing to choose: no merge dialog, the merged result goes straight to the preview.
    const merged = await screen.findByRole('status', { name: 'Merged with a newer version' });
    expect(merged).toHaveTextContent(
      /saved version 3 after you loaded version 1\..*\(2 changes taken automatically\)/,
    );
    expect(screen.queryByRole('dialog', { name: 'fleet changed while you edited' })).toBeNull();
    expect(screen.getByLabelText('Description')).toHaveValue('Theirs');
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 4');

    expect(await screen.findByText('The profile is now at version 4.')).toBeInTheDocument();
    const alertTargets = {
      SNS: { alertTargetArn: 'arn:aws:sns:us-east-1:1:alerts', roleArn: ROLE },
    };
    // Their description is already saved: only my alert target travels.
    expect(updates).toEqual([
      { query: '?expectedVersion=1', body: { alertTargets } },
      { query: '?expectedVersion=3', body: { alertTargets } },
    ]);
    expect(onServer).toMatchObject({
      version: 4,
      securityProfileDescription: 'Theirs',
      alertTargets,
    });
    expect(screen.queryByRole('status', { name: 'Merged with a newer version' })).toBeNull();
  });

  it('after a conflict, discarding mine loads their version', async () => {
    onServer = theirs;
    const { user } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), ' (mine)');
    await user.click(saveButton());
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 2');
    const merge = await screen.findByRole('dialog', { name: 'fleet changed while you edited' });
    await user.click(within(merge).getByRole('button', { name: 'Discard mine and load theirs' }));

    await waitFor(() => expect(screen.getByLabelText('Description')).toHaveValue('Theirs'));
    expect(screen.getByText('Version 3')).toBeInTheDocument();
    expect(screen.getByText('No changes to save.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'fleet changed while you edited' })).toBeNull();
    // Their version is now the one edited: nothing newer to announce.
    expect(screen.queryByRole('status', { name: 'Someone else saved a newer version' })).toBeNull();
    expect(updates).toHaveLength(1);
  });

  it('after a conflict, overwriting theirs asks first and sends mine against their version', async () => {
    onServer = theirs;
    const { user } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), ' (mine)');
    await user.click(saveButton());
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 2');
    const merge = await screen.findByRole('dialog', { name: 'fleet changed while you edited' });
    await user.click(within(merge).getByRole('button', { name: 'Overwrite theirs with mine' }));

    const confirm = await screen.findByRole('dialog', {
      name: 'Overwrite version 3 with yours?',
    });
    expect(within(confirm).getByRole('button', { name: 'Back to the merge' })).toHaveFocus();
    expect(updates).toHaveLength(1);
    await user.click(within(confirm).getByRole('button', { name: 'Overwrite version 3' }));

    expect(await screen.findByText('The profile is now at version 4.')).toBeInTheDocument();
    expect(updates[1]).toEqual({
      query: '?expectedVersion=3',
      body: { securityProfileDescription: 'Fleet baseline (mine)' },
    });
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline (mine)');
  });

  it('when their version cannot be fetched, keeps the edits and offers to reload it after asking', async () => {
    onServer = theirs;
    const { user, queryClient } = renderLoaded();
    await waitFor(() => expect(describes).toBeGreaterThan(0));
    await user.type(screen.getByLabelText('Description'), ' (mine)');
    await user.click(saveButton());
    // Every Describe after the conflict fails, until the reload below.
    describeFails = true;
    await confirmInPreview(user, 'Review changes to fleet', 'Save as version 2');

    // Fetching theirs has given up (after any retries the client makes).
    await waitFor(
      () =>
        expect(queryClient.getQueryState(profileKeys.detail('fleet'))).toMatchObject({
          status: 'error',
          fetchStatus: 'idle',
        }),
      { timeout: 15_000 },
    );
    // The preview closes onto the conflict; no merge dialog; the edits are still there.
    const alert = await screen.findByRole('alert', { name: 'Someone else saved first' });
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Review changes to fleet' })).toBeNull(),
    );
    expect(screen.queryByRole('dialog', { name: 'fleet changed while you edited' })).toBeNull();
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline (mine)');
    describeFails = false;
    await user.click(within(alert).getByRole('button', { name: 'Reload their version' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reload their version?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard mine and reload' }));

    await waitFor(() => expect(screen.getByLabelText('Description')).toHaveValue('Theirs'));
    expect(screen.getByText('Version 3')).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: 'Someone else saved first' })).toBeNull();
  });

  it('a newer version found by a refetch shows a banner whose review opens the merge', async () => {
    onServer = theirs;
    const { user } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), ' (mine)');
    const banner = await screen.findByRole('status', {
      name: 'Someone else saved a newer version',
    });
    expect(banner).toHaveTextContent(/Version 3 was saved .*; you are editing version 1\./);
    await user.click(within(banner).getByRole('button', { name: 'Review their changes' }));

    expect(
      await screen.findByRole('dialog', { name: 'fleet changed while you edited' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Someone else saved a newer version' })).toBeNull();
    expect(updates).toEqual([]);
  });

  it('shows no banner while the loaded version is the newest', async () => {
    renderLoaded();
    await waitFor(() => expect(describes).toBeGreaterThan(0));
    expect(screen.getByText('Version 1')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Someone else saved a newer version' })).toBeNull();
  });

  it('a failed save shows the error with its request id and keeps what was typed', async () => {
    failure = true;
    const { user } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), '!');
    await user.click(saveButton());
    const preview = await confirmInPreview(user, 'Review changes to fleet', 'Save as version 2');
    // The preview stays open with the failure, so the analyst can retry from where they were.
    // The client may retry a 500 with backoff before it gives up: allow for the waits.
    const failed = await within(preview).findByRole(
      'alert',
      { name: 'The save failed' },
      { timeout: 15_000 },
    );
    expect(failed).toHaveTextContent('InternalFailureException');
    await user.click(within(preview).getByRole('button', { name: 'Back to editing' }));

    const alert = await screen.findByRole('alert', { name: 'Could not save the profile' });
    expect(alert).toHaveTextContent('Could not save the profile');
    expect(alert).toHaveTextContent('InternalFailureException');
    expect(alert).toHaveTextContent('req-42');
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline!');
    expect(saveButton()).toBeEnabled();
  });

  it('creates a new profile once its name passes the AWS rule, then opens it', async () => {
    const { user, router } = renderEditor(
      <ProfileEditorForm initialDraft={emptyDraft()} catalogue={catalogue} />,
      '/profiles/new',
    );
    const create = screen.getByRole('button', { name: 'Create profile' });
    expect(create).toBeDisabled();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, 'new fleet');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(create).toBeDisabled();
    await user.clear(name);
    await user.type(name, 'new-fleet');
    await user.type(screen.getByLabelText('Description'), 'Brand new');
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    expect(requests).toEqual([]);
    await confirmInPreview(user, 'Review new profile new-fleet', 'Create new-fleet');

    expect(await screen.findByRole('heading', { name: 'Another profile page' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/profiles/new-fleet');
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/security-profiles/new-fleet',
        body: { securityProfileDescription: 'Brand new' },
      },
    ]);
  });

  it('a clone starts as <name>-copy with the settings of the source, ready to create', async () => {
    onServer = theirs;
    renderEditor(<NewProfilePage cloneFrom="fleet" />, '/profiles/new');
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('fleet-copy');
    expect(screen.getByLabelText('Description')).toHaveValue('Theirs');
    expect(screen.getByRole('progressbar', { name: 'Behaviors: 1 of 100' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Create profile' })).toBeEnabled(),
    );
  });

  it('deletes the profile with its version only after its name is typed', async () => {
    const { user, router } = renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete security profile' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete profile' });
    await user.type(within(dialog).getByLabelText('Type fleet to confirm'), 'flee');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type fleet to confirm'), 't');
    await user.click(confirm);

    expect(await screen.findByRole('heading', { name: 'All profiles' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/profiles');
    expect(requests).toEqual([
      { method: 'DELETE', path: '/security-profiles/fleet?expectedVersion=1', body: {} },
    ]);
  });

  it('asks before leaving with unsaved edits; staying keeps them', async () => {
    const { user, router } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), '!');
    await router.navigate('/profiles');
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/profiles/fleet');
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline!');

    await router.navigate('/profiles');
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole(
        'button',
        { name: 'Leave and discard changes' },
      ),
    );
    expect(await screen.findByRole('heading', { name: 'All profiles' })).toBeInTheDocument();
  });
});
