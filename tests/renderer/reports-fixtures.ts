import type { IndicatorReport } from '../../electron/contract';

/** A report as the core sends it, with French headings; tests give the locale and what it counts. */
export const aReport = (locale: IndicatorReport['locale'], more: Pick<IndicatorReport, 'sections'> & Partial<IndicatorReport>): IndicatorReport => ({
  locale,
  title: 'Rapport d’indicateurs',
  associationName: 'Association Amal',
  from: '2026-01-01',
  to: '2026-06-30',
  generatedAt: '2026-07-01T10:00:00.000Z',
  agreement: null,
  indicators: [],
  headings: { agreement: 'Convention', period: 'Période', generatedAt: 'Généré le', definitions: 'Définitions', notes: 'Remarques' },
  definitions: [],
  notes: [],
  ...more,
});
