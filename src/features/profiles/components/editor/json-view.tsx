import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { ProfileDraft } from '../../utils/profile-draft';
import { draftFromJson, draftToJson } from './draft-json';

/**
 * The profile's fields as JSON, editable. Each edit that parses into a draft the form can hold is
 * put into the form at once (the other sections show it); anything else shows why and leaves the
 * form as it was. The text is the analyst's own while this view is open: it is not re-formatted
 * under their cursor.
 */
export function JsonView() {
  const { getValues, reset, trigger } = useFormContext<ProfileDraft>();
  const [text, setText] = useState(() => draftToJson(getValues()));
  const [error, setError] = useState<string | null>(null);

  const onChange = (next: string) => {
    setText(next);
    const result = draftFromJson(next, getValues('securityProfileName'));
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    // Dirtiness stays measured against what was loaded, not against this edit.
    reset(result.draft, { keepDefaultValues: true, keepDirty: false });
    void trigger();
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        The profile&apos;s fields as the API names them. Valid edits apply to the form as you type;
        a member left out means none.
      </Text>
      <Textarea
        label="Profile JSON"
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
        rows={24}
        resize="vertical"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        error={error ? 'Not applied: the JSON has a problem (see below).' : undefined}
      />
      {error ? (
        <Alert
          color="red"
          variant="light"
          title="The form keeps its last valid values"
          role="alert"
        >
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
