import type {
  SecurityProfile,
  SecurityProfileFields,
  UpdateSecurityProfileRequest,
} from '../../../../domain/security-profile';

/**
 * The UpdateSecurityProfile request that makes the profile equal `fields` whatever it holds now:
 * every member the draft has, and the delete flag of every member it has not. Guarded by the
 * loaded version, so applying the exported file over someone else's save fails instead of
 * overwriting it.
 */
export function fullUpdateRequest(
  base: SecurityProfile,
  fields: SecurityProfileFields,
): UpdateSecurityProfileRequest {
  const retained =
    (fields.additionalMetricsToRetain?.length ?? 0) +
    (fields.additionalMetricsToRetainV2?.length ?? 0);
  return {
    securityProfileName: base.securityProfileName,
    expectedVersion: base.version,
    // '' is how a description is cleared; there is no delete flag for it.
    securityProfileDescription: fields.securityProfileDescription ?? '',
    ...(fields.behaviors ? { behaviors: fields.behaviors } : { deleteBehaviors: true }),
    ...(fields.alertTargets ? { alertTargets: fields.alertTargets } : { deleteAlertTargets: true }),
    ...(fields.additionalMetricsToRetain
      ? { additionalMetricsToRetain: fields.additionalMetricsToRetain }
      : {}),
    ...(fields.additionalMetricsToRetainV2
      ? { additionalMetricsToRetainV2: fields.additionalMetricsToRetainV2 }
      : {}),
    ...(retained === 0 ? { deleteAdditionalMetricsToRetain: true } : {}),
    ...(fields.metricsExportConfig
      ? { metricsExportConfig: fields.metricsExportConfig }
      : { deleteMetricsExportConfig: true }),
  };
}
