import type { RouteObject } from 'react-router';
import { ImportPage } from '../beneficiary-import/ImportPage';
import { DashboardPage } from './DashboardPage';
import { PartnersPage } from './PartnersPage';
import { ReferralsListPage } from './ReferralsListPage';

/** "Suivi" dashboard, the referrals list across people, partner directory, and the spreadsheet import (linked from the list page). */
export const caseFollowUpRoutes: RouteObject[] = [
  { path: 'follow-up', element: <DashboardPage /> },
  { path: 'follow-up/referrals', element: <ReferralsListPage /> },
  { path: 'partners', element: <PartnersPage /> },
  { path: 'beneficiaries/import', element: <ImportPage /> },
];
