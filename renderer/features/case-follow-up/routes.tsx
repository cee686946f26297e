import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/** "Suivi" dashboard, the referrals list across people, the referrals partners sent as files, partner directory, and the spreadsheet import (linked from the list page). */
export const caseFollowUpRoutes: RouteObject[] = [
  { path: 'follow-up', lazy: lazyPage(() => import('./DashboardPage'), 'DashboardPage') },
  { path: 'follow-up/referrals', lazy: lazyPage(() => import('./ReferralsListPage'), 'ReferralsListPage') },
  { path: 'follow-up/received', lazy: lazyPage(() => import('../exchange/ReceivedReferralsPage'), 'ReceivedReferralsPage') },
  { path: 'partners', lazy: lazyPage(() => import('./PartnersPage'), 'PartnersPage') },
  { path: 'beneficiaries/import', lazy: lazyPage(() => import('../beneficiary-import/ImportPage'), 'ImportPage') },
];
