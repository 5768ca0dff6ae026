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
import { theme } from '../../../../theme';
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

// A stand-in for the IoT endpoint on the real restJson1 wire: Update either succeeds (version + 1)
// or answers 409 VersionConflictException or 500; Describe returns "their" version 3.
let conflict = false;
let failure = false;
const updates: { query: string; body: Record<string, unknown> }[] = [];
const requests: { method: string; path: string; body: Record<string, unknown> }[] = [];
const wire = (profile: SecurityProfile) => ({
  ...profile,
  creationDate: profile.creationDate.getTime() / 1000,
  lastModifiedDate: profile.lastModifiedDate.getTime() / 1000,
});
const theirs: SecurityProfile = { ...loaded, version: 3, securityProfileDescription: 'Theirs' };
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers = { 'content-type': 'application/json', 'x-amzn-requestid': 'req-42' };
    const url = new URL(req.url ?? '', 'http://x');
    if (req.method === 'POST' || req.method === 'DELETE') {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      requests.push({ method: req.method, path: url.pathname + url.search, body });
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
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      updates.push({ query: new URL(req.url ?? '', 'http://x').search, body });
      if (failure) {
        res.writeHead(500, { ...headers, 'x-amzn-errortype': 'InternalFailureException' });
        res.end(JSON.stringify({ message: 'The stand-in failed on purpose' }));
        return;
      }
      if (conflict) {
        res.writeHead(409, { ...headers, 'x-amzn-errortype': 'VersionConflictException' });
        res.end(JSON.stringify({ message: 'The version of fleet is 3, not 1' }));
        return;
      }
      res.writeHead(200, headers);
      res.end(JSON.stringify(wire({ ...loaded, ...body, version: 2 } as SecurityProfile)));
      return;
    }
    res.writeHead(200, headers);
    if (url.pathname === '/custom-metrics') res.end(JSON.stringify({ metricNames: [] }));
    else if (url.pathname === '/dimensions') res.end(JSON.stringify({ dimensionNames: [] }));
    else res.end(JSON.stringify(wire(theirs)));
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  conflict = false;
  failure = false;
  updates.length = 0;
  requests.length = 0;
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
        <IotClientProvider config={config}>
          <RouterProvider router={router} />
        </IotClientProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user, router };
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

    expect(await screen.findByText('The profile is now at version 2.')).toBeInTheDocument();
    expect(updates).toEqual([
      { query: '?expectedVersion=1', body: { securityProfileDescription: 'Tightened' } },
    ]);
    expect(screen.getByText('Version 2')).toBeInTheDocument();
    expect(screen.getByText('No changes to save.')).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('Tightened');
  });

  it('on a version conflict keeps the edits and offers to reload their version after asking', async () => {
    conflict = true;
    const { user } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), ' (mine)');
    await user.click(saveButton());

    const alert = await screen.findByRole('alert', { name: 'Someone else saved first' });
    expect(screen.getByLabelText('Description')).toHaveValue('Fleet baseline (mine)');
    await user.click(within(alert).getByRole('button', { name: 'Reload their version' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reload their version?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard mine and reload' }));

    await waitFor(() => expect(screen.getByLabelText('Description')).toHaveValue('Theirs'));
    expect(screen.getByText('Version 3')).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: 'Someone else saved first' })).toBeNull();
  });

  it('a failed save shows the error with its request id and keeps what was typed', async () => {
    failure = true;
    const { user } = renderLoaded();
    await user.type(screen.getByLabelText('Description'), '!');
    await user.click(saveButton());
    const alert = await screen.findByRole('alert');
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
