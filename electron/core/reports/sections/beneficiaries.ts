import type { ReportCell } from '../../../contract';
import { ageBandIndex, ageBandLabels } from '../../activities/statistics';
import { sensitiveCodes } from '../../beneficiaries/sensitive';
import { countryName, lookupLabels, lookupOrder } from '../labels';
import { reachedGroups } from '../reached';
import { column, percent, sumRow, table, type ReportSectionModule } from '../section';
import { gridLines, withoutSmallCells } from '../small-cells';
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

/** Labels are looked up once per group, not once per row. */
function countInto(groups: Map<string, BySex>, key: string, label: () => string, sex: 'female' | 'male', people: number): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { label: label(), female: 0, male: 0 }));
  g[sex] += people;
}

export const beneficiariesSection: ReportSectionModule = {
  id: 'beneficiaries',
  available: () => true,
  build(input) {
    const { db, from, to, texts, locale, ageBandEdges, agreementId, smallCellThreshold, role } = input;
    const groups = reachedGroups(db, from, to, agreementId);
    const category = lookupLabels(db, 'category', locale);
    const bands = ageBandLabels(ageBandEdges);
    const sexLabel = { female: texts.female, male: texts.male };

    const byAge = new Map<string, BySex>(bands.map((b) => [b, { label: b, female: 0, male: 0 }]));
    const byCategory = new Map<string, BySex>();
    const byNationality = new Map<string, BySex>();
    const byCity = new Map<string, BySex>();
    let noCity: BySex | null = null;
    const legalStatus = lookupLabels(db, 'legalStatus', locale);
    const vulnerability = lookupLabels(db, 'vulnerability', locale);
    // Health and violence are need-to-know (see beneficiaries/sensitive.ts): counted for presidents only.
    const hidden = role === 'president' ? new Set<string>() : sensitiveCodes(db);
    const notStated = (): BySex => ({ label: texts.notStated, female: 0, male: 0 });
    const byLegalStatus = new Map<string, BySex>(lookupOrder(db, 'legalStatus').map((code) => [code, { label: legalStatus(code), female: 0, male: 0 }]));
    const byVulnerability = new Map<string, BySex>();
    const household = texts.household;
    const byHousehold = new Map<string, BySex>(
      [household.none, household.few, household.several, household.many].map((label) => [label, { label, female: 0, male: 0 }]),
    );
    let legalNotStated: BySex | null = null;
    let householdNotStated: BySex | null = null;
    const detail: ReportCell[][] = [];
    const total = { female: 0, male: 0 };
    // The profile columns (legal status, dependants, vulnerabilities) split the groups further: they
    // are counted first, then the groups folded back to the five dimensions before anything is labelled.
    type Profile = [legal: string | null, dependants: number | null, vulnerabilities: string[] | null];
    const parsed = new Map<string, Profile>();
    const base = new Map<string, [sex: 'female' | 'male', age: number, category: string, nationality: string, city: string | null, people: number]>();
    for (const [sex, age, cat, nationality, city, profile, people] of groups) {
      let known = profile === null ? undefined : parsed.get(profile);
      if (profile !== null && !known) parsed.set(profile, (known = JSON.parse(profile) as Profile));
      const [legal, dependants, vulnerabilities] = known ?? [null, null, null];
      if (legal) countInto(byLegalStatus, legal, () => legalStatus(legal), sex, people);
      else (legalNotStated ??= notStated())[sex] += people;
      if (dependants === null) (householdNotStated ??= notStated())[sex] += people;
      else {
        const band = dependants === 0 ? household.none : dependants <= 2 ? household.few : dependants <= 4 ? household.several : household.many;
        byHousehold.get(band)![sex] += people;
      }
      for (const code of vulnerabilities ?? []) if (!hidden.has(code)) countInto(byVulnerability, code, () => vulnerability(code), sex, people);
      const key = `${sex}\u0000${age}\u0000${cat}\u0000${nationality}\u0000${city ?? ''}`;
      const seen = base.get(key);
      if (seen) seen[5] += people;
      else base.set(key, [sex, age, cat, nationality, city, people]);
    }
    for (const [sex, age, cat, nationality, city, people] of base.values()) {
      const band = bands[ageBandIndex(ageBandEdges, age)];
      total[sex] += people;
      byAge.get(band)![sex] += people;
      countInto(byCategory, cat, () => category(cat), sex, people);
      countInto(byNationality, nationality, () => countryName(nationality, locale), sex, people);
      const cityName = city?.trim() || null;
      if (cityName) countInto(byCity, cityName.toLocaleLowerCase('fr'), () => cityName, sex, people);
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
      const counted = table(texts, id, columns, rows, sumRow(texts.total, columns, rows));
      return withoutSmallCells(counted, gridLines(counted, [1, 2], 3), smallCellThreshold);
    };
    const withNotStated = (groups: Iterable<BySex>, keepOrder: boolean, missing: BySex | null) => [
      ...sexRows(keepOrder ? [...groups].filter((g) => g.female + g.male > 0) : groups, keepOrder, locale),
      ...(missing ? sexRows([missing], true, locale) : []),
    ];
    // A person may have several vulnerabilities: no line of totals (the section's note says so).
    const vulnerabilityColumns = [column(c.vulnerability, 'label'), ...sexColumns];
    const vulnerabilityTable = table(texts, 'reached.byVulnerability', vulnerabilityColumns, sexRows(byVulnerability.values(), false, locale));
    const cityRows = sexRows(byCity.values(), false, locale);
    if (noCity) cityRows.push(...sexRows([noCity], true, locale));
    const detailColumns = [column(c.sex, 'label'), column(c.ageBand, 'label'), column(c.category, 'label'), column(c.nationality, 'label'), column(c.city, 'label'), column(c.people)];
    const reached = total.female + total.male;
    const summary = table(texts, 'reached.summary', [column(c.indicator, 'label'), column(c.value)], [
      [texts.indicators.reached, reached],
      [texts.indicators.reachedFemale, total.female],
      [texts.indicators.reachedMale, total.male],
      [texts.indicators.registered, registered],
    ]);
    const detailTable = table(texts, 'reached.detail', detailColumns, detailRows, sumRow(texts.total, detailColumns, detailRows));
    return {
      measures: {
        people_reached: reached,
        people_reached_female: total.female,
        people_reached_male: total.male,
        people_reached_female_share: percent(total.female, reached) ?? 0,
        people_registered: registered,
      },
      notes: [
        ...(reached === 0 ? [texts.notesText.nobodyReached] : []),
        ...(byVulnerability.size > 0 ? [texts.severalVulnerabilities] : []),
        ...(hidden.size > 0 ? [texts.sensitiveLeftOut] : []),
      ],
      tables: [
        withoutSmallCells(summary, [{ parts: [[1, 1], [2, 1]], total: [0, 1] }], smallCellThreshold),
        bySexTable('reached.byAgeBand', c.ageBand, sexRows(byAge.values(), true, locale)),
        bySexTable('reached.byCategory', c.category, sexRows(byCategory.values(), false, locale)),
        bySexTable('reached.byNationality', c.nationality, sexRows(byNationality.values(), false, locale)),
        bySexTable('reached.byCity', c.city, cityRows),
        bySexTable('reached.byLegalStatus', c.legalStatus, withNotStated(byLegalStatus.values(), true, legalNotStated)),
        withoutSmallCells(vulnerabilityTable, gridLines(vulnerabilityTable, [1, 2], 3), smallCellThreshold),
        bySexTable('reached.byHousehold', c.dependants, withNotStated(byHousehold.values(), true, householdNotStated)),
        withoutSmallCells(detailTable, gridLines(detailTable, [5], null), smallCellThreshold),
      ],
    };
  },
};
