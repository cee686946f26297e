/** The follow-up dashboard with only the procedures the signed-in person leads (or nobody does). */
export const myFollowUpPath = '/follow-up?mine=1';
