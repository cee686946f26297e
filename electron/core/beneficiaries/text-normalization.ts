import doubleMetaphone from 'talisman/phonetics/double-metaphone';

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * One form for stored names and typed queries: lower case, no Latin accents, Arabic letter
 * variants folded (hamza forms of alef, ta marbuta, alef maqsura) and no harakat or tatweel.
 */
export function normalizeForSearch(text: string): string {
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

/** Double Metaphone of each Latin word: Mohamed, Mohammed and Muhammad all give MHMT. */
export function phoneticCodes(text: string): string[] {
  return latinWords(text)
    .map((w) => doubleMetaphone(w)[0])
    .filter((c) => c.length > 0);
}

export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}
