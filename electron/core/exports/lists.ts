import type { z } from 'zod';
import type { exportTargetSchema, ReportCell } from '../../contract';
import { getAttendance, listRegistrations } from '../activities/service';
import { ageBandIndex, ageBandLabels } from '../activities/statistics';
import { searchIn } from '../beneficiaries/service';
import type { SignedInContext } from '../context';
import { listCooperatives } from '../cooperatives/service';
import { AppError } from '../errors';
import { listMembers } from '../members/service';
import type { ReportTexts } from '../reports/texts';
import { readSettings } from '../settings/repository';
import type { PersonFacts } from './people';

type Target = z.output<typeof exportTargetSchema>;
type Filters<L extends Target['list']> = Extract<Target, { list: L }>['filters'];

/**
 * A list to export, in the screen's order. People lists name the beneficiary of each line (the
 * service adds their pseudonymised columns); `named` cells are written only in a named export.
 */
export interface ListLines {
  /** The activity, session, agreement or sub-grant, for the export log. */
  scopeId: string | null;
  people: boolean;
  headings: string[];
  namedHeadings: string[];
  /** `facts` when the list already read them (else they are read by id). */
  lines: { beneficiaryId?: string; facts?: PersonFacts; cells: ReportCell[]; named?: ReportCell[] }[];
}

/** Amounts leave as numbers in major units (a spreadsheet sums them); the app keeps minor units. */
const major = (minor: number | null) => (minor === null ? null : minor / 100);

function beneficiaries(ctx: SignedInContext, filters: Filters<'beneficiaries'>): ListLines {
  const year = ctx.now().getUTCFullYear();
  // The list's own search in one pass (no page size: a file has every match), so the file holds
  // exactly what the screen filters; the search's rows already carry the pseudonymised facts.
  const { rows } = searchIn(ctx.session.file.db, { ...filters, offset: 0, limit: Number.MAX_SAFE_INTEGER }, year);
  return {
    scopeId: null,
    people: true,
    headings: [],
    namedHeadings: [],
    lines: rows.map((r) => ({
      beneficiaryId: r.id,
      facts: { reference: r.reference, sex: r.sex, birthYear: year - r.age, category: r.category, nationality: r.nationality, city: r.city },
      cells: [],
    })),
  };
}

function participants(ctx: SignedInContext, activityId: string, t: ReportTexts['exports']): ListLines {
  const list = listRegistrations(ctx, activityId);
  return {
    scopeId: activityId,
    people: true,
    headings: [t.columns.walkIn, t.columns.presences, t.columns.completed],
    namedHeadings: [],
    lines: list.rows.map((r) => ({ beneficiaryId: r.beneficiaryId, cells: [r.walkIn ? t.yes : t.no, r.presentCount, r.completed ? t.yes : t.no] })),
  };
}

function attendance(ctx: SignedInContext, sessionId: string, t: ReportTexts['exports']): ListLines {
  const sheet = getAttendance(ctx, sessionId);
  return {
    scopeId: sessionId,
    people: true,
    headings: [t.columns.status],
    namedHeadings: [],
    lines: sheet.rows.map((r) => ({ beneficiaryId: r.beneficiaryId, cells: [t.attendance[r.status ?? 'unmarked']] })),
  };
}

function referrals(ctx: SignedInContext, filters: Filters<'referrals'>, texts: ReportTexts): ListLines {
  const t = texts.exports;
  // The reason and the notes are free text: they never leave in a list. Newest first, as on the
  // referrals screen (referrals.search), so the file reads like what was shown.
  const rows = ctx.session.file.db
    .prepare(
      `SELECT r.beneficiary_id, r.sent_on, p.name AS partner, r.status, r.feedback_on
       FROM referrals r JOIN partners p ON p.id = r.partner_id
       WHERE r.sent_on BETWEEN @from AND @to AND (@status IS NULL OR r.status = @status)
       ORDER BY r.sent_on DESC, r.created_at DESC, r.id DESC`,
    )
    .all({ from: filters.from ?? '0000-01-01', to: filters.to ?? '9999-12-31', status: filters.status ?? null }) as {
    beneficiary_id: string;
    sent_on: string;
    partner: string;
    status: keyof ReportTexts['referralStatus'];
    feedback_on: string | null;
  }[];
  return {
    scopeId: null,
    people: true,
    headings: [t.columns.sentOn, t.columns.partner, t.columns.outcome, t.columns.feedbackOn],
    namedHeadings: [],
    lines: rows.map((r) => ({ beneficiaryId: r.beneficiary_id, cells: [r.sent_on, r.partner, texts.referralStatus[r.status], r.feedback_on] })),
  };
}

function members(ctx: SignedInContext, filters: Filters<'members'>, texts: ReportTexts): ListLines {
  const t = texts.exports;
  const c = t.listColumns;
  const { rows } = listMembers(ctx, { ...filters, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  // The birth date never leaves: only its band, by this year's age, as in the beneficiaries export.
  const year = ctx.now().getUTCFullYear();
  const edges = readSettings(ctx.session.file.db).statisticsAgeBands;
  const bands = ageBandLabels(edges);
  const ageBand = (birthDate: string | null) => (birthDate ? bands[ageBandIndex(edges, year - Number(birthDate.slice(0, 4)))] : null);
  const lines: ListLines['lines'] = rows.map((m) => ({
    cells: [m.number, t.sexValue[m.sex], ageBand(m.birthDate), t.memberCategory[m.category], texts.areas.memberStatus[m.status], m.joinDate, t.memberRole[m.role], major(m.due), major(m.paid)],
    named: [m.lastName, m.firstName, m.arabicName, m.phones.join(' '), m.email],
  }));
  return {
    scopeId: null,
    people: false,
    headings: [c.number, t.columns.sex, t.columns.ageBand, c.memberCategory, c.memberStatus, c.joinDate, c.memberRole, c.due, c.paid],
    namedHeadings: [t.columns.lastName, t.columns.firstName, t.columns.arabicName, t.columns.phones, c.email],
    lines,
  };
}

function cooperatives(ctx: SignedInContext, filters: Filters<'cooperatives'>, texts: ReportTexts, locale: 'fr' | 'ar' | 'en'): ListLines {
  const c = texts.exports.listColumns;
  // With its archived switch on, the screen shows the board and then the archived projects.
  const shown = filters.archived ? [...listCooperatives(ctx, false), ...listCooperatives(ctx, true)] : listCooperatives(ctx, false);
  // Founders are counted, never named: the list describes projects, not people.
  return {
    scopeId: null,
    people: false,
    headings: [texts.exports.columns.reference, c.projectName, c.sector, texts.exports.columns.city, c.currentStep, c.founders],
    namedHeadings: [],
    lines: shown.map((k) => ({
      cells: [k.reference, k.name, texts.areas.sector[k.sector], k.city, k.currentStep ? k.currentStep.labels[locale] : texts.areas.allStepsDone, k.founders],
    })),
  };
}

/** Money lists follow the grants screens: treasurers and presidents only. */
function grantsReader(ctx: SignedInContext): void {
  if (ctx.session.user.role === 'volunteer') throw new AppError('forbidden');
}

function subGrants(ctx: SignedInContext, filters: Filters<'subGrants'>, texts: ReportTexts): ListLines {
  grantsReader(ctx);
  const t = texts.exports;
  const c = t.listColumns;
  const rows = ctx.session.file.db
    .prepare(
      `SELECT sg.reference, sg.title, r.kind, r.name, r.city, b.reference AS beneficiaryReference, b.display_name AS personName,
         sg.currency, sg.amount_minor AS amount, sg.start_date AS startDate, sg.end_date AS endDate,
         (SELECT coalesce(sum(d.amount_minor), 0) FROM grant_disbursements d WHERE d.sub_grant_id = sg.id AND d.reversal_entry_id IS NULL) AS disbursed,
         (SELECT coalesce(sum(e.amount_minor), 0) FROM grant_expenses e WHERE e.sub_grant_id = sg.id AND e.status = 'accepted') AS justified
       FROM sub_grants sg JOIN grant_recipients r ON r.id = sg.recipient_id LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id
       WHERE sg.archived_at IS NULL AND (@agreementId IS NULL OR sg.agreement_id = @agreementId)
       ORDER BY sg.reference`,
    )
    .all({ agreementId: filters.agreementId ?? null }) as {
    reference: string;
    title: string;
    kind: 'organisation' | 'individual' | 'company';
    name: string | null;
    city: string | null;
    beneficiaryReference: string | null;
    personName: string | null;
    currency: string;
    amount: number;
    startDate: string;
    endDate: string;
    disbursed: number;
    justified: number;
  }[];
  return {
    scopeId: filters.agreementId ?? null,
    people: false,
    headings: [t.columns.reference, c.title, c.recipientKind, c.recipient, t.columns.city, c.currency, c.amount, c.startDate, c.endDate, c.disbursed, c.justified],
    namedHeadings: [t.columns.lastName],
    // A person who received a grant appears by their beneficiary reference unless names are asked for.
    lines: rows.map((r) => ({
      cells: [r.reference, r.title, t.recipientKind[r.kind], r.kind === 'individual' ? r.beneficiaryReference : r.name, r.city, r.currency, major(r.amount), r.startDate, r.endDate, major(r.disbursed), major(r.justified)],
      named: [r.kind === 'individual' ? r.personName : null],
    })),
  };
}

function expenses(ctx: SignedInContext, filters: Filters<'expenses'>, texts: ReportTexts): ListLines {
  grantsReader(ctx);
  const t = texts.exports;
  const c = t.listColumns;
  const rows = ctx.session.file.db
    .prepare(
      `SELECT sg.reference AS subGrant, e.date, l.code || ' ' || l.label AS line, e.supplier, e.receipt_number AS receipt,
         sg.currency, e.amount_minor AS amount, e.status, e.description
       FROM grant_expenses e JOIN sub_grants sg ON sg.id = e.sub_grant_id JOIN agreement_budget_lines l ON l.id = e.budget_line_id
       WHERE (@agreementId IS NULL OR sg.agreement_id = @agreementId) AND (@subGrantId IS NULL OR sg.id = @subGrantId)
       ORDER BY sg.reference, e.date, e.created_at`,
    )
    .all({ agreementId: filters.agreementId ?? null, subGrantId: filters.subGrantId ?? null }) as {
    subGrant: string;
    date: string;
    line: string;
    supplier: string;
    receipt: string | null;
    currency: string;
    amount: number;
    status: 'submitted' | 'accepted' | 'rejected';
    description: string;
  }[];
  return {
    scopeId: filters.subGrantId ?? filters.agreementId ?? null,
    people: false,
    headings: [c.subGrant, c.date, c.budgetLine, c.supplier, c.receiptNumber, c.currency, c.amount, c.expenseStatus],
    // The description is free text: only in a named export.
    namedHeadings: [c.description],
    lines: rows.map((r) => ({
      cells: [r.subGrant, r.date, r.line, r.supplier, r.receipt, r.currency, major(r.amount), t.expenseStatus[r.status]],
      named: [r.description],
    })),
  };
}

export function listLines(ctx: SignedInContext, target: Target, texts: ReportTexts, locale: 'fr' | 'ar' | 'en'): ListLines {
  switch (target.list) {
    case 'beneficiaries':
      return beneficiaries(ctx, target.filters);
    case 'participants':
      return participants(ctx, target.filters.activityId, texts.exports);
    case 'attendance':
      return attendance(ctx, target.filters.sessionId, texts.exports);
    case 'referrals':
      return referrals(ctx, target.filters, texts);
    case 'members':
      return members(ctx, target.filters, texts);
    case 'cooperatives':
      return cooperatives(ctx, target.filters, texts, locale);
    case 'subGrants':
      return subGrants(ctx, target.filters, texts);
    case 'expenses':
      return expenses(ctx, target.filters, texts);
  }
}
