import { z } from 'zod';
import { defineOp } from './operation';

// The page each person lands on after signing in: a few counts, each leading to its list.

/** "This week" on the home page: today and the six days after it. */
export const HOME_WEEK_DAYS = 7;

export interface HomeSession {
  sessionId: string;
  activityId: string;
  activityTitle: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
}

export interface HomeNextStep {
  procedureId: string;
  beneficiaryId: string;
  reference: string;
  displayName: string;
  procedureType: string;
  nextStep: string | null;
  nextStepDue: string;
}

/** What a new association has still to do; each is true once done. */
export interface HomeChecklist {
  peopleRecorded: boolean;
  usersAdded: boolean;
  logoSet: boolean;
  activityPlanned: boolean;
  backupFolderChosen: boolean;
}

export interface HomeSummary {
  today: string;
  /** Open procedures whose next step falls due this week, led by the signed-in person or by nobody. */
  myNextSteps: HomeNextStep[];
  /** Open procedures whose next step is already past due (anyone's). */
  overdueNextSteps: number;
  sessionsToday: HomeSession[];
  sessionsTomorrow: HomeSession[];
  /** People with an open procedure and no news for NOT_SEEN_DAYS, as on the follow-up dashboard. */
  notSeen: number;
  /** Distinct people marked present at a session this calendar month. */
  peopleThisMonth: number;
  /** People recorded this calendar month. */
  newPeopleThisMonth: number;
  /** Activities with at least one session held this calendar month. */
  activitiesThisMonth: number;
  checklist: HomeChecklist;
}

export const homeOps = {
  'home.summary': defineOp<HomeSummary>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
};
