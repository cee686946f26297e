import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const cooperativeRoutes: RouteObject[] = [
  { path: 'cooperatives', lazy: lazyPage(() => import('./CooperativeListPage'), 'CooperativeListPage') },
  { path: 'cooperatives/new', lazy: lazyPage(() => import('./CooperativeFormPage'), 'NewCooperativePage') },
  { path: 'cooperatives/:id', lazy: lazyPage(() => import('./CooperativePage'), 'CooperativePage') },
  { path: 'cooperatives/:id/edit', lazy: lazyPage(() => import('./CooperativeFormPage'), 'EditCooperativePage') },
];
