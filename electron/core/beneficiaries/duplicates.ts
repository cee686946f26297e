import jaroWinkler from 'talisman/metrics/jaro-winkler';
import type { Beneficiary, DuplicateReason } from '../../contract';
import { latinWords, nameForms, normalizeForSearch, phoneticCodes, soundOf } from './text-normalization';

/**
 * Two spellings of one name: the same Double Metaphone code (Ousmane / Usman), or close codes
 * (Fatima FTM / Fatoumata FTMT, Khadija / Khadidja). Very short codes also need the spellings to
 * be close, or Awa and Aya would match.
 */
export function similarNames(a: string, b: string): boolean {
  const wordsA = latinWords(a);
  const wordsB = latinWords(b);
  if (wordsA.length === 0 || wordsB.length === 0) return false;
  return similarSpellings(wordsA.join(' '), phoneticCodes(a).join(' '), wordsB.join(' '), phoneticCodes(b).join(' '));
}

function similarSpellings(spellingA: string, codeA: string, spellingB: string, codeB: string): boolean {
  const spelling = jaroWinkler(spellingA, spellingB);
  if (codeA.length <= 1 || codeB.length <= 1) return spelling >= 0.9;
  return codeA === codeB || jaroWinkler(codeA, codeB) >= 0.93 || spelling >= 0.92;
}

/** What two records are compared on; the optional facts count when both records have them. */
export interface ComparedPerson {
  firstName: string;
  lastName: string;
  birthYear: number;
  sex?: Beneficiary['sex'];
  birthYearEstimated?: boolean;
  birthDate?: string | null;
  /** E.164, as the contract stores them. */
  phones?: readonly string[];
  arabicName?: string | null;
}

/** A name's written forms and their sounds, worked out once per name for the many pairs it is in. */
interface NameKey {
  /** One number per distinct name written: what comparisons are remembered by. */
  id: number;
  forms: string[];
  sounds: string[];
}

export interface PersonKey {
  person: ComparedPerson;
  first: NameKey;
  last: NameKey;
  arabicName: string;
}

/**
 * A few remembered answers about names: an association's people share far fewer names than they
 * are (Mohamed, Fatima, Diallo), and a whole file is compared at once. Emptied when full, so a
 * long-running app never holds more than this many.
 */
const REMEMBERED = 50_000;
type NameLikeness = 'same' | 'soundAlike' | 'apart';

const nameKeys = new Map<string, NameKey>();
let namesKnown = 0;
/** By the smaller id, then the larger. */
const likenesses = new Map<number, Map<number, NameLikeness>>();
let likenessesKnown = 0;

function nameKey(name: string): NameKey {
  const known = nameKeys.get(name);
  if (known) return known;
  if (nameKeys.size >= REMEMBERED) nameKeys.clear();
  const forms = nameForms(name);
  const key = { id: namesKnown++, forms, sounds: forms.map(soundOf) };
  nameKeys.set(name, key);
  return key;
}

export function personKey(person: ComparedPerson): PersonKey {
  return { person, first: nameKey(person.firstName), last: nameKey(person.lastName), arabicName: normalizeForSearch(person.arabicName ?? '') };
}

/**
 * The blocks a person is looked for in (see duplicate-finder.ts): the sounds of both names
 * together (in either order, for names swapped), and the sound of one name with the first letter
 * of the other (Fatima / Fatoumata Diallo sound apart but begin alike).
 */
export function blocksOf(key: PersonKey): string[] {
  const blocks = new Set<string>();
  const initials = (name: NameKey) => new Set(name.forms.map((f) => f[0]));
  for (const f of key.first.sounds) for (const l of key.last.sounds) blocks.add(f < l ? `${f} ${l}` : `${l} ${f}`);
  for (const l of key.last.sounds) for (const i of initials(key.first)) blocks.add(`${l} ${i}-`);
  for (const f of key.first.sounds) for (const i of initials(key.last)) blocks.add(`${f} -${i}`);
  return [...blocks];
}

/** Every sound of a person's names, for the sounds index (the form's check). */
export const soundsOf = (key: PersonKey): string[] => [...new Set([...key.first.sounds, ...key.last.sounds].filter(Boolean))];

function compareNames(a: NameKey, b: NameKey): NameLikeness {
  if (a.forms.some((form) => b.forms.includes(form))) return 'same';
  for (let i = 0; i < a.forms.length; i++) {
    for (let j = 0; j < b.forms.length; j++) {
      if (similarSpellings(a.forms[i], a.sounds[i], b.forms[j], b.sounds[j])) return 'soundAlike';
    }
  }
  return 'apart';
}

function likeness(a: NameKey, b: NameKey): NameLikeness {
  const [x, y] = a.id < b.id ? [a, b] : [b, a];
  let row = likenesses.get(x.id);
  const known = row?.get(y.id);
  if (known) return known;
  if (likenessesKnown >= REMEMBERED) {
    likenesses.clear();
    likenessesKnown = 0;
    row = undefined;
  }
  if (!row) likenesses.set(x.id, (row = new Map()));
  const found = compareNames(x, y);
  row.set(y.id, found);
  likenessesKnown += 1;
  return found;
}

/** An estimated birth year (an age given at the desk) may be this far from the real one. */
export const ESTIMATE_SPREAD = 2;

function birthReason(a: ComparedPerson, b: ComparedPerson): DuplicateReason | null {
  if (a.birthDate && b.birthDate && a.birthDate === b.birthDate) return 'sameBirthDate';
  if (a.birthYear === b.birthYear) return 'sameBirthYear';
  const estimated = a.birthYearEstimated || b.birthYearEstimated;
  return estimated && Math.abs(a.birthYear - b.birthYear) <= ESTIMATE_SPREAD ? 'closeBirthYear' : null;
}

/**
 * Why two records may be one person, or null when they should not be proposed:
 * - never when both sexes are given and differ (Grâce and Christian Kalonji are a family);
 * - the same person by name: first and family names alike (or each written in the other's place)
 *   and born the same year, or within two years when one year is an estimate;
 * - the same phone, with first names alike or the birth year matching (relatives often share a
 *   phone; they differ in one or the other).
 */
export function duplicateReasons(a: PersonKey, b: PersonKey): DuplicateReason[] | null {
  const [x, y] = [a.person, b.person];
  if (x.sex && y.sex && x.sex !== y.sex) return null;
  const born = birthReason(x, y);
  const phone = Boolean(x.phones?.some((p) => y.phones?.includes(p)));
  if (!born && !phone) return null;
  const alike = (x: NameKey, y: NameKey) => {
    const l = likeness(x, y);
    return l === 'apart' ? null : l;
  };
  let first = alike(a.first, b.first);
  let last = alike(a.last, b.last);
  let swapped = false;
  if (!first || !last) {
    const crossFirst = alike(a.first, b.last);
    const crossLast = alike(a.last, b.first);
    if (crossFirst && crossLast) [first, last, swapped] = [crossFirst, crossLast, true];
  }
  const byName = Boolean(born && first && last);
  if (!byName && !(phone && (first || born))) return null;
  const reasons: DuplicateReason[] = [];
  if (phone) reasons.push('phone');
  if (born) reasons.push(born);
  if (swapped) reasons.push('namesSwapped');
  if (first) reasons.push(first === 'same' ? 'sameFirstName' : 'firstNamesSoundAlike');
  if (last) reasons.push(last === 'same' ? 'sameLastName' : 'lastNamesSoundAlike');
  if (a.arabicName && a.arabicName === b.arabicName) reasons.push('sameArabicName');
  return reasons;
}

/** The reasons, or null, of two people compared on what they give (the import's row checks, the property tests). */
export function personReasons(a: ComparedPerson, b: ComparedPerson): DuplicateReason[] | null {
  return duplicateReasons(personKey(a), personKey(b));
}
