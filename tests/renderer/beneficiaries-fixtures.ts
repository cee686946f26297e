import type { Beneficiary, BeneficiaryRow, LookupValue, SessionInfo } from '../../electron/contract';
import { fakeCore, ok, status, type FakeCore } from './helpers';

const value = (list: LookupValue['list'], code: string, fr: string, sensitive = false): LookupValue => ({
  list,
  code,
  labels: { fr, ar: fr, en: fr },
  sensitive,
  archived: false,
});

export const lookups: LookupValue[] = [
  value('category', 'refugee', 'Réfugié'),
  value('category', 'local_youth', 'Jeune marocain du quartier'),
  value('legalStatus', 'refugee_card', 'Carte de réfugié (BRA)'),
  value('vulnerability', 'single_mother', 'Mère célibataire'),
  value('vulnerability', 'chronic_illness', 'Maladie chronique', true),
];

export function row(n: number, overrides: Partial<BeneficiaryRow> = {}): BeneficiaryRow {
  return {
    id: `b-${n}`,
    reference: `B-2026-${String(n).padStart(5, '0')}`,
    displayName: `Personne ${n}`,
    arabicName: null,
    sex: 'female',
    age: 30,
    category: 'refugee',
    nationality: 'SN',
    city: 'Oujda',
    legalStatus: null,
    pseudonymous: false,
    archived: false,
    ...overrides,
  };
}

export const awa: Beneficiary = {
  id: 'b-awa',
  reference: 'B-2026-00042',
  initials: 'AD',
  sex: 'female',
  birthYear: 1994,
  birthYearEstimated: false,
  nationality: 'SN',
  category: 'refugee',
  consent: { date: '2026-01-10', givenBy: 'person', scopes: ['service', 'reporting'] },
  personal: {
    firstName: 'Awa',
    lastName: 'Diallo',
    arabicName: 'عوا ديالو',
    phones: ['+212612345678'],
    city: 'Oujda',
    languages: ['french', 'wolof'],
    legalStatus: { code: 'refugee_card', documentNumber: 'R-12345', expiryDate: '2031-05-01' },
    household: { dependants: 2, childrenUnder18: 1, singleParent: true },
    educationLevel: 'upper_secondary',
    vulnerabilities: ['single_mother', 'chronic_illness'],
  },
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
  archivedAt: null,
};

export function signedIn(current: SessionInfo, extra: FakeCore = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: current })),
    'lookups.list': ({ list }) => ok(lookups.filter((v) => !list || v.list === list)),
    'caseNotes.list': () => ok([]),
    'procedures.list': () => ok([]),
    'referrals.list': () => ok([]),
    'partners.list': () => ok([]),
    'services.list': () => ok([]),
    'services.types.rules': () => ok([]),
    ...extra,
  });
}
