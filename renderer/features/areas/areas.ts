import { GRANTS_ROLES, TREASURY_ROLES, type Role } from '../../../electron/contract';

/** The areas of the shell, in menu order; each gets its own feature folder as it is built. */
export const areas = ['beneficiaries', 'activities', 'grants', 'treasury', 'members', 'cooperatives', 'reports'] as const;
export type Area = (typeof areas)[number];

/**
 * Areas whose every operation is refused to some roles (the core decides; this only keeps the menu
 * from offering a page that would answer "forbidden").
 */
const restricted: Partial<Record<Area | 'home' | 'settings' | 'about', readonly Role[]>> = {
  grants: GRANTS_ROLES,
  treasury: TREASURY_ROLES,
};

export function canSeeArea(area: Area | 'home' | 'settings' | 'about', role: Role): boolean {
  return restricted[area]?.includes(role) ?? true;
}
