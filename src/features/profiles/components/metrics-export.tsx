import { Code, Text } from '@mantine/core';
import { DefinitionList } from '../../../components/definition-list';
import type { MetricsExportConfig } from '../../../domain/security-profile';

/** The MQTT topic and role used when behaviors or retained metrics export their values. */
export function MetricsExport({ config }: { config: MetricsExportConfig | undefined }) {
  if (!config) {
    return (
      <Text size="sm" c="dimmed">
        Not configured: no metric values are exported.
      </Text>
    );
  }
  return (
    <DefinitionList
      items={[
        { term: 'MQTT topic', description: <Code>{config.mqttTopic}</Code> },
        { term: 'Role ARN', description: <Code>{config.roleArn}</Code> },
      ]}
    />
  );
}
