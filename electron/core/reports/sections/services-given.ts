import type { Locale, ReportCell, ReportTable, Role } from '../../../contract';
import type { Db } from '../../db/database';
import { lookupLabels, lookupOrder } from '../labels';
import { column, table } from '../section';
import { gridLines, withoutSmallCells } from '../small-cells';
import { fill, type ReportTexts } from '../texts';

interface ServiceScope {
  db: Db;
  from: string;
  to: string;
  /** With an agreement, only the services it funded. */
  agreementId: string | null;
  locale: Locale;
  role: Role;
}

// Standing services only: a reversed one was not given after all, an archived one was withdrawn from the log.
const GIVEN = `FROM person_services WHERE date BETWEEN @from AND @to AND archived_at IS NULL AND reversed_on IS NULL
  AND (@agreementId IS NULL OR agreement_id = @agreementId)`;

/**
 * Services given in the period by type: how many, to how many people, and what was paid or
 * valued in each currency (for treasurers and presidents). Null when none was given, so that a
 * report of an association that logs no services keeps its tables.
 */
export function servicesGivenTable({ db, from, to, agreementId, locale, role }: ServiceScope, texts: ReportTexts, threshold: number): ReportTable | null {
  const params = { from, to, agreementId };
  const types = db.prepare(`SELECT type_code AS type, count(*) AS services, count(DISTINCT beneficiary_id) AS people ${GIVEN} GROUP BY type_code`).all(params) as {
    type: string;
    services: number;
    people: number;
  }[];
  if (types.length === 0) return null;
  const people = (db.prepare(`SELECT count(DISTINCT beneficiary_id) AS n ${GIVEN}`).get(params) as { n: number }).n;
  const amounts =
    role === 'volunteer'
      ? []
      : (db.prepare(`SELECT type_code AS type, currency, sum(amount_minor) AS amount ${GIVEN} AND amount_minor IS NOT NULL GROUP BY type_code, currency`).all(params) as {
          type: string;
          currency: string;
          amount: number;
        }[]);
  const currencies = [...new Set(amounts.map((a) => a.currency))].sort();
  const amountOf = (type: string, currency: string) => amounts.find((a) => a.type === type && a.currency === currency)?.amount ?? null;
  const label = lookupLabels(db, 'serviceType', locale);
  const order = lookupOrder(db, 'serviceType');
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : Infinity);
  const rows: ReportCell[][] = types
    .sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type))
    .map((t) => [label(t.type), t.services, t.people, ...currencies.map((c) => amountOf(t.type, c))]);
  const c = texts.columns;
  const columns = [
    column(c.serviceType, 'label'),
    column(c.servicesGiven),
    column(c.people),
    ...currencies.map((currency) => column(fill(c.amountIn, { currency }), 'amount')),
  ];
  // A person may receive several types: the line of totals counts each person once.
  const total: ReportCell[] = [
    texts.total,
    types.reduce((sum, t) => sum + t.services, 0),
    people,
    ...currencies.map((currency) => amounts.filter((a) => a.currency === currency).reduce((sum, a) => sum + a.amount, 0)),
  ];
  const given = table(texts, 'followUp.services', columns, rows, total);
  return withoutSmallCells(given, gridLines(given, [2], null), threshold);
}
