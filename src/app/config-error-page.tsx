import { Alert, Code, Container, List, Text, Title } from '@mantine/core';
import type { ConfigProblem } from '../config/runtime-config';

/** The full-page message shown instead of the app when /config.json is missing or invalid. */
export function ConfigErrorPage({ problem }: { problem: ConfigProblem }) {
  return (
    <Container size="sm" py="xl" component="main">
      <Title order={1} mb="md">
        The editor cannot start
      </Title>
      <Alert role="alert" color="red" title={problem.summary}>
        <List size="sm" spacing="xs">
          {problem.issues.map((issue) => (
            <List.Item key={`${issue.field}:${issue.message}`}>
              <Code>{issue.field}</Code> {issue.message}
            </List.Item>
          ))}
        </List>
      </Alert>
      <Text size="sm" mt="md" c="dimmed">
        The app reads its region, endpoint and credentials from <Code>/config.json</Code> at start.
        Fix the file where it is served from and reload this page.
      </Text>
    </Container>
  );
}
