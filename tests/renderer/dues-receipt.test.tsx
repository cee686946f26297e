import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DuesReceipt, MemberDetail } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';
import { aMember } from './members-fixtures';
import { aDuesPayment } from './treasury-fixtures';

vi.mock('../../renderer/transport');

const year = new Date().getFullYear();
const member = aMember();
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFUlEQVR4nGNgmJZCGhrVMKph+GoAAIVy+gG76RhsAAAAAElFTkSuQmCC';

const payment = aDuesPayment({ amount: 15_050 });

const receipt: DuesReceipt = {
  payment,
  member,
  association: {
    name: 'Association Amal',
    city: 'Oujda',
    address: '12, rue Ibn Khaldoun',
    registrationNumber: '245/2019',
    logo: { mime: 'image/png', contentBase64: LOGO },
  },
  balance: { year, due: 15_050, paid: 15_050, balance: 0 },
};

describe('the dues receipt', () => {
  it('prints the association’s logo, address and registration number, the amount in words in French and Arabic, and a stub', async () => {
    signedIn(session({ role: 'treasurer' }), { 'dues.receipt': () => ok(receipt) });
    await renderApp('#/members/receipts/p-1');
    await screen.findByRole('heading', { name: `Reçu R-${year}-00007` });
    // The preview on screen; the same document waits, hidden, for the printer.
    const [preview] = document.querySelectorAll<HTMLElement>('.dues-receipt--preview');
    const doc = within(preview);
    expect((doc.getByRole('img', { name: 'Association Amal' }) as HTMLImageElement).src).toBe(`data:image/png;base64,${LOGO}`);
    expect(doc.getByText('12, rue Ibn Khaldoun')).toBeTruthy();
    expect(doc.getByText('Récépissé de dépôt n°')).toBeTruthy();
    expect(doc.getByText(/245\/2019/)).toBeTruthy();
    expect(doc.getByText('Montant en lettres')).toBeTruthy();
    expect(doc.getByText('cent cinquante dirhams et cinquante centimes')).toBeTruthy();
    expect(doc.getByText('مائة وخمسون درهمًا وخمسون سنتيمًا')).toBeTruthy();

    const stub = doc.getByRole('region', { name: /^Souche – à garder par l’association/ });
    expect(within(stub).getByText(`R-${year}-00007`)).toBeTruthy();
    expect(within(stub).getByText(/Khadija Benali/).closest('dd')?.textContent).toContain('(12)');
    expect(within(stub).getByText(/150,50\sMAD/)).toBeTruthy();
    expect(within(stub).getByText(`5 mars ${year}`)).toBeTruthy();
  });

  it('leaves out what the association has not typed in', async () => {
    signedIn(session({ role: 'treasurer' }), {
      'dues.receipt': () => ok({ ...receipt, association: { name: 'Association Amal', city: 'Oujda', address: '', registrationNumber: '', logo: null } }),
    });
    await renderApp('#/members/receipts/p-1');
    await screen.findByRole('heading', { name: `Reçu R-${year}-00007` });
    const [preview] = document.querySelectorAll<HTMLElement>('.dues-receipt--preview');
    expect(within(preview).queryByRole('img')).toBeNull();
    expect(within(preview).queryByText('Récépissé de dépôt n°')).toBeNull();
  });
});

describe('the dues payment dialog', () => {
  it('proposes the oldest year still owed, with what remains of it', async () => {
    const detail: MemberDetail = {
      member,
      balances: [
        { year, due: 12_000, paid: 0, balance: 12_000 },
        { year: year - 1, due: 10_000, paid: 4_000, balance: 6_000 },
        { year: year - 2, due: 10_000, paid: 10_000, balance: 0 },
      ],
      payments: [],
      beneficiaryReference: null,
    };
    signedIn(session({ role: 'treasurer' }), { 'members.get': () => ok(detail) });
    await renderApp('#/members/m-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer un paiement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Paiement de cotisation' });
    expect((within(dialog).getByRole('textbox', { name: /^Année/ }) as HTMLInputElement).value).toBe(String(year - 1));
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'Montant' }) as HTMLInputElement).value).toBe('60 MAD'));
  });

  it('proposes this year when nothing is owed', async () => {
    const detail: MemberDetail = { member, balances: [{ year: year - 1, due: 10_000, paid: 10_000, balance: 0 }], payments: [], beneficiaryReference: null };
    signedIn(session({ role: 'treasurer' }), { 'members.get': () => ok(detail) });
    await renderApp('#/members/m-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer un paiement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Paiement de cotisation' });
    expect((within(dialog).getByRole('textbox', { name: /^Année/ }) as HTMLInputElement).value).toBe(String(year));
  });
});

describe('the association’s details in the settings', () => {
  it('are saved by the president, trimmed by the contract', async () => {
    const core = signedIn(session({ role: 'president' }), {
      'association.details': () => ok({ address: '', registrationNumber: '' }),
      'association.updateDetails': (input) => ok(input),
    });
    await renderApp('#/settings/association');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Adresse' }), '12, rue Ibn Khaldoun');
    await user.type(screen.getByRole('textbox', { name: 'Numéro du récépissé de dépôt' }), ' 245/2019 ');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Coordonnées enregistrées.')).toBeTruthy();
    expect(core.calls('association.updateDetails')).toEqual([{ address: '12, rue Ibn Khaldoun', registrationNumber: '245/2019' }]);
  });

  it('cannot be changed by a volunteer', async () => {
    signedIn(session({ role: 'volunteer' }), { 'association.details': () => ok({ address: '12, rue Ibn Khaldoun', registrationNumber: '245/2019' }) });
    await renderApp('#/settings/association');
    expect(((await screen.findByRole('textbox', { name: 'Adresse' })) as HTMLTextAreaElement).disabled).toBe(true);
    expect(screen.getByText('Seule la présidence peut modifier ces coordonnées.')).toBeTruthy();
  });
});
