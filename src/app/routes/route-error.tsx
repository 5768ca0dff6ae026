import { Container, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';

/** Last-resort fallback of the router, for failures outside any page's own boundaries. */
export function RouteError() {
  const error = useRouteError();
  return (
    <Container size="sm" py="xl" component="main">
      <Title order={1} mb="md">
        Something went wrong
      </Title>
      <ErrorAlert title="The page failed" error={error} onRetry={() => window.location.reload()} />
    </Container>
  );
}
