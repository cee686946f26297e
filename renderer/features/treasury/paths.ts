export const journalPath = '/treasury';
export const accountsPath = '/treasury/accounts';
export const yearPath = '/treasury/year';
export const agreementReportPath = (id: string) => `/treasury/agreements/${id}`;
