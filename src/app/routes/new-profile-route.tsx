import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { pageTitle } from './page-title';
import { NewProfilePage } from '../../features/profiles/components/editor/profile-editor-page';

/** `/profiles/new` (and `?from=<name>` to start from a copy of that profile). */
export function NewProfileRoute() {
  const [searchParams] = useSearchParams();
  const from = searchParams.get('from') ?? undefined;
  useDocumentTitle(pageTitle(from === undefined ? 'New profile' : `Copy of ${from}`));
  return <NewProfilePage key={from ?? ''} {...(from === undefined ? {} : { cloneFrom: from })} />;
}
