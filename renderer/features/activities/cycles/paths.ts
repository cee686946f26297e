export { certificatesRoute as certificatesPath } from '../../../../electron/contract';
export const cyclesPath = '/activities/cycles';
export const newCyclePath = '/activities/cycles/new';
export const cyclePath = (id: string) => `/activities/cycles/${id}`;
export const editCyclePath = (id: string) => `/activities/cycles/${id}/edit`;
