import {
  CreateCustomMetricCommand,
  CreateDimensionCommand,
  CreateSecurityProfileCommand,
  DeleteCustomMetricCommand,
  DeleteDimensionCommand,
  DeleteSecurityProfileCommand,
  DescribeCustomMetricCommand,
  DescribeDimensionCommand,
  InvalidRequestException,
  LimitExceededException,
  ListCustomMetricsCommand,
  ListDimensionsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  type IoTClient,
} from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError, startTestEmulator, type TestEmulator } from './testing/contract-harness';

let emulator: TestEmulator;
let iot: IoTClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  iot = emulator.client();
});
afterAll(async () => {
  await emulator.dispose();
});

describe('dimensions', () => {
  it('creates, describes, lists and deletes a TOPIC_FILTER dimension', async () => {
    const created = await iot.send(
      new CreateDimensionCommand({
        name: 'alarm-topics',
        type: 'TOPIC_FILTER',
        stringValues: ['alarms/+/raised', 'alarms/#'],
      }),
    );
    expect(created).toMatchObject({
      name: 'alarm-topics',
      arn: 'arn:aws:iot:us-east-1:123456789012:dimension/alarm-topics',
    });
    const described = await iot.send(new DescribeDimensionCommand({ name: 'alarm-topics' }));
    expect(described).toMatchObject({
      name: 'alarm-topics',
      arn: created.arn,
      type: 'TOPIC_FILTER',
      stringValues: ['alarms/+/raised', 'alarms/#'],
    });
    expect(described.creationDate).toBeInstanceOf(Date);
    const listed = await iot.send(new ListDimensionsCommand({}));
    expect(listed.dimensionNames).toEqual(['alarm-topics', 'command-topics', 'telemetry-topics']);
    await iot.send(new DeleteDimensionCommand({ name: 'alarm-topics' }));
    await expectAwsError(
      iot.send(new DescribeDimensionCommand({ name: 'alarm-topics' })),
      ResourceNotFoundException,
      404,
      'alarm-topics',
    );
  });

  it('repeats a create with the same clientRequestToken and refuses a new one with 409', async () => {
    const input = {
      name: 'retry-topics',
      type: 'TOPIC_FILTER' as const,
      stringValues: ['retry/#'],
      clientRequestToken: 'token-1',
    };
    await iot.send(new CreateDimensionCommand(input));
    const again = await iot.send(new CreateDimensionCommand(input));
    expect(again.name).toBe('retry-topics');
    const error = await expectAwsError(
      iot.send(new CreateDimensionCommand({ ...input, clientRequestToken: 'token-2' })),
      ResourceAlreadyExistsException,
      409,
      'retry-topics',
    );
    expect(error.resourceArn).toBe('arn:aws:iot:us-east-1:123456789012:dimension/retry-topics');
    await iot.send(new DeleteDimensionCommand({ name: 'retry-topics' }));
  });

  it.each([
    ['an empty stringValues list', { stringValues: [] }, 'stringValues'],
    ['a type other than TOPIC_FILTER', { type: 'CLIENT_ID' }, 'type'],
    ['a value longer than 256', { stringValues: ['x'.repeat(257)] }, 'stringValues[0]'],
  ])('refuses %s with 400', async (_, input, fragment) => {
    await expectAwsError(
      iot.send(
        new CreateDimensionCommand({
          name: 'bad-dimension',
          type: 'TOPIC_FILTER',
          stringValues: ['a/#'],
          ...(input as object),
        }),
      ),
      InvalidRequestException,
      400,
      fragment,
    );
  });

  it('refuses deleting a dimension a profile uses, naming the profiles', async () => {
    await expectAwsError(
      iot.send(new DeleteDimensionCommand({ name: 'telemetry-topics' })),
      InvalidRequestException,
      400,
      'smart-meter-ml',
      'topic-scoped-messaging',
    );
    await iot.send(new DescribeDimensionCommand({ name: 'telemetry-topics' }));
  });

  it('deleting a missing dimension succeeds (no 404 is modelled)', async () => {
    const result = await iot.send(new DeleteDimensionCommand({ name: 'never-existed' }));
    expect(result.$metadata.httpStatusCode).toBe(200);
  });

  it('stops at 10 dimensions per account with 410 LimitExceededException', async () => {
    const existing = (await iot.send(new ListDimensionsCommand({}))).dimensionNames ?? [];
    const extra = Array.from({ length: 10 - existing.length }, (_, index) => `limit-${index}`);
    for (const name of extra) {
      await iot.send(
        new CreateDimensionCommand({ name, type: 'TOPIC_FILTER', stringValues: [`${name}/#`] }),
      );
    }
    await expectAwsError(
      iot.send(
        new CreateDimensionCommand({
          name: 'one-too-many',
          type: 'TOPIC_FILTER',
          stringValues: ['x'],
        }),
      ),
      LimitExceededException,
      410,
      '10',
    );
    const page = await iot.send(new ListDimensionsCommand({ maxResults: 4 }));
    expect(page.dimensionNames).toHaveLength(4);
    expect(page.nextToken).toBeDefined();
    for (const name of extra) await iot.send(new DeleteDimensionCommand({ name }));
  });
});

describe('custom metrics', () => {
  it.each(['number', 'number-list', 'string-list', 'ip-address-list'] as const)(
    'creates, describes and deletes a %s metric',
    async (metricType) => {
      const metricName = `contract-${metricType}`;
      const created = await iot.send(
        new CreateCustomMetricCommand({
          metricName,
          metricType,
          displayName: `Contract ${metricType}`,
        }),
      );
      expect(created.metricArn).toBe(
        `arn:aws:iot:us-east-1:123456789012:custommetric/${metricName}`,
      );
      const described = await iot.send(new DescribeCustomMetricCommand({ metricName }));
      expect(described).toMatchObject({
        metricName,
        metricType,
        displayName: `Contract ${metricType}`,
      });
      expect((await iot.send(new ListCustomMetricsCommand({}))).metricNames).toContain(metricName);
      await iot.send(new DeleteCustomMetricCommand({ metricName }));
      await expectAwsError(
        iot.send(new DescribeCustomMetricCommand({ metricName })),
        ResourceNotFoundException,
        404,
      );
    },
  );

  it.each([
    ['a name starting with aws:', { metricName: 'aws:my-metric' }, 'aws:'],
    ['an unknown type', { metricType: 'percent' }, 'metricType'],
    ['a non-ASCII display name', { displayName: 'Température' }, 'displayName'],
  ])('refuses %s with 400', async (_, input, fragment) => {
    await expectAwsError(
      iot.send(
        new CreateCustomMetricCommand({
          metricName: 'bad-metric',
          metricType: 'number',
          ...(input as object),
        }),
      ),
      InvalidRequestException,
      400,
      fragment,
    );
  });

  it('refuses an existing name with 409 ResourceAlreadyExistsException', async () => {
    await expectAwsError(
      iot.send(
        new CreateCustomMetricCommand({
          metricName: 'cpu-temperature-celsius',
          metricType: 'number',
        }),
      ),
      ResourceAlreadyExistsException,
      409,
      'cpu-temperature-celsius',
    );
  });

  it('refuses deleting a metric a profile uses, and allows it once the profile is gone', async () => {
    await iot.send(
      new CreateCustomMetricCommand({ metricName: 'queue-depth', metricType: 'number' }),
    );
    await iot.send(
      new CreateSecurityProfileCommand({
        securityProfileName: 'queue-watch',
        behaviors: [
          {
            name: 'queue',
            metric: 'queue-depth',
            criteria: { comparisonOperator: 'less-than', value: { number: 50 } },
          },
        ],
      }),
    );
    await expectAwsError(
      iot.send(new DeleteCustomMetricCommand({ metricName: 'queue-depth' })),
      InvalidRequestException,
      400,
      'queue-watch',
    );
    await iot.send(new DeleteSecurityProfileCommand({ securityProfileName: 'queue-watch' }));
    await iot.send(new DeleteCustomMetricCommand({ metricName: 'queue-depth' }));
  });

  it('stops at 100 custom metrics with 410 LimitExceededException', async () => {
    const existing = (await iot.send(new ListCustomMetricsCommand({}))).metricNames ?? [];
    const extra = Array.from({ length: 100 - existing.length }, (_, index) => `bulk-${index}`);
    await Promise.all(
      extra.map((metricName) =>
        iot.send(new CreateCustomMetricCommand({ metricName, metricType: 'number' })),
      ),
    );
    await expectAwsError(
      iot.send(
        new CreateCustomMetricCommand({ metricName: 'bulk-overflow', metricType: 'number' }),
      ),
      LimitExceededException,
      410,
      '100',
    );
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await iot.send(new ListCustomMetricsCommand({ maxResults: 30, nextToken }));
      names.push(...(page.metricNames ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(names).toHaveLength(100);
    expect(new Set(names).size).toBe(100);
  });
});
