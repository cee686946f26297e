import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const grantsRoutes: RouteObject[] = [
  { path: 'grants', lazy: lazyPage(() => import('./DashboardPage'), 'DashboardPage') },
  { path: 'grants/funders', lazy: lazyPage(() => import('./FundersPage'), 'FundersPage') },
  { path: 'grants/recipients', lazy: lazyPage(() => import('./RecipientsPage'), 'RecipientsPage') },
  { path: 'grants/rates', lazy: lazyPage(() => import('./RatesPage'), 'RatesPage') },
  { path: 'grants/agreements/new', lazy: lazyPage(() => import('./AgreementFormPage'), 'NewAgreementPage') },
  { path: 'grants/agreements/:id', lazy: lazyPage(() => import('./AgreementPage'), 'AgreementPage') },
  { path: 'grants/agreements/:id/edit', lazy: lazyPage(() => import('./AgreementFormPage'), 'EditAgreementPage') },
  { path: 'grants/agreements/:agreementId/sub-grants/new', lazy: lazyPage(() => import('./SubGrantFormPage'), 'NewSubGrantPage') },
  { path: 'grants/calls/:id', lazy: lazyPage(() => import('./CallPage'), 'CallPage') },
  { path: 'grants/sub-grants/:id', lazy: lazyPage(() => import('./SubGrantPage'), 'SubGrantPage') },
  { path: 'grants/sub-grants/:id/edit', lazy: lazyPage(() => import('./SubGrantFormPage'), 'EditSubGrantPage') },
  { path: 'grants/sub-grants/:id/statement', lazy: lazyPage(() => import('./StatementPage'), 'StatementPage') },
];
