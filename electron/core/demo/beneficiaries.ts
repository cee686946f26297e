import type { BeneficiaryInput } from '../../contract';
import { fictitiousPerson } from './people';
import { pick } from './random';

const MOROCCAN_CATEGORIES = ['returning_migrant', 'local_youth', 'vulnerable_woman'] as const;
const FOREIGN_CATEGORIES = ['subsaharan_migrant', 'subsaharan_migrant', 'refugee', 'asylum_seeker'] as const;
const FOREIGN_STATUSES = [
  'immatriculation_visitor',
  'immatriculation_work',
  'regularisation_1y',
  'regularisation_3y',
  'refugee_card',
  'unhcr_certificate',
  'pending_receipt',
  'no_document',
] as const;
const NEIGHBOURHOODS = ['Hay Al Qods', 'Lazaret', 'Hay Salam', 'Médina', 'Sidi Moumen', 'Takaddoum', 'Hay Mohammadi'];

const isoDay = (year: number, random: () => number) =>
  `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

/** A plausible, entirely fictitious beneficiary; about one in seven without consent (pseudonymous). */
export function fictitiousBeneficiary(random: () => number, today: Date): BeneficiaryInput {
  const year = today.getUTCFullYear();
  const p = fictitiousPerson(random);
  const moroccan = p.nationality === 'MA';
  const birthYear = year - p.age;
  const base = {
    sex: p.sex,
    birthYear,
    birthYearEstimated: !moroccan && random() < 0.3,
    nationality: p.nationality,
    category: moroccan
      ? p.sex === 'female' && p.age >= 18
        ? 'vulnerable_woman'
        : pick(random, MOROCCAN_CATEGORIES.slice(0, 2))
      : pick(random, FOREIGN_CATEGORIES),
  };
  if (random() < 0.14) return { ...base, initials: `${p.firstName[0]}${p.lastName[0]}`, consent: null, personal: null };
  const issueYear = year - 1 - Math.floor(random() * 3);
  const statusCode = moroccan ? 'moroccan_citizen' : pick(random, FOREIGN_STATUSES);
  const hasDocument = statusCode !== 'no_document' && statusCode !== 'moroccan_citizen';
  const minor = p.age < 18;
  return {
    ...base,
    consent: {
      date: isoDay(year - 1, random),
      givenBy: minor ? 'guardian' : 'person',
      guardianName: minor ? `${pick(random, ['Awa', 'Moussa', 'Khadija', 'Jean'])} ${p.lastName}` : undefined,
      scopes: random() < 0.5 ? ['service', 'reporting'] : ['service', 'sharing', 'reporting'],
    },
    personal: {
      firstName: p.firstName,
      lastName: p.lastName,
      arabicName: p.arabicName ?? undefined,
      // A baby born this year: a random day may still be ahead (in December, most of them are).
      birthDate: base.birthYearEstimated ? undefined : [isoDay(birthYear, random), today.toISOString().slice(0, 10)].sort()[0],
      phones: p.age >= 15 ? [`0${random() < 0.5 ? 6 : 7}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`] : [],
      city: p.city,
      neighbourhood: pick(random, NEIGHBOURHOODS),
      languages: moroccan ? ['darija', 'french'] : ['french', pick(random, ['wolof', 'bambara', 'lingala', 'pulaar', 'english'] as const)],
      legalStatus: {
        code: statusCode,
        documentNumber: hasDocument ? `${pick(random, ['A', 'E', 'R'])}${Math.floor(100000 + random() * 899999)}` : undefined,
        issueDate: hasDocument ? isoDay(issueYear, random) : undefined,
        expiryDate: hasDocument ? isoDay(issueYear + 1 + Math.floor(random() * 3), random) : undefined,
      },
      household: {
        dependants: Math.floor(random() * 4),
        childrenUnder18: minor ? 0 : Math.floor(random() * 3),
        singleParent: !minor && random() < 0.2,
      },
      educationLevel: pick(random, ['none', 'primary', 'lower_secondary', 'upper_secondary', 'vocational', 'university'] as const),
      occupation: minor ? undefined : pick(random, ['Couturière', 'Maçon', 'Vendeur ambulant', 'Aide-ménagère', 'Cuisinier', 'Sans emploi']),
      vulnerabilities: minor && !moroccan && random() < 0.3 ? ['unaccompanied_minor'] : random() < 0.15 ? ['homeless'] : [],
    },
  };
}
