import type { ProfileDraft } from '../../utils/profile-draft';

const FIELD_LABELS: Record<string, string> = {
  root: 'Profile',
  securityProfileName: 'Name',
  securityProfileDescription: 'Description',
  behaviors: 'Behaviors',
  alertTargets: 'Alert target',
  'alertTargets.SNS': 'Alert target',
  'alertTargets.SNS.alertTargetArn': 'Alert target › SNS topic ARN',
  'alertTargets.SNS.roleArn': 'Alert target › Alert role ARN',
  additionalMetricsToRetain: 'Legacy retained metrics',
  additionalMetricsToRetainV2: 'Retained metrics',
  metricsExportConfig: 'Metrics export',
  'metricsExportConfig.mqttTopic': 'Metrics export › MQTT topic',
  'metricsExportConfig.roleArn': 'Metrics export › Export role ARN',
};

/**
 * Where an issue is, for a person: "Behavior “failed-logins” › criteria.value.count",
 * "Retained metric 2 › metric", "Description".
 */
export function issueLabel(field: string, draft: ProfileDraft): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const behavior = /^behaviors\.(\d+)(?:\.(.+))?$/.exec(field);
  if (behavior) {
    const index = Number(behavior[1]);
    const name = draft.behaviors[index]?.name;
    const head = name ? `Behavior “${name}”` : `Behavior ${index + 1}`;
    return behavior[2] ? `${head} › ${behavior[2]}` : head;
  }
  const retained = /^additionalMetricsToRetainV2\.(\d+)(?:\.(.+))?$/.exec(field);
  if (retained) {
    const head = `Retained metric ${Number(retained[1]) + 1}`;
    return retained[2] ? `${head} › ${retained[2]}` : head;
  }
  const legacy = /^additionalMetricsToRetain\.(\d+)$/.exec(field);
  if (legacy) return `Legacy retained metric ${Number(legacy[1]) + 1}`;
  return field;
}
