import type {
  AlertTargets,
  Behavior,
  MetricToRetain,
  MetricsExportConfig,
  SecurityProfile,
  SecurityProfileFields,
} from '../../../domain/security-profile';

/**
 * The editor's form values (react-hook-form). Behaviors and every nested member keep the wire
 * shape, so the JSON view, import/export and validation work on the form values directly and the
 * round trip form → request → Describe is lossless. Lists are always arrays (empty = none) and the
 * description a string, so inputs are always controlled.
 */
export interface ProfileDraft {
  securityProfileName: string;
  securityProfileDescription: string;
  behaviors: Behavior[];
  alertTargets: AlertTargets;
  /** Deprecated by AWS; shown so they can be migrated to V2. */
  additionalMetricsToRetain: string[];
  additionalMetricsToRetainV2: MetricToRetain[];
  /** Absent = no export config. */
  metricsExportConfig?: MetricsExportConfig;
}

/** An empty draft for a new profile. */
export function emptyDraft(): ProfileDraft {
  return {
    securityProfileName: '',
    securityProfileDescription: '',
    behaviors: [],
    alertTargets: {},
    additionalMetricsToRetain: [],
    additionalMetricsToRetainV2: [],
  };
}

/** The draft that shows `profile` as loaded (a deep copy: editing it never touches the cache). */
export function draftFromProfile(profile: SecurityProfile): ProfileDraft {
  const fields = structuredClone({
    behaviors: profile.behaviors ?? [],
    alertTargets: profile.alertTargets ?? {},
    additionalMetricsToRetain: profile.additionalMetricsToRetain ?? [],
    additionalMetricsToRetainV2: profile.additionalMetricsToRetainV2 ?? [],
    metricsExportConfig: profile.metricsExportConfig,
  });
  return {
    securityProfileName: profile.securityProfileName,
    securityProfileDescription: profile.securityProfileDescription ?? '',
    behaviors: fields.behaviors,
    alertTargets: fields.alertTargets,
    additionalMetricsToRetain: fields.additionalMetricsToRetain,
    additionalMetricsToRetainV2: fields.additionalMetricsToRetainV2,
    ...(fields.metricsExportConfig ? { metricsExportConfig: fields.metricsExportConfig } : {}),
  };
}

/** The profile fields a draft stands for; empty lists, maps and description are left out. */
export function fieldsFromDraft(draft: ProfileDraft): SecurityProfileFields {
  return {
    ...(draft.securityProfileDescription
      ? { securityProfileDescription: draft.securityProfileDescription }
      : {}),
    ...(draft.behaviors.length > 0 ? { behaviors: draft.behaviors } : {}),
    ...(Object.keys(draft.alertTargets).length > 0 ? { alertTargets: draft.alertTargets } : {}),
    ...(draft.additionalMetricsToRetain.length > 0
      ? { additionalMetricsToRetain: draft.additionalMetricsToRetain }
      : {}),
    ...(draft.additionalMetricsToRetainV2.length > 0
      ? { additionalMetricsToRetainV2: draft.additionalMetricsToRetainV2 }
      : {}),
    ...(draft.metricsExportConfig ? { metricsExportConfig: draft.metricsExportConfig } : {}),
  };
}
