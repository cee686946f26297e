import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../electron/contract';
import { IndicatorReportDocument } from '../../renderer/print/IndicatorReport';
import { aReport, ageBandTable } from './reports-fixtures';

/** French groups thousands with a narrow space, which Testing Library reads as a plain space. */
const frenchNumbers = { format: (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ') };

const LONG_LABEL = 'Personnes accompagnées vers un emploi ou une formation qualifiante';

const byAge = (heading: { band: string; female: string; male: string }): ReportTable =>
  ageBandTable({ title: heading.band, ...heading }, [
    ['15-17', 0, 1],
    ['18-29', 1200, 4],
  ]);

const targets: ReportTable = {
  id: 'targets.byIndicator',
  title: 'Cibles et réalisations',
  columns: [
    { heading: 'Indicateur', kind: 'label' },
    { heading: 'Cible', kind: 'count' },
    { heading: 'Réalisé', kind: 'count' },
    { heading: 'Réalisé (%)', kind: 'percent' },
  ],
  rows: [
    [LONG_LABEL, 150, 2345, 1563],
    ['Micro-projets financés', 12, null, null],
  ],
  total: null,
};

const report = (locale: 'fr' | 'ar', tables: ReportTable[]) =>
  aReport(locale, { sections: [{ id: 'beneficiaries', title: 'Personnes touchées', available: true, notes: [], tables }] });

/** Where a drawn text starts on the chart, left to right. */
const xOf = (element: HTMLElement) => Number(element.getAttribute('x'));

describe('indicator report chart', () => {
  it('draws a bar per count column but the total, each with its value at its end (zeros too), and a legend', () => {
    render(<IndicatorReportDocument report={report('fr', [byAge({ band: 'Par tranche d’âge et sexe', female: 'Femmes', male: 'Hommes' })])} />);
    const chart = within(screen.getByRole('img', { name: 'Par tranche d’âge et sexe' }));
    const number = frenchNumbers;

    expect(chart.getByText('15-17')).toBeTruthy();
    expect(chart.getByText('18-29')).toBeTruthy();
    // A zero is written too.
    for (const value of [0, 1, 4]) expect(chart.getByText(number.format(value))).toBeTruthy();
    const big = chart.getByText(number.format(1200));
    // The rows' totals are in the table, not drawn as bars.
    expect(chart.queryByText(number.format(1204))).toBeNull();
    expect(chart.getByText('Femmes')).toBeTruthy();
    expect(chart.getByText('Hommes')).toBeTruthy();
    expect(chart.queryByText('Total')).toBeNull();
    // Left to right: the labels, then the bars; the longer bar's value sits further right.
    expect(xOf(chart.getByText('18-29'))).toBeLessThan(xOf(big));
    expect(xOf(chart.getByText(number.format(4)))).toBeLessThan(xOf(big));
  });

  it('shows a long indicator label whole, and no value for an indicator not measured', () => {
    render(<IndicatorReportDocument report={report('fr', [targets])} />);
    const figure = screen.getByRole('img', { name: 'Cibles et réalisations' });
    const chart = within(figure);
    const number = frenchNumbers;

    // recharts may wrap it over lines: the words are all there, in order.
    expect(figure.textContent).toContain(LONG_LABEL);
    expect(chart.getByText('Micro-projets financés')).toBeTruthy();
    expect(chart.getByText(number.format(150))).toBeTruthy();
    expect(chart.getByText(number.format(2345))).toBeTruthy();
    expect(chart.getByText(number.format(12))).toBeTruthy();
    expect(chart.queryByText('0')).toBeNull();
    expect(chart.getByText('Cible')).toBeTruthy();
    expect(chart.getByText('Réalisé')).toBeTruthy();
  });

  it('grows the bars from the right in Arabic, the labels on the right, numbers in the Arabic format', () => {
    render(<IndicatorReportDocument report={report('ar', [byAge({ band: 'حسب الفئة العمرية والجنس', female: 'نساء', male: 'رجال' })])} />);
    const chart = within(screen.getByRole('img', { name: 'حسب الفئة العمرية والجنس' }));
    const number = new Intl.NumberFormat('ar-MA');

    const big = chart.getByText(number.format(1200));
    expect(xOf(chart.getByText('18-29'))).toBeGreaterThan(xOf(big));
    expect(xOf(chart.getByText(number.format(4)))).toBeGreaterThan(xOf(big));
    expect(chart.getByText('نساء')).toBeTruthy();
    expect(chart.getByText('رجال')).toBeTruthy();
  });
});
