import type { RouteObject } from 'react-router';

export const caseFollowUpRoutes: RouteObject[] = [];
