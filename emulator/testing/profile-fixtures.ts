import {
  CreateSecurityProfileCommand,
  DescribeSecurityProfileCommand,
  type Behavior,
  type DescribeSecurityProfileCommandOutput,
  type IoTClient,
} from '@aws-sdk/client-iot';

/** Fixtures shared by the security-profile contract tests. */
export const ROLE = 'arn:aws:iam::123456789012:role/DeviceDefenderAlertPublisher';
export const TOPIC = 'arn:aws:sns:us-east-1:123456789012:contract-alerts';

export const authFailures: Behavior = {
  name: 'auth-failures',
  metric: 'aws:num-authorization-failures',
  criteria: { comparisonOperator: 'less-than', value: { count: 5 }, durationSeconds: 300 },
};
export const messagesSent: Behavior = {
  name: 'messages-sent',
  metric: 'aws:num-messages-sent',
  criteria: { comparisonOperator: 'less-than-equals', value: { count: 900 }, durationSeconds: 600 },
};

/** Creates `name` with one behavior, an alert target, a retained metric and an export config. */
export async function createFullProfile(iot: IoTClient, name: string): Promise<void> {
  await iot.send(
    new CreateSecurityProfileCommand({
      securityProfileName: name,
      securityProfileDescription: 'Contract test profile',
      behaviors: [authFailures],
      alertTargets: { SNS: { alertTargetArn: TOPIC, roleArn: ROLE } },
      additionalMetricsToRetainV2: [{ metric: 'aws:num-disconnects' }],
      metricsExportConfig: { mqttTopic: '$aws/rules/contract_export', roleArn: ROLE },
    }),
  );
}

/** DescribeSecurityProfile of `name`. */
export function describeProfile(
  iot: IoTClient,
  name: string,
): Promise<DescribeSecurityProfileCommandOutput> {
  return iot.send(new DescribeSecurityProfileCommand({ securityProfileName: name }));
}
