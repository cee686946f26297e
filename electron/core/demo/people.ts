import { demoCities, namePatterns, type NamePattern } from './names';
import { pick } from './random';

export interface FictitiousPerson {
  firstName: string;
  lastName: string;
  /** Arabic-script full name, for Moroccans. */
  arabicName: string | null;
  sex: 'female' | 'male';
  age: number;
  nationality: NamePattern['nationality'];
  city: (typeof demoCities)[number];
}

export function fictitiousPerson(random: () => number, nationality?: NamePattern['nationality']): FictitiousPerson {
  const pattern = nationality
    ? (namePatterns.find((p) => p.nationality === nationality) ?? namePatterns[0])
    : pick(random, namePatterns);
  const sex = random() < 0.5 ? 'female' : 'male';
  const [first, firstAr] = pick(random, sex === 'female' ? pattern.female : pattern.male);
  const [last, lastAr] = pick(random, pattern.last);
  return {
    firstName: first,
    lastName: last,
    arabicName: firstAr && lastAr ? `${firstAr} ${lastAr}` : null,
    sex,
    age: Math.floor(random() * 71),
    nationality: pattern.nationality,
    city: pick(random, demoCities),
  };
}
