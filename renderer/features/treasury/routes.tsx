import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const treasuryRoutes: RouteObject[] = [
  { path: 'treasury', lazy: lazyPage(() => import('./JournalPage'), 'JournalPage') },
  { path: 'treasury/accounts', lazy: lazyPage(() => import('./AccountsPage'), 'AccountsPage') },
  { path: 'treasury/year', lazy: lazyPage(() => import('./YearPage'), 'YearPage') },
  { path: 'treasury/agreements/:id', lazy: lazyPage(() => import('./AgreementReportPage'), 'AgreementReportPage') },
];
