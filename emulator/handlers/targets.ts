import { invalidRequest, limitExceeded, notFound } from '../errors';
import type { Operation } from '../operation';
import { iotArn, paginate, profileArn, readBooleanQuery, requireQuery } from '../wire';
import type { AccountScope } from '../wire';
import { requireProfile } from './security-profiles';

/** "Each thing group or account can have up to five security profiles associated with it." */
export const MAX_PROFILES_PER_TARGET = 5;

const THING_GROUP_NAME = /^[a-zA-Z0-9:_-]{1,128}$/;
const ACCOUNT_TARGETS = ['registered-things', 'unregistered-things', 'things'];

/**
 * Refuses a target that is neither one of this account's thing groups nor one of its `all/…`
 * targets (the documented forms); the model gives the ARN no pattern, the service does.
 */
function checkTargetArn(scope: AccountScope, arn: string): void {
  const prefix = iotArn(scope, '');
  const resource = arn.startsWith(prefix) ? arn.slice(prefix.length) : undefined;
  const valid =
    resource !== undefined &&
    ((resource.startsWith('thinggroup/') &&
      THING_GROUP_NAME.test(resource.slice('thinggroup/'.length))) ||
      (resource.startsWith('all/') && ACCOUNT_TARGETS.includes(resource.slice('all/'.length))));
  if (!valid) {
    throw invalidRequest(
      `securityProfileTargetArn: ${arn} is not a security profile target; use ${prefix}thinggroup/NAME or ${prefix}all/registered-things, all/unregistered-things or all/things`,
    );
  }
}

const attachSecurityProfile: Operation = {
  name: 'AttachSecurityProfile',
  method: 'PUT',
  path: '/security-profiles/{securityProfileName}/targets',
  handler: async (context) => {
    const name = context.params['securityProfileName'] ?? '';
    const target = requireQuery(context.query, 'securityProfileTargetArn');
    checkTargetArn(context.scope, target);
    await context.store.mutate((draft) => {
      const record = requireProfile(draft.profiles, name);
      if (record.targets.includes(target)) return;
      const attached = [...draft.profiles.values()].filter((profile) =>
        profile.targets.includes(target),
      ).length;
      if (attached >= MAX_PROFILES_PER_TARGET) {
        throw limitExceeded(
          `Target ${target} already has ${MAX_PROFILES_PER_TARGET} security profiles attached, the maximum; detach one first.`,
        );
      }
      record.targets.push(target);
    });
    return {};
  },
};

const detachSecurityProfile: Operation = {
  name: 'DetachSecurityProfile',
  method: 'DELETE',
  path: '/security-profiles/{securityProfileName}/targets',
  handler: async (context) => {
    const name = context.params['securityProfileName'] ?? '';
    const target = requireQuery(context.query, 'securityProfileTargetArn');
    await context.store.mutate((draft) => {
      const record = requireProfile(draft.profiles, name);
      // DetachSecurityProfile models ResourceNotFoundException, and the attachment is the
      // resource being removed: detaching what is not attached is reported, not ignored.
      if (!record.targets.includes(target)) {
        throw notFound(`Security profile ${name} is not attached to ${target}.`);
      }
      record.targets = record.targets.filter((arn) => arn !== target);
    });
    return {};
  },
};

const listTargetsForSecurityProfile: Operation = {
  name: 'ListTargetsForSecurityProfile',
  method: 'GET',
  path: '/security-profiles/{securityProfileName}/targets',
  handler: async (context) => {
    const name = context.params['securityProfileName'] ?? '';
    const record = requireProfile(context.store.read().profiles, name);
    const { page, nextToken } = paginate(record.targets, (arn) => arn, context.query);
    return {
      securityProfileTargets: page.map((arn) => ({ arn })),
      ...(nextToken !== undefined ? { nextToken } : {}),
    };
  },
};

const listSecurityProfilesForTarget: Operation = {
  name: 'ListSecurityProfilesForTarget',
  method: 'GET',
  path: '/security-profiles-for-target',
  handler: async (context) => {
    const target = requireQuery(context.query, 'securityProfileTargetArn');
    checkTargetArn(context.scope, target);
    // Read for validation only: this endpoint models no thing-group hierarchy, so child groups
    // (what `recursive` adds) never exist and the answer is the same either way.
    readBooleanQuery(context.query, 'recursive');
    const names = [...context.store.read().profiles]
      .filter(([, record]) => record.targets.includes(target))
      .map(([name]) => name);
    const { page, nextToken } = paginate(names, (name) => name, context.query);
    return {
      securityProfileTargetMappings: page.map((name) => ({
        securityProfileIdentifier: { name, arn: profileArn(context.scope, name) },
        target: { arn: target },
      })),
      ...(nextToken !== undefined ? { nextToken } : {}),
    };
  },
};

/** Attach/Detach, ListTargetsForSecurityProfile and ListSecurityProfilesForTarget. */
export const TARGET_OPERATIONS: readonly Operation[] = [
  attachSecurityProfile,
  detachSecurityProfile,
  listTargetsForSecurityProfile,
  listSecurityProfilesForTarget,
];
