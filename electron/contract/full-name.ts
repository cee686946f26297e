const ARABIC_LETTER = /[\u0600-\u06FF]/;

export interface SplitName {
  firstName: string;
  lastName: string;
  /** The whole name when it is written in Arabic script. */
  arabicName?: string;
}

const isCapitals = (word: string) => word.toLocaleUpperCase('fr') === word && word.toLocaleLowerCase('fr') !== word;

/**
 * One "Nom et prénom" cell as French lists write it: the last name first, often in capitals
 * ("DIOP Awa", "EL AMRANI Nadia Fatima"), or "Diop, Awa". An Arabic full name is kept whole as the
 * Arabic name; its first word is taken as the first name, the rest as the last name, so the record
 * stays searchable in both fields.
 */
export function splitFullName(text: string): SplitName {
  const whole = text.trim().replace(/\s+/g, ' ');
  if (ARABIC_LETTER.test(whole)) {
    const [first = '', ...rest] = whole.split(' ');
    return { firstName: first, lastName: rest.join(' '), arabicName: whole };
  }
  const comma = whole.indexOf(',');
  if (comma >= 0) return { lastName: whole.slice(0, comma).trim(), firstName: whole.slice(comma + 1).trim() };
  const words = whole.split(' ');
  const capitals = words.findIndex((w) => !isCapitals(w));
  const lastCount = capitals > 0 && capitals < words.length ? capitals : 1;
  return { lastName: words.slice(0, lastCount).join(' '), firstName: words.slice(lastCount).join(' ') };
}
