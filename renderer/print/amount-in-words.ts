/**
 * Amounts in dirhams written in words, as a Moroccan receipt or cheque spells them out so that the
 * figure cannot be altered: French in its traditional spelling ("quatre-vingts", "deux cents",
 * "vingt et un"), Arabic with the counted noun agreeing with the number (درهمان، ثلاثة دراهم،
 * أحد عشر درهمًا، مائة درهم).
 */

export type WordsLanguage = 'fr' | 'ar';

/** Up to 999 999 999 999: far beyond any amount the association handles. */
const LARGEST = 999_999_999_999;

function checked(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0 || n > LARGEST) throw new RangeError(`not a whole amount in range: ${n}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// French

const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** `final`: nothing follows but a noun, so "quatre-vingts" and "deux cents" take their s. */
function frBelow100(n: number, final: boolean): string {
  if (n < 17) return FR_UNITS[n];
  if (n < 20) return `dix-${FR_UNITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 7) return unit === 1 ? 'soixante et onze' : `soixante-${frBelow100(10 + unit, final)}`;
  if (tens === 8) return unit === 0 ? (final ? 'quatre-vingts' : 'quatre-vingt') : `quatre-vingt-${FR_UNITS[unit]}`;
  if (tens === 9) return `quatre-vingt-${frBelow100(10 + unit, final)}`;
  if (unit === 0) return FR_TENS[tens];
  return unit === 1 ? `${FR_TENS[tens]} et un` : `${FR_TENS[tens]}-${FR_UNITS[unit]}`;
}

function frBelow1000(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return frBelow100(rest, final);
  const head = hundreds === 1 ? 'cent' : `${FR_UNITS[hundreds]} cent`;
  if (rest === 0) return hundreds > 1 && final ? `${head}s` : head;
  return `${head} ${frBelow100(rest, final)}`;
}

function frenchWords(n: number): string {
  if (n === 0) return FR_UNITS[0];
  const parts: string[] = [];
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor(n / 1e6) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  // "Million" and "milliard" are nouns (they take an s, and "cents" before them keeps its own); "mille" is not.
  if (billions) parts.push(`${frBelow1000(billions, true)} milliard${billions > 1 ? 's' : ''}`);
  if (millions) parts.push(`${frBelow1000(millions, true)} million${millions > 1 ? 's' : ''}`);
  if (thousands) parts.push(thousands === 1 ? 'mille' : `${frBelow1000(thousands, false)} mille`);
  if (rest) parts.push(frBelow1000(rest, true));
  return parts.join(' ');
}

function frenchCount(n: number, singular: string, plural: string): string {
  const words = frenchWords(n);
  if (n < 2) return `${words} ${singular}`;
  // "Un million de dirhams": after a round million or milliard the noun takes "de".
  return n % 1e6 === 0 ? `${words} de ${plural}` : `${words} ${plural}`;
}

// ---------------------------------------------------------------------------------------------
// Arabic

const AR_UNITS = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'];
const AR_TENS = ['', 'عشرة', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const AR_HUNDREDS = ['', 'مائة', 'مائتان', 'ثلاثمائة', 'أربعمائة', 'خمسمائة', 'ستمائة', 'سبعمائة', 'ثمانمائة', 'تسعمائة'];

function arBelow100(n: number): string {
  if (n < 10) return AR_UNITS[n];
  if (n === 10) return AR_TENS[1];
  if (n === 11) return 'أحد عشر';
  if (n === 12) return 'اثنا عشر';
  if (n < 20) return `${AR_UNITS[n - 10]} عشر`;
  const unit = n % 10;
  const tens = AR_TENS[Math.floor(n / 10)];
  return unit === 0 ? tens : `${AR_UNITS[unit]} و${tens}`;
}

function arBelow1000(n: number): string {
  const hundreds = AR_HUNDREDS[Math.floor(n / 100)];
  const rest = arBelow100(n % 100);
  return [hundreds, rest].filter(Boolean).join(' و');
}

/** The forms of a counted noun: one, two, three to ten (plural), eleven to ninety-nine (singular, accusative). */
interface Noun {
  one: string;
  two: string;
  few: string;
  many: string;
}

const THOUSAND: Noun = { one: 'ألف', two: 'ألفان', few: 'آلاف', many: 'ألفًا' };
const MILLION: Noun = { one: 'مليون', two: 'مليونان', few: 'ملايين', many: 'مليونًا' };
const BILLION: Noun = { one: 'مليار', two: 'ملياران', few: 'مليارات', many: 'مليارًا' };

/** A dual right before the noun it counts loses its ن: مائتا درهم، ألفا درهم. */
const construct = (words: string): string => words.replace(/(مائتان|ألفان|مليونان|ملياران)$/, (dual) => dual.slice(0, -1));

/** `count` of `noun`, the noun in the form the last two digits call for. */
function arCounted(count: number, noun: Noun, wordsOf: (n: number) => string): string {
  if (count === 1) return noun.one;
  if (count === 2) return noun.two;
  const lastTwo = count % 100;
  const words = wordsOf(count);
  if (lastTwo >= 3 && lastTwo <= 10) return `${words} ${noun.few}`;
  if (lastTwo >= 11) return `${words} ${noun.many}`;
  return `${construct(words)} ${noun.one}`;
}

function arabicWords(n: number): string {
  if (n === 0) return 'صفر';
  const parts: string[] = [];
  const billions = Math.floor(n / 1e9);
  const millions = Math.floor(n / 1e6) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  if (billions) parts.push(arCounted(billions, BILLION, arBelow1000));
  if (millions) parts.push(arCounted(millions, MILLION, arBelow1000));
  if (thousands) parts.push(arCounted(thousands, THOUSAND, arBelow1000));
  if (rest) parts.push(arBelow1000(rest));
  return parts.join(' و');
}

function arabicCount(n: number, noun: Noun & { single: string }): string {
  if (n === 0) return `صفر ${noun.one}`;
  if (n === 1) return noun.single;
  return arCounted(n, noun, arabicWords);
}

const DIRHAM = { single: 'درهم واحد', one: 'درهم', two: 'درهمان', few: 'دراهم', many: 'درهمًا' };
const CENTIME = { single: 'سنتيم واحد', one: 'سنتيم', two: 'سنتيمان', few: 'سنتيمات', many: 'سنتيمًا' };

// ---------------------------------------------------------------------------------------------

/** A whole number in words. */
export function numberInWords(n: number, language: WordsLanguage): string {
  return language === 'fr' ? frenchWords(checked(n)) : arabicWords(checked(n));
}

/** An amount of centimes in dirhams and centimes, in words; centimes only when there are some. */
export function amountInWords(centimes: number, language: WordsLanguage): string {
  checked(centimes);
  const dirhams = Math.floor(centimes / 100);
  const cents = centimes % 100;
  if (language === 'fr') {
    const dh = frenchCount(dirhams, 'dirham', 'dirhams');
    const c = frenchCount(cents, 'centime', 'centimes');
    if (cents === 0) return dh;
    return dirhams === 0 ? c : `${dh} et ${c}`;
  }
  const dh = arabicCount(dirhams, DIRHAM);
  const c = arabicCount(cents, CENTIME);
  if (cents === 0) return dh;
  return dirhams === 0 ? c : `${dh} و${c}`;
}
