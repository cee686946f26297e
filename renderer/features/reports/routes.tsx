import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const reportRoutes: RouteObject[] = [{ path: 'reports', lazy: lazyPage(() => import('./ReportsPage'), 'ReportsPage') }];
