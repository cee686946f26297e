export { allSheetsRoute as allSheetsPath } from '../../../electron/contract';
export const activitiesPath = '/activities';
export const newActivityPath = '/activities/new';
export const statisticsPath = '/activities/statistics';
export const outreachPath = '/activities/outreach';
export const activityPath = (id: string) => `/activities/${id}`;
export const attendancePath = (activityId: string, sessionId: string) => `/activities/${activityId}/sessions/${sessionId}/attendance`;
/** The attendance screen opened to copy a signed sheet: the same screen, with a word on the order. */
export const attendanceFromSheetPath = (activityId: string, sessionId: string) => `${attendancePath(activityId, sessionId)}?from=sheet`;
export const sheetPath = (activityId: string, sessionId: string) => `/activities/${activityId}/sessions/${sessionId}/sheet`;
export const editActivityPath = (id: string) => `/activities/${id}/edit`;
