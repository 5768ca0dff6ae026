import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import type { ProfileDraft } from '../../utils/profile-draft';

function SnsTargetInputs() {
  const { control } = useFormContext<ProfileDraft>();
  const topic = useController({ control, name: 'alertTargets.SNS.alertTargetArn' });
  const role = useController({ control, name: 'alertTargets.SNS.roleArn' });
  return (
    <>
      <TextInput
        {...topic.field}
        value={topic.field.value ?? ''}
        label="SNS topic ARN"
        description="Where Device Defender publishes this profile's alarms."
        placeholder="arn:aws:sns:us-east-1:123456789012:device-defender-alerts"
        error={topic.fieldState.error?.message}
        autoComplete="off"
      />
      <TextInput
        {...role.field}
        value={role.field.value ?? ''}
        label="Alert role ARN"
        description="An IAM role that lets Device Defender publish to the topic."
        placeholder="arn:aws:iam::123456789012:role/device-defender-alerts"
        error={role.fieldState.error?.message}
        autoComplete="off"
      />
    </>
  );
}

/** The profile's one alert target (SNS): topic and role, added or removed as a whole. */
export function AlertTargetFields() {
  const { control, setValue } = useFormContext<ProfileDraft>();
  const sns = useWatch({ control, name: 'alertTargets.SNS' });
  const update = { shouldDirty: true, shouldValidate: true } as const;
  if (!sns) {
    return (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          No alert target: violations are recorded but not sent anywhere.
        </Text>
        <Button
          variant="light"
          onClick={() =>
            setValue('alertTargets', { SNS: { alertTargetArn: '', roleArn: '' } }, update)
          }
        >
          Add alert target
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm">
      <SnsTargetInputs />
      <Group>
        <Button variant="subtle" color="red" onClick={() => setValue('alertTargets', {}, update)}>
          Remove alert target
        </Button>
      </Group>
    </Stack>
  );
}
