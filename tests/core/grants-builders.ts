import { ribKey, type OpInput } from '../../electron/contract';
import type { TestCore } from './helpers';

/** A valid Moroccan RIB built from 22 digits: bank 007, city 780, a 16-digit account. */
export const validRib = (account = '0001234567890123') => {
  const first22 = `007780${account}`;
  return `${first22}${ribKey(first22)}`;
};

export async function newFunder(core: TestCore, name = 'Enabel') {
  return core.must('grants.funders.save', { name, type: 'bilateral', country: 'BE', contact: 'rabat@enabel.example' });
}

export const agreementInput = (funderId: string, more: Partial<OpInput<'grants.agreements.save'>> = {}): OpInput<'grants.agreements.save'> => ({
  funderId,
  reference: 'MA-2026-017',
  title: 'Inclusion socio-économique des migrants',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  currency: 'EUR',
  totalMinor: 100_000_00,
  budgetLines: [
    { code: 'L1', label: 'Activités', amountMinor: 60_000_00 },
    { code: 'L2', label: 'Équipement', amountMinor: 30_000_00 },
    { code: 'L3', label: 'Fonctionnement', amountMinor: 10_000_00 },
  ],
  deadlines: [{ dueDate: '2026-12-31', kind: 'financial' }],
  indicators: [{ code: 'IND1', label: 'Micro-projets financés', target: 12 }],
  ...more,
});

export async function newAgreement(core: TestCore, more: Partial<OpInput<'grants.agreements.save'>> = {}, funderName?: string) {
  const funder = await newFunder(core, funderName);
  const agreement = await core.must('grants.agreements.save', agreementInput(funder.id, more));
  // Sub-grants in the agreement's currency are paid from an account in that currency (the journal's entry).
  const accounts = await core.must('treasury.accounts.list', {});
  if (!accounts.some((a) => a.currency === agreement.currency)) {
    await core.must('treasury.accounts.save', { name: `Banque (${agreement.currency})`, kind: 'bank', currency: agreement.currency, openingDate: '2020-01-01', openingMinor: 0 });
  }
  const detail = await core.must('grants.agreements.get', { id: agreement.id });
  return { agreement, funder, lines: detail.budgetLines };
}

export async function newOrganisation(core: TestCore, name = 'Association Amal Berkane', more: Partial<OpInput<'grants.recipients.save'>> = {}) {
  return core.must('grants.recipients.save', {
    kind: 'organisation',
    name,
    legalForm: 'Association (dahir 1958)',
    city: 'Berkane',
    president: 'Fatima Zahra Idrissi',
    rib: validRib(),
    ...more,
  });
}

export const subGrantInput = (
  agreementId: string,
  recipientId: string,
  more: Partial<OpInput<'grants.subGrants.save'>> = {},
): OpInput<'grants.subGrants.save'> => ({
  agreementId,
  recipientId,
  title: 'Atelier de couture solidaire',
  amountMinor: 10_000_00,
  currency: 'EUR',
  startDate: '2026-02-01',
  endDate: '2026-12-31',
  tranches: [
    { percent: 60, dueDate: '2026-02-15' },
    { percent: 40, dueDate: '2026-07-15', conditionPct: 70 },
  ],
  ...more,
});
