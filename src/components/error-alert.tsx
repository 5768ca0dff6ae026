import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { toAppError } from '../lib/aws/errors';

export interface ErrorAlertProps {
  /** What failed, in a few words: "Could not load the security profiles". */
  title: string;
  error: unknown;
  /** Shown as a Retry button when given. */
  onRetry?: () => void;
  /** Whether a retry is in flight (the button then shows a loader). */
  retrying?: boolean;
}

/** An error message with its AWS details (exception name, HTTP status, request id) and a retry. */
export function ErrorAlert({ title, error, onRetry, retrying = false }: ErrorAlertProps) {
  const appError = toAppError(error);
  // The raw message helps whoever debugs, unless the readable one already quotes it.
  const rawMessage =
    appError.message && !appError.userMessage.includes(appError.message)
      ? `: ${appError.message}`
      : '';
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
    >
      <Stack gap="xs">
        <Text size="sm">{appError.userMessage}</Text>
        <Text size="xs" c="dimmed">
          {appError.name}
          {rawMessage}
          {appError.status === undefined ? '' : ` · HTTP ${appError.status}`}
          {appError.requestId ? (
            <>
              {' · Request id '}
              <Code>{appError.requestId}</Code>
            </>
          ) : null}
        </Text>
        {onRetry ? (
          <Group>
            <Button size="xs" variant="outline" color="red" onClick={onRetry} loading={retrying}>
              Retry
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
