import type { DuesPayment, JournalEntry } from '../../electron/contract';

const year = new Date().getFullYear();

/** A dues payment of this year, in cash, collected by Nadia; `overrides` say what the test is about. */
export const aDuesPayment = (overrides: Partial<DuesPayment> = {}): DuesPayment => ({
  id: 'p-1',
  memberId: 'm-1',
  year,
  date: `${year}-03-05`,
  amount: 12_000,
  currency: 'MAD',
  method: 'cash',
  note: null,
  receiptNumber: `R-${year}-00007`,
  collectedBy: 'u-nadia',
  collectedByName: 'Nadia Bennani',
  createdAt: `${year}-03-05T10:00:00.000Z`,
  reversal: null,
  ...overrides,
});

/** A journal entry typed by hand into the cash box, charged to nothing; `overrides` say the rest. */
export const aJournalEntry = (overrides: Partial<JournalEntry> = {}): JournalEntry => ({
  id: 'e-1',
  date: '2026-03-05',
  accountId: 'cash',
  accountName: 'Caisse',
  currency: 'MAD',
  direction: 'in',
  amountMinor: 300_00,
  categoryId: 'dues',
  counterpartKind: 'other',
  counterpartName: '',
  description: null,
  reference: null,
  agreementId: null,
  agreementReference: null,
  budgetLineId: null,
  budgetLineCode: null,
  funderTrancheId: null,
  agreementMinor: null,
  rateMicro: null,
  rateInverse: 0,
  rateDate: null,
  attachmentId: null,
  source: 'manual',
  sourceId: null,
  reversesId: null,
  reversalReason: null,
  reversedById: null,
  createdAt: '2026-03-05T10:00:00.000Z',
  transferId: null,
  ...overrides,
});
