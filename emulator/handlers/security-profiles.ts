import type { SecurityProfileFields } from '../../src/domain/security-profile';
import {
  validateBehaviors,
  validateCreateRequest,
  validateDimensionName,
  validateMetricName,
  validateSecurityProfileName,
  validateUpdateRequest,
} from '../../src/domain/validation';
import { AwsError, alreadyExists, invalidRequest, notFound } from '../errors';
import type { Operation, OperationContext } from '../operation';
import { pickProfileFields, pickTags } from '../profile-shape';
import { describeIssues, refuseIssues, validationContextOf } from '../refusals';
import type { ProfileRecord } from '../store';
import { profilesUsingDimension, profilesUsingMetric } from '../usage';
import { paginate, profileArn, profileOutput, readLongQuery } from '../wire';

function profileName(context: OperationContext): string {
  const name = context.params['securityProfileName'] ?? '';
  refuseIssues(validateSecurityProfileName(name));
  return name;
}

function missingProfile(name: string): AwsError {
  return notFound(`The security profile ${name} does not exist.`);
}

/** The profile, or 404 ResourceNotFoundException. */
export function requireProfile(
  profiles: ReadonlyMap<string, ProfileRecord>,
  name: string,
): ProfileRecord {
  const record = profiles.get(name);
  if (record === undefined) throw missingProfile(name);
  return record;
}

function versionConflict(name: string, expected: number, actual: number): AwsError {
  return new AwsError(
    'VersionConflictException',
    `The version of security profile ${name} is ${actual}, not the expected version ${expected}.`,
  );
}

const createSecurityProfile: Operation = {
  name: 'CreateSecurityProfile',
  method: 'POST',
  path: '/security-profiles/{securityProfileName}',
  handler: async (context) => {
    const name = profileName(context);
    const arn = profileArn(context.scope, name);
    return context.store.mutate((draft) => {
      refuseIssues(validateCreateRequest(context.body, validationContextOf(draft)));
      if (draft.profiles.has(name)) throw alreadyExists('Security profile', name, arn);
      const now = context.now();
      draft.profiles.set(name, {
        fields: pickProfileFields(context.body),
        version: 1,
        createdAt: now,
        modifiedAt: now,
        tags: pickTags(context.body['tags']),
        targets: [],
      });
      return { securityProfileName: name, securityProfileArn: arn };
    });
  },
};

const describeSecurityProfile: Operation = {
  name: 'DescribeSecurityProfile',
  method: 'GET',
  path: '/security-profiles/{securityProfileName}',
  handler: async (context) => {
    const name = profileName(context);
    const record = requireProfile(context.store.read().profiles, name);
    return profileOutput(context.scope, name, record);
  },
};

function nonEmpty<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/**
 * PATCH as AWS does it: members left out stay as they are; an empty list or map is also "no
 * change" (AWS's CloudFormation handler needs the delete flags to clear); the flags clear.
 */
function applyUpdate(
  current: SecurityProfileFields,
  body: Readonly<Record<string, unknown>>,
): SecurityProfileFields {
  const patch = pickProfileFields(body);
  const next: SecurityProfileFields = { ...current };
  if (patch.securityProfileDescription !== undefined) {
    next.securityProfileDescription = patch.securityProfileDescription;
  }
  if (nonEmpty(patch.behaviors)) next.behaviors = patch.behaviors;
  if (patch.alertTargets !== undefined && Object.keys(patch.alertTargets).length > 0) {
    next.alertTargets = patch.alertTargets;
  }
  if (nonEmpty(patch.additionalMetricsToRetain)) {
    next.additionalMetricsToRetain = patch.additionalMetricsToRetain;
  }
  if (nonEmpty(patch.additionalMetricsToRetainV2)) {
    next.additionalMetricsToRetainV2 = patch.additionalMetricsToRetainV2;
    // V2 supersedes the deprecated list: a call that sets V2 without V1 replaces the whole
    // retained set, so migrating legacy entries to V2 is one save. AWS does not document how the
    // two lists interact (UNCONFIRMED); this is the reading under which no retained metric is
    // silently kept twice.
    if (!nonEmpty(patch.additionalMetricsToRetain)) delete next.additionalMetricsToRetain;
  }
  if (patch.metricsExportConfig !== undefined) next.metricsExportConfig = patch.metricsExportConfig;
  if (body['deleteBehaviors'] === true) delete next.behaviors;
  if (body['deleteAlertTargets'] === true) delete next.alertTargets;
  if (body['deleteAdditionalMetricsToRetain'] === true) {
    delete next.additionalMetricsToRetain;
    delete next.additionalMetricsToRetainV2;
  }
  // The model states no conflict rule for this flag; when both arrive, the explicit delete wins.
  if (body['deleteMetricsExportConfig'] === true) delete next.metricsExportConfig;
  return next;
}

const updateSecurityProfile: Operation = {
  name: 'UpdateSecurityProfile',
  method: 'PATCH',
  path: '/security-profiles/{securityProfileName}',
  handler: async (context) => {
    const name = profileName(context);
    const expectedVersion = readLongQuery(context.query, 'expectedVersion');
    return context.store.mutate((draft) => {
      refuseIssues(validateUpdateRequest(context.body, validationContextOf(draft)));
      const record = requireProfile(draft.profiles, name);
      if (expectedVersion !== undefined && expectedVersion !== record.version) {
        throw versionConflict(name, expectedVersion, record.version);
      }
      record.fields = applyUpdate(record.fields, context.body);
      record.version += 1;
      record.modifiedAt = Math.max(context.now(), record.modifiedAt + 1);
      return profileOutput(context.scope, name, record);
    });
  },
};

const deleteSecurityProfile: Operation = {
  name: 'DeleteSecurityProfile',
  method: 'DELETE',
  path: '/security-profiles/{securityProfileName}',
  handler: async (context) => {
    const name = profileName(context);
    const expectedVersion = readLongQuery(context.query, 'expectedVersion');
    // The model declares no ResourceNotFoundException for DeleteSecurityProfile, so a client
    // cannot be expected to decode one: deleting a missing profile succeeds as a no-op, which
    // also makes retries of a delete whose answer was lost safe.
    if (!context.store.read().profiles.has(name)) return {};
    await context.store.mutate((draft) => {
      const record = draft.profiles.get(name);
      if (record === undefined) return;
      if (expectedVersion !== undefined && expectedVersion !== record.version) {
        throw versionConflict(name, expectedVersion, record.version);
      }
      draft.profiles.delete(name);
    });
    return {};
  },
};

const listSecurityProfiles: Operation = {
  name: 'ListSecurityProfiles',
  method: 'GET',
  path: '/security-profiles',
  handler: async (context) => {
    const dimensionName = context.query.get('dimensionName');
    const metricName = context.query.get('metricName');
    if (dimensionName !== null && metricName !== null) {
      throw invalidRequest(
        'dimensionName: cannot be used with metricName; filter by one of them per request',
      );
    }
    if (dimensionName !== null) refuseIssues(validateDimensionName(dimensionName, 'dimensionName'));
    if (metricName !== null) refuseIssues(validateMetricName(metricName, 'metricName'));
    const state = context.store.read();
    let names = [...state.profiles.keys()];
    if (dimensionName !== null) {
      if (!state.dimensions.has(dimensionName)) {
        throw notFound(`The dimension ${dimensionName} does not exist.`);
      }
      names = profilesUsingDimension(state, dimensionName);
    } else if (metricName !== null) {
      if (!state.customMetrics.has(metricName)) {
        throw notFound(`The custom metric ${metricName} does not exist.`);
      }
      names = profilesUsingMetric(state, metricName);
    }
    const { page, nextToken } = paginate(names, (name) => name, context.query);
    return {
      securityProfileIdentifiers: page.map((name) => ({
        name,
        arn: profileArn(context.scope, name),
      })),
      ...(nextToken !== undefined ? { nextToken } : {}),
    };
  },
};

const validateSecurityProfileBehaviors: Operation = {
  name: 'ValidateSecurityProfileBehaviors',
  method: 'POST',
  path: '/security-profile-behaviors/validate',
  handler: async (context) => {
    const issues = validateBehaviors(
      context.body['behaviors'] ?? undefined,
      validationContextOf(context.store.read()),
    );
    // A malformed request (types, lengths, patterns, required members) is refused like any other
    // operation would refuse it; only well-formed behaviors get a verdict on their meaning.
    const constraints = issues.filter((issue) => issue.kind === 'constraint');
    if (constraints.length > 0) throw invalidRequest(describeIssues(constraints));
    return {
      valid: issues.length === 0,
      validationErrors: issues.map((issue) => ({ errorMessage: describeIssues([issue]) })),
    };
  },
};

/** The security-profile CRUD, list and validate operations. */
export const SECURITY_PROFILE_OPERATIONS: readonly Operation[] = [
  createSecurityProfile,
  describeSecurityProfile,
  updateSecurityProfile,
  deleteSecurityProfile,
  listSecurityProfiles,
  validateSecurityProfileBehaviors,
];
