import jaroWinkler from 'talisman/metrics/jaro-winkler';
import type { CodedField, LookupValue } from '../../../contract';
import { normalizeForSearch } from '../text-normalization';
import { countriesNamed, countryWords } from './country-words';

export interface CodeLists {
  category: LookupValue[];
  legalStatus: LookupValue[];
  /** The cities already written in the file's records. */
  cities: string[];
}

const SEX: Record<string, 'female' | 'male'> = {
  f: 'female', femme: 'female', feminin: 'female', female: 'female', woman: 'female', fille: 'female', انثي: 'female', امراه: 'female',
  m: 'male', h: 'male', homme: 'male', masculin: 'male', male: 'male', man: 'male', garcon: 'male', ذكر: 'male', رجل: 'male',
};

const ANSWERS: Record<string, 'yes' | 'no'> = {
  oui: 'yes', o: 'yes', yes: 'yes', y: 'yes', x: 'yes', 1: 'yes', vrai: 'yes', true: 'yes', ok: 'yes', signe: 'yes',
  '✓': 'yes', '✔': 'yes', نعم: 'yes', موافق: 'yes', موافقه: 'yes',
  non: 'no', n: 'no', no: 'no', 0: 'no', faux: 'no', false: 'no', '': 'no', لا: 'no', 'non signe': 'no',
};

function inList(text: string, values: LookupValue[]): string | undefined {
  const key = normalizeForSearch(text);
  return values.find((v) => v.code === text.trim() || [v.labels.fr, v.labels.en, v.labels.ar].some((l) => normalizeForSearch(l) === key))?.code;
}

/** The code a value of a coded column stands for, when the app knows the word; otherwise undefined. */
export function recognise(field: CodedField, text: string, lists: CodeLists): string | undefined {
  switch (field) {
    case 'sex':
      return SEX[normalizeForSearch(text)];
    case 'consentAnswer':
      return ANSWERS[normalizeForSearch(text)];
    case 'nationality': {
      const codes = countriesNamed(text);
      return codes.length === 1 ? codes[0] : undefined;
    }
    case 'category':
    case 'legalStatus':
      return inList(text, lists[field]);
    case 'city': {
      const key = normalizeForSearch(text);
      return lists.cities.find((city) => normalizeForSearch(city) === key);
    }
  }
}

function closest(text: string, words: [string, string][], least: number): string | null {
  const key = normalizeForSearch(text);
  let best: { code: string; score: number } | null = null;
  for (const [word, code] of words) {
    // A word inside a longer label ("Migrant" in "Migrant subsaharien"): the shorter label is likelier.
    const inside = key.length >= 4 && word.includes(key);
    const score = inside ? 0.9 + (0.1 * key.length) / word.length : jaroWinkler(key, word);
    if (score >= least && (!best || score > best.score)) best = { code, score };
  }
  return best?.code ?? null;
}

const labelWords = (values: LookupValue[]): [string, string][] =>
  values.flatMap((v) => [v.labels.fr, v.labels.en, v.labels.ar].map((l): [string, string] => [normalizeForSearch(l), v.code]));

/** The likeliest code for a value the app does not know, to preselect; null when nothing is close. */
export function suggest(field: CodedField, text: string, lists: CodeLists): string | null {
  switch (field) {
    case 'sex':
      return closest(text, Object.entries(SEX).filter(([w]) => w.length > 1), 0.85);
    case 'consentAnswer':
      return closest(text, Object.entries(ANSWERS).filter(([w]) => w.length > 1), 0.85);
    case 'nationality':
      return countriesNamed(text)[0] ?? closest(text, countryWords().filter(([w]) => w.length > 3), 0.9);
    case 'category':
    case 'legalStatus':
      return closest(text, labelWords(lists[field]), 0.8);
    case 'city':
      return closest(text, lists.cities.map((city): [string, string] => [normalizeForSearch(city), city]), 0.9);
  }
}

const COUNTRY = /^[A-Z]{2}$/;

/** Whether a code chosen by hand is one the field can hold. */
export function isCode(field: CodedField, code: string, lists: CodeLists): boolean {
  switch (field) {
    case 'sex':
      return code === 'female' || code === 'male';
    case 'consentAnswer':
      return code === 'yes' || code === 'no';
    case 'nationality':
      return COUNTRY.test(code) && countriesNamed(code).includes(code);
    case 'category':
    case 'legalStatus':
      return lists[field].some((v) => v.code === code);
    case 'city':
      return code.trim() !== '' && code.length <= 120;
  }
}
