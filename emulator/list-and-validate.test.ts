import {
  CreateSecurityProfileCommand,
  InvalidRequestException,
  ListSecurityProfilesCommand,
  ResourceNotFoundException,
  ValidateSecurityProfileBehaviorsCommand,
  type IoTClient,
} from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError, startTestEmulator, type TestEmulator } from './testing/contract-harness';

let emulator: TestEmulator;
let iot: IoTClient;

const SEEDED = [
  'camera-fleet-statistical',
  'fleet-baseline',
  'gateway-network-lockdown',
  'industrial-gateway-custom',
  'smart-meter-ml',
  'topic-scoped-messaging',
  'warehouse-sensors-full-coverage',
];
const CREATED = Array.from({ length: 11 }, (_, index) => `paged-${String(index).padStart(2, '0')}`);

beforeAll(async () => {
  emulator = await startTestEmulator();
  iot = emulator.client();
  await Promise.all(
    CREATED.map((name) =>
      iot.send(new CreateSecurityProfileCommand({ securityProfileName: name })),
    ),
  );
});
afterAll(async () => {
  await emulator.dispose();
});

async function listAll(input: {
  maxResults?: number;
  dimensionName?: string;
  metricName?: string;
}) {
  const names: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await iot.send(new ListSecurityProfilesCommand({ ...input, nextToken }));
    names.push(
      ...(page.securityProfileIdentifiers ?? []).map((identifier) => identifier.name ?? ''),
    );
    for (const identifier of page.securityProfileIdentifiers ?? []) {
      expect(identifier.arn).toBe(
        `arn:aws:iot:us-east-1:123456789012:securityprofile/${identifier.name}`,
      );
    }
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken !== undefined);
  return { names, pages };
}

describe('ListSecurityProfiles', () => {
  it('returns every profile exactly once across pages of maxResults', async () => {
    const { names, pages } = await listAll({ maxResults: 5 });
    expect(names).toEqual([...SEEDED, ...CREATED].sort());
    expect(pages).toBe(4);
  });

  it('returns everything in one page without maxResults', async () => {
    const { names, pages } = await listAll({});
    expect(names).toHaveLength(SEEDED.length + CREATED.length);
    expect(pages).toBe(1);
  });

  it.each([0, 251])('refuses maxResults %i with 400 naming maxResults', async (maxResults) => {
    await expectAwsError(
      iot.send(new ListSecurityProfilesCommand({ maxResults })),
      InvalidRequestException,
      400,
      'maxResults',
    );
  });

  it('refuses a forged nextToken with 400', async () => {
    await expectAwsError(
      iot.send(new ListSecurityProfilesCommand({ nextToken: 'not-a-token' })),
      InvalidRequestException,
      400,
      'nextToken',
    );
  });

  it.each([
    [{ dimensionName: 'telemetry-topics' }, ['smart-meter-ml', 'topic-scoped-messaging']],
    [{ dimensionName: 'command-topics' }, ['topic-scoped-messaging']],
    [{ metricName: 'cpu-temperature-celsius' }, ['industrial-gateway-custom', 'smart-meter-ml']],
    [{ metricName: 'loaded-kernel-modules' }, ['industrial-gateway-custom']],
  ])('filters by %j', async (filter, expected) => {
    expect((await listAll({ ...filter, maxResults: 1 })).names).toEqual(expected);
  });

  it('refuses dimensionName together with metricName', async () => {
    await expectAwsError(
      iot.send(
        new ListSecurityProfilesCommand({
          dimensionName: 'telemetry-topics',
          metricName: 'cpu-temperature-celsius',
        }),
      ),
      InvalidRequestException,
      400,
      'dimensionName',
      'metricName',
    );
  });

  it.each([{ dimensionName: 'no-such-dimension' }, { metricName: 'no-such-metric' }])(
    'answers 404 for a filter naming an unknown resource: %j',
    async (filter) => {
      await expectAwsError(
        iot.send(new ListSecurityProfilesCommand(filter)),
        ResourceNotFoundException,
        404,
        Object.values(filter)[0] ?? '',
      );
    },
  );
});

describe('ValidateSecurityProfileBehaviors', () => {
  it('answers valid: true with no errors for sound behaviors', async () => {
    const result = await iot.send(
      new ValidateSecurityProfileBehaviorsCommand({
        behaviors: [
          {
            name: 'auth',
            metric: 'aws:num-authorization-failures',
            criteria: {
              comparisonOperator: 'less-than',
              value: { count: 3 },
              durationSeconds: 300,
            },
          },
          {
            name: 'temp',
            metric: 'cpu-temperature-celsius',
            criteria: { mlDetectionConfig: { confidenceLevel: 'HIGH' } },
          },
        ],
      }),
    );
    expect(result.valid).toBe(true);
    expect(result.validationErrors).toEqual([]);
  });

  it('answers 200 valid: false with one error per semantic problem', async () => {
    const result = await iot.send(
      new ValidateSecurityProfileBehaviorsCommand({
        behaviors: [
          {
            name: 'wrong-operator',
            metric: 'aws:source-ip-address',
            criteria: { comparisonOperator: 'less-than', value: { count: 1 } },
          },
          {
            name: 'ml-on-a-list',
            metric: 'aws:listening-udp-ports',
            criteria: { mlDetectionConfig: { confidenceLevel: 'LOW' } },
          },
          {
            name: 'dimension-on-custom',
            metric: 'cpu-temperature-celsius',
            metricDimension: { dimensionName: 'telemetry-topics' },
            criteria: { comparisonOperator: 'less-than', value: { number: 80 } },
          },
        ],
      }),
    );
    expect(result.$metadata.httpStatusCode).toBe(200);
    expect(result.valid).toBe(false);
    const messages = (result.validationErrors ?? []).map((error) => error.errorMessage ?? '');
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.some((message) => message.startsWith('behaviors[0]'))).toBe(true);
    expect(messages.some((message) => message.startsWith('behaviors[1]'))).toBe(true);
    expect(messages.some((message) => message.startsWith('behaviors[2].metricDimension'))).toBe(
      true,
    );
  });

  it.each([
    [
      'a statistic outside the pattern',
      [
        {
          name: 'bad-stat',
          metric: 'aws:all-bytes-out',
          criteria: {
            comparisonOperator: 'less-than' as const,
            statisticalThreshold: { statistic: 'p42' },
            durationSeconds: 300,
          },
        },
      ],
      'behaviors[0].criteria.statisticalThreshold.statistic',
    ],
    [
      'a behavior without a name',
      [{ name: undefined as unknown as string, metric: 'aws:num-disconnects' }],
      'behaviors[0].name',
    ],
    ['no behaviors member at all', undefined, 'behaviors'],
  ])('refuses %s with 400 (a constraint, not a verdict)', async (_, behaviors, fragment) => {
    await expectAwsError(
      iot.send(new ValidateSecurityProfileBehaviorsCommand({ behaviors })),
      InvalidRequestException,
      400,
      fragment,
    );
  });
});
