export const listPath = '/beneficiaries';
export const newPath = '/beneficiaries/new';
export const duplicatesPath = '/beneficiaries/duplicates';
/** Routes of the other half of the area (renderer/features/case-follow-up). */
export const importPath = '/beneficiaries/import';
export const followUpPath = '/follow-up';

export const beneficiaryPath = (id: string) => `/beneficiaries/${encodeURIComponent(id)}`;
export const editPath = (id: string) => `${beneficiaryPath(id)}/edit`;
