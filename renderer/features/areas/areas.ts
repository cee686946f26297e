/** The areas of the shell, in menu order; each gets its own feature folder as it is built. */
export const areas = ['beneficiaries', 'activities', 'grants', 'members', 'cooperatives', 'reports'] as const;
export type Area = (typeof areas)[number];
