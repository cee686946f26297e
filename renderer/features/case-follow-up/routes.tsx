import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/** "Suivi" dashboard, the referrals list across people, partner directory, and the spreadsheet import (linked from the list page). */
export const caseFollowUpRoutes: RouteObject[] = [
  { path: 'follow-up', lazy: lazyPage(() => import('./DashboardPage'), 'DashboardPage') },
  { path: 'follow-up/referrals', lazy: lazyPage(() => import('./ReferralsListPage'), 'ReferralsListPage') },
  { path: 'partners', lazy: lazyPage(() => import('./PartnersPage'), 'PartnersPage') },
  { path: 'beneficiaries/import', lazy: lazyPage(() => import('../beneficiary-import/ImportPage'), 'ImportPage') },
];
