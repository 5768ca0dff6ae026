import { createBrowserRouter } from 'react-router';
import { paths } from '../config/paths';
import { AppLayout } from './app-layout';
import type { AppLayoutProps } from './app-layout';
import { NewProfileRoute } from './routes/new-profile-route';
import { NotFoundRoute } from './routes/not-found-route';
import { ProfileRoute } from './routes/profile-route';
import { ProfilesListRoute } from './routes/profiles-list-route';
import { RouteError } from './routes/route-error';

/**
 * The route table: list at `/` and `/profiles`, a new profile at `/profiles/new`, a profile's
 * editor at `/profiles/:name`, 404 otherwise.
 */
export function createAppRouter(layout: AppLayoutProps) {
  return createBrowserRouter([
    {
      path: paths.home.pattern,
      element: <AppLayout {...layout} />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <ProfilesListRoute /> },
        { path: paths.profiles.pattern, element: <ProfilesListRoute /> },
        { path: paths.newProfile.pattern, element: <NewProfileRoute /> },
        { path: paths.profile.pattern, element: <ProfileRoute /> },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
