import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AccountRow, Category, JournalEntry, YearStatement } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';
import { aJournalEntry } from './treasury-fixtures';

vi.mock('../../renderer/transport');

const AT = '2026-05-01T10:00:00.000Z';

const accounts: AccountRow[] = [
  { id: 'cash', name: 'Caisse', kind: 'cash', currency: 'MAD', openingDate: '2026-01-01', openingMinor: 500_00, archivedAt: null, balanceMinor: 700_00, entries: 1 },
  { id: 'bank', name: 'Banque', kind: 'bank', currency: 'MAD', openingDate: '2026-01-01', openingMinor: 0, archivedAt: null, balanceMinor: 1_000_00, entries: 2 },
];

const categories: Category[] = [
  { id: 'dues', direction: 'in', labelFr: 'Cotisations', labelAr: 'الاشتراكات', labelEn: 'Membership dues', sort: 1, archivedAt: null },
  { id: 'rent', direction: 'out', labelFr: 'Loyer', labelAr: 'الكراء', labelEn: 'Rent', sort: 13, archivedAt: null },
];

const base = aJournalEntry({
  date: '2026-02-03',
  amountMinor: 200_00,
  counterpartKind: 'member',
  counterpartName: 'Khadija Alaoui',
  reference: 'R-2026-00001',
  source: 'dues',
  sourceId: 'p-1',
  createdAt: AT,
});

const rent: JournalEntry = { ...base, id: 'e-2', date: '2026-03-10', accountId: 'bank', accountName: 'Banque', direction: 'out', amountMinor: 1_500_00, categoryId: 'rent', counterpartKind: 'supplier', counterpartName: 'Propriétaire', reference: null, source: 'manual', sourceId: null };

/** Picks an option in a Mantine select's own dropdown (the page's filters have the same options). */
async function choose(combobox: HTMLElement, option: string) {
  await userEvent.click(combobox);
  const listbox = await waitFor(() => {
    const found = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error('no dropdown');
    return found;
  });
  await userEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }));
}

function treasuryCore(extra: Parameters<typeof signedIn>[1] = {}) {
  return signedIn(session({ role: 'treasurer' }), {
    'treasury.accounts.list': () => ok(accounts),
    'treasury.categories.list': () => ok(categories),
    'treasury.entries.list': () => ok({ rows: [rent, base], total: 2 }),
    'grants.agreements.list': () => ok([]),
    ...extra,
  });
}

describe('treasury journal', () => {
  it('lists every movement once, dues marked as coming from the members area, only journal entries reversible', async () => {
    treasuryCore();
    await renderApp('#/treasury');
    const table = await screen.findByRole('table', { name: 'Journal' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('Propriétaire')).toBeTruthy();
    expect(within(rows[1]).getByRole('button', { name: 'Contre-passer' })).toBeTruthy();
    expect(within(rows[2]).getByText('Cotisation')).toBeTruthy();
    expect(within(rows[2]).queryByRole('button', { name: 'Contre-passer' })).toBeNull();
    expect(screen.getByText('2 mouvements')).toBeTruthy();
  });

  it('warns with the figures before saving, sends centimes, and shows the closed year at the date field', async () => {
    const core = treasuryCore({
      'treasury.entries.check': ({ amountMinor }) => ok(amountMinor > 1_000_00 ? [{ kind: 'balance_short' as const, balanceMinor: 1_000_00, afterMinor: 1_000_00 - amountMinor, currency: 'MAD' }] : []),
      'treasury.entries.add': () => ({ ok: false, error: { code: 'period_closed', fields: { date: 'period_closed' } } }),
    });
    await renderApp('#/treasury');
    await userEvent.click(await screen.findByRole('button', { name: 'Nouveau mouvement' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Date/), '2025-12-20');
    await choose(within(dialog).getByRole('combobox', { name: /^Compte/ }), 'Banque');
    await userEvent.type(within(dialog).getByLabelText(/^Montant/), '1 234,50');
    await choose(within(dialog).getByRole('combobox', { name: /^Catégorie/ }), 'Loyer');
    await userEvent.type(within(dialog).getByLabelText(/^Nom du tiers/), 'Propriétaire');
    expect(await within(dialog).findByText(/Le solde du compte \(1\s000,00\sMAD\) ne couvre pas ce montant : il passerait à -234,50\sMAD\./)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('treasury.entries.add')).toHaveLength(1));
    expect(core.calls('treasury.entries.add')[0]).toMatchObject({ accountId: 'bank', direction: 'out', amountMinor: 123_450, categoryId: 'rent', date: '2025-12-20', receipt: null });
    expect(await within(dialog).findAllByText('Cette année est clôturée : aucun mouvement ne peut y être enregistré.')).not.toHaveLength(0);
    expect(within(dialog).getByLabelText(/^Date/).getAttribute('aria-invalid')).toBe('true');
  });
});

const months = Array.from({ length: 12 }, (_, i) => {
  const month = `2026-${String(i + 1).padStart(2, '0')}`;
  return i === 0 ? { month, openingMinor: 500_00, inMinor: 200_00, outMinor: 0, closingMinor: 700_00 } : { month, openingMinor: 700_00, inMinor: 0, outMinor: 0, closingMinor: 700_00 };
});

const statement: YearStatement = {
  associationName: 'Association Amal',
  year: 2026,
  closed: false,
  currencies: [
    {
      currency: 'MAD',
      income: [{ categoryId: 'dues', direction: 'in', labelFr: 'Cotisations', labelAr: 'الاشتراكات', labelEn: 'Membership dues', amountMinor: 200_00 }],
      expenses: [],
      incomeMinor: 200_00,
      expensesMinor: 0,
      resultMinor: 200_00,
    },
  ],
  accounts: [{ accountId: 'cash', name: 'Caisse', kind: 'cash', currency: 'MAD', openingMinor: 500_00, inMinor: 200_00, outMinor: 0, closingMinor: 700_00, months }],
};

describe('treasury year statement', () => {
  it('shows the difference between the statement balance typed in and the books, and prints the year for the assembly', async () => {
    treasuryCore({ 'treasury.yearStatement': () => ok(statement), 'treasury.years.list': () => ok([]) });
    await renderApp('#/treasury/year');
    const january = await screen.findByRole('textbox', { name: 'Solde du relevé 2026-01' });
    await userEvent.type(january, '650');
    const row = january.closest('tr') as HTMLElement;
    expect(within(row).getByText(/^-50,00\sMAD$/)).toBeTruthy();
    await userEvent.clear(january);
    await userEvent.type(january, '700');
    expect(within(row).getByText('Rapproché')).toBeTruthy();
    const printed = screen.getByTestId('year-statement');
    expect(within(printed).getByText('Cotisations')).toBeTruthy();
    expect(within(printed).getByText((_, el) => el?.tagName === 'P' && el.textContent?.replace(/\s+/g, ' ') === 'Résultat 200,00 MAD')).toBeTruthy();
  });
});
