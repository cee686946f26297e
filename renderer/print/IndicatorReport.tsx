import { useState } from 'react';
import { createPortal } from 'react-dom';
import { Bar, BarChart, LabelList, Legend, Text, XAxis, YAxis, type YAxisTickContentProps } from 'recharts';
import { PRINT_READY_ATTRIBUTE, type IndicatorReport, type ReportCell, type ReportColumnKind, type ReportTable } from '../../electron/contract';
import { directionOf, intlLocale } from '../i18n';
import { numberFormats } from '../ui/numbers';
import './print.css';
import './indicator-report.css';

/** The tables drawn as grouped bars: one group per row, one bar per count column except the total. */
export const CHARTED_TABLES = ['reached.byAgeBand', 'targets.byIndicator'];

function useFormat(locale: string) {
  const { number, percent, decimal } = numberFormats(locale);
  return (cell: ReportCell, kind: ReportColumnKind): string => {
    if (cell === null) return '';
    if (typeof cell === 'string') return cell;
    if (kind === 'percent') return percent(cell / 100);
    if (kind === 'amount') return decimal(cell / 100);
    return number(cell);
  };
}

const BAR_COLOURS = ['#1c7ed6', '#e8590c', '#2f9e44', '#7048e8'];

// The chart's geometry, in CSS pixels: its size is computed from the rows, not measured from the page
// (no ResponsiveContainer), and nothing is animated, so it is drawn complete at once, the same on
// screen and on paper.
const CHART_WIDTH = 640; // 170 mm: inside A4 portrait's 174 mm between the 18 mm margins
const BAR_SIZE = 11;
const BAR_GAP = 3;
const TICK_FONT_SIZE = 11;
const TICK_LINE_HEIGHT = 14;
const TICK_MARGIN = 6;
const VALUE_ROOM = 48; // beyond the longest bar, for its value
// About the width of a character at TICK_FONT_SIZE in Noto Sans: the chart's size is estimated from
// the labels' lengths, so that it never depends on measuring the page.
const CHAR_WIDTH = 6;

/**
 * A table's rows as horizontal grouped bars (recharts): one group per row, one bar per count column
 * except the total, the value written at each bar's end. In Arabic the bars grow from the right.
 */
export function ReportChart({ table, locale }: { table: ReportTable; locale: string }) {
  const series = table.columns.map((c, i) => ({ ...c, index: i })).filter((c, i) => i > 0 && c.kind === 'count' && i < table.columns.length - 1);
  // A group hidden for its small size ("< 5") draws no bar: its figure is in the table, as hidden.
  const data = table.rows.map((row) => ({
    label: String(row[0]),
    ...Object.fromEntries(series.map((s) => [s.index, typeof row[s.index] === 'number' ? row[s.index] : null])),
  }));
  const { number } = numberFormats(locale);
  const rtl = directionOf(locale) === 'rtl';
  // Room for the longest label (indicator labels can be long), within reason: longer ones wrap.
  const longest = Math.max(...data.map((d) => d.label.length)) * CHAR_WIDTH;
  const labelWidth = Math.min(260, Math.max(80, longest + 2 * TICK_MARGIN));
  const lines = Math.ceil(longest / (labelWidth - 2 * TICK_MARGIN));
  const groupHeight = Math.max(series.length * (BAR_SIZE + BAR_GAP) + 10, lines * TICK_LINE_HEIGHT + 8);
  // Inside the chart, recharts would measure the legend to make room for it: the printed copy is
  // hidden on screen (display: none) and measures nothing, so the legend would cover the last bars.
  // Drawn in an element of its own below the chart, it takes no room from the bars.
  const [legend, setLegend] = useState<HTMLDivElement | null>(null);
  const margin = { top: 4, bottom: 4, left: rtl ? VALUE_ROOM : 4, right: rtl ? 4 : VALUE_ROOM };
  return (
    <figure className="indicator-report__chart" role="img" aria-label={table.title}>
      <BarChart
        layout="vertical"
        data={data}
        width={CHART_WIDTH}
        height={table.rows.length * groupHeight + margin.top + margin.bottom}
        margin={margin}
        barSize={BAR_SIZE}
        barGap={BAR_GAP}
        // The figure is one image with a name; its numbers are in the table beside it.
        accessibilityLayer={false}
      >
        <XAxis type="number" reversed={rtl} hide />
        <YAxis
          type="category"
          dataKey="label"
          orientation={rtl ? 'right' : 'left'}
          width={labelWidth}
          interval={0}
          tickLine={false}
          tickMargin={TICK_MARGIN}
          tick={({ payload, x, y, verticalAnchor }: YAxisTickContentProps) => (
            // The chart is laid out left to right (indicator-report.css); each label takes the
            // report's direction so Arabic reads right to left, and ends beside its bars either way.
            // Only a label too long for its room is given a width: recharts then wraps it at spaces.
            <Text
              x={x}
              y={y}
              verticalAnchor={verticalAnchor}
              textAnchor="end"
              width={lines > 1 ? labelWidth - 2 * TICK_MARGIN : undefined}
              lineHeight={TICK_LINE_HEIGHT}
              fontSize={TICK_FONT_SIZE}
              fill="#000"
              style={{ direction: rtl ? 'rtl' : 'ltr' }}
            >
              {String(payload.value)}
            </Text>
          )}
        />
        {series.map((s, i) => (
          // recharts leaves out a bar of no length, and its label with it: a zero is drawn as a
          // hairline (towards the bars' side) so that its 0 is written like any other value.
          <Bar key={s.index} dataKey={String(s.index)} name={s.heading} fill={BAR_COLOURS[i % BAR_COLOURS.length]} minPointSize={rtl ? -0.5 : 0.5} isAnimationActive={false}>
            {/* recharts' "right" is the far end of the bar, also of the bars growing leftwards in Arabic. */}
            <LabelList position="right" fontSize={10} fill="#000" formatter={(v) => (typeof v === 'number' ? number(v) : null)} />
          </Bar>
        ))}
        {/* Below the chart, in the columns' order (not sorted by name). */}
        <Legend portal={legend} itemSorter={null} iconSize={10} labelStyle={{ color: '#000' }} />
      </BarChart>
      <div ref={setLegend} />
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
  const generated = new Intl.DateTimeFormat(intlLocale(report.locale), { dateStyle: 'long', timeStyle: 'short', timeZone: report.timeZone }).format(new Date(report.generatedAt));
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
              {CHARTED_TABLES.includes(t.id) && t.rows.length > 0 && <ReportChart table={t} locale={report.locale} />}
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
