import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  Behavior,
  SecurityProfile,
  SecurityProfileFields,
} from '../../../../domain/security-profile';
import { IotClientProvider } from '../../../../lib/aws/iot-client-context';
import { renderWithProviders } from '../../../../testing/render';
import { PreviewDialog } from './preview-dialog';
import type { PreviewDialogProps } from './preview-dialog';

const ROLE = 'arn:aws:iam::123456789012:role/device-defender';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alarms';

const authFailures = (count: number): Behavior => ({
  name: 'few-auth-failures',
  metric: 'aws:num-authorization-failures',
  criteria: { comparisonOperator: 'less-than', value: { count }, durationSeconds: 300 },
});
const tcpPorts: Behavior = {
  name: 'tcp-ports',
  metric: 'aws:listening-tcp-ports',
  criteria: { comparisonOperator: 'in-port-set', value: { ports: [22, 443] } },
};
const disconnects: Behavior = {
  name: 'many-disconnects',
  metric: 'aws:num-disconnects',
  criteria: { comparisonOperator: 'less-than', value: { count: 20 }, durationSeconds: 300 },
};

const loaded: SecurityProfile = {
  securityProfileName: 'fleet',
  securityProfileArn: 'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet',
  version: 4,
  creationDate: new Date('2026-10-01T00:00:00Z'),
  lastModifiedDate: new Date('2026-10-02T00:00:00Z'),
  securityProfileDescription: 'Fleet baseline',
  behaviors: [authFailures(5), tcpPorts],
  alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } },
};

const unchanged: SecurityProfileFields = {
  securityProfileDescription: 'Fleet baseline',
  behaviors: [authFailures(5), tcpPorts],
  alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } },
};

// A stand-in for the IoT endpoint on the real restJson1 wire: ValidateSecurityProfileBehaviors
// answers 200 with the verdict the test sets, or 400 InvalidRequestException when `refuse` is set.
let verdict: { valid: boolean; validationErrors: { errorMessage: string }[] } = {
  valid: true,
  validationErrors: [],
};
let refuse: string | null = null;
const validated: unknown[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const headers = { 'content-type': 'application/json', 'x-amzn-requestid': 'req-7' };
    if (req.method !== 'POST' || req.url !== '/security-profile-behaviors/validate') {
      res.writeHead(404, { ...headers, 'x-amzn-errortype': 'ResourceNotFoundException' });
      res.end(JSON.stringify({ message: `No route ${req.method ?? ''} ${req.url ?? ''}` }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { behaviors?: unknown };
    validated.push(body.behaviors);
    if (refuse !== null) {
      res.writeHead(400, { ...headers, 'x-amzn-errortype': 'InvalidRequestException' });
      res.end(JSON.stringify({ message: refuse }));
      return;
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify(verdict));
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  verdict = { valid: true, validationErrors: [] };
  refuse = null;
  validated.length = 0;
});

function renderPreview(props: Partial<PreviewDialogProps> & { edited: SecurityProfileFields }) {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  const config = {
    region: 'us-east-1',
    iotEndpoint: endpoint,
    localCredentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'secret' },
  };
  const rendered = renderWithProviders(
    <IotClientProvider config={config}>
      <PreviewDialog
        opened
        loaded={loaded}
        name="fleet"
        validation={{ customMetrics: new Map(), dimensions: new Set() }}
        saving={false}
        saveError={null}
        onConfirm={onConfirm}
        onClose={onClose}
        {...props}
      />
    </IotClientProvider>,
  );
  return { ...rendered, onConfirm, onClose };
}

const dialog = () => screen.getByRole('dialog', { name: /^Review / });
const section = (name: string | RegExp) => within(dialog()).getByRole('region', { name });
const verdictAccepted = () =>
  within(dialog()).findByText(/AWS IoT validated the behaviors?: no problems/);

describe('PreviewDialog', () => {
  it('lists behaviors added, removed and changed field by field, old → new, with their effect', async () => {
    renderPreview({
      edited: { ...unchanged, behaviors: [authFailures(10), disconnects] },
    });
    expect(section('Behaviors added (1)')).toHaveTextContent('adds behavior many-disconnects');
    const removed = section('Behaviors removed (1)');
    expect(removed).toHaveTextContent('removes behavior tcp-ports');
    expect(removed).toHaveTextContent('Weakens detection');
    const changed = section('Behavior few-auth-failures');
    expect(changed).toHaveTextContent('criteria.value.count: 5 → 10');
    // less-than describes normal: raising it lets more values pass without an alarm.
    expect(changed).toHaveTextContent('Weakens detection');
    expect(within(dialog()).queryByRole('region', { name: 'Description' })).toBeNull();
    await verdictAccepted();
    expect(validated).toEqual([[authFailures(10), disconnects]]);
  });

  it('says when a deletion maps to a delete flag, and sends that flag', async () => {
    const { user } = renderPreview({ edited: { ...unchanged, alertTargets: {} } });
    expect(within(dialog()).getByText(/removes ALL alert targets/)).toHaveTextContent(
      'the save sends deleteAlertTargets',
    );
    expect(section('Alert target')).toHaveTextContent(`removes the SNS alert target ${TOPIC}`);
    await user.click(within(dialog()).getByRole('tab', { name: 'Request and CLI' }));
    const json = within(dialog()).getByLabelText('UpdateSecurityProfile request JSON');
    expect(JSON.parse(json.textContent)).toEqual({
      securityProfileName: 'fleet',
      deleteAlertTargets: true,
      expectedVersion: 4,
    });
  });

  it('needs the acknowledgement before a weakening change can be saved, then sends the request', async () => {
    const { user, onConfirm } = renderPreview({
      edited: { ...unchanged, behaviors: [authFailures(10), tcpPorts] },
    });
    await verdictAccepted();
    const save = within(dialog()).getByRole('button', { name: 'Save as version 5' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription('Confirm that you understand this weakens detection.');
    const acknowledge = within(dialog()).getByRole('checkbox', {
      name: 'I understand this weakens detection',
    });
    expect(acknowledge).toHaveAccessibleDescription(/1 change makes Device Defender alarm less/);

    await user.click(acknowledge);
    expect(save).toBeEnabled();
    await user.click(acknowledge);
    expect(save).toBeDisabled();
    await user.click(acknowledge);
    await user.click(save);
    expect(onConfirm).toHaveBeenCalledExactlyOnceWith({
      securityProfileName: 'fleet',
      expectedVersion: 4,
      behaviors: [authFailures(10), tcpPorts],
    });
  });

  it('asks for no acknowledgement when nothing weakens detection', async () => {
    const { user, onConfirm } = renderPreview({
      edited: { ...unchanged, behaviors: [authFailures(3), tcpPorts] },
    });
    expect(section('Behavior few-auth-failures')).toHaveTextContent('Strengthens detection');
    expect(within(dialog()).queryByRole('checkbox')).toBeNull();
    const save = within(dialog()).getByRole('button', { name: 'Save as version 5' });
    // The server's verdict is still out: saving waits for it.
    expect(save).toBeDisabled();
    await verdictAccepted();
    expect(save).toBeEnabled();
    await user.click(save);
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('shows the exact request and the equivalent AWS CLI command, each with a copy button', async () => {
    const { user } = renderPreview({
      edited: {
        ...unchanged,
        securityProfileDescription: "Ops' fleet",
        behaviors: [authFailures(3), tcpPorts],
      },
    });
    await user.click(within(dialog()).getByRole('tab', { name: 'Request and CLI' }));
    const expected = {
      securityProfileName: 'fleet',
      securityProfileDescription: "Ops' fleet",
      behaviors: [authFailures(3), tcpPorts],
      expectedVersion: 4,
    };
    const json = within(dialog()).getByLabelText('UpdateSecurityProfile request JSON');
    expect(JSON.parse(json.textContent)).toEqual(expected);

    const cli = within(dialog()).getByLabelText('AWS CLI command').textContent;
    const prefix = "aws iot update-security-profile --cli-input-json '";
    expect(cli.startsWith(prefix)).toBe(true);
    expect(cli.endsWith("'")).toBe(true);
    // The apostrophe in the description is closed, escaped and reopened for a POSIX shell.
    const quoted = cli.slice(prefix.length, -1);
    expect(quoted).toContain(`Ops'\\''`);
    expect(JSON.parse(quoted.replaceAll(`'\\''`, "'"))).toEqual(expected);

    await user.click(within(dialog()).getByRole('button', { name: 'Copy CLI command' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(cli);
    await user.click(within(dialog()).getByRole('button', { name: 'Copy request JSON' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(json.textContent);
  });

  it.each([
    [
      'answers valid: false',
      () => {
        verdict = {
          valid: false,
          validationErrors: [
            {
              errorMessage:
                'behaviors[1].criteria.comparisonOperator: less-than does not apply to aws:num-disconnects',
            },
          ],
        };
      },
      /Behavior many-disconnects · criteria\.comparisonOperator: less-than does not apply/,
    ],
    [
      'refuses the request (400)',
      () => {
        refuse = 'behaviors[1].criteria.durationSeconds: must be a multiple of 60';
      },
      /behaviors\[1\]\.criteria\.durationSeconds: must be a multiple of 60/,
    ],
  ])('blocks the save when the server %s, and lists the problems', async (_, arrange, shown) => {
    arrange();
    renderPreview({ edited: { ...unchanged, behaviors: [authFailures(3), disconnects] } });
    const alert = await within(dialog()).findByRole('alert');
    expect(alert).toHaveTextContent(shown);
    const save = within(dialog()).getByRole('button', { name: 'Save as version 5' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription('AWS IoT refuses the behaviors (see below).');
  });

  it('says "No changes" and cannot save when the edit changes nothing', async () => {
    renderPreview({ edited: structuredClone(unchanged) });
    expect(within(dialog()).getByRole('status')).toHaveTextContent(/^No changes/);
    expect(within(dialog()).getByRole('button', { name: 'Save as version 5' })).toBeDisabled();
    expect(within(dialog()).queryByRole('region', { name: 'Server validation' })).toBeNull();
    // Nothing to save: the server is not asked either.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(validated).toEqual([]);
  });

  it('previews the Create request for a new profile, every member an addition', async () => {
    const { user, onConfirm } = renderPreview({
      loaded: undefined,
      name: 'new-fleet',
      edited: { behaviors: [disconnects], securityProfileDescription: 'New' },
    });
    expect(screen.getByRole('dialog', { name: 'Review new profile new-fleet' })).toBeVisible();
    expect(section('Behaviors added (1)')).toHaveTextContent('adds behavior many-disconnects');
    expect(section('Description')).toHaveTextContent('description: "" → "New"');

    await user.click(within(dialog()).getByRole('tab', { name: 'Request and CLI' }));
    const request = {
      securityProfileName: 'new-fleet',
      securityProfileDescription: 'New',
      behaviors: [disconnects],
    };
    expect(
      JSON.parse(within(dialog()).getByLabelText('CreateSecurityProfile request JSON').textContent),
    ).toEqual(request);
    expect(within(dialog()).getByLabelText('AWS CLI command')).toHaveTextContent(
      /^aws iot create-security-profile --cli-input-json '/,
    );
    await verdictAccepted();
    await user.click(within(dialog()).getByRole('button', { name: 'Create new-fleet' }));
    expect(onConfirm).toHaveBeenCalledExactlyOnceWith(request);
  });

  it('refuses a request that fails local validation, naming the problem', async () => {
    renderPreview({
      edited: {
        ...unchanged,
        behaviors: [{ ...disconnects, criteria: { ...disconnects.criteria, durationSeconds: 7 } }],
      },
    });
    const problems = await within(dialog()).findByRole('alert', { name: /problem in the request/ });
    expect(problems).toHaveTextContent(/behaviors\[0\]\.criteria\.durationSeconds/);
    expect(within(dialog()).getByRole('button', { name: 'Save as version 5' })).toBeDisabled();
  });

  it('shows why the save failed, and Back to editing closes', async () => {
    const failure = Object.assign(new Error('The stand-in failed on purpose'), {
      name: 'InternalFailureException',
      $fault: 'server' as const,
      $metadata: { httpStatusCode: 500, requestId: 'req-9' },
    });
    const { user, onClose } = renderPreview({
      edited: { ...unchanged, securityProfileDescription: 'x' },
      saveError: failure,
    });
    expect(within(dialog()).getByRole('alert', { name: 'The save failed' })).toHaveTextContent(
      'req-9',
    );
    await user.click(within(dialog()).getByRole('button', { name: 'Back to editing' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
