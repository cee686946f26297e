import { createPortal } from 'react-dom';
import { PRINT_READY_ATTRIBUTE, type IndicatorReport, type ReportCell, type ReportColumnKind, type ReportTable } from '../../electron/contract';
import { directionOf, intlLocale } from '../i18n';
import './print.css';
import './indicator-report.css';

/** The tables drawn as grouped bars: one group per row, one bar per count column except the total. */
export const CHARTED_TABLES = ['reached.byAgeBand', 'targets.byIndicator'];

function useFormat(locale: string) {
  const number = new Intl.NumberFormat(intlLocale(locale));
  const decimal = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (cell: ReportCell, kind: ReportColumnKind): string => {
    if (cell === null) return '';
    if (typeof cell === 'string') return cell;
    if (kind === 'percent') return `${number.format(cell)} %`;
    if (kind === 'amount') return decimal.format(cell / 100);
    return number.format(cell);
  };
}

const BAR_COLOURS = ['#1c7ed6', '#e8590c', '#2f9e44', '#7048e8'];

/**
 * A grouped horizontal bar chart drawn in SVG: the same vectors on screen and on paper, with no
 * chart library to load, and it follows the report's direction (bars grow from the right in Arabic).
 */
export function BarChart({ table, locale }: { table: ReportTable; locale: string }) {
  const series = table.columns.map((c, i) => ({ ...c, index: i })).filter((c, i) => i > 0 && c.kind === 'count' && i < table.columns.length - 1);
  const max = Math.max(1, ...table.rows.flatMap((r) => series.map((s) => (typeof r[s.index] === 'number' ? (r[s.index] as number) : 0))));
  const number = new Intl.NumberFormat(intlLocale(locale));
  const rtl = directionOf(locale) === 'rtl';
  // Room for the longest label (indicator labels can be long), within reason.
  const labelWidth = Math.min(260, Math.max(80, ...table.rows.map((r) => String(r[0]).length * 6 + 12)));
  const barHeight = 14;
  const groupHeight = series.length * barHeight + 10;
  const width = 640;
  const plot = width - labelWidth - 50;
  const height = table.rows.length * groupHeight + 30;
  const x = (v: number, w = 0) => (rtl ? width - labelWidth - v - w : labelWidth + v);
  return (
    <figure className="indicator-report__chart">
      {/* Laid out left to right whatever the page's direction; Arabic words inside still read right to left. */}
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={table.title} width="100%" direction="ltr" style={{ direction: 'ltr' }}>
        {table.rows.map((row, r) => {
          const top = r * groupHeight;
          return (
            <g key={String(row[0])}>
              <text x={rtl ? width - labelWidth + 6 : labelWidth - 6} y={top + groupHeight / 2} textAnchor={rtl ? 'start' : 'end'} dominantBaseline="middle" fontSize="11">
                {String(row[0])}
              </text>
              {series.map((s, i) => {
                const value = typeof row[s.index] === 'number' ? (row[s.index] as number) : 0;
                const w = (value / max) * plot;
                return (
                  <g key={s.heading}>
                    <rect x={x(0, w)} y={top + i * barHeight + 4} width={Math.max(w, 0.5)} height={barHeight - 3} fill={BAR_COLOURS[i % BAR_COLOURS.length]} />
                    <text x={rtl ? x(0, w) - 4 : x(w) + 4} y={top + i * barHeight + 4 + (barHeight - 3) / 2} textAnchor={rtl ? 'end' : 'start'} dominantBaseline="middle" fontSize="10">
                      {number.format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {series.map((s, i) => {
          const legendX = labelWidth + i * 140;
          return (
            <g key={s.heading} transform={`translate(${rtl ? width - legendX - 130 : legendX}, ${height - 16})`}>
              <rect width="10" height="10" fill={BAR_COLOURS[i % BAR_COLOURS.length]} />
              <text x="14" y="9" fontSize="10">
                {s.heading}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function Table({ table, format }: { table: ReportTable; format: ReturnType<typeof useFormat> }) {
  const numeric = (kind: ReportColumnKind) => kind !== 'label';
  return (
    <table className="indicator-report__table" aria-label={table.title}>
      <caption>{table.currency ? `${table.title} (${table.currency})` : table.title}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.heading} className={numeric(c.kind) ? 'indicator-report__num' : undefined}>
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} className={numeric(table.columns[i].kind) ? 'indicator-report__num' : undefined}>
                {format(cell, table.columns[i].kind)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.total && (
        <tfoot>
          <tr>
            {table.total.map((cell, i) => (
              <td key={i} className={numeric(table.columns[i].kind) ? 'indicator-report__num' : undefined}>
                {format(cell, table.columns[i].kind)}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** The indicator report as a document (A4), in the report's own language; the same markup is previewed and printed. */
export function IndicatorReportDocument({ report, preview = false }: { report: IndicatorReport; preview?: boolean }) {
  const format = useFormat(report.locale);
  const generated = new Intl.DateTimeFormat(intlLocale(report.locale), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(report.generatedAt));
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale(report.locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const { headings } = report;
  return (
    <article className={`indicator-report${preview ? ' indicator-report--preview' : ''}`} dir={directionOf(report.locale)} lang={report.locale}>
      <header className="indicator-report__head">
        <strong>{report.associationName}</strong>
        <h1>{report.title}</h1>
        {report.agreement && (
          <p>
            {headings.agreement} : {report.agreement.reference} — {report.agreement.title} ({report.agreement.funderName})
          </p>
        )}
        <p>
          {headings.period} : {date(report.from)} – {date(report.to)}
        </p>
        <p className="indicator-report__generated">
          {headings.generatedAt} {generated}
        </p>
      </header>
      {report.notes.map((n) => (
        <p key={n} className="indicator-report__note" role="note">
          {n}
        </p>
      ))}
      {report.sections.map((section) => (
        <section key={section.id} className="indicator-report__section" aria-label={section.title}>
          <h2>{section.title}</h2>
          {section.notes.map((n) => (
            <p key={n} className="indicator-report__note" role="note">
              {n}
            </p>
          ))}
          {section.tables.map((t) => (
            <div key={t.id} className="indicator-report__block">
              {CHARTED_TABLES.includes(t.id) && t.rows.length > 0 && <BarChart table={t} locale={report.locale} />}
              <Table table={t} format={format} />
            </div>
          ))}
        </section>
      ))}
      <section className="indicator-report__section">
        <h2>{headings.definitions}</h2>
        <dl className="indicator-report__definitions">
          {report.definitions.map((d) => (
            <div key={d.term}>
              <dt>{d.term}</dt>
              <dd>{d.text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}

/** The same document at the top of <body>, hidden on screen: print.css prints it alone. */
export function IndicatorReportPrint({ report }: { report: IndicatorReport }) {
  return createPortal(
    <div className="print-sheet" {...{ [PRINT_READY_ATTRIBUTE]: '' }}>
      <IndicatorReportDocument report={report} />
    </div>,
    document.body,
  );
}
