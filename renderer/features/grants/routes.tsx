import type { RouteObject } from 'react-router';
import { AgreementPage } from './AgreementPage';
import { EditAgreementPage, NewAgreementPage } from './AgreementFormPage';
import { CallPage } from './CallPage';
import { DashboardPage } from './DashboardPage';
import { FundersPage } from './FundersPage';
import { RatesPage } from './RatesPage';
import { RecipientsPage } from './RecipientsPage';
import { StatementPage } from './StatementPage';
import { EditSubGrantPage, NewSubGrantPage } from './SubGrantFormPage';
import { SubGrantPage } from './SubGrantPage';

export const grantsRoutes: RouteObject[] = [
  { path: 'grants', element: <DashboardPage /> },
  { path: 'grants/funders', element: <FundersPage /> },
  { path: 'grants/recipients', element: <RecipientsPage /> },
  { path: 'grants/rates', element: <RatesPage /> },
  { path: 'grants/agreements/new', element: <NewAgreementPage /> },
  { path: 'grants/agreements/:id', element: <AgreementPage /> },
  { path: 'grants/agreements/:id/edit', element: <EditAgreementPage /> },
  { path: 'grants/agreements/:agreementId/sub-grants/new', element: <NewSubGrantPage /> },
  { path: 'grants/calls/:id', element: <CallPage /> },
  { path: 'grants/sub-grants/:id', element: <SubGrantPage /> },
  { path: 'grants/sub-grants/:id/edit', element: <EditSubGrantPage /> },
  { path: 'grants/sub-grants/:id/statement', element: <StatementPage /> },
];
