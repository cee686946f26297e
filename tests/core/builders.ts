import type { BeneficiaryInput, OpInput } from '../../electron/contract';

/** A valid beneficiary with consent and personal data; override personal fields, then top-level ones. */
export function person(overrides: Partial<BeneficiaryInput['personal'] & object> = {}, top: Partial<BeneficiaryInput> = {}): BeneficiaryInput {
  return {
    sex: 'female',
    birthYear: 1994,
    birthYearEstimated: false,
    nationality: 'SN',
    category: 'subsaharan_migrant',
    consent: { date: '2026-01-15', givenBy: 'person', scopes: ['service', 'reporting'] },
    personal: {
      firstName: 'Aminata',
      lastName: 'Diop',
      phones: ['0612345678'],
      city: 'Rabat',
      languages: ['french', 'wolof'],
      legalStatus: { code: 'residence_card', documentNumber: 'RC123', issueDate: '2025-01-01', expiryDate: '2027-01-01' },
      household: { dependants: 1, childrenUnder18: 1, singleParent: true },
      educationLevel: 'upper_secondary',
      vulnerabilities: ['single_mother'],
      ...overrides,
    },
    ...top,
  };
}

/** A valid member (with an Arabic name and a phone); override any field. */
export const memberInput = (more: Partial<OpInput<'members.save'>> = {}): OpInput<'members.save'> => ({
  firstName: 'Khadija',
  lastName: 'Benali',
  arabicName: 'خديجة بنعلي',
  sex: 'female',
  joinDate: '2024-03-10',
  phones: ['0661234567'],
  ...more,
});
