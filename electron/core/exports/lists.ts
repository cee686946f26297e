import type { z } from 'zod';
import type { exportTargetSchema, ReportCell } from '../../contract';
import { getAttendance, listRegistrations } from '../activities/service';
import { searchIn } from '../beneficiaries/service';
import type { SignedInContext } from '../context';
import type { ReportTexts } from '../reports/texts';

type Target = z.output<typeof exportTargetSchema>;
type ExportTexts = ReportTexts['exports'];

/** A list to export: who each line is about, in the screen's order, and what the list adds about them. */
export interface ListLines {
  /** The activity or session, for the export log. */
  scopeId: string | null;
  headings: string[];
  lines: { beneficiaryId: string; cells: ReportCell[] }[];
}

const PAGE = 500;

function beneficiaries(ctx: SignedInContext, filters: Extract<Target, { list: 'beneficiaries' }>['filters']): ListLines {
  const year = ctx.now().getUTCFullYear();
  const lines: ListLines['lines'] = [];
  // The list's own search, page after page, so the file holds exactly what the screen filters.
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = searchIn(ctx.session.file.db, { ...filters, offset, limit: PAGE }, year);
    for (const r of rows) lines.push({ beneficiaryId: r.id, cells: [] });
    if (rows.length < PAGE) break;
  }
  return { scopeId: null, headings: [], lines };
}

function participants(ctx: SignedInContext, activityId: string, t: ExportTexts): ListLines {
  const list = listRegistrations(ctx, activityId);
  return {
    scopeId: activityId,
    headings: [t.columns.walkIn, t.columns.presences, t.columns.completed],
    lines: list.rows.map((r) => ({ beneficiaryId: r.beneficiaryId, cells: [r.walkIn ? t.yes : t.no, r.presentCount, r.completed ? t.yes : t.no] })),
  };
}

function attendance(ctx: SignedInContext, sessionId: string, t: ExportTexts): ListLines {
  const sheet = getAttendance(ctx, sessionId);
  return {
    scopeId: sessionId,
    headings: [t.columns.status],
    lines: sheet.rows.map((r) => ({ beneficiaryId: r.beneficiaryId, cells: [t.attendance[r.status ?? 'unmarked']] })),
  };
}

function referrals(ctx: SignedInContext, filters: Extract<Target, { list: 'referrals' }>['filters'], t: ExportTexts, status: ReportTexts['referralStatus']): ListLines {
  // The reason and the notes are free text: they never leave in a list.
  const rows = ctx.session.file.db
    .prepare(
      `SELECT r.beneficiary_id, r.sent_on, p.name AS partner, r.status, r.feedback_on
       FROM referrals r JOIN partners p ON p.id = r.partner_id
       WHERE r.sent_on BETWEEN @from AND @to AND (@status IS NULL OR r.status = @status)
       ORDER BY r.sent_on, r.created_at`,
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
    headings: [t.columns.sentOn, t.columns.partner, t.columns.outcome, t.columns.feedbackOn],
    lines: rows.map((r) => ({ beneficiaryId: r.beneficiary_id, cells: [r.sent_on, r.partner, status[r.status], r.feedback_on] })),
  };
}

export function listLines(ctx: SignedInContext, target: Target, texts: ReportTexts): ListLines {
  switch (target.list) {
    case 'beneficiaries':
      return beneficiaries(ctx, target.filters);
    case 'participants':
      return participants(ctx, target.filters.activityId, texts.exports);
    case 'attendance':
      return attendance(ctx, target.filters.sessionId, texts.exports);
    case 'referrals':
      return referrals(ctx, target.filters, texts.exports, texts.referralStatus);
  }
}
