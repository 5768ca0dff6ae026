import { Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useController, useFormContext } from 'react-hook-form';
import { DESCRIPTION_MAX_LENGTH } from '../../../../domain/validation';
import type { ProfileDraft } from '../../utils/profile-draft';

export interface DetailsFieldsProps {
  /** Only a new profile's name can be chosen; AWS has no rename. */
  nameEditable: boolean;
}

/** Name and description, each with its AWS rule checked as the analyst types. */
export function DetailsFields({ nameEditable }: DetailsFieldsProps) {
  const { control } = useFormContext<ProfileDraft>();
  const name = useController({ control, name: 'securityProfileName' });
  const description = useController({ control, name: 'securityProfileDescription' });
  const length = description.field.value.length;
  return (
    <Stack gap="md">
      <TextInput
        {...name.field}
        label="Name"
        description={
          nameEditable
            ? '1–128 letters, digits, colons, underscores or hyphens; cannot be changed later.'
            : 'A profile cannot be renamed; clone it to use another name.'
        }
        readOnly={!nameEditable}
        withAsterisk={nameEditable}
        error={name.fieldState.error?.message}
        autoComplete="off"
      />
      <Textarea
        {...description.field}
        label="Description"
        description="Printable ASCII characters and spaces, no line breaks."
        rows={3}
        resize="vertical"
        error={description.fieldState.error?.message}
      />
      <Text
        size="xs"
        c={length > DESCRIPTION_MAX_LENGTH ? 'red' : 'dimmed'}
        aria-live="polite"
        mt={-8}
      >
        {length} / {DESCRIPTION_MAX_LENGTH} characters
      </Text>
    </Stack>
  );
}
