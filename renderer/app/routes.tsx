import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import { activityRoutes } from '../features/activities/routes';
import { AreaPage } from '../features/areas/AreaPage';
import { areas } from '../features/areas/areas';
import { beneficiaryRoutes } from '../features/beneficiaries/routes';
import { caseFollowUpRoutes } from '../features/case-follow-up/routes';
import { grantsRoutes } from '../features/grants/routes';
import { homeRoutes } from '../features/home/routes';
import { cooperativeRoutes } from '../features/cooperatives/routes';
import { memberRoutes } from '../features/members/routes';
import { reportRoutes } from '../features/reports/routes';
import { treasuryRoutes } from '../features/treasury/routes';
import { CreateFilePage } from '../features/welcome/CreateFilePage';
import { OpenFilePage } from '../features/welcome/OpenFilePage';
import { RecoverPage } from '../features/welcome/RecoverPage';
import { SignInPage } from '../features/welcome/SignInPage';
import { WelcomePage } from '../features/welcome/WelcomePage';
import { PublicOnly, SignedInOnly } from './guards';
import { lazyPage } from './lazy-page';
import { Root } from './Root';

/** Every built area's routes; an area without its own page yet shows the placeholder. */
const featureRoutes: RouteObject[] = [...homeRoutes, ...beneficiaryRoutes, ...caseFollowUpRoutes, ...memberRoutes, ...cooperativeRoutes, ...activityRoutes, ...grantsRoutes, ...treasuryRoutes, ...reportRoutes];

/**
 * Hash routes: the app is loaded from app:// or file://, where path routes cannot be served. The
 * screens before sign-in come with the app; every other page is loaded when first visited.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <Root />,
      children: [
        {
          element: <PublicOnly />,
          children: [
            { index: true, element: <WelcomePage /> },
            { path: 'create', element: <CreateFilePage /> },
            { path: 'open', element: <OpenFilePage /> },
            { path: 'sign-in', element: <SignInPage /> },
            { path: 'recover', element: <RecoverPage /> },
          ],
        },
        {
          element: <SignedInOnly />,
          children: [
            ...featureRoutes,
            ...areas
              .filter((area) => !featureRoutes.some((r) => r.path === area))
              .map((area) => ({ path: area, element: <AreaPage area={area} /> })),
            { path: 'settings/:tab?', lazy: lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
          ],
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
}
