export const cooperativesPath = '/cooperatives';
export const newCooperativePath = '/cooperatives/new';
export const cooperativePath = (id: string) => `/cooperatives/${id}`;
export const editCooperativePath = (id: string) => `/cooperatives/${id}/edit`;
