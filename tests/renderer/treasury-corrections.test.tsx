import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AccountRow, AgreementFinancialReport, Category, DuesPayment, MemberDetail } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session, status } from './helpers';
import { aMember } from './members-fixtures';
import { aDuesPayment, aJournalEntry } from './treasury-fixtures';

vi.mock('../../renderer/transport');

const year = new Date().getFullYear();

const payment = aDuesPayment({ date: `${year}-01-15`, createdAt: `${year}-01-15T10:00:00.000Z` });

const detail = (p: DuesPayment): MemberDetail => ({
  member: aMember(),
  balances: [{ year, due: 12_000, paid: p.reversal ? 0 : 12_000, balance: p.reversal ? 12_000 : 0 }],
  payments: [p],
  beneficiaryReference: null,
});

describe('correcting a dues payment from the member page', () => {
  it('asks a reason before reversing, shows the closed year at the date, then the payment marked reversed', async () => {
    let current = payment;
    const core = signedIn(session({ role: 'treasurer' }), {
      'members.get': () => ok(detail(current)),
      'dues.reverse': (input) => {
        if (input.date < `${year}-01-01`) return { ok: false, error: { code: 'period_closed', fields: { date: 'period_closed' } } };
        current = { ...payment, reversal: { date: input.date, reason: input.reason } };
        return ok(current);
      },
    });
    await renderApp('#/members/m-1');
    const table = await screen.findByRole('table', { name: 'Paiements' });
    await userEvent.click(within(table).getByRole('button', { name: 'Corriger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Contre-passer le mouvement' });
    expect(within(dialog).getByText(/son mouvement au journal est contre-passé/)).toBeTruthy();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: /^Motif/ }).getAttribute('aria-invalid')).toBe('true');
    expect(core.calls('dues.reverse')).toHaveLength(0);

    const date = within(dialog).getByLabelText(/^Date de la contre-passation/);
    await userEvent.clear(date);
    await userEvent.type(date, `20/12/${year - 1}`);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Motif/ }), 'Saisi deux fois');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findAllByText('Cette année est clôturée : aucun mouvement ne peut y être enregistré.')).not.toHaveLength(0);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('textbox', { name: /^Motif/ })).toHaveProperty('value', 'Saisi deux fois');

    await userEvent.clear(date);
    await userEvent.type(date, `20/01/${year}`);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.calls('dues.reverse').at(-1)).toEqual({ paymentId: 'p-1', date: `${year}-01-20`, reason: 'Saisi deux fois' });
    expect(await screen.findByText(new RegExp(`^Contre-passé le 20\\D.*${year} : Saisi deux fois$`))).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Paiements' })).queryByRole('button', { name: 'Corriger' })).toBeNull();
  });

  it('asks the reason in Arabic too', async () => {
    const arabic = session({ role: 'treasurer', locale: 'ar' });
    signedIn(arabic, { 'app.status': () => ok(status({ session: arabic, locale: 'ar' })), 'members.get': () => ok(detail(payment)) });
    await renderApp('#/members/m-1');
    await userEvent.click(await screen.findByRole('button', { name: 'تصحيح' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/تُلغى حركته في اليومية بقيد عكسي/)).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: /^السبب/ })).toBeTruthy();
  });

  it('offers no correction to a volunteer', async () => {
    signedIn(session({ role: 'volunteer' }), { 'members.get': () => ok(detail(payment)) });
    await renderApp('#/members/m-1');
    await screen.findByRole('table', { name: 'Paiements' });
    expect(screen.queryByRole('button', { name: 'Corriger' })).toBeNull();
  });
});

const accounts: AccountRow[] = [
  { id: 'cash', name: 'Caisse', kind: 'cash', currency: 'MAD', openingDate: '2026-01-01', openingMinor: 0, archivedAt: null, balanceMinor: 700_00, entries: 1 },
  { id: 'bank', name: 'Banque', kind: 'bank', currency: 'MAD', openingDate: '2026-01-01', openingMinor: 0, archivedAt: null, balanceMinor: 0, entries: 0 },
];

const leg = (id: string, accountId: string, direction: 'in' | 'out') =>
  aJournalEntry({
    id,
    accountId,
    accountName: accountId === 'cash' ? 'Caisse' : 'Banque',
    direction,
    categoryId: direction === 'in' ? 'transfer_in' : 'transfer_out',
    transferId: 't-1',
  });

describe('a transfer between the association\'s accounts', () => {
  it('is typed once (cash box to bank by default), sent in centimes, and listed as a transfer', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'treasury.accounts.list': () => ok(accounts),
      'treasury.categories.list': () => ok([]),
      'treasury.entries.list': () => ok({ rows: [leg('e-2', 'bank', 'in'), leg('e-1', 'cash', 'out')], total: 2 }),
      'grants.agreements.list': () => ok([]),
      'treasury.transfers.add': () => ok([leg('e-1', 'cash', 'out'), leg('e-2', 'bank', 'in')]),
    });
    await renderApp('#/treasury');
    const table = await screen.findByRole('table', { name: 'Journal' });
    expect(within(table).getAllByText('Virement interne')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Virement interne' }));
    const dialog = await screen.findByRole('dialog', { name: 'Virement entre deux comptes de l’association' });
    await userEvent.type(within(dialog).getByLabelText(/^Date/), '05/03/2026');
    await userEvent.type(within(dialog).getByLabelText(/^Montant/), '300');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('treasury.transfers.add')).toHaveLength(1));
    expect(core.calls('treasury.transfers.add')[0]).toMatchObject({ date: '2026-03-05', fromAccountId: 'cash', toAccountId: 'bank', amountMinor: 300_00 });
  });
});

describe('treasury settings and journal filters', () => {
  const categories: Category[] = [
    { id: 'rent', direction: 'out', labelFr: 'Loyer', labelAr: 'الكراء', labelEn: 'Rent', sort: 13, archivedAt: null },
    { id: 'transfer_out', direction: 'out', labelFr: 'Virement interne émis', labelAr: 'تحويل داخلي صادر', labelEn: 'Internal transfer out', sort: 91, archivedAt: null },
  ];

  it('renames and archives a category, its side left as it was; transfer categories are not listed', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'treasury.accounts.list': () => ok(accounts),
      'treasury.categories.list': () => ok(categories),
      'treasury.categories.save': (input) => ok({ ...categories[0], ...input, id: 'rent', sort: 13, archivedAt: input.archived ? '2026-06-01T10:00:00.000Z' : null }),
    });
    await renderApp('#/treasury/accounts');
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier : Loyer' }));
    expect(screen.queryByText('Virement interne émis')).toBeNull();
    const dialog = await screen.findByRole('dialog', { name: 'Modifier la catégorie' });
    const label = within(dialog).getByRole('textbox', { name: /^Libellé \(français\)/ });
    await userEvent.clear(label);
    await userEvent.type(label, 'Loyer du local');
    await userEvent.click(within(dialog).getByRole('switch', { name: 'Archiver' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('treasury.categories.save')).toHaveLength(1));
    expect(core.calls('treasury.categories.save')[0]).toMatchObject({ id: 'rent', direction: 'out', labelFr: 'Loyer du local', archived: true });
  });

  it('asks the journal of a period once both days are typed, and names a period ending before it starts', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'treasury.accounts.list': () => ok(accounts),
      'treasury.categories.list': () => ok(categories),
      'treasury.entries.list': () => ok({ rows: [], total: 0 }),
      'grants.agreements.list': () => ok([]),
    });
    await renderApp('#/treasury');
    await screen.findByText('Aucun mouvement.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Du' }), '01/03/2026');
    await userEvent.type(screen.getByRole('textbox', { name: 'Au' }), '28/02/2026');
    expect(await screen.findByText('La fin doit être après le début.')).toBeTruthy();
    expect(core.calls('treasury.entries.list').at(-1)).toMatchObject({ from: '2026-03-01', to: null });
    await userEvent.clear(screen.getByRole('textbox', { name: 'Au' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Au' }), '31/03/2026');
    await waitFor(() => expect(core.calls('treasury.entries.list').at(-1)).toMatchObject({ from: '2026-03-01', to: '2026-03-31', offset: 0 }));
  });
});

describe('the agreement financial report printed for the funder pack', () => {
  const report: AgreementFinancialReport = {
    associationName: 'Association Amal',
    generatedOn: '2026-06-01',
    agreement: { id: 'ag-1', reference: 'MA-2026-017', title: 'Inclusion', funderName: 'Enabel', startDate: '2026-01-01', endDate: '2027-12-31', currency: 'EUR', totalMinor: 100_000_00 },
    tranches: [],
    receivedMinor: 50_000_00,
    spentDirectlyMinor: 1_800_00,
    passedOnMinor: 6_000_00,
    remainingMinor: 42_200_00,
    lines: [],
    unallocatedMinor: 0,
    subGrants: [],
    ratesUsed: [],
  };

  it('prints in the language the address asks while the screen stays in the UI language, marked ready for the host', async () => {
    signedIn(session({ role: 'treasurer' }), { 'treasury.agreementReport': () => ok(report) });
    await renderApp('#/treasury/agreements/ag-1?lang=ar');
    expect(await screen.findByRole('heading', { level: 1, name: 'Rapport financier — MA-2026-017' })).toBeTruthy();
    const printed = await screen.findByTestId('agreement-financial-report');
    expect([printed.getAttribute('lang'), printed.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(within(printed).getByRole('heading', { level: 1 }).textContent).toBe('التقرير المالي — MA-2026-017');
    expect(printed.closest('[data-print-ready]')).not.toBeNull();
  });
});
