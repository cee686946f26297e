import type { ReportCell } from '../../../contract';
import { ageBandIndex, ageBandLabels } from '../../activities/statistics';
import { countryName, lookupLabels } from '../labels';
import { reachedGroups } from '../reached';
import { column, percent, sumRow, table, type ReportSectionModule } from '../section';
import type { TableId } from '../texts';

interface BySex {
  label: string;
  female: number;
  male: number;
}

/** Rows `[label, female, male, total]`, most people first unless the order is given (age bands). */
function sexRows(groups: Iterable<BySex>, keepOrder: boolean, locale: string): ReportCell[][] {
  const list = [...groups];
  if (!keepOrder) list.sort((a, b) => b.female + b.male - (a.female + a.male) || a.label.localeCompare(b.label, locale));
  return list.map((g) => [g.label, g.female, g.male, g.female + g.male]);
}

function countInto(groups: Map<string, BySex>, key: string, label: string, sex: 'female' | 'male', people: number): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { label, female: 0, male: 0 }));
  g[sex] += people;
}

export const beneficiariesSection: ReportSectionModule = {
  id: 'beneficiaries',
  available: () => true,
  build(input) {
    const { db, from, to, texts, locale, ageBandEdges, agreementId } = input;
    const groups = reachedGroups(db, from, to, agreementId);
    const category = lookupLabels(db, 'category', locale);
    const bands = ageBandLabels(ageBandEdges);
    const sexLabel = { female: texts.female, male: texts.male };

    const byAge = new Map<string, BySex>(bands.map((b) => [b, { label: b, female: 0, male: 0 }]));
    const byCategory = new Map<string, BySex>();
    const byNationality = new Map<string, BySex>();
    const byCity = new Map<string, BySex>();
    let noCity: BySex | null = null;
    const detail: ReportCell[][] = [];
    const total = { female: 0, male: 0 };
    for (const [sex, age, cat, nationality, city, people] of groups) {
      const band = bands[ageBandIndex(ageBandEdges, age)];
      total[sex] += people;
      byAge.get(band)![sex] += people;
      countInto(byCategory, cat, category(cat), sex, people);
      countInto(byNationality, nationality, countryName(nationality, locale), sex, people);
      const cityName = city?.trim() || null;
      if (cityName) countInto(byCity, cityName.toLocaleLowerCase('fr'), cityName, sex, people);
      else {
        noCity ??= { label: texts.notStated, female: 0, male: 0 };
        noCity[sex] += people;
      }
      detail.push([sexLabel[sex], band, category(cat), countryName(nationality, locale), cityName ?? texts.notStated, people]);
    }

    // One line per combination: the same person's age band and city groups can merge once labelled.
    const merged = new Map<string, ReportCell[]>();
    for (const row of detail) {
      const key = row.slice(0, 5).join('\u0000').toLocaleLowerCase('fr');
      const seen = merged.get(key);
      if (seen) seen[5] = (seen[5] as number) + (row[5] as number);
      else merged.set(key, row);
    }
    const detailRows = [...merged.values()].sort((a, b) => {
      for (let i = 0; i < 5; i++) {
        const order = i === 1 ? bands.indexOf(a[i] as string) - bands.indexOf(b[i] as string) : String(a[i]).localeCompare(String(b[i]), locale);
        if (order !== 0) return order;
      }
      return 0;
    });

    const registered = (
      db
        .prepare('SELECT count(*) AS n FROM beneficiaries WHERE merged_into IS NULL AND substr(created_at, 1, 10) BETWEEN ? AND ?')
        .get(from, to) as { n: number }
    ).n;
    const c = texts.columns;
    const sexColumns = [column(texts.female), column(texts.male), column(texts.total)];
    const bySexTable = (id: TableId, heading: string, rows: ReportCell[][]) => {
      const columns = [column(heading, 'label'), ...sexColumns];
      return table(texts, id, columns, rows, sumRow(texts.total, columns, rows));
    };
    const cityRows = sexRows(byCity.values(), false, locale);
    if (noCity) cityRows.push(...sexRows([noCity], true, locale));
    const detailColumns = [column(c.sex, 'label'), column(c.ageBand, 'label'), column(c.category, 'label'), column(c.nationality, 'label'), column(c.city, 'label'), column(c.people)];
    const reached = total.female + total.male;
    return {
      measures: {
        people_reached: reached,
        people_reached_female: total.female,
        people_reached_male: total.male,
        people_reached_female_share: percent(total.female, reached) ?? 0,
        people_registered: registered,
      },
      notes: reached === 0 ? [texts.notesText.nobodyReached] : [],
      tables: [
        table(texts, 'reached.summary', [column(c.indicator, 'label'), column(c.value)], [
          [texts.indicators.reached, reached],
          [texts.indicators.reachedFemale, total.female],
          [texts.indicators.reachedMale, total.male],
          [texts.indicators.registered, registered],
        ]),
        bySexTable('reached.byAgeBand', c.ageBand, sexRows(byAge.values(), true, locale)),
        bySexTable('reached.byCategory', c.category, sexRows(byCategory.values(), false, locale)),
        bySexTable('reached.byNationality', c.nationality, sexRows(byNationality.values(), false, locale)),
        bySexTable('reached.byCity', c.city, cityRows),
        table(texts, 'reached.detail', detailColumns, detailRows, sumRow(texts.total, detailColumns, detailRows)),
      ],
    };
  },
};
