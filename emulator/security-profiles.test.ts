import {
  CreateSecurityProfileCommand,
  DeleteSecurityProfileCommand,
  InvalidRequestException,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  VersionConflictException,
  type Behavior,
  type IoTClient,
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

describe('CreateSecurityProfile and DescribeSecurityProfile', () => {
  it('creates version 1 and describes every member back with its ARN and timestamps', async () => {
    const before = Date.now();
    const created = await iot.send(
      new CreateSecurityProfileCommand({
        securityProfileName: 'contract-create',
        securityProfileDescription: 'Created by the contract tests',
        behaviors: [authFailures, { ...messagesSent, suppressAlerts: true }],
        alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } },
        tags: [{ Key: 'team', Value: 'contract' }],
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.securityProfileArn).toBe(
      'arn:aws:iot:us-east-1:123456789012:securityprofile/contract-create',
    );
    const described = await describeProfile(iot, 'contract-create');
    expect(described).toMatchObject({
      securityProfileName: 'contract-create',
      securityProfileArn: created.securityProfileArn,
      securityProfileDescription: 'Created by the contract tests',
      behaviors: [authFailures, { ...messagesSent, suppressAlerts: true }],
      alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } },
      version: 1,
    });
    expect(described.creationDate).toBeInstanceOf(Date);
    expect(described.creationDate?.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(described.lastModifiedDate?.getTime()).toBe(described.creationDate?.getTime());
  });

  it('refuses an existing name with 409 ResourceAlreadyExistsException naming the resource', async () => {
    const error = await expectAwsError(
      iot.send(new CreateSecurityProfileCommand({ securityProfileName: 'fleet-baseline' })),
      ResourceAlreadyExistsException,
      409,
      'fleet-baseline',
    );
    expect(error.resourceId).toBe('fleet-baseline');
    expect(error.resourceArn).toBe(
      'arn:aws:iot:us-east-1:123456789012:securityprofile/fleet-baseline',
    );
  });

  it('answers 404 ResourceNotFoundException for a missing profile', async () => {
    await expectAwsError(
      describeProfile(iot, 'no-such-profile'),
      ResourceNotFoundException,
      404,
      'no-such-profile',
    );
  });

  const manyBehaviors = (count: number): Behavior[] =>
    Array.from({ length: count }, (_, index) => ({ ...authFailures, name: `rule-${index}` }));

  it.each<
    [string, Partial<ConstructorParameters<typeof CreateSecurityProfileCommand>[0]>, string[]]
  >([
    ['a name outside the pattern', { securityProfileName: 'bad name!' }, ['securityProfileName']],
    [
      'datapoints outside 1–10',
      {
        behaviors: [
          {
            ...authFailures,
            criteria: { ...authFailures.criteria, consecutiveDatapointsToAlarm: 11 },
          },
        ],
      },
      ['behaviors[0].criteria.consecutiveDatapointsToAlarm'],
    ],
    [
      'an operator that does not fit the metric',
      {
        behaviors: [
          {
            ...authFailures,
            criteria: { comparisonOperator: 'in-port-set', value: { ports: [22] } },
          },
        ],
      },
      ['behaviors[0].criteria.comparisonOperator'],
    ],
    [
      'a duration on a list metric',
      {
        behaviors: [
          {
            name: 'ports',
            metric: 'aws:listening-tcp-ports',
            criteria: {
              comparisonOperator: 'in-port-set',
              value: { ports: [443] },
              durationSeconds: 300,
            },
          },
        ],
      },
      ['behaviors[0].criteria.durationSeconds'],
    ],
    [
      'a custom metric that does not exist',
      {
        behaviors: [
          {
            name: 'ghost',
            metric: 'ghost-metric',
            criteria: { comparisonOperator: 'less-than', value: { number: 1 } },
          },
        ],
      },
      ['behaviors[0].metric', 'ghost-metric'],
    ],
    ['101 behaviors', { behaviors: manyBehaviors(101) }, ['behaviors']],
    [
      'more than 1000 value elements',
      {
        behaviors: [
          {
            name: 'ports',
            metric: 'aws:listening-tcp-ports',
            criteria: {
              comparisonOperator: 'in-port-set',
              value: { ports: Array.from({ length: 1001 }, (_, port) => port) },
            },
          },
        ],
      },
      ['1000'],
    ],
    [
      'a non-ASCII description',
      { securityProfileDescription: 'Zähler' },
      ['securityProfileDescription'],
    ],
    [
      'an alert target with a short role ARN',
      { alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: 'arn:short' } } },
      ['alertTargets.SNS.roleArn'],
    ],
  ])(
    'refuses %s with 400 InvalidRequestException naming the field',
    async (_, input, fragments) => {
      await expectAwsError(
        iot.send(
          new CreateSecurityProfileCommand({ securityProfileName: 'contract-invalid', ...input }),
        ),
        InvalidRequestException,
        400,
        ...fragments,
      );
      await expectAwsError(
        describeProfile(iot, 'contract-invalid'),
        ResourceNotFoundException,
        404,
      );
    },
  );

  it('names every issue of a request with several problems', async () => {
    await expectAwsError(
      iot.send(
        new CreateSecurityProfileCommand({
          securityProfileName: 'contract-invalid',
          securityProfileDescription: 'Zähler',
          behaviors: [
            { ...authFailures, criteria: { ...authFailures.criteria, durationSeconds: 7 } },
          ],
        }),
      ),
      InvalidRequestException,
      400,
      'securityProfileDescription: ',
      'behaviors[0].criteria.durationSeconds: ',
    );
  });
});

describe('DeleteSecurityProfile', () => {
  it('refuses a stale expectedVersion with 409, then deletes with the right one', async () => {
    await createFullProfile(iot, 'contract-delete');
    await expectAwsError(
      iot.send(
        new DeleteSecurityProfileCommand({
          securityProfileName: 'contract-delete',
          expectedVersion: 7,
        }),
      ),
      VersionConflictException,
      409,
    );
    await describeProfile(iot, 'contract-delete');
    const deleted = await iot.send(
      new DeleteSecurityProfileCommand({
        securityProfileName: 'contract-delete',
        expectedVersion: 1,
      }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    await expectAwsError(describeProfile(iot, 'contract-delete'), ResourceNotFoundException, 404);
  });

  it('succeeds for a profile that does not exist (the model declares no 404 for it)', async () => {
    const deleted = await iot.send(
      new DeleteSecurityProfileCommand({ securityProfileName: 'never-existed' }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(200);
  });
});
