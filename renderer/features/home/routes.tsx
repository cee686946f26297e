import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

export const loadHomePage = () => import('./HomePage');

export const homeRoutes: RouteObject[] = [
  { path: 'home', lazy: lazyPage(loadHomePage, 'HomePage') },
  { path: 'about', lazy: lazyPage(() => import('./AboutPage'), 'AboutPage') },
];
