import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const memberRoutes: RouteObject[] = [
  { path: 'members', lazy: lazyPage(() => import('./MemberListPage'), 'MemberListPage') },
  { path: 'members/new', lazy: lazyPage(() => import('./MemberFormPage'), 'NewMemberPage') },
  { path: 'members/dues', lazy: lazyPage(() => import('./DuesListPage'), 'DuesListPage') },
  { path: 'members/assemblies', lazy: lazyPage(() => import('./AssembliesPage'), 'AssembliesPage') },
  { path: 'members/receipts/:paymentId', lazy: lazyPage(() => import('./ReceiptPage'), 'ReceiptPage') },
  { path: 'members/:id', lazy: lazyPage(() => import('./MemberPage'), 'MemberPage') },
  { path: 'members/:id/edit', lazy: lazyPage(() => import('./MemberFormPage'), 'EditMemberPage') },
  { path: 'members/:id/card', lazy: lazyPage(() => import('./MemberCardPage'), 'MemberCardPage') },
];
