import type { RouteObject } from 'react-router';
import { EditBeneficiaryPage, NewBeneficiaryPage } from './BeneficiaryFormPage';
import { BeneficiaryListPage } from './BeneficiaryListPage';
import { DuplicatesPage } from './DuplicatesPage';
import { PersonPage } from './PersonPage';

export const beneficiaryRoutes: RouteObject[] = [
  { path: 'beneficiaries', element: <BeneficiaryListPage /> },
  { path: 'beneficiaries/new', element: <NewBeneficiaryPage /> },
  { path: 'beneficiaries/duplicates', element: <DuplicatesPage /> },
  { path: 'beneficiaries/:id', element: <PersonPage /> },
  { path: 'beneficiaries/:id/edit', element: <EditBeneficiaryPage /> },
];
