import { todayIso, type OpName, type Operations, type OpOutput, type ParsedInputOf } from '../contract';
import type { CoreContext, SignedInContext, WriteTx } from './context';
import { addLogo, listLogos, removeLogo, setLogoFunder } from './activities/logos';
import { savePdf } from './activities/print';
import * as activities from './activities/service';
import * as headCounts from './activities/head-counts';
import * as outreach from './outreach/service';
import * as signedSheets from './activities/signed-sheets';
import { getAttachment } from './attachments/service';
import { exportAudit, listAudit } from './audit/service';
import { recordingErasure } from './backups/erasures';
import * as backups from './backups/service';
import { restoreBackup } from './backups/restore';
import { importBeneficiaries, importValueQuestions, previewImport } from './beneficiaries/import/service';
import { markDifferent } from './beneficiaries/dismissals';
import { backedUpMerge } from './beneficiaries/merge';
import { answeredTo } from './beneficiaries/sensitive';
import * as beneficiaries from './beneficiaries/service';
import { followUpDashboard } from './case-follow-up/dashboard';
import { homeSummary } from './home/summary';
import * as followUp from './case-follow-up/service';
import * as caseLifecycle from './case-lifecycle/service';
import * as cooperatives from './cooperatives/service';
import * as employment from './employment/service';
import * as dues from './members/dues';
import { assemblyQuorum, attachMinutes, getMinutes, listAssemblies } from './members/quorum';
import * as members from './members/service';
import { agreementReportXlsx, journalFile } from './treasury/exports';
import { agreementReport, yearStatement } from './treasury/figures';
import * as treasury from './treasury/service';
import { issueCertificates } from './training-cycles/certificates';
import * as cycles from './training-cycles/service';
import { createDemoFile } from './demo/generator';
import { AppError } from './errors';
import * as referralFiles from './exchange/referral-files';
import * as exchange from './exchange/service';
import * as partnerMap from './exchange/partner-map-service';
import { readPartnerSheet } from './exchange/partner-sheet';
import { exportList } from './exports/service';
import * as grants from './grants/service';
import { listLookups, saveLookup } from './lookups/repository';
import * as reports from './reports/service';
import { buildFunderPack, listFunderPacks, recordPackSent } from './reports/pack';
import { setIndicatorMeasure, setIndicatorResult } from './reports/targets';
import * as security from './security/service';
import * as services from './services/service';
import * as session from './session/service';
import { getAssociationDetails, getSettings, updateAssociationDetails, updateSettings } from './settings/service';
import { createUser, removeUser, resetPassword } from './users/service';
import { listActiveUsers } from './users/repository';

type In<K extends OpName> = ParsedInputOf<Operations[K]>;
type Ctx<K extends OpName> = Operations[K]['access'] extends 'public' ? CoreContext : SignedInContext;

/** A write returns the work to do inside the transaction, after any slow preparation (key wrapping). */
export type TxWork<O> = (tx: WriteTx) => O;

export type Handler<K extends OpName> = Operations[K]['kind'] extends 'write'
  ? (input: In<K>, ctx: SignedInContext) => TxWork<OpOutput<K>> | Promise<TxWork<OpOutput<K>>>
  : (input: In<K>, ctx: Ctx<K>) => OpOutput<K> | Promise<OpOutput<K>>;

/** The one table both transports serve: every operation of the contract has exactly one handler. */
export const handlers: { [K in OpName]: Handler<K> } = {
  'app.status': (_input, ctx) => session.status(ctx),
  'app.setLocale': (input, ctx) => session.setLocale(ctx, input.locale),
  'file.inspect': (input) => session.inspect(input.path),
  'file.pickFile': async (_input, ctx) => {
    if (!ctx.host.pickFile) throw new AppError('not_supported');
    return { path: await ctx.host.pickFile() };
  },
  'file.pickDirectory': async (_input, ctx) => {
    if (!ctx.host.pickDirectory) throw new AppError('not_supported');
    return { path: await ctx.host.pickDirectory() };
  },
  'file.create': (input, ctx) => session.createFile(ctx, input),
  'file.open': (input, ctx) => session.open(ctx, input),
  'file.recover': (input, ctx) => session.recover(ctx, input),
  'file.openDemo': async (_input, ctx) => ({
    path: await createDemoFile(ctx.host.dataDir, { nativeBinding: ctx.host.nativeBinding, now: ctx.now() }),
  }),
  'session.lock': (_input, ctx) => session.lock(ctx),
  'file.integrity': (_input, ctx) => session.integrity(ctx),
  'session.changePassword': (input, ctx) => session.changePassword(ctx, input),
  'users.list': (_input, ctx) => listActiveUsers(ctx.session.file.db),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.resetPassword': (input, ctx) => resetPassword(ctx, input),
  'users.remove': (input, ctx) => removeUser(ctx, input.userId),
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
  'association.details': (_input, ctx) => getAssociationDetails(ctx),
  'association.updateDetails': (input) => updateAssociationDetails(input),
  'lookups.list': (input, ctx) => listLookups(ctx.session.file.db, input.list),
  'lookups.save': (input) => (tx) => {
    saveLookup(tx.db, input, tx.at);
    tx.audit(`${input.list}:${input.code}`);
    return input;
  },
  'beneficiaries.search': (input, ctx) => beneficiaries.search(ctx, input),
  'beneficiaries.get': (input, ctx) => beneficiaries.getOne(ctx, input.id),
  'beneficiaries.findDuplicates': (input, ctx) =>
    beneficiaries.findDuplicates(ctx.session.file.db, input.input, input.excludeId),
  'beneficiaries.create': (input) => answeredTo(beneficiaries.createBeneficiary(input)),
  'beneficiaries.update': (input) => answeredTo(beneficiaries.updateBeneficiary(input.id, input.input)),
  'beneficiaries.archive': (input, ctx) => answeredTo(caseLifecycle.archiveWithReason(ctx, input, beneficiaries.setArchived(input.id, true))),
  'beneficiaries.restore': (input) => answeredTo(beneficiaries.setArchived(input.id, false)),
  'beneficiaries.withdrawConsent': (input, ctx) =>
    answeredTo(
      recordingErasure(ctx.session.file, beneficiaries.withdrawConsent(input.id), (tx) => ({
        kind: 'consentWithdrawn',
        beneficiaryId: input.id,
        at: tx.at,
      })),
    ),
  'beneficiaries.duplicatePairs': (_input, ctx) => beneficiaries.duplicatePairs(ctx.session.file.db),
  'beneficiaries.markDifferent': (input) => markDifferent(input.a, input.b),
  'beneficiaries.merge': (input, ctx) =>
    answeredTo(
      recordingErasure(ctx.session.file, backedUpMerge(ctx, input.survivorId, input.mergedId), (tx) => ({
        kind: 'merged',
        beneficiaryId: input.mergedId,
        survivorId: input.survivorId,
        at: tx.at,
      })),
    ),
  'beneficiaries.importPreview': (input) => previewImport(input),
  'beneficiaries.importValues': (input, ctx) => importValueQuestions(ctx, input),
  'beneficiaries.import': (input, ctx) => importBeneficiaries(ctx, input),
  'jobs.progress': (input, ctx) => ctx.jobs.get(input.jobId),
  'reports.indicators': (input, ctx) => reports.indicatorReport(ctx, input),
  'reports.exportXlsx': (input, ctx) => reports.indicatorReportXlsx(ctx, input),
  'reports.setIndicatorMeasure': (input) => setIndicatorMeasure(input),
  'reports.setIndicatorResult': (input) => setIndicatorResult(input),
  'reports.funderPack': (input, ctx) => buildFunderPack(ctx, input),
  'reports.funderPacks': (input, ctx) => listFunderPacks(ctx, input.agreementId),
  'reports.recordPackSent': (input) => recordPackSent(input),
  'exports.list': (input, ctx) => exportList(ctx, input, null),
  'exports.namedList': (input, ctx) => exportList(ctx, input, input.purpose),
  'caseNotes.list': (input, ctx) => followUp.listNotes(ctx, input.beneficiaryId),
  'caseNotes.add': (input, ctx) => followUp.addNote(ctx, input),
  'procedures.list': (input, ctx) => followUp.listProcedures(ctx, input.beneficiaryId),
  'procedures.save': (input, ctx) => followUp.saveProcedure(ctx, input),
  'partners.list': (input, ctx) => followUp.listPartners(ctx, input.includeArchived),
  'partners.save': (input) => followUp.savePartner(input),
  'partners.archive': (input) => followUp.setPartnerArchived(input.id, true),
  'partners.restore': (input) => followUp.setPartnerArchived(input.id, false),
  'identity.card': (_input, ctx) => exchange.ourCard(ctx),
  'partners.card': (input, ctx) => exchange.partnerCard(ctx, input.partnerId),
  'partners.importCard': (input) => exchange.importCard(input),
  'partners.confirmCard': (input) => exchange.confirmCard(input),
  'partners.exportMap': (_input, ctx) => partnerMap.exportPartnerMap(ctx),
  'partners.readSheet': (input) => readPartnerSheet(input.fileName, input.contentBase64),
  'partners.previewMerge': (input, ctx) => partnerMap.previewPartnerMerge(ctx, input.source),
  'partners.importMerge': (input) => partnerMap.importPartnerMerge(input),
  'referrals.list': (input, ctx) => followUp.listReferrals(ctx, input.beneficiaryId),
  'referrals.search': (input, ctx) => followUp.searchReferrals(ctx, input),
  'referrals.save': (input, ctx) => followUp.saveReferral(ctx, input),
  'referrals.sendFile': (input) => referralFiles.sendReferralFile(input),
  'referrals.receiveFile': (input) => referralFiles.receiveReferralFile(input),
  'referrals.incoming.list': (_input, ctx) => referralFiles.listIncomingReferrals(ctx),
  'referrals.incoming.get': (input, ctx) => referralFiles.getIncomingReferral(ctx, input.id),
  'referrals.incoming.link': (input) => referralFiles.linkIncomingReferral(input),
  'referrals.incoming.answer': (input) => referralFiles.answerIncomingReferral(input),
  'referrals.importReply': (input) => referralFiles.importReplyFile(input),
  'followUp.dashboard': (input, ctx) => followUpDashboard(ctx, input.mine),
  'cases.lifecycle': (input, ctx) => caseLifecycle.readLifecycle(ctx, input.beneficiaryId),
  'cases.close': (input, ctx) => caseLifecycle.closeCase(ctx, input),
  'cases.reopen': (input, ctx) => caseLifecycle.reopenCase(ctx, input),
  'intakeNeeds.list': (input, ctx) => caseLifecycle.listNeeds(ctx, input.beneficiaryId),
  'intakeNeeds.save': (input) => caseLifecycle.saveNeeds(input),
  'intakeNeeds.setMet': (input, ctx) => caseLifecycle.markNeedMet(ctx, input),
  'home.summary': (_input, ctx) => homeSummary(ctx),
  'activities.list': (input, ctx) => activities.listActivities(ctx, input),
  'activities.get': (input, ctx) => activities.getActivityDetail(ctx, input.id),
  'activities.save': (input) => activities.saveActivity(input),
  'activities.archive': (input) => activities.setActivityArchived(input.id, true),
  'activities.restore': (input) => activities.setActivityArchived(input.id, false),
  'activities.delete': (input) => activities.deleteActivity(input.id),
  'activities.repeatCheck': (input, ctx) => activities.repeatCheck(ctx, input.activityId, input.beneficiaryId),
  'activities.statistics': (input, ctx) => activities.statistics(ctx, input),
  'sessions.save': (input, ctx) => activities.saveSession(ctx, input),
  'sessions.delete': (input) => activities.deleteSession(input.id),
  'sessions.previewSchedule': (input, ctx) => activities.previewSchedule(ctx, input.activityId, input.schedule),
  'sessions.generate': (input) => activities.generateSessions(input.activityId, input.schedule),
  'sessions.attachSignedSheet': (input) => signedSheets.attachSignedSheet(input.sessionId, input.file),
  'sessions.signedSheets': (input, ctx) => signedSheets.listSignedSheets(ctx, input.activityId),
  'sessions.signedSheet': (input, ctx) => signedSheets.getSignedSheet(ctx, input.id),
  'sessions.removeSignedSheet': (input) => signedSheets.removeSignedSheet(input.id),
  'registrations.list': (input, ctx) => activities.listRegistrations(ctx, input.activityId),
  'registrations.add': (input) => activities.addRegistrations(input.activityId, input.beneficiaryIds),
  'registrations.addMember': (input) => activities.addMember(input),
  'registrations.remove': (input) => activities.removeRegistration(input.activityId, input.beneficiaryId),
  'registrations.walkIn': (input, ctx) => activities.walkIn(ctx, input),
  'logos.list': (_input, ctx) => listLogos(ctx.session.file.db),
  'logos.add': (input) => addLogo(input),
  'logos.remove': (input) => removeLogo(input.id),
  'logos.setFunder': (input) => setLogoFunder(input),
  'print.savePdf': (input, ctx) => savePdf(ctx, input.fileName),
  'attendance.get': (input, ctx) => activities.getAttendance(ctx, input.sessionId),
  'attendance.mark': (input, ctx) => activities.markAttendance(ctx, input),
  'attendance.markAllPresent': (input, ctx) => activities.markAllPresent(ctx, input),
  'attendance.counts': (input, ctx) => headCounts.getHeadCounts(ctx, input.sessionId),
  'attendance.saveCounts': (input, ctx) => headCounts.saveHeadCounts(ctx, input),
  'sessions.setCountOnly': (input, ctx) => headCounts.setCountOnly(ctx, input),
  'outreach.list': (input, ctx) => outreach.listOutreach(ctx, input),
  'outreach.get': (input, ctx) => outreach.getOne(ctx, input.id),
  'outreach.save': (input) => outreach.saveOutreach(input),
  'outreach.archive': (input) => outreach.setArchived(input.id, true),
  'outreach.restore': (input) => outreach.setArchived(input.id, false),
  'cycles.list': (input, ctx) => cycles.listCycles(ctx, input.archived),
  'cycles.get': (input, ctx) => cycles.getCycleDetail(ctx, input.id),
  'cycles.save': (input) => cycles.saveCycle(input),
  'cycles.archive': (input) => cycles.setCycleArchived(input.id, true),
  'cycles.restore': (input) => cycles.setCycleArchived(input.id, false),
  'certificates.issue': (input) => issueCertificates(input),
  'members.list': (input, ctx) => members.listMembers(ctx, input),
  'members.get': (input, ctx) => members.getMemberDetail(ctx, input.id),
  'members.byBeneficiary': (input, ctx) => members.memberOfBeneficiary(ctx, input.beneficiaryId),
  'members.save': (input) => members.saveMember(input),
  'members.archive': (input) => members.setMemberArchived(input.id, true),
  'members.restore': (input) => members.setMemberArchived(input.id, false),
  'members.applyStatusRule': (_input, ctx) => members.applyStatusRule(ctx),
  'members.assemblies': (_input, ctx) => listAssemblies(ctx),
  'members.quorum': (input, ctx) => assemblyQuorum(ctx, input.activityId),
  'dues.fees': (_input, ctx) => dues.listYearFees(ctx),
  'dues.setFees': (input) => dues.setFees(input),
  'dues.pay': (input) => dues.recordPayment(input),
  'dues.reverse': (input) => dues.reversePayment(input),
  'dues.receipt': (input, ctx) => dues.duesReceipt(ctx, input.paymentId),
  'dues.status': (input, ctx) => dues.duesStatus(ctx, input.year),
  'cooperatives.list': (input, ctx) => cooperatives.listCooperatives(ctx, input.archived),
  'cooperatives.pipeline': (_input, ctx) => cooperatives.pipeline(ctx),
  'cooperatives.get': (input, ctx) => cooperatives.getCooperativeDetail(ctx, input.id),
  'cooperatives.save': (input) => cooperatives.saveCooperative(input),
  'cooperatives.archive': (input) => cooperatives.setCooperativeArchived(input.id, true),
  'cooperatives.restore': (input) => cooperatives.setCooperativeArchived(input.id, false),
  'cooperatives.saveFounder': (input, ctx) => cooperatives.saveFounder(ctx, input),
  'cooperatives.removeFounder': (input) => cooperatives.removeFounder(input.id),
  'cooperatives.saveStep': (input, ctx) => cooperatives.saveStep(ctx, input),
  'cooperatives.undoStep': (input) => cooperatives.undoStep(input),
  'cooperatives.saveVisit': (input) => cooperatives.saveVisit(input),
  'cooperatives.template': (_input, ctx) => cooperatives.getTemplate(ctx),
  'cooperatives.saveTemplate': (input) => cooperatives.saveTemplate(input.steps),
  'cooperatives.attachDocument': (input) => cooperatives.attachDocument(input.stepId, input.file),
  'cooperatives.document': (input, ctx) => cooperatives.getDocument(ctx, input.id),
  'cooperatives.grants': (input, ctx) => cooperatives.cooperativeGrants(ctx, input.id),
  'employment.person': (input, ctx) => employment.personEmployment(ctx, input.beneficiaryId),
  'employment.saveRecord': (input) => employment.saveRecord(input),
  'employment.saveBusiness': (input) => employment.saveBusiness(input),
  'employment.setBusinessGrant': (input) => employment.setBusinessGrant(input),
  'employment.saveVisit': (input) => employment.saveVisit(input),
  'members.attachMinutes': (input) => attachMinutes(input.activityId, input.file),
  'members.minutes': (input, ctx) => getMinutes(ctx, input.id),
  'treasury.accounts.list': (input, ctx) => treasury.listAccounts(ctx, input.includeArchived),
  'treasury.accounts.save': (input) => treasury.saveAccount(input),
  'treasury.categories.list': (input, ctx) => treasury.listCategories(ctx, input.includeArchived),
  'treasury.categories.save': (input) => treasury.saveCategory(input),
  'treasury.entries.list': (input, ctx) => treasury.listEntries(ctx, input),
  'treasury.entries.add': (input) => treasury.addEntry(input),
  'treasury.entries.reverse': (input) => treasury.reverseEntry(input),
  'treasury.transfers.add': (input) => treasury.addTransfer(input),
  'treasury.entries.check': (input, ctx) => treasury.checkEntry(ctx, input),
  'treasury.tranches.get': (input, ctx) => treasury.getFunderTranches(ctx, input.agreementId),
  'treasury.tranches.plan': (input) => treasury.planFunderTranches(input),
  'treasury.tranches.receive': (input) => treasury.receiveFunderTranche(input),
  'treasury.years.list': (_input, ctx) => treasury.listClosedYears(ctx),
  'treasury.years.close': (input) => treasury.closeYear(input.year),
  'treasury.years.reopen': (input) => treasury.reopenYear(input.year),
  'treasury.agreementReport': (input, ctx) => agreementReport(ctx.session.file.db, input.agreementId, todayIso(ctx.now())),
  'treasury.agreementReportXlsx': async (input, ctx) =>
    agreementReportXlsx(agreementReport(ctx.session.file.db, input.agreementId, todayIso(ctx.now())), input.locale),
  'treasury.yearStatement': (input, ctx) => yearStatement(ctx.session.file.db, input.year),
  'services.list': (input, ctx) => services.listServices(ctx, input.beneficiaryId, input.includeArchived),
  'services.record': (input) => services.recordService(input),
  'services.update': (input) => services.updateService(input),
  'services.reverse': (input) => services.reverseService(input),
  'services.archive': (input) => services.archiveService(input),
  'services.types.rules': (_input, ctx) => services.listTypeRules(ctx),
  'services.types.setRule': (input) => services.setTypeRule(input),
  'treasury.exportJournal': (input, ctx) => journalFile(ctx.session.file.db, input.year, input.format, input.delimiter),
  'attachments.get': (input, ctx) => getAttachment(ctx.session.file.db, input.id),
  'grants.funders.list': (input, ctx) => grants.listFunders(ctx, input.includeArchived),
  'grants.funders.save': (input) => grants.saveFunder(input),
  'grants.agreements.list': (input, ctx) => grants.listAgreements(ctx, input.includeArchived),
  'grants.agreements.choices': (_input, ctx) => grants.agreementChoices(ctx),
  'grants.agreements.get': (input, ctx) => grants.getAgreementDetail(ctx, input.id),
  'grants.agreements.save': (input) => grants.saveAgreement(input),
  'grants.agreements.archive': (input) => grants.setAgreementArchived(input.id, true),
  'grants.agreements.restore': (input) => grants.setAgreementArchived(input.id, false),
  'grants.calls.get': (input, ctx) => grants.getCallDetail(ctx, input.id),
  'grants.calls.save': (input) => grants.saveCall(input),
  'grants.calls.archive': (input) => grants.setCallArchived(input.id, true),
  'grants.calls.restore': (input) => grants.setCallArchived(input.id, false),
  'grants.recipients.list': (input, ctx) => grants.listRecipients(ctx, input.includeArchived),
  'grants.recipients.save': (input) => grants.saveRecipient(input),
  'grants.applications.save': (input) => grants.saveApplication(input),
  'grants.applications.score': (input) => grants.scoreApplication(input),
  'grants.applications.decide': (input) => grants.decideApplication(input),
  'grants.subGrants.get': (input, ctx) => grants.getSubGrantDetail(ctx, input.id),
  'grants.subGrants.save': (input) => grants.saveSubGrant(input),
  'grants.subGrants.archive': (input) => grants.setSubGrantArchived(input.id, true),
  'grants.subGrants.restore': (input) => grants.setSubGrantArchived(input.id, false),
  'grants.disbursements.add': (input) => grants.addDisbursement(input),
  'grants.disbursements.reverse': (input) => grants.reverseDisbursement(input),
  'grants.expenses.add': (input) => grants.addExpense(input),
  'grants.expenses.decide': (input) => grants.decideExpense(input),
  'grants.rates.list': (_input, ctx) => grants.listRates(ctx),
  'grants.rates.save': (input) => grants.saveRate(input),
  'grants.dashboard': (input, ctx) => grants.dashboard(ctx, input.includeArchived),
  'grants.budget': (input, ctx) => grants.budget(ctx, input.agreementId),
  'grants.statement': (input, ctx) => grants.subGrantStatement(ctx, input.subGrantId),
  'backups.create': (input, ctx) => backups.createBackup(ctx, input.jobId),
  'backups.status': (_input, ctx) => backups.backupStatus(ctx),
  'backups.list': (_input, ctx) => backups.listAllBackups(ctx),
  'backups.setSecondFolder': (input, ctx) => backups.setSecondFolder(ctx, input.folder),
  'backups.listFor': (input, ctx) => backups.listBackupsFor(ctx, input.path, input.folder),
  'backups.restore': (input, ctx) => restoreBackup(ctx, input),
  'security.keySlots': (_input, ctx) => security.keySlots(ctx),
  'security.rekey': (input, ctx) => security.rekey(ctx, input.password),
  'security.newRecoveryCode': (input, ctx) => security.newRecoveryCode(ctx, input.password),
  'audit.list': (input, ctx) => listAudit(ctx, input),
  'audit.export': (input, ctx) => exportAudit(ctx, input),
};
