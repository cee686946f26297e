import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/** The list is the first screen after sign-in: the sign-in screens load it ahead. */
export const loadBeneficiaryList = () => import('./BeneficiaryListPage');

export const beneficiaryRoutes: RouteObject[] = [
  { path: 'beneficiaries', lazy: lazyPage(loadBeneficiaryList, 'BeneficiaryListPage') },
  { path: 'beneficiaries/new', lazy: lazyPage(() => import('./BeneficiaryFormPage'), 'NewBeneficiaryPage') },
  { path: 'beneficiaries/duplicates', lazy: lazyPage(() => import('./DuplicatesPage'), 'DuplicatesPage') },
  { path: 'beneficiaries/:id', lazy: lazyPage(() => import('./PersonPage'), 'PersonPage') },
  { path: 'beneficiaries/:id/edit', lazy: lazyPage(() => import('./BeneficiaryFormPage'), 'EditBeneficiaryPage') },
];
