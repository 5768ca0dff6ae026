import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCloudOff, IconRefresh, IconWifiOff } from '@tabler/icons-react';
import { connectivityNotice, retryLines } from '../lib/aws/connectivity';
import { useCheckConnectivity, useConnectivity } from '../lib/aws/iot-client-context';

/**
 * The layout's word on the connection: a banner while the browser is offline or the endpoint
 * does not answer (what happened, that edits are kept, what to do), and a status line while
 * calls wait to be retried. The status line floats above dialogs, since a save is confirmed in one.
 */
export function ConnectivityBanner({ endpointLabel }: { endpointLabel: string }) {
  const state = useConnectivity();
  const checkNow = useCheckConnectivity();
  const notice = connectivityNotice(state, endpointLabel);
  const retrying = retryLines(state);
  return (
    <>
      {notice ? (
        <Alert
          role="alert"
          color={notice.kind === 'offline' ? 'gray' : 'orange'}
          variant="light"
          title={notice.title}
          icon={
            notice.kind === 'offline' ? <IconWifiOff aria-hidden /> : <IconCloudOff aria-hidden />
          }
          mb="md"
        >
          <Stack gap="xs">
            <Text size="sm">{notice.message}</Text>
            {notice.kind === 'unreachable' ? (
              <Group>
                <Button
                  size="xs"
                  variant="outline"
                  color="orange"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  onClick={checkNow}
                >
                  Check now
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {retrying.length > 0 ? (
        <Paper
          role="status"
          aria-label="Retrying requests"
          shadow="md"
          withBorder
          p="sm"
          style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1000, maxWidth: 420 }}
        >
          <Stack gap={4}>
            {retrying.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
