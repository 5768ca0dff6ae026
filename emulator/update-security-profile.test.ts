import {
  CreateSecurityProfileCommand,
  InvalidRequestException,
  ResourceNotFoundException,
  UpdateSecurityProfileCommand,
  VersionConflictException,
  type IoTClient,
  type UpdateSecurityProfileCommandInput,
} from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError, startTestEmulator, type TestEmulator } from './testing/contract-harness';
import {
  authFailures,
  createFullProfile,
  describeProfile,
  messagesSent,
  ROLE,
  TOPIC,
} from './testing/profile-fixtures';

let emulator: TestEmulator;
let iot: IoTClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  iot = emulator.client();
});
afterAll(async () => {
  await emulator.dispose();
});

describe('UpdateSecurityProfile', () => {
  it('adds 1 to the version and moves lastModifiedDate, keeping what was left out', async () => {
    await createFullProfile(iot, 'contract-patch');
    const before = await describeProfile(iot, 'contract-patch');
    const updated = await iot.send(
      new UpdateSecurityProfileCommand({
        securityProfileName: 'contract-patch',
        expectedVersion: 1,
        behaviors: [messagesSent],
      }),
    );
    expect(updated.version).toBe(2);
    expect(updated.behaviors).toEqual([messagesSent]);
    expect(updated.lastModifiedDate?.getTime()).toBeGreaterThan(
      before.lastModifiedDate?.getTime() ?? Infinity,
    );
    expect(updated.creationDate).toEqual(before.creationDate);
    const after = await describeProfile(iot, 'contract-patch');
    expect(after).toMatchObject({
      version: 2,
      securityProfileDescription: 'Contract test profile',
      behaviors: [messagesSent],
      alertTargets: before.alertTargets,
      additionalMetricsToRetainV2: before.additionalMetricsToRetainV2,
      metricsExportConfig: before.metricsExportConfig,
    });
  });

  it('treats empty lists and maps as "no change", not as a deletion', async () => {
    await createFullProfile(iot, 'contract-empty-lists');
    const updated = await iot.send(
      new UpdateSecurityProfileCommand({
        securityProfileName: 'contract-empty-lists',
        behaviors: [],
        alertTargets: {},
        additionalMetricsToRetainV2: [],
      }),
    );
    expect(updated.version).toBe(2);
    expect(updated.behaviors).toEqual([authFailures]);
    expect(updated.alertTargets?.SNS?.alertTargetArn).toBe(TOPIC);
    expect(updated.additionalMetricsToRetainV2).toEqual([{ metric: 'aws:num-disconnects' }]);
  });

  it('lets additionalMetricsToRetainV2 supersede the legacy list, so a migration is one save', async () => {
    await iot.send(
      new CreateSecurityProfileCommand({
        securityProfileName: 'contract-retained-migration',
        additionalMetricsToRetain: ['aws:num-connection-attempts'],
      }),
    );
    const keptLegacy = await iot.send(
      new UpdateSecurityProfileCommand({
        securityProfileName: 'contract-retained-migration',
        additionalMetricsToRetain: ['aws:num-connection-attempts', 'aws:num-disconnects'],
      }),
    );
    expect(keptLegacy.additionalMetricsToRetain).toEqual([
      'aws:num-connection-attempts',
      'aws:num-disconnects',
    ]);
    const migrated = await iot.send(
      new UpdateSecurityProfileCommand({
        securityProfileName: 'contract-retained-migration',
        additionalMetricsToRetainV2: [
          { metric: 'aws:num-connection-attempts' },
          { metric: 'aws:num-disconnects' },
        ],
      }),
    );
    expect(migrated.additionalMetricsToRetain).toBeUndefined();
    expect(
      (await describeProfile(iot, 'contract-retained-migration')).additionalMetricsToRetainV2,
    ).toEqual([{ metric: 'aws:num-connection-attempts' }, { metric: 'aws:num-disconnects' }]);
  });

  it.each([
    ['deleteBehaviors', 'behaviors'],
    ['deleteAlertTargets', 'alertTargets'],
    ['deleteAdditionalMetricsToRetain', 'additionalMetricsToRetainV2'],
    ['deleteMetricsExportConfig', 'metricsExportConfig'],
  ] as const)('%s alone clears %s', async (flag, member) => {
    const name = `contract-${flag.toLowerCase()}`;
    await createFullProfile(iot, name);
    const updated = await iot.send(
      new UpdateSecurityProfileCommand({ securityProfileName: name, [flag]: true }),
    );
    expect(updated[member]).toBeUndefined();
    expect((await describeProfile(iot, name))[member]).toBeUndefined();
    expect(updated.version).toBe(2);
  });

  it.each([
    ['deleteBehaviors', { behaviors: [authFailures] }],
    ['deleteAlertTargets', { alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } } }],
    [
      'deleteAdditionalMetricsToRetain',
      { additionalMetricsToRetainV2: [{ metric: 'aws:num-disconnects' }] },
    ],
    ['deleteBehaviors', { behaviors: [] }],
  ] as const)('refuses %s together with its own list (%j)', async (flag, lists) => {
    const input: UpdateSecurityProfileCommandInput = {
      securityProfileName: 'fleet-baseline',
      [flag]: true,
      ...(lists as Partial<UpdateSecurityProfileCommandInput>),
    };
    await expectAwsError(
      iot.send(new UpdateSecurityProfileCommand(input)),
      InvalidRequestException,
      400,
      flag,
    );
  });

  it('refuses invalid behaviors with 400 and leaves the profile and version unchanged', async () => {
    await createFullProfile(iot, 'contract-invalid-update');
    await expectAwsError(
      iot.send(
        new UpdateSecurityProfileCommand({
          securityProfileName: 'contract-invalid-update',
          behaviors: [
            {
              name: 'ml-ports',
              metric: 'aws:listening-tcp-ports',
              criteria: { mlDetectionConfig: { confidenceLevel: 'HIGH' } },
            },
          ],
        }),
      ),
      InvalidRequestException,
      400,
      'behaviors[0]',
    );
    expect(await describeProfile(iot, 'contract-invalid-update')).toMatchObject({
      version: 1,
      behaviors: [authFailures],
    });
  });

  it('answers 404 for a missing profile and 409 VersionConflictException for a stale version', async () => {
    await expectAwsError(
      iot.send(new UpdateSecurityProfileCommand({ securityProfileName: 'no-such-profile' })),
      ResourceNotFoundException,
      404,
    );
    await createFullProfile(iot, 'contract-stale');
    await iot.send(
      new UpdateSecurityProfileCommand({
        securityProfileName: 'contract-stale',
        expectedVersion: 1,
      }),
    );
    await expectAwsError(
      iot.send(
        new UpdateSecurityProfileCommand({
          securityProfileName: 'contract-stale',
          expectedVersion: 1,
          securityProfileDescription: 'Lost update',
        }),
      ),
      VersionConflictException,
      409,
      'contract-stale',
    );
    expect(await describeProfile(iot, 'contract-stale')).toMatchObject({
      version: 2,
      securityProfileDescription: 'Contract test profile',
    });
  });

  it('lets exactly one of 50 concurrent updates with the same expectedVersion win', async () => {
    await createFullProfile(iot, 'contract-race');
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) =>
        iot.send(
          new UpdateSecurityProfileCommand({
            securityProfileName: 'contract-race',
            expectedVersion: 1,
            securityProfileDescription: `Writer ${index}`,
          }),
        ),
      ),
    );
    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      expect(loser).toBeInstanceOf(VersionConflictException);
      expect((loser as VersionConflictException).$metadata.httpStatusCode).toBe(409);
    }
    const final = await describeProfile(iot, 'contract-race');
    expect(final.version).toBe(2);
    const winner = winners[0];
    expect(final.securityProfileDescription).toBe(
      winner?.status === 'fulfilled' ? winner.value.securityProfileDescription : undefined,
    );
  });
});
