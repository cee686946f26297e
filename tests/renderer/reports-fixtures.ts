import type { IndicatorReport, ReportCell, ReportTable } from '../../electron/contract';

/** A report as the core sends it, with French headings; tests give the locale and what it counts. */
export const aReport = (locale: IndicatorReport['locale'], more: Pick<IndicatorReport, 'sections'> & Partial<IndicatorReport>): IndicatorReport => ({
  locale,
  title: 'Rapport d’indicateurs',
  associationName: 'Association Amal',
  from: '2026-01-01',
  to: '2026-06-30',
  generatedAt: '2026-07-01T10:00:00.000Z',
  timeZone: 'Africa/Casablanca',
  fileStem: 'rapport-indicateurs-2026-01-01-2026-06-30',
  agreement: null,
  indicators: [],
  headings: { agreement: 'Convention', period: 'Période', generatedAt: 'Généré le', definitions: 'Définitions', notes: 'Remarques' },
  definitions: [],
  notes: [],
  ...more,
});

/** People reached by age band and sex, as the report's table: label, women, men, total. */
export const ageBandTable = (
  headings: { title: string; band: string; female: string; male: string },
  rows: [string, number, number][],
): ReportTable => ({
  id: 'reached.byAgeBand',
  title: headings.title,
  columns: [
    { heading: headings.band, kind: 'label' },
    { heading: headings.female, kind: 'count' },
    { heading: headings.male, kind: 'count' },
    { heading: 'Total', kind: 'count' },
  ],
  rows: rows.map(([band, f, m]): ReportCell[] => [band, f, m, f + m]),
  total: ['Total', rows.reduce((n, r) => n + r[1], 0), rows.reduce((n, r) => n + r[2], 0), rows.reduce((n, r) => n + r[1] + r[2], 0)],
});
