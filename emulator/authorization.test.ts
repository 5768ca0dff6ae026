import { describe, expect, it } from 'vitest';
import { authorize, isReadOperation } from './authorization';
import { AwsError } from './errors';
import { IOT_OPERATIONS } from './operations';
import type { VerifiedCaller } from './sigv4';

const WRITES = [
  'AttachSecurityProfile',
  'CreateCustomMetric',
  'CreateDimension',
  'CreateSecurityProfile',
  'DeleteCustomMetric',
  'DeleteDimension',
  'DeleteSecurityProfile',
  'DetachSecurityProfile',
  'TagResource',
  'UntagResource',
  'UpdateSecurityProfile',
  'ValidateSecurityProfileBehaviors',
];

const longTerm: VerifiedCaller = {
  accessKeyId: 'AKIA',
  principal: 'arn:aws:iam::123456789012:user/local-developer',
  groups: [],
  temporary: false,
};
const editor: VerifiedCaller = {
  accessKeyId: 'ASIA1',
  principal:
    'arn:aws:sts::123456789012:assumed-role/DeviceDefenderEditors/CognitoIdentityCredentials',
  groups: ['editors'],
  temporary: true,
};
const viewer: VerifiedCaller = {
  ...editor,
  principal:
    'arn:aws:sts::123456789012:assumed-role/DeviceDefenderViewers/CognitoIdentityCredentials',
  groups: ['viewers'],
};
const noGroups: VerifiedCaller = { ...viewer, groups: [] };

describe('authorize', () => {
  it('treats exactly the Describe* and List* operations as reads', () => {
    const writes = IOT_OPERATIONS.map((operation) => operation.name)
      .filter((name) => !isReadOperation(name))
      .sort();
    expect(writes).toEqual(WRITES);
  });

  it.each(IOT_OPERATIONS.map((operation) => operation.name))('decides %s by role', (name) => {
    expect(() => authorize(name, longTerm)).not.toThrow();
    expect(() => authorize(name, editor)).not.toThrow();
    for (const caller of [viewer, noGroups]) {
      if (isReadOperation(name)) {
        expect(() => authorize(name, caller)).not.toThrow();
        continue;
      }
      let refusal: unknown;
      try {
        authorize(name, caller);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AwsError);
      expect(refusal).toMatchObject({ errorName: 'AccessDeniedException', status: 403 });
      expect((refusal as AwsError).message).toContain(`perform: iot:${name} `);
      expect((refusal as AwsError).message).toContain(caller.principal);
    }
  });
});
