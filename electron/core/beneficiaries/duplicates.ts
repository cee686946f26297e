import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { latinWords, phoneticCodes } from './text-normalization';

/**
 * Two spellings of one name: the same Double Metaphone code (Ousmane / Usman), or close codes
 * (Fatima FTM / Fatoumata FTMT, Khadija / Khadidja). Very short codes also need the spellings to
 * be close, or Awa and Aya would match.
 */
export function similarNames(a: string, b: string): boolean {
  const wordsA = latinWords(a);
  const wordsB = latinWords(b);
  if (wordsA.length === 0 || wordsB.length === 0) return false;
  const codeA = phoneticCodes(a).join(' ');
  const codeB = phoneticCodes(b).join(' ');
  const spelling = jaroWinkler(wordsA.join(' '), wordsB.join(' '));
  if (codeA.length <= 1 || codeB.length <= 1) return spelling >= 0.9;
  return codeA === codeB || jaroWinkler(codeA, codeB) >= 0.93 || spelling >= 0.92;
}

export function similarPerson(
  a: { firstName: string; lastName: string; birthYear: number },
  b: { firstName: string; lastName: string; birthYear: number },
): boolean {
  return a.birthYear === b.birthYear && similarNames(a.firstName, b.firstName) && similarNames(a.lastName, b.lastName);
}
