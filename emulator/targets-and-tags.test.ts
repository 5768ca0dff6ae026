import {
  AttachSecurityProfileCommand,
  CreateSecurityProfileCommand,
  DeleteSecurityProfileCommand,
  DetachSecurityProfileCommand,
  InvalidRequestException,
  LimitExceededException,
  ListSecurityProfilesForTargetCommand,
  ListTagsForResourceCommand,
  ListTargetsForSecurityProfileCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  type IoTClient,
} from '@aws-sdk/client-iot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError, startTestEmulator, type TestEmulator } from './testing/contract-harness';

let emulator: TestEmulator;
let iot: IoTClient;

const ARN = 'arn:aws:iot:us-east-1:123456789012';
const GROUP = `${ARN}:thinggroup/contract-sensors`;

beforeAll(async () => {
  emulator = await startTestEmulator();
  iot = emulator.client();
});
afterAll(async () => {
  await emulator.dispose();
});

function attach(securityProfileName: string, securityProfileTargetArn: string) {
  return iot.send(
    new AttachSecurityProfileCommand({ securityProfileName, securityProfileTargetArn }),
  );
}

async function profilesFor(securityProfileTargetArn: string): Promise<string[]> {
  const result = await iot.send(
    new ListSecurityProfilesForTargetCommand({ securityProfileTargetArn, recursive: true }),
  );
  for (const mapping of result.securityProfileTargetMappings ?? []) {
    expect(mapping.target?.arn).toBe(securityProfileTargetArn);
  }
  return (result.securityProfileTargetMappings ?? []).map(
    (mapping) => mapping.securityProfileIdentifier?.name ?? '',
  );
}

describe('targets', () => {
  it('lists the seeded attachments both ways', async () => {
    expect(await profilesFor(`${ARN}:thinggroup/edge-gateways`)).toEqual([
      'gateway-network-lockdown',
      'topic-scoped-messaging',
    ]);
    const targets = await iot.send(
      new ListTargetsForSecurityProfileCommand({ securityProfileName: 'fleet-baseline' }),
    );
    expect(targets.securityProfileTargets).toEqual([{ arn: `${ARN}:all/registered-things` }]);
  });

  it('attaches (idempotently) and detaches a profile', async () => {
    await iot.send(new CreateSecurityProfileCommand({ securityProfileName: 'contract-attach' }));
    await attach('contract-attach', GROUP);
    await attach('contract-attach', GROUP);
    await attach('contract-attach', `${ARN}:all/unregistered-things`);
    const targets = await iot.send(
      new ListTargetsForSecurityProfileCommand({
        securityProfileName: 'contract-attach',
        maxResults: 1,
      }),
    );
    expect(targets.securityProfileTargets).toHaveLength(1);
    expect(targets.nextToken).toBeDefined();
    expect(await profilesFor(GROUP)).toEqual(['contract-attach']);
    await iot.send(
      new DetachSecurityProfileCommand({
        securityProfileName: 'contract-attach',
        securityProfileTargetArn: GROUP,
      }),
    );
    expect(await profilesFor(GROUP)).toEqual([]);
    await expectAwsError(
      iot.send(
        new DetachSecurityProfileCommand({
          securityProfileName: 'contract-attach',
          securityProfileTargetArn: GROUP,
        }),
      ),
      ResourceNotFoundException,
      404,
      GROUP,
    );
  });

  it('allows five profiles per target and refuses the sixth with 410', async () => {
    const target = `${ARN}:thinggroup/crowded`;
    const names = Array.from({ length: 6 }, (_, index) => `crowd-${index}`);
    for (const name of names) {
      await iot.send(new CreateSecurityProfileCommand({ securityProfileName: name }));
    }
    for (const name of names.slice(0, 5)) await attach(name, target);
    await expectAwsError(attach('crowd-5', target), LimitExceededException, 410, target);
    expect(await profilesFor(target)).toEqual(names.slice(0, 5));
    await iot.send(new DeleteSecurityProfileCommand({ securityProfileName: 'crowd-0' }));
    await attach('crowd-5', target);
    expect(await profilesFor(target)).toEqual(names.slice(1));
  });

  it.each([
    ['another account', 'arn:aws:iot:us-east-1:999999999999:thinggroup/x'],
    ['a thing instead of a group', `${ARN}:thing/sensor-1`],
    ['an unknown all/ target', `${ARN}:all/devices`],
  ])('refuses a target in %s with 400', async (_, target) => {
    await expectAwsError(
      attach('fleet-baseline', target),
      InvalidRequestException,
      400,
      'securityProfileTargetArn',
    );
  });

  it('answers 404 for attach, detach and list on a missing profile', async () => {
    await expectAwsError(attach('no-such-profile', GROUP), ResourceNotFoundException, 404);
    await expectAwsError(
      iot.send(
        new DetachSecurityProfileCommand({
          securityProfileName: 'no-such-profile',
          securityProfileTargetArn: GROUP,
        }),
      ),
      ResourceNotFoundException,
      404,
    );
    await expectAwsError(
      iot.send(
        new ListTargetsForSecurityProfileCommand({ securityProfileName: 'no-such-profile' }),
      ),
      ResourceNotFoundException,
      404,
    );
  });
});

describe('tags', () => {
  const profile = `${ARN}:securityprofile/fleet-baseline`;

  async function tagsOf(resourceArn: string) {
    return (await iot.send(new ListTagsForResourceCommand({ resourceArn }))).tags;
  }

  it('lists the seeded tags, adds and replaces by key, and removes keys', async () => {
    expect(await tagsOf(profile)).toEqual([
      { Key: 'environment', Value: 'production' },
      { Key: 'owner', Value: 'iot-security' },
    ]);
    await iot.send(
      new TagResourceCommand({
        resourceArn: profile,
        tags: [
          { Key: 'owner', Value: 'soc' },
          { Key: 'cost-center', Value: '4711' },
        ],
      }),
    );
    expect(await tagsOf(profile)).toEqual([
      { Key: 'environment', Value: 'production' },
      { Key: 'owner', Value: 'soc' },
      { Key: 'cost-center', Value: '4711' },
    ]);
    await iot.send(
      new UntagResourceCommand({ resourceArn: profile, tagKeys: ['environment', 'absent'] }),
    );
    expect(await tagsOf(profile)).toEqual([
      { Key: 'owner', Value: 'soc' },
      { Key: 'cost-center', Value: '4711' },
    ]);
  });

  it('keeps the tags given at create time', async () => {
    await iot.send(
      new CreateSecurityProfileCommand({
        securityProfileName: 'contract-tagged',
        tags: [{ Key: 'created-by', Value: 'contract-tests' }],
      }),
    );
    expect(await tagsOf(`${ARN}:securityprofile/contract-tagged`)).toEqual([
      { Key: 'created-by', Value: 'contract-tests' },
    ]);
  });

  it('tags dimensions and custom metrics too', async () => {
    const dimension = `${ARN}:dimension/telemetry-topics`;
    await iot.send(
      new TagResourceCommand({ resourceArn: dimension, tags: [{ Key: 'k', Value: 'v' }] }),
    );
    expect(await tagsOf(dimension)).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(await tagsOf(`${ARN}:custommetric/loaded-kernel-modules`)).toEqual([]);
  });

  it.each([
    `${ARN}:securityprofile/no-such-profile`,
    'arn:aws:iot:eu-west-1:123456789012:securityprofile/fleet-baseline',
    'not-an-arn',
  ])('answers 404 for the unknown resource %s', async (resourceArn) => {
    await expectAwsError(
      iot.send(new ListTagsForResourceCommand({ resourceArn })),
      ResourceNotFoundException,
      404,
      resourceArn,
    );
  });

  it('refuses an invalid tag key with 400 naming it, and more than 50 tags with 410', async () => {
    await expectAwsError(
      iot.send(new TagResourceCommand({ resourceArn: profile, tags: [{ Key: '', Value: 'x' }] })),
      InvalidRequestException,
      400,
      'tags[0].Key',
    );
    await expectAwsError(
      iot.send(
        new TagResourceCommand({
          resourceArn: profile,
          tags: Array.from({ length: 51 }, (_, index) => ({ Key: `key-${index}`, Value: 'x' })),
        }),
      ),
      LimitExceededException,
      410,
      '50',
    );
  });
});
