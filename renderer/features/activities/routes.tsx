import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const activityRoutes: RouteObject[] = [
  { path: 'activities', lazy: lazyPage(() => import('./ActivityListPage'), 'ActivityListPage') },
  { path: 'activities/new', lazy: lazyPage(() => import('./ActivityFormPage'), 'NewActivityPage') },
  { path: 'activities/statistics', lazy: lazyPage(() => import('./StatisticsPage'), 'StatisticsPage') },
  { path: 'activities/:id', lazy: lazyPage(() => import('./ActivityPage'), 'ActivityPage') },
  { path: 'activities/:id/edit', lazy: lazyPage(() => import('./ActivityFormPage'), 'EditActivityPage') },
  { path: 'activities/:id/sessions/:sessionId/attendance', lazy: lazyPage(() => import('./AttendancePage'), 'AttendancePage') },
  { path: 'activities/:id/sessions/:sessionId/sheet', lazy: lazyPage(() => import('./SheetPage'), 'SheetPage') },
  { path: 'activities/:id/sheets', lazy: lazyPage(() => import('./AllSheetsPage'), 'AllSheetsPage') },
];
