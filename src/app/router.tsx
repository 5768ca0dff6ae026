import { createBrowserRouter } from 'react-router';
import { paths } from '../config/paths';
import { AppLayout } from './app-layout';
import type { AppLayoutProps } from './app-layout';
import { AuthCallbackRoute } from './routes/auth-callback-route';
import { NewProfileRoute } from './routes/new-profile-route';
import { NotFoundRoute } from './routes/not-found-route';
import { ProfileRoute } from './routes/profile-route';
import { ProfilesListRoute } from './routes/profiles-list-route';
import { RouteError } from './routes/route-error';
import { SignInGate } from './sign-in-gate';

/** With sign-in: where the hosted login sends the authorization code. */
export interface SignInRoutes {
  callbackPath: string;
}

/**
 * The route table: list at `/` and `/profiles`, a new profile at `/profiles/new`, a profile's
 * editor at `/profiles/:name`, 404 otherwise. With `signIn`, everything but the callback page
 * sits behind the sign-in gate.
 */
export function createAppRouter(layout: AppLayoutProps, signIn?: SignInRoutes) {
  const shell = <AppLayout {...layout} />;
  return createBrowserRouter([
    ...(signIn === undefined
      ? []
      : [
          {
            path: signIn.callbackPath,
            element: <AuthCallbackRoute />,
            errorElement: <RouteError />,
          },
        ]),
    {
      path: paths.home.pattern,
      element: signIn === undefined ? shell : <SignInGate>{shell}</SignInGate>,
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
