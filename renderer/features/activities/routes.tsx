import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const activityRoutes: RouteObject[] = [
  { path: 'activities', lazy: lazyPage(() => import('./ActivityListPage'), 'ActivityListPage') },
  { path: 'activities/new', lazy: lazyPage(() => import('./ActivityFormPage'), 'NewActivityPage') },
  { path: 'activities/statistics', lazy: lazyPage(() => import('./StatisticsPage'), 'StatisticsPage') },
  { path: 'activities/outreach', lazy: lazyPage(() => import('./outreach/OutreachPage'), 'OutreachPage') },
  { path: 'activities/cycles', lazy: lazyPage(() => import('./cycles/CyclesPage'), 'CyclesPage') },
  { path: 'activities/cycles/new', lazy: lazyPage(() => import('./cycles/CycleFormPage'), 'NewCyclePage') },
  { path: 'activities/cycles/:cycleId', lazy: lazyPage(() => import('./cycles/CyclePage'), 'CyclePage') },
  { path: 'activities/cycles/:cycleId/edit', lazy: lazyPage(() => import('./cycles/CycleFormPage'), 'EditCyclePage') },
  { path: 'activities/certificates', lazy: lazyPage(() => import('./cycles/CertificatesPage'), 'CertificatesPage') },
  { path: 'activities/:id', lazy: lazyPage(() => import('./ActivityPage'), 'ActivityPage') },
  { path: 'activities/:id/edit', lazy: lazyPage(() => import('./ActivityFormPage'), 'EditActivityPage') },
  { path: 'activities/:id/sessions/:sessionId/attendance', lazy: lazyPage(() => import('./AttendancePage'), 'AttendancePage') },
  { path: 'activities/:id/sessions/:sessionId/sheet', lazy: lazyPage(() => import('./SheetPage'), 'SheetPage') },
  { path: 'activities/:id/sheets', lazy: lazyPage(() => import('./AllSheetsPage'), 'AllSheetsPage') },
];
