import type { PersonService, ProviderKind, ServiceTypeRule } from '../../contract';
import type { Db } from '../db/database';

export interface ServiceRecord {
  id: string;
  beneficiaryId: string;
  typeCode: string;
  date: string;
  amountMinor: number | null;
  currency: string | null;
  providerKind: ProviderKind;
  partnerId: string | null;
  agreementId: string | null;
  budgetLineId: string | null;
  note: string | null;
  outsideStatus: number;
  reversedOn: string | null;
  reversalReason: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  archivedAt: string | null;
}

const RECORD = `SELECT id, beneficiary_id AS beneficiaryId, type_code AS typeCode, date, amount_minor AS amountMinor, currency,
  provider_kind AS providerKind, partner_id AS partnerId, agreement_id AS agreementId, budget_line_id AS budgetLineId, note,
  outside_status AS outsideStatus, reversed_on AS reversedOn, reversal_reason AS reversalReason, created_at AS createdAt,
  created_by AS createdBy, updated_at AS updatedAt, archived_at AS archivedAt FROM person_services`;

export function getServiceRecord(db: Db, id: string): ServiceRecord | undefined {
  return db.prepare(`${RECORD} WHERE id = ?`).get(id) as ServiceRecord | undefined;
}

export function insertService(db: Db, s: ServiceRecord): void {
  db.prepare(
    `INSERT INTO person_services (id, beneficiary_id, type_code, date, amount_minor, currency, provider_kind, partner_id, agreement_id,
       budget_line_id, note, outside_status, reversed_on, reversal_reason, created_at, created_by, updated_at, archived_at)
     VALUES (@id, @beneficiaryId, @typeCode, @date, @amountMinor, @currency, @providerKind, @partnerId, @agreementId, @budgetLineId,
       @note, @outsideStatus, @reversedOn, @reversalReason, @createdAt, @createdBy, @updatedAt, @archivedAt)`,
  ).run(s);
}

/** Everything but the amount, its currency and the person, which stay as recorded. */
export function updateService(db: Db, s: ServiceRecord): void {
  db.prepare(
    `UPDATE person_services SET type_code = @typeCode, date = @date, provider_kind = @providerKind, partner_id = @partnerId,
       agreement_id = @agreementId, budget_line_id = @budgetLineId, note = @note, outside_status = @outsideStatus,
       reversed_on = @reversedOn, reversal_reason = @reversalReason, updated_at = @updatedAt, archived_at = @archivedAt
     WHERE id = @id`,
  ).run(s);
}

/** The person's legal status code, or undefined when there is no such (unmerged) person. */
export function personStatus(db: Db, id: string): { legalStatus: string | null } | undefined {
  return db.prepare('SELECT legal_status AS legalStatus FROM beneficiaries WHERE id = ? AND merged_into IS NULL').get(id) as { legalStatus: string | null } | undefined;
}

export function serviceTypeOpen(db: Db, code: string): boolean {
  return db.prepare("SELECT 1 FROM lookup_values WHERE list = 'serviceType' AND code = ? AND archived_at IS NULL").get(code) !== undefined;
}

export function partnerOpen(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM partners WHERE id = ? AND archived_at IS NULL').get(id) !== undefined;
}

export function statusesOf(db: Db, code: string): string[] {
  return (db.prepare('SELECT legal_status AS s FROM service_type_statuses WHERE type_code = ? ORDER BY legal_status').all(code) as { s: string }[]).map((r) => r.s);
}

export function listRules(db: Db): ServiceTypeRule[] {
  const rows = db.prepare('SELECT type_code AS code, legal_status AS s FROM service_type_statuses ORDER BY type_code, legal_status').all() as { code: string; s: string }[];
  const rules = new Map<string, string[]>();
  for (const r of rows) rules.set(r.code, [...(rules.get(r.code) ?? []), r.s]);
  return [...rules].map(([code, legalStatuses]) => ({ code, legalStatuses }));
}

export function replaceRule(db: Db, rule: ServiceTypeRule): void {
  db.prepare('DELETE FROM service_type_statuses WHERE type_code = ?').run(rule.code);
  const insert = db.prepare('INSERT INTO service_type_statuses (type_code, legal_status) VALUES (?, ?)');
  for (const s of new Set(rule.legalStatuses)) insert.run(rule.code, s);
}

/**
 * The log as the person's page shows it: the services recorded for them, and the disbursements of
 * sub-grants whose recipient is this person (read from the grants area, never copied), newest first.
 */
const LOG = `
  SELECT s.id, 'service' AS origin, s.beneficiary_id AS beneficiaryId, s.type_code AS typeCode, s.date, s.amount_minor AS amountMinor,
    s.currency, s.provider_kind AS providerKind, s.partner_id AS partnerId, p.name AS partnerName, s.agreement_id AS agreementId,
    fa.reference AS agreementReference, s.budget_line_id AS budgetLineId, bl.code AS budgetLineCode, s.note, s.outside_status AS outsideStatus,
    je.id AS journalEntryId, ta.name AS accountName, s.reversed_on AS reversedOn, s.reversal_reason AS reversalReason,
    s.archived_at AS archivedAt, NULL AS subGrantReference, s.created_at AS createdAt
  FROM person_services s
    LEFT JOIN partners p ON p.id = s.partner_id
    LEFT JOIN funding_agreements fa ON fa.id = s.agreement_id
    LEFT JOIN agreement_budget_lines bl ON bl.id = s.budget_line_id
    LEFT JOIN journal_entries je ON je.source = 'service' AND je.source_id = s.id AND je.reverses_id IS NULL
    LEFT JOIN treasury_accounts ta ON ta.id = je.account_id
  WHERE s.beneficiary_id = @id AND (@all = 1 OR s.archived_at IS NULL)
  UNION ALL
  SELECT d.id, 'sub_grant', r.beneficiary_id, NULL, d.date, d.amount_minor, sg.currency, 'association', NULL, NULL, sg.agreement_id,
    fa.reference, NULL, NULL, sg.title, 0, je.id, ta.name, rv.date, rv.reversal_reason, NULL, sg.reference, d.created_at
  FROM grant_recipients r
    JOIN sub_grants sg ON sg.recipient_id = r.id
    JOIN grant_disbursements d ON d.sub_grant_id = sg.id
    LEFT JOIN funding_agreements fa ON fa.id = sg.agreement_id
    LEFT JOIN journal_entries je ON je.source = 'disbursement' AND je.source_id = d.id AND je.reverses_id IS NULL
    LEFT JOIN journal_entries rv ON rv.reverses_id = je.id
    LEFT JOIN treasury_accounts ta ON ta.id = je.account_id
  WHERE r.kind = 'individual' AND r.beneficiary_id = @id`;

type LogRow = Omit<PersonService, 'outsideStatus'> & { outsideStatus: number; createdAt: string };

const toService = ({ createdAt: _createdAt, ...r }: LogRow): PersonService => ({ ...r, outsideStatus: r.outsideStatus === 1 });

export function listServices(db: Db, beneficiaryId: string, includeArchived: boolean): PersonService[] {
  const rows = db.prepare(`SELECT * FROM (${LOG}) ORDER BY date DESC, createdAt DESC`).all({ id: beneficiaryId, all: includeArchived ? 1 : 0 }) as LogRow[];
  return rows.map(toService);
}

export function getService(db: Db, id: string): PersonService | undefined {
  const row = db.prepare(`SELECT * FROM (${LOG}) WHERE id = @sid`).get({ id: getServiceRecord(db, id)?.beneficiaryId ?? '', all: 1, sid: id }) as LogRow | undefined;
  return row && toService(row);
}
