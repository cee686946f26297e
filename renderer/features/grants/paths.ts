export const grantsPath = '/grants';
export const newAgreementPath = '/grants/agreements/new';
export const agreementPath = (id: string) => `/grants/agreements/${id}`;
export const editAgreementPath = (id: string) => `/grants/agreements/${id}/edit`;
export const callPath = (id: string) => `/grants/calls/${id}`;
/** From a selected application, the form opens with its recipient, call and amount. */
export const newSubGrantPath = (agreementId: string, from?: { callId: string; applicationId: string }) =>
  `/grants/agreements/${agreementId}/sub-grants/new${from ? `?call=${from.callId}&application=${from.applicationId}` : ''}`;
export const subGrantPath = (id: string) => `/grants/sub-grants/${id}`;
export const editSubGrantPath = (id: string) => `/grants/sub-grants/${id}/edit`;
export const statementPath = (id: string) => `/grants/sub-grants/${id}/statement`;
export const fundersPath = '/grants/funders';
export const recipientsPath = '/grants/recipients';
export const ratesPath = '/grants/rates';
/** The dashboard showing only what is late: every agreement's, or one agreement's. */
export const lateGrantsPath = (agreementId?: string) => `/grants?late=1${agreementId ? `&agreement=${agreementId}` : ''}`;
/** A sub-grant's page, opened at the list of what is late in it. */
export const lateSubGrantPath = (id: string) => `${subGrantPath(id)}?late=1`;
