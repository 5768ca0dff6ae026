import { Code, Text } from '@mantine/core';
import { DefinitionList } from '../../../components/definition-list';
import type { AlertTargets as AlertTargetsMap } from '../../../domain/security-profile';

/** Where violations are sent: the SNS topic and the role AWS IoT assumes to publish to it. */
export function AlertTargets({ alertTargets }: { alertTargets: AlertTargetsMap | undefined }) {
  const sns = alertTargets?.SNS;
  if (!sns) {
    return (
      <Text size="sm" c="dimmed">
        No alert target: violations are recorded but not sent anywhere.
      </Text>
    );
  }
  return (
    <DefinitionList
      items={[
        { term: 'SNS topic ARN', description: <Code>{sns.alertTargetArn}</Code> },
        { term: 'Role ARN', description: <Code>{sns.roleArn}</Code> },
      ]}
    />
  );
}
