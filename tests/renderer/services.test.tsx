import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AccountRow, LookupValue, PersonService, SessionInfo } from '../../electron/contract';
import { awa, lookups } from './beneficiaries-fixtures';
import { fakeCore, ok, renderApp, session, status, type FakeCore } from './helpers';

vi.mock('../../renderer/transport');

const type = (code: string, fr: string, ar: string): LookupValue => ({ list: 'serviceType', code, labels: { fr, ar, en: code }, sensitive: false, archived: false });
const serviceTypes = [type('training_scholarship', 'Bourse de formation', 'منحة التكوين'), type('hiring_incentive', 'Prime à l’embauche', 'منحة التحفيز على التشغيل')];

const accounts: AccountRow[] = [{ id: 'bank', name: 'Banque', kind: 'bank', currency: 'MAD', openingDate: '2026-01-01', openingMinor: 0, archivedAt: null, balanceMinor: 5_000_00, entries: 0 }];

const scholarship: PersonService = {
  id: 's-1',
  origin: 'service',
  beneficiaryId: awa.id,
  typeCode: 'training_scholarship',
  date: '2026-03-10',
  amountMinor: 1_500_00,
  currency: 'MAD',
  providerKind: 'association',
  partnerId: null,
  partnerName: null,
  agreementId: null,
  agreementReference: null,
  budgetLineId: null,
  budgetLineCode: null,
  note: 'Formation en cuisine',
  outsideStatus: false,
  journalEntryId: 'e-1',
  accountName: 'Banque',
  reversedOn: null,
  reversalReason: null,
  archivedAt: null,
  subGrantReference: null,
};

const subGrant: PersonService = { ...scholarship, id: 'd-1', origin: 'sub_grant', typeCode: null, date: '2026-02-20', amountMinor: 12_000_00, note: 'Atelier de couture', subGrantReference: 'SG-2026-001' };

function personCore(current: SessionInfo, extra: FakeCore = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: current, locale: current.user.locale })),
    'lookups.list': () => ok([...lookups, ...serviceTypes]),
    'beneficiaries.get': () => ok(awa),
    'caseNotes.list': () => ok([]),
    'procedures.list': () => ok([]),
    'referrals.list': () => ok([]),
    'partners.list': () => ok([]),
    'services.list': () => ok([scholarship, subGrant]),
    'services.types.rules': () => ok([{ code: 'hiring_incentive', legalStatuses: ['regularisation_1y'] }]),
    'treasury.accounts.list': () => ok(accounts),
    'grants.agreements.list': () => ok([]),
    ...extra,
  });
}

async function choose(combobox: HTMLElement, option: string) {
  await userEvent.click(combobox);
  const listbox = await waitFor(() => {
    const found = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error('no dropdown');
    return found;
  });
  await userEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }));
}

describe("the person's services", () => {
  it('lists what the person received, a sub-grant paid to them included, and records a paid scholarship in centimes from an account', async () => {
    const core = personCore(session({ role: 'treasurer' }), { 'services.record': () => ok(scholarship) });
    await renderApp(`#/beneficiaries/${awa.id}`);
    const section = await screen.findByRole('region', { name: 'Services et aides reçus' });
    const table = await within(section).findByRole('table');
    expect(within(table).getByText('Bourse de formation')).toBeTruthy();
    expect(within(table).getByText(/1\s500,00\sMAD/)).toBeTruthy();
    expect(within(table).getAllByText('Payé depuis : Banque')).toHaveLength(2);
    expect(within(table).getByText('Sous-subvention SG-2026-001')).toBeTruthy();
    expect(within(table).getByText('Versée par les subventions')).toBeTruthy();

    await userEvent.click(within(section).getByRole('button', { name: 'Enregistrer un service' }));
    const dialog = await screen.findByRole('dialog');
    await choose(within(dialog).getByRole('combobox', { name: /^Service/ }), 'Bourse de formation');
    await userEvent.type(within(dialog).getByLabelText(/^Date/), '2026-04-02');
    await userEvent.type(within(dialog).getByLabelText(/^Montant/), '1 500');
    await choose(await within(dialog).findByRole('combobox', { name: /^Payé depuis le compte/ }), 'Banque (MAD)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('services.record')).toHaveLength(1));
    expect(core.calls('services.record')[0]).toMatchObject({ beneficiaryId: awa.id, typeCode: 'training_scholarship', date: '2026-04-02', amountMinor: 1_500_00, currency: 'MAD', accountId: 'bank' });
  });

  it('asks for the account at its field when an amount is typed without one, and warns on a legal status outside the type', async () => {
    const core = personCore(session({ role: 'treasurer' }), {
      'services.record': () => ({ ok: false, error: { code: 'legal_status_outside', fields: { typeCode: 'legal_status_outside' } } }),
    });
    await renderApp(`#/beneficiaries/${awa.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer un service' }));
    const dialog = await screen.findByRole('dialog');
    await choose(within(dialog).getByRole('combobox', { name: /^Service/ }), 'Prime à l’embauche');
    expect(await within(dialog).findByText(/Statut de la personne : Carte de réfugié \(BRA\)\./)).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText(/^Date/), '2026-04-02');
    await userEvent.type(within(dialog).getByLabelText(/^Montant/), '800');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByRole('combobox', { name: /^Payé depuis le compte/ })).toHaveProperty('ariaInvalid', 'true');
    expect(core.calls('services.record')).toHaveLength(0);
    await choose(within(dialog).getByRole('combobox', { name: /^Payé depuis le compte/ }), 'Banque (MAD)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findAllByText('Ce service est réservé à d’autres statuts juridiques : confirmez pour le donner quand même.')).not.toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('switch', { name: 'Je confirme : donner ce service quand même' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('services.record')).toHaveLength(2));
    expect(core.calls('services.record')[1]).toMatchObject({ typeCode: 'hiring_incentive', confirmOutsideStatus: true, amountMinor: 800_00 });
  });

  it('shows the log in Arabic to a volunteer, who records services without paying them', async () => {
    personCore(session({ role: 'volunteer', locale: 'ar' }));
    await renderApp(`#/beneficiaries/${awa.id}`);
    const section = await screen.findByRole('region', { name: 'الخدمات والمساعدات المتوصل بها' });
    expect(await within(section).findByText('منحة التكوين')).toBeTruthy();
    expect(within(section).getByText('منحة فرعية SG-2026-001')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /قيد عكسي/ })).toBeNull();
    await userEvent.click(within(section).getByRole('button', { name: 'تسجيل خدمة' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^المبلغ/), '100');
    expect(await within(dialog).findByText(/يسجله أمين المال أو الرئيس/)).toBeTruthy();
    expect(within(dialog).queryByRole('combobox', { name: /أُدّيت من الحساب/ })).toBeNull();
  });
});

describe('the catalogue of service types', () => {
  it('lists the types with Settings’ other lists and lets the president say which legal statuses each is open to', async () => {
    const core = personCore(session({ role: 'president' }), {
      'lookups.list': () => ok([...lookups, ...serviceTypes]),
      'services.types.setRule': (input) => ok(input),
    });
    await renderApp('#/settings/lists');
    const rules = await screen.findByRole('region', { name: 'Statuts juridiques auxquels chaque service est ouvert' });
    const input = (elements: HTMLElement[]) => elements.find((e) => e.tagName === 'INPUT') as HTMLInputElement;
    const hiring = input(await within(rules).findAllByLabelText('Statuts ouverts : Prime à l’embauche'));
    expect(input(within(rules).getAllByLabelText('Statuts ouverts : Bourse de formation')).placeholder).toBe('Tous les statuts');
    await choose(hiring, 'Carte de réfugié (BRA)');
    await waitFor(() => expect(core.calls('services.types.setRule')).toHaveLength(1));
    expect(core.calls('services.types.setRule')[0]).toEqual({ code: 'hiring_incentive', legalStatuses: ['regularisation_1y', 'refugee_card'] });
  });
});
