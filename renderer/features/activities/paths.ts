export const activitiesPath = '/activities';
export const newActivityPath = '/activities/new';
export const activityPath = (id: string) => `/activities/${id}`;
export const attendancePath = (activityId: string, sessionId: string) => `/activities/${activityId}/sessions/${sessionId}/attendance`;
export const sheetPath = (activityId: string, sessionId: string) => `/activities/${activityId}/sessions/${sessionId}/sheet`;
export const allSheetsPath = (activityId: string) => `/activities/${activityId}/sheets`;
export const editActivityPath = (id: string) => `/activities/${id}/edit`;
