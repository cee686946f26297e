import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { todayIso, type DuesPayment, type MemberDetail } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';
import { aMember } from './members-fixtures';

vi.mock('../../renderer/transport');

const year = new Date().getFullYear();

const member = aMember();

const payment: DuesPayment = {
  id: 'p-1',
  memberId: 'm-1',
  year,
  date: todayIso(),
  amount: 12_000,
  currency: 'MAD',
  method: 'cash',
  note: null,
  receiptNumber: `R-${year}-00007`,
  collectedBy: 'u-nadia',
  collectedByName: 'Nadia Bennani',
  createdAt: `${todayIso()}T10:00:00.000Z`,
  reversal: null,
};

const detail: MemberDetail = {
  member,
  balances: [{ year, due: 12_000, paid: 0, balance: 12_000 }],
  payments: [],
  beneficiaryReference: null,
};

describe('member form', () => {
  it('shows translated problems at the fields and the core refusal of a duplicate number', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'members.save': () => ({ ok: false, error: { code: 'duplicate_member_number', fields: { number: 'duplicate_member_number' } } }),
    });
    await renderApp('#/members/new');
    await screen.findByRole('heading', { name: 'Nouveau membre' });

    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findAllByText('Ce champ est obligatoire.')).length).toBeGreaterThanOrEqual(2);
    expect(core.calls('members.save')).toHaveLength(0);

    await userEvent.type(screen.getByRole('textbox', { name: /^Prénom/ }), 'Khadija');
    await userEvent.type(screen.getByRole('textbox', { name: /^Nom\s*\*?$/ }), 'Benali');
    await userEvent.click(screen.getByRole('combobox', { name: 'Statut' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Démissionnaire' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Indiquez la date de démission.')).toBeTruthy();

    await userEvent.click(screen.getByRole('combobox', { name: 'Statut' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Actif·ve' }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Numéro d'adhérent/ }), '7');
    await userEvent.type(screen.getByRole('textbox', { name: /^Téléphones/ }), '0661234567, 0537000000');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('members.save')).toHaveLength(1));
    expect(core.calls('members.save')[0]).toMatchObject({
      number: '7',
      firstName: 'Khadija',
      lastName: 'Benali',
      status: 'active',
      phones: ['+212661234567', '+212537000000'],
      birthDate: null,
    });
    expect(await screen.findByText('Ce numéro est déjà attribué à un autre membre.')).toBeTruthy();
    // The longest form typed key by key, on the page's first load: slow on a shared machine.
  }, 40_000);

  it('keeps an impossible birth date as typed, says so at the field and saves nothing until it is a real day', async () => {
    const core = signedIn(session({ role: 'volunteer' }), { 'members.save': () => ok({ ...member, id: 'm-2' }) });
    await renderApp('#/members/new');
    await userEvent.type(await screen.findByRole('textbox', { name: /^Prénom/ }), 'Khadija');
    await userEvent.type(screen.getByRole('textbox', { name: /^Nom\s*\*?$/ }), 'Benali');
    const birthDate = screen.getByRole('textbox', { name: 'Date de naissance' });
    await userEvent.type(birthDate, '30/02/1990');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText(/Cette date n'existe pas/)).toBeTruthy();
    expect(birthDate).toHaveProperty('value', '30/02/1990');
    expect(document.activeElement).toBe(birthDate);
    expect(core.calls('members.save')).toHaveLength(0);

    await userEvent.clear(birthDate);
    await userEvent.type(birthDate, '28/02/1990');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('members.save')).toHaveLength(1));
    expect(core.calls('members.save')[0]).toMatchObject({ birthDate: '1990-02-28' });
  });
});

describe('dues payments', () => {
  it('hides the payment button from a volunteer', async () => {
    signedIn(session({ role: 'volunteer' }), { 'members.get': () => ok(detail) });
    await renderApp('#/members/m-1');
    await screen.findByRole('heading', { name: 'Khadija Benali' });
    expect(screen.queryByRole('button', { name: 'Enregistrer un paiement' })).toBeNull();
  });

  it('asks to confirm a payment above what is due, then opens the receipt in French and Arabic', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'members.get': () => ok(detail),
      'dues.pay': (input) =>
        input.confirmOverpayment ? ok({ ...payment, amount: input.amount }) : { ok: false, error: { code: 'overpayment', fields: { amount: 'overpayment' } } },
      'dues.receipt': () =>
        ok({
          payment: { ...payment, amount: 15_000 },
          member,
          association: { name: 'Association Amal', city: 'Oujda', address: '', registrationNumber: '', logo: null },
          balance: { year, due: 12_000, paid: 15_000, balance: -3_000 },
        }),
    });
    await renderApp('#/members/m-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer un paiement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Paiement de cotisation' });
    const amount = within(dialog).getByRole('textbox', { name: 'Montant' });
    await waitFor(() => expect((amount as HTMLInputElement).value).toBe('120 MAD'));
    await userEvent.clear(amount);
    await userEvent.type(amount, '150');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer et voir le reçu' }));
    const confirm = await within(dialog).findByRole('checkbox', { name: 'Je confirme ce montant supérieur au reste dû.' });
    expect(core.calls('dues.pay')[0]).toMatchObject({ memberId: 'm-1', year, amount: 15_000, method: 'cash', confirmOverpayment: false });

    await userEvent.click(confirm);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer et voir le reçu' }));
    await waitFor(() => expect(core.calls('dues.pay')).toHaveLength(2));
    expect(core.calls('dues.pay')[1]).toMatchObject({ amount: 15_000, confirmOverpayment: true });

    await screen.findByRole('heading', { name: `Reçu R-${year}-00007` });
    expect(screen.getAllByText('Reçu de cotisation').length).toBeGreaterThan(0);
    expect(screen.getAllByText('وصل أداء الاشتراك').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/150,00\sMAD/).length).toBeGreaterThan(0);
  });

  it('refuses a negative amount at its field, as typed, instead of paying 0', async () => {
    const core = signedIn(session({ role: 'treasurer' }), { 'members.get': () => ok(detail) });
    await renderApp('#/members/m-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer un paiement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Paiement de cotisation' });
    const amount = within(dialog).getByRole('textbox', { name: 'Montant' });
    await userEvent.clear(amount);
    await userEvent.type(amount, '-50');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer et voir le reçu' }));

    expect(await within(dialog).findByText('Saisissez un montant supérieur à 0.')).toBeTruthy();
    expect(amount).toHaveProperty('value', '-50 MAD');
    expect(core.calls('dues.pay')).toHaveLength(0);
  });
});

describe('unpaid dues', () => {
  it('lists unpaid and partly paid members of the year and sets the fees', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'dues.status': ({ year: y }) =>
        ok({
          year: y,
          unpaid: [{ memberId: 'm-1', number: '12', name: 'Khadija Benali', arabicName: null, category: 'standard', phone: null, due: 12_000, paid: 0 }],
          partlyPaid: [{ memberId: 'm-2', number: '13', name: 'Omar Tazi', arabicName: null, category: 'student', phone: null, due: 6_000, paid: 3_000 }],
        }),
      'dues.fees': () => ok([]),
      'dues.setFees': (input) => ok({ year: input.year, currency: 'MAD' as const, amounts: input.amounts }),
    });
    await renderApp('#/members/dues');
    // The same tables are also in the (hidden) printable list.
    const [unpaid] = await screen.findAllByRole('table', { name: 'Rien payé' });
    expect(within(unpaid).getByText('Khadija Benali')).toBeTruthy();
    expect(within(screen.getAllByRole('table', { name: 'Payé en partie' })[0]).getByText('Omar Tazi')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Fixer les montants' }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Tarif normal/ }), '100');
    await userEvent.type(screen.getByRole('textbox', { name: 'Étudiant·e' }), '50');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('dues.setFees')).toEqual([{ year, amounts: { standard: 10_000, student: 5_000 } }]));
  });
});

describe('general assemblies', () => {
  it('shows the quorum with the members present and attaches the minutes', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'members.assemblies': () =>
        ok([
          {
            activityId: 'a-1',
            reference: 'A-2026-00001',
            title: 'Assemblée générale ordinaire',
            date: '2026-05-30',
            year: 2026,
            inGoodStanding: 4,
            quorumPercent: 50,
            required: 2,
            present: [
              { memberId: 'm-1', number: '12', name: 'Khadija Benali' },
              { memberId: 'm-2', number: '13', name: 'Omar Tazi' },
            ],
            reached: true,
            minutes: [],
          },
        ]),
      'members.attachMinutes': (input) =>
        ok({ id: 'f-1', ownerType: 'assembly_minutes', ownerId: input.activityId, fileName: input.file.fileName, mime: 'application/pdf' as const, size: 9, createdAt: '', createdBy: null }),
    });
    await renderApp('#/members/assemblies');
    expect(await screen.findByText('Quorum atteint')).toBeTruthy();
    expect(screen.getByText('Khadija Benali (12), Omar Tazi (13)')).toBeTruthy();
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(['%PDF-1.4'], 'pv.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(core.calls('members.attachMinutes')).toEqual([{ activityId: 'a-1', file: { fileName: 'pv.pdf', contentBase64: 'JVBERi0xLjQ=' } }]));
  });
});
