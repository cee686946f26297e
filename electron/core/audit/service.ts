import type { z } from 'zod';
import { todayIso, type AuditEntryView, type AuditNote, type auditExportSchema, type auditQuerySchema } from '../../contract';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { toCsv } from '../../contract/csv';

type Filters = Pick<z.output<typeof auditQuerySchema>, 'userId' | 'op' | 'from' | 'to'>;

function where(filters: Filters): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.userId) {
    clauses.push('a.user_id = ?');
    params.push(filters.userId);
  }
  if (filters.op) {
    // An exact name, or a whole area with `beneficiaries.` / `beneficiaries.*`.
    const op = filters.op.replace(/\*$/, '');
    if (op.endsWith('.')) {
      clauses.push("a.op LIKE ? ESCAPE '\\'");
      params.push(`${op.replace(/[\\%_]/g, '\\$&')}%`);
    } else {
      clauses.push('a.op = ?');
      params.push(op);
    }
  }
  // Days are UTC and inclusive; `at` is an ISO UTC timestamp, so text comparison orders it.
  if (filters.from) {
    clauses.push('a.at >= ?');
    params.push(`${filters.from}T00:00:00.000Z`);
  }
  if (filters.to) {
    clauses.push('a.at < ?');
    params.push(new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

interface Row {
  id: string;
  at: string;
  user_id: string | null;
  user_name: string | null;
  op: string;
  entity_id: string | null;
  note: AuditNote | null;
}

const toView = (r: Row): AuditEntryView => ({ id: r.id, at: r.at, userId: r.user_id, userName: r.user_name, op: r.op, entityId: r.entity_id, note: r.note });

function select(db: Db, filters: Filters, page?: { offset: number; limit: number }): Row[] {
  const { sql, params } = where(filters);
  const limit = page ? 'LIMIT ? OFFSET ?' : '';
  return db
    .prepare(
      `SELECT a.id, a.at, a.user_id, u.display_name AS user_name, a.op, a.entity_id, a.note
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${sql}
       ORDER BY a.at DESC, a.rowid DESC ${limit}`,
    )
    .all(...params, ...(page ? [page.limit, page.offset] : [])) as Row[];
}

/** Newest first, filtered by user, operation and days, a page at a time. */
export function listAudit(ctx: SignedInContext, input: z.output<typeof auditQuerySchema>): { rows: AuditEntryView[]; total: number } {
  const { db } = ctx.session.file;
  const { sql, params } = where(input);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log a ${sql}`).get(...params) as { n: number }).n;
  return { rows: select(db, input, input).map(toView), total };
}

/** The same rows as CSV (UTF-8 with BOM, formula-safe); the export is itself audited. */
export function exportAudit(ctx: SignedInContext, input: z.output<typeof auditExportSchema>) {
  return (tx: WriteTx) => {
    const rows = select(tx.db, input);
    const csv = toCsv(
      [['at', 'user_id', 'user', 'operation', 'record', 'note'], ...rows.map((r) => [r.at, r.user_id ?? '', r.user_name ?? '', r.op, r.entity_id ?? '', r.note ?? ''])],
      input.delimiter,
    );
    tx.audit(null);
    return { fileName: `audit-${todayIso(ctx.now())}.csv`, csv, rows: rows.length };
  };
}
