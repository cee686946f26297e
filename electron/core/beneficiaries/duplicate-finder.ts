import { DUPLICATE_PAIRS_SHOWN, type BeneficiaryInput, type DuplicateCandidate, type DuplicatePairs, type DuplicateReason } from '../../contract';
import type { Db } from '../db/database';
import { dismissedPairs, pairId, toldApartFrom } from './dismissals';
import { blocksOf, duplicateReasons, ESTIMATE_SPREAD, personKey, soundsOf, type PersonKey } from './duplicates';
import { activeComparedPeople, comparedPeopleLike, type ComparedRow } from './repository';

/** How much each reason weighs in the order of the screen: the likeliest pairs first. */
const WEIGHT: Record<DuplicateReason, number> = {
  phone: 3,
  sameBirthDate: 3,
  sameBirthYear: 2,
  closeBirthYear: 1,
  namesSwapped: 0,
  sameFirstName: 2,
  firstNamesSoundAlike: 1,
  sameLastName: 2,
  lastNamesSoundAlike: 1,
  sameArabicName: 2,
};

const weightOf = (reasons: DuplicateReason[]) => reasons.reduce((sum, r) => sum + WEIGHT[r], 0);

const candidate = (row: ComparedRow, reasons: DuplicateReason[]): DuplicateCandidate => ({
  id: row.id,
  reference: row.reference,
  displayName: row.displayName,
  birthYear: row.birthYear,
  reasons,
});

/**
 * The people a record being typed may already be (the form's check before saving): by phone, or
 * by the sound of a name and a birth year close enough, then weighed by duplicateReasons. People
 * already told apart from the record being edited are left out.
 */
export function findDuplicates(db: Db, input: BeneficiaryInput, excludeId?: string): DuplicateCandidate[] {
  const p = input.personal;
  if (!p) return [];
  const typed = personKey({ ...p, sex: input.sex, birthYear: input.birthYear, birthYearEstimated: input.birthYearEstimated });
  const apart = excludeId ? toldApartFrom(db, excludeId) : new Set<string>();
  const found: { weight: number; c: DuplicateCandidate }[] = [];
  for (const row of comparedPeopleLike(db, { phones: p.phones, sounds: soundsOf(typed), birthYear: input.birthYear, years: ESTIMATE_SPREAD })) {
    if (row.id === excludeId || apart.has(row.id)) continue;
    const reasons = duplicateReasons(typed, personKey(row));
    if (reasons) found.push({ weight: weightOf(reasons), c: candidate(row, reasons) });
  }
  return found.sort((x, y) => y.weight - x.weight || x.c.reference.localeCompare(y.c.reference)).map((f) => f.c);
}

/**
 * Weighs pairs of people without comparing everyone with everyone: people meet when they share a
 * phone, or a block of their names (blocksOf) and a birth year (another year, at most
 * ESTIMATE_SPREAD apart, only when one of them is an estimate). `weigh` sees each pair once, as
 * indexes into `keys` (smaller first).
 */
function weighPairs(keys: PersonKey[], weigh: (i: number, j: number) => void): void {
  // Numbers, not texts, for the blocks: a block's number times YEARS plus the birth year, so the
  // same block a year later is the next number.
  const YEARS = 1024;
  const blockIds = new Map<string, number>();
  const byName = new Map<number, number[]>();
  const byPhone = new Map<string, number[]>();
  const push = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  // Many people share both names (Mohamed El Amrani): their blocks are worked out once.
  const blocksOfNames = new Map<number, Map<number, number[]>>();
  const blockNumbers = (k: PersonKey): number[] => {
    let byLast = blocksOfNames.get(k.first.id);
    if (!byLast) blocksOfNames.set(k.first.id, (byLast = new Map()));
    let ids = byLast.get(k.last.id);
    if (!ids) {
      ids = blocksOf(k).map((block) => {
        let id = blockIds.get(block);
        if (id === undefined) blockIds.set(block, (id = blockIds.size));
        return id;
      });
      byLast.set(k.last.id, ids);
    }
    return ids;
  };
  keys.forEach((k, i) => {
    for (const id of blockNumbers(k)) push(byName, id * YEARS + (k.person.birthYear % YEARS), i);
    for (const phone of k.person.phones ?? []) push(byPhone, phone, i);
  });
  // Pairs meet in several blocks: each is noted as one number, then weighed once after a sort.
  const n = keys.length;
  const met: number[] = [];
  const within = (list: number[]) => {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) met.push(list[i] * n + list[j]);
  };
  for (const list of byPhone.values()) within(list);
  for (const [key, list] of byName) {
    within(list);
    for (let apart = 1; apart <= ESTIMATE_SPREAD; apart++) {
      for (const j of byName.get(key + apart) ?? []) {
        for (const i of list) {
          if (keys[i].person.birthYearEstimated || keys[j].person.birthYearEstimated) met.push(i < j ? i * n + j : j * n + i);
        }
      }
    }
  }
  const sorted = Float64Array.from(met).sort();
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    const i = Math.floor(sorted[k] / n);
    weigh(i, sorted[k] - i * n);
  }
}

/**
 * The pairs among `keys` that duplicateReasons proposes, as indexes into `keys` with their reasons,
 * leaving out those `toldApart` refuses.
 */
export function proposedPairs(keys: PersonKey[], toldApart: (i: number, j: number) => boolean = () => false): [number, number, DuplicateReason[]][] {
  const proposed: [number, number, DuplicateReason[]][] = [];
  weighPairs(keys, (i, j) => {
    const reasons = duplicateReasons(keys[i], keys[j]);
    if (reasons && !toldApart(i, j)) proposed.push([i, j, reasons]);
  });
  return proposed;
}

/**
 * Pairs for the "possible duplicates" screen, the likeliest first, leaving out the pairs someone
 * said are different people. 50,000 people are compared within blocks (see pairsToWeigh), never
 * all with all.
 */
export function duplicatePairs(db: Db): DuplicatePairs {
  const rows = activeComparedPeople(db);
  const apart = dismissedPairs(db);
  const found = proposedPairs(
    rows.map((row) => personKey(row)),
    (i, j) => apart.has(pairId(rows[i].id, rows[j].id)),
  ).map(([i, j, reasons]) => {
    const [a, b] = rows[i].reference < rows[j].reference ? [rows[i], rows[j]] : [rows[j], rows[i]];
    return { weight: weightOf(reasons), pair: { a: candidate(a, reasons), b: candidate(b, reasons) } };
  });
  found.sort((x, y) => y.weight - x.weight || x.pair.a.reference.localeCompare(y.pair.a.reference) || x.pair.b.reference.localeCompare(y.pair.b.reference));
  return { pairs: found.slice(0, DUPLICATE_PAIRS_SHOWN).map((f) => f.pair), total: found.length };
}
