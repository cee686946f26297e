import type { RouteObject } from 'react-router';
import { EditCooperativePage, NewCooperativePage } from './CooperativeFormPage';
import { CooperativeListPage } from './CooperativeListPage';
import { CooperativePage } from './CooperativePage';

export const cooperativeRoutes: RouteObject[] = [
  { path: 'cooperatives', element: <CooperativeListPage /> },
  { path: 'cooperatives/new', element: <NewCooperativePage /> },
  { path: 'cooperatives/:id', element: <CooperativePage /> },
  { path: 'cooperatives/:id/edit', element: <EditCooperativePage /> },
];
