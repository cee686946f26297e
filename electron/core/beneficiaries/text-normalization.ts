import doubleMetaphone from 'talisman/phonetics/double-metaphone';

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const ASCII_SEPARATORS = /['`-]/g;

/**
 * One form for stored names and typed queries: lower case, no Latin accents, Arabic letter
 * variants folded (hamza forms of alef, ta marbuta, alef maqsura) and no harakat or tatweel.
 */
export function normalizeForSearch(text: string): string {
  // Most names are plain ASCII, where only case, apostrophes, hyphens and spaces change: an
  // import of 20,000 people spent more time in the full path than in writing them.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(ARABIC_DIACRITICS, '')
    .normalize('NFC')
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .toLowerCase()
    .replace(/[''`´-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function latinWords(text: string): string[] {
  return normalizeForSearch(text)
    .split(' ')
    .filter((w) => /^[a-z]+$/.test(w));
}

/**
 * French and Arabic transliterations write one sound several ways that Double Metaphone, made for
 * English, keeps apart: Tshibangu / Chibangu, Tchoumi / Choumi, Khadidja / Khadija.
 */
const SAME_SOUNDS: [RegExp, string][] = [
  [/t[sc]h/g, 'ch'],
  [/dj/g, 'j'],
];

/** The sound of one Latin word (Double Metaphone after folding transliterations), '' for none. */
export function soundOf(word: string): string {
  return doubleMetaphone(SAME_SOUNDS.reduce((w, [pattern, sound]) => w.replace(pattern, sound), word))[0];
}

/** The sound of each Latin word: Mohamed, Mohammed and Muhammad all give MHMT. */
export function phoneticCodes(text: string): string[] {
  return latinWords(text)
    .map(soundOf)
    .filter((c) => c.length > 0);
}

/**
 * Words that join a family name without being part of it: "El Amrani" is also written "Elamrani"
 * and "Amrani", "N'Diaye" "Ndiaye".
 */
const PARTICLES = ['el', 'al', 'ben', 'bin', 'ibn', 'ould', 'ait', 'ag', 'de', 'da', 'du', 'n'];
/** A particle written joined to the name is only taken off when a real name is left (Benjelloun, not Benali). */
const LEAST_NAME_LEFT = 4;

/**
 * The written forms a name may be compared by, without spaces: as written, without its particles,
 * and without a particle joined to its first word. "El Amrani" and "Elamrani" both give
 * elamrani and amrani; "N'Diaye" and "Ndiaye" both give ndiaye and diaye. A joined "n" is only
 * a particle before a consonant (Ndiaye, Nzuzi; not Nadia).
 */
export function nameForms(name: string): string[] {
  const words = latinWords(name);
  if (words.length === 0) return [];
  const forms = new Set([words.join('')]);
  const kept = words.filter((w) => !PARTICLES.includes(w));
  if (kept.length > 0) forms.add(kept.join(''));
  const [head, ...rest] = kept.length > 0 ? kept : words;
  for (const particle of PARTICLES) {
    const left = head.slice(particle.length);
    if (!head.startsWith(particle) || left.length < LEAST_NAME_LEFT) continue;
    if (particle === 'n' && /^[aeiouy]/.test(left)) continue;
    forms.add([left, ...rest].join(''));
  }
  return [...forms];
}

/**
 * What the sounds index holds for a named person: the sound of each word of their names, and of
 * each form of their first and family names (so "Elamrani" typed finds "El Amrani").
 */
export function nameSounds(firstName: string, lastName: string): string[] {
  const codes = [...phoneticCodes(`${firstName} ${lastName}`), ...nameForms(firstName).map(soundOf), ...nameForms(lastName).map(soundOf)];
  return [...new Set(codes.filter((c) => c.length > 0))];
}

export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}
