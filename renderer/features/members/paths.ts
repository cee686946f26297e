export const membersPath = '/members';
export const newMemberPath = '/members/new';
export const duesListPath = '/members/dues';
export const assembliesPath = '/members/assemblies';
export const memberPath = (id: string) => `/members/${id}`;
export const editMemberPath = (id: string) => `/members/${id}/edit`;
export const memberCardPath = (id: string) => `/members/${id}/card`;
export const receiptPath = (paymentId: string) => `/members/receipts/${paymentId}`;
