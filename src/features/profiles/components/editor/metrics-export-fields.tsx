import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import type { ProfileDraft } from '../../utils/profile-draft';

function ExportInputs() {
  const { control } = useFormContext<ProfileDraft>();
  const topic = useController({ control, name: 'metricsExportConfig.mqttTopic' });
  const role = useController({ control, name: 'metricsExportConfig.roleArn' });
  return (
    <>
      <TextInput
        {...topic.field}
        value={topic.field.value ?? ''}
        label="MQTT topic"
        description="The topic Device Defender publishes exported metrics to (1–512 characters)."
        placeholder="$aws/rules/device-defender-export"
        error={topic.fieldState.error?.message}
        autoComplete="off"
      />
      <TextInput
        {...role.field}
        value={role.field.value ?? ''}
        label="Export role ARN"
        description="An IAM role that lets Device Defender publish to the topic."
        placeholder="arn:aws:iam::123456789012:role/device-defender-export"
        error={role.fieldState.error?.message}
        autoComplete="off"
      />
    </>
  );
}

/** Where exported metrics go (behaviors and retained metrics marked "export"); optional. */
export function MetricsExportFields() {
  const { control, setValue } = useFormContext<ProfileDraft>();
  const config = useWatch({ control, name: 'metricsExportConfig' });
  const update = { shouldDirty: true, shouldValidate: true } as const;
  if (!config) {
    return (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          No export configuration: metrics marked for export are not published.
        </Text>
        <Button
          variant="light"
          onClick={() => setValue('metricsExportConfig', { mqttTopic: '', roleArn: '' }, update)}
        >
          Add export configuration
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm">
      <ExportInputs />
      <Group>
        <Button
          variant="subtle"
          color="red"
          onClick={() => setValue('metricsExportConfig', undefined, update)}
        >
          Remove export configuration
        </Button>
      </Group>
    </Stack>
  );
}
