import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../../components/error-alert';

export interface DeleteProfileDialogProps {
  opened: boolean;
  name: string;
  deleting: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}

/** Asks the analyst to type the profile's name before it is deleted. */
export function DeleteProfileDialog({
  opened,
  name,
  deleting,
  error,
  onClose,
  onConfirm,
}: DeleteProfileDialogProps) {
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Delete security profile" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (typed === name) onConfirm();
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            Deleting <strong>{name}</strong> removes its behaviors and stops its detection on every
            target it is attached to. This cannot be undone.
          </Text>
          <TextInput
            label={`Type ${name} to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {error ? <ErrorAlert title="Could not delete the profile" error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={typed !== name} loading={deleting}>
              Delete profile
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
