import type { RouteObject } from 'react-router';

export const beneficiaryRoutes: RouteObject[] = [];
