import { useDocumentTitle } from '@mantine/hooks';
import { useParams } from 'react-router';
import { pageTitle } from './page-title';
import { ProfileDetails } from '../../features/profiles/components/profile-details';

/** `/profiles/:name`: one profile, read-only. */
export function ProfileRoute() {
  // The router only matches this route with a non-empty :name segment.
  const { name = '' } = useParams();
  useDocumentTitle(pageTitle(name));
  return <ProfileDetails key={name} name={name} />;
}
