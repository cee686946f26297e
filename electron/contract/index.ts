import { activitiesOps } from './activities';
import { attachmentsOps } from './attachments';
import { backupsOps } from './backups';
import { importOps } from './beneficiary-import';
import { beneficiariesOps } from './beneficiaries';
import { caseFollowUpOps } from './case-follow-up';
import { caseLifecycleOps } from './case-lifecycle';
import { exchangeOps, referralFileOps } from './exchange';
import { exportsOps } from './exports';
import { homeOps } from './home';
import { partnerMapOps } from './partner-map';
import { grantsOps } from './grants';
import { cooperativesOps } from './cooperatives';
import { employmentOps } from './employment';
import { jobsOps } from './jobs';
import { lookupsOps } from './lookups';
import { massEventsOps } from './mass-events';
import { membersOps } from './members';
import type { InputOf, OutputOf } from './operation';
import { reportsOps } from './reports';
import { securityOps } from './security';
import { sessionOps } from './session';
import { servicesOps } from './services';
import { settingsOps } from './settings';
import { treasuryOps } from './treasury';
import { trainingCyclesOps } from './training-cycles';
import { usersOps } from './users';

export const operations = {
  ...sessionOps,
  ...usersOps,
  ...settingsOps,
  ...lookupsOps,
  ...beneficiariesOps,
  ...importOps,
  ...caseFollowUpOps,
  ...caseLifecycleOps,
  ...homeOps,
  ...exchangeOps,
  ...referralFileOps,
  ...partnerMapOps,
  ...activitiesOps,
  ...massEventsOps,
  ...trainingCyclesOps,
  ...attachmentsOps,
  ...grantsOps,
  ...membersOps,
  ...treasuryOps,
  ...servicesOps,
  ...cooperativesOps,
  ...employmentOps,
  ...jobsOps,
  ...reportsOps,
  ...exportsOps,
  ...backupsOps,
  ...securityOps,
};

export type Operations = typeof operations;
export type OpName = keyof Operations;
export type OpInput<K extends OpName> = InputOf<Operations[K]>;
export type OpOutput<K extends OpName> = OutputOf<Operations[K]>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

export * from './activities';
export * from './attachments';
export * from './backups';
export * from './beneficiaries';
export * from './beneficiary-import';
export * from './jobs';
export * from './case-follow-up';
export * from './case-lifecycle';
export * from './cooperatives';
export * from './dates';
export * from './employment';
export * from './full-name';
export * from './rejected-file';
export * from './errors';
export * from './exchange';
export * from './exports';
export * from './grants';
export * from './home';
export * from './lookups';
export * from './mass-events';
export * from './members';
export * from './operation';
export * from './partner-map';
export * from './print-routes';
export * from './reports';
export * from './roles';
export * from './security';
export * from './session';
export * from './services';
export * from './settings';
export * from './treasury';
export * from './training-cycles';
export * from './users';
export * from './validation';
