import type { RouteObject } from 'react-router';
import { AssembliesPage } from './AssembliesPage';
import { DuesListPage } from './DuesListPage';
import { MemberCardPage } from './MemberCardPage';
import { EditMemberPage, NewMemberPage } from './MemberFormPage';
import { MemberListPage } from './MemberListPage';
import { MemberPage } from './MemberPage';
import { ReceiptPage } from './ReceiptPage';

export const memberRoutes: RouteObject[] = [
  { path: 'members', element: <MemberListPage /> },
  { path: 'members/new', element: <NewMemberPage /> },
  { path: 'members/dues', element: <DuesListPage /> },
  { path: 'members/assemblies', element: <AssembliesPage /> },
  { path: 'members/receipts/:paymentId', element: <ReceiptPage /> },
  { path: 'members/:id', element: <MemberPage /> },
  { path: 'members/:id/edit', element: <EditMemberPage /> },
  { path: 'members/:id/card', element: <MemberCardPage /> },
];
