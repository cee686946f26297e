import type { RouteObject } from 'react-router';
import { AllSheetsPage } from './AllSheetsPage';
import { EditActivityPage, NewActivityPage } from './ActivityFormPage';
import { ActivityListPage } from './ActivityListPage';
import { ActivityPage } from './ActivityPage';
import { AttendancePage } from './AttendancePage';
import { SheetPage } from './SheetPage';
import { StatisticsPage } from './StatisticsPage';

export const activityRoutes: RouteObject[] = [
  { path: 'activities', element: <ActivityListPage /> },
  { path: 'activities/new', element: <NewActivityPage /> },
  { path: 'activities/statistics', element: <StatisticsPage /> },
  { path: 'activities/:id', element: <ActivityPage /> },
  { path: 'activities/:id/edit', element: <EditActivityPage /> },
  { path: 'activities/:id/sessions/:sessionId/attendance', element: <AttendancePage /> },
  { path: 'activities/:id/sessions/:sessionId/sheet', element: <SheetPage /> },
  { path: 'activities/:id/sheets', element: <AllSheetsPage /> },
];
