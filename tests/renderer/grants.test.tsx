import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationRow, BudgetFollowUp, CallDetail, Expense, GrantsDashboard, SubGrantDetail } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { fail, ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const AT = '2026-05-01T10:00:00.000Z';

/** MAD into EUR through the EUR→MAD rate the treasurer typed, used backwards. */
const madRate = { date: '2026-01-01', fromCurrency: 'MAD', toCurrency: 'EUR', rateMicro: 10_850_000, inverse: true };

const dashboard: GrantsDashboard = {
  today: '2026-06-01',
  agreements: [
    {
      id: 'ag-1',
      archivedAt: null,
      reference: 'ENABEL-014',
      title: 'Inclusion socio-économique',
      funderName: 'Enabel',
      currency: 'EUR',
      totalMinor: 250_000_00,
      committedMinor: 16_958_53,
      disbursedMinor: 8_479_26,
      justifiedMinor: 2_603_69,
      leftToCommitMinor: 233_041_47,
      leftToDisburseMinor: 8_479_27,
      leftToJustifyMinor: 5_875_57,
      nextTrancheDue: '2026-06-15',
      overdueReports: 0,
      state: 'late',
      unconverted: 0,
      ratesUsed: [madRate],
      subGrants: [
        {
          id: 'sg-1',
          reference: 'SG-2026-00001',
          title: 'Atelier de couture',
          recipientName: 'Association Amal',
          currency: 'MAD',
          amountMinor: 100_000_00,
          disbursedMinor: 50_000_00,
          justifiedMinor: 28_250_00,
          submittedMinor: 640_00,
          rejectedMinor: 1_980_50,
          leftToDisburseMinor: 50_000_00,
          leftToJustifyMinor: 21_750_00,
          nextTrancheDue: '2026-09-01',
          overdueReports: 1,
          state: 'late',
        },
      ],
    },
  ],
};

const detail: SubGrantDetail = {
  subGrant: {
    id: 'sg-1',
    reference: 'SG-2026-00001',
    agreementId: 'ag-1',
    callId: null,
    applicationId: null,
    recipientId: 'r-1',
    title: 'Atelier de couture',
    amountMinor: 100_000_00,
    currency: 'MAD',
    startDate: '2026-02-01',
    endDate: '2026-12-31',
    envelopeOverrideReason: null,
    createdAt: AT,
    updatedAt: AT,
    archivedAt: null,
  },
  recipient: {
    id: 'r-1',
    kind: 'organisation',
    name: 'Association Amal',
    legalForm: null,
    registrationNumber: null,
    city: 'Oujda',
    president: null,
    contact: null,
    rib: null,
    beneficiaryId: null,
    createdAt: AT,
    updatedAt: AT,
    archivedAt: null,
  },
  agreement: {
    id: 'ag-1',
    funderId: 'f-1',
    reference: 'ENABEL-014',
    title: 'Inclusion',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    currency: 'EUR',
    totalMinor: 250_000_00,
    tolerancePct: 0,
    createdAt: AT,
    updatedAt: AT,
    archivedAt: null,
  },
  callTitle: null,
  budget: [{ budgetLineId: 'l-1', code: 'A1', label: 'Micro-projets', amountMinor: 100_000_00 }],
  tranches: [
    { id: 't-1', seq: 1, amountMinor: 50_000_00, percent: 50, dueDate: '2026-02-15', conditionPct: null, disbursedMinor: 50_000_00, conditionRequiredMinor: null, conditionMet: true },
    { id: 't-2', seq: 2, amountMinor: 50_000_00, percent: 50, dueDate: '2026-09-01', conditionPct: 70, disbursedMinor: 0, conditionRequiredMinor: 35_000_00, conditionMet: false },
  ],
  disbursements: [],
  expenses: [],
  reportDates: [],
  figures: {
    amountMinor: 100_000_00,
    disbursedMinor: 50_000_00,
    justifiedMinor: 28_250_00,
    submittedMinor: 0,
    rejectedMinor: 0,
    leftToDisburseMinor: 50_000_00,
    leftToJustifyMinor: 21_750_00,
    nextTrancheDue: '2026-09-01',
    overdueReports: 0,
    state: 'ok',
  },
  rate: madRate,
};

const agreementDetail = {
  agreement: detail.agreement,
  funder: { id: 'f-1', name: 'Enabel', type: 'bilateral' as const, country: 'BE', contact: null, createdAt: AT, updatedAt: AT, archivedAt: null },
  budgetLines: [{ id: 'l-1', code: 'A1', label: 'Micro-projets', amountMinor: 100_000_00 }],
  deadlines: [],
  indicators: [],
  calls: [],
  subGrants: [],
  archivedSubGrants: [],
};

/** A whole line whose text is split by an element inside it (the rate's isolated equation). */
const line = (pattern: RegExp) => (_: string, element: Element | null) => element?.tagName === 'P' && pattern.test(element.textContent ?? '');

const compact = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f.]/g, '');

describe('grants dashboard', () => {
  it('shows each agreement’s figures with a worded state, and its sub-grants on demand', async () => {
    signedIn(session({ role: 'treasurer' }), { 'grants.dashboard': () => ok(dashboard) });
    await renderApp('#/grants');
    const section = await screen.findByRole('region', { name: 'ENABEL-014' });
    const figures = within(section).getByRole('table', { name: 'Chiffres' });
    expect(compact(figures.querySelector('[data-figure="committed"]')?.textContent ?? null)).toBe('16958,53€');
    expect(compact(figures.querySelector('[data-figure="leftToJustify"]')?.textContent ?? null)).toBe('5875,57€');
    expect(within(section).getAllByText('En retard').length).toBeGreaterThan(0);
    expect(within(section).getByText(line(/^Taux utilisé : 1 EUR = 10,85 MAD \(au 1 \S+ 2026\)$/))).toBeTruthy();
    // Isolated left to right, so an Arabic screen does not turn it into "MAD 10,85 = EUR 1".
    expect(within(section).getByText('1 EUR = 10,85 MAD').closest('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(within(section).queryByRole('table', { name: 'Sous-subventions' })).toBeNull();

    await userEvent.click(within(section).getByRole('button', { name: 'Voir les sous-subventions (1)' }));
    const subGrants = within(section).getByRole('table', { name: 'Sous-subventions' });
    expect(within(subGrants).getByRole('link', { name: 'SG-2026-00001' })).toBeTruthy();
    expect(within(subGrants).getByText('Association Amal')).toBeTruthy();
  });
});

describe('late badges', () => {
  const onTime = { ...dashboard.agreements[0], id: 'ag-2', reference: 'GIZ-003', state: 'ok' as const, subGrants: [] };
  const lateAndNot: GrantsDashboard = {
    ...dashboard,
    agreements: [
      { ...dashboard.agreements[0], subGrants: [...dashboard.agreements[0].subGrants, { ...dashboard.agreements[0].subGrants[0], id: 'sg-2', reference: 'SG-2026-00002', overdueReports: 0, state: 'ok' }] },
      onTime,
    ],
  };

  it("lead from an agreement's 'late' to the list of what is late in it, and from there to each late sub-grant", async () => {
    signedIn(session({ role: 'treasurer' }), { 'grants.dashboard': () => ok(lateAndNot) });
    await renderApp('#/grants');
    const section = await screen.findByRole('region', { name: 'ENABEL-014' });
    const badge = within(section).getByRole('link', { name: 'En retard' });
    expect(badge.getAttribute('href')).toBe('#/grants?late=1&agreement=ag-1');
    expect(within(screen.getByRole('region', { name: 'GIZ-003' })).queryByRole('link', { name: 'À jour' })).toBeNull();

    await userEvent.click(badge);
    expect(await screen.findByText('Seulement ce qui est en retard')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'GIZ-003' })).toBeNull();
    const subGrants = within(screen.getByRole('region', { name: 'ENABEL-014' })).getByRole('table', { name: 'Sous-subventions' });
    expect(within(subGrants).queryByRole('link', { name: 'SG-2026-00002' })).toBeNull();
    const row = within(subGrants).getByRole('link', { name: 'SG-2026-00001' }).closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'En retard' }).getAttribute('href')).toBe('#/grants/sub-grants/sg-1?late=1');
    expect(within(row).getByRole('link', { name: '1' }).getAttribute('href')).toBe('#/grants/sub-grants/sg-1?late=1');
    expect(screen.getByRole('link', { name: 'Tout afficher' }).getAttribute('href')).toBe('#/grants');
  });

  it("list an agreement's own overdue reports to its funder in the late view", async () => {
    const lateReport: GrantsDashboard = { ...dashboard, agreements: [{ ...dashboard.agreements[0], overdueReports: 1, subGrants: [] }] };
    signedIn(session({ role: 'treasurer' }), {
      'grants.dashboard': () => ok(lateReport),
      'grants.agreements.get': () =>
        ok({
          ...agreementDetail,
          deadlines: [
            { id: 'd-1', dueDate: '2026-01-31', kind: 'financial', label: 'Premier semestre', submittedOn: null },
            { id: 'd-2', dueDate: '2025-12-31', kind: 'narrative', label: null, submittedOn: '2025-12-20' },
            { id: 'd-3', dueDate: '2099-01-31', kind: 'narrative', label: null, submittedOn: null },
          ],
        }),
    });
    await renderApp('#/grants?late=1&agreement=ag-1');
    const section = await screen.findByRole('region', { name: 'ENABEL-014' });
    expect(await within(section).findByText('Rapports au bailleur en retard :')).toBeTruthy();
    const items = within(section).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([expect.stringMatching(/^Rapport financier attendu le 31 jan\S* 2026 — Premier semestre$/)]);
  });

  it("show on a late sub-grant's page the reports and tranches that are overdue", async () => {
    const late: SubGrantDetail = {
      ...detail,
      tranches: [detail.tranches[0], { ...detail.tranches[1], dueDate: '2026-03-01' }],
      reportDates: [
        { id: 'r-1', dueDate: '2026-03-31', submittedOn: null },
        { id: 'r-2', dueDate: '2026-01-31', submittedOn: '2026-01-30' },
      ],
      figures: { ...detail.figures, overdueReports: 1, state: 'late' },
    };
    signedIn(session({ role: 'treasurer' }), { 'grants.subGrants.get': () => ok(late) });
    await renderApp('#/grants/sub-grants/sg-1?late=1');
    const lateList = await screen.findByRole('region', { name: 'Ce qui est en retard' });
    expect(within(lateList).getByText(/^Rapport attendu le 31 mar\S* 2026, pas encore remis$/)).toBeTruthy();
    expect(within(lateList).getByText(/^Tranche 2 prévue le 1 mar\S* 2026 : reste 50\D?000,00\sMAD à verser$/)).toBeTruthy();
    expect(within(lateList).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'En retard' }).getAttribute('href')).toBe('#/grants/sub-grants/sg-1?late=1');
  });
});

describe('budget follow-up', () => {
  it('says at which rate the sub-grants in another currency were converted', async () => {
    const budget: BudgetFollowUp = {
      agreement: detail.agreement,
      lines: [{ id: 'l-1', code: 'A1', label: 'Micro-projets', amountMinor: 100_000_00, committedMinor: 9_216_59, spentMinor: 2_603_69, spentDirectlyMinor: 0, usedPct: 2.6, overspent: false }],
      totalPlannedMinor: 100_000_00,
      totalSpentMinor: 2_603_69,
      totalSpentDirectlyMinor: 0,
      ratesUsed: [madRate, { ...madRate, date: '2026-03-01', rateMicro: 10_950_000 }],
    };
    signedIn(session({ role: 'treasurer' }), {
      'grants.agreements.get': () => ok(agreementDetail),
      'grants.dashboard': () => ok(dashboard),
      'grants.budget': () => ok(budget),
    });
    await renderApp('#/grants/agreements/ag-1');
    await userEvent.click(await screen.findByRole('tab', { name: 'Suivi budgétaire' }));
    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText(line(/^Taux utilisé : 1 EUR = 10,85 MAD \(au 1 \S+ 2026\)$/))).toBeTruthy();
    expect(within(panel).getByText(line(/^Taux utilisé : 1 EUR = 10,95 MAD \(au 1 \S+ 2026\)$/))).toBeTruthy();
  });
});

describe('grants forms', () => {
  it('sends a typed "2 345,67" as 234567 centimes, and refuses more than 2 decimals at the field', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.subGrants.get': () => ok(detail),
      'grants.agreements.get': () => ok(agreementDetail),
      'grants.expenses.add': (input) =>
        ok({ ...input, id: 'e-1', budgetLineCode: 'A1', receiptNumber: null, attachmentId: null, attachmentName: null, status: 'submitted', rejectionReason: null, createdAt: AT } as never),
    });
    await renderApp('#/grants/sub-grants/sg-1');
    expect(await screen.findByText(line(/Taux utilisé : 1 EUR = 10,85 MAD/))).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter une dépense' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Date/), '2026-03-01');
    await userEvent.type(within(dialog).getByLabelText(/^Fournisseur/), 'Tissus El Fath');
    await userEvent.type(within(dialog).getByLabelText(/^Description/), 'Tissus');
    const amount = within(dialog).getByLabelText(/^Montant/);
    await userEvent.type(amount, '2 345,678');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Saisissez un montant positif avec au plus 2 décimales (ex. 1 234,56).')).toBeTruthy();
    expect(core.calls('grants.expenses.add')).toHaveLength(0);

    await userEvent.clear(amount);
    await userEvent.type(amount, '2 345,67');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('grants.expenses.add')).toHaveLength(1));
    expect(core.calls('grants.expenses.add')[0]).toMatchObject({ subGrantId: 'sg-1', budgetLineId: 'l-1', amountMinor: 234_567, date: '2026-03-01', receipt: null });
  });

  it('asks for a reason when the next tranche’s condition is unmet, and shows the core’s refusal at the field', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.subGrants.get': () => ok(detail),
      'grants.disbursements.add': () => ({ ok: false, error: { code: 'disbursement_exceeds_agreement', fields: { amountMinor: 'disbursement_exceeds_agreement' } } }),
    });
    await renderApp('#/grants/sub-grants/sg-1');
    expect(await screen.findByText(/de la précédente justifiés \(35[\s\u00a0\u202f.]?000,00/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Verser la tranche 2' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/^Motif du versement malgré la condition/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('grants.disbursements.add')).toHaveLength(1));
    expect(core.calls('grants.disbursements.add')[0]).toMatchObject({ trancheId: 't-2', amountMinor: 50_000_00, method: 'transfer' });
    expect((await within(dialog).findAllByText('Ce versement dépasserait le montant de la sous-subvention.')).length).toBe(2);
  });

  it('refuses a RIB with a wrong key before sending anything', async () => {
    const core = signedIn(session({ role: 'treasurer' }), { 'grants.recipients.list': () => ok([]), 'grants.recipients.save': () => fail('internal') });
    await renderApp('#/grants/recipients');
    await userEvent.click(await screen.findByRole('button', { name: 'Nouveau bénéficiaire de subvention' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Nom/), 'Association Nour');
    await userEvent.type(within(dialog).getByLabelText(/^RIB/), '007780000123456789012395');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('La clé du RIB ne correspond pas : vérifiez les chiffres.')).toBeTruthy();
    expect(core.calls('grants.recipients.save')).toHaveLength(0);
  });
});

/** The messages an input announces: its error and description, through `aria-describedby`. */
const announced = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

const REQUIRED = 'Ce champ est obligatoire.';
const MONEY_INVALID = 'Saisissez un montant positif avec au plus 2 décimales (ex. 1 234,56).';

describe('grants forms: per-field errors', () => {
  it('agreement: each missing field and each unreadable amount at its input, the first one focused; the core’s refusal at its field', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.funders.list': () => ok([agreementDetail.funder]),
      'grants.agreements.save': () => ({ ok: false, error: { code: 'agreement_total_exceeded', fields: { totalMinor: 'agreement_total_exceeded' } } }),
    });
    await renderApp('#/grants/agreements/new');
    await screen.findByRole('heading', { name: 'Nouvelle convention de financement' });
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter une ligne' }));
    const lineAmount = screen.getByRole('textbox', { name: 'Montant' });
    await userEvent.type(lineAmount, '12,345');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const funder = screen.getByRole('combobox', { name: /^Bailleur/ });
    await waitFor(() => expect(announced(funder)).toContain(REQUIRED));
    for (const label of [/^Référence/, /^Intitulé/, /^Début/, /^Fin/, /^Montant total/]) expect(announced(screen.getByLabelText(label)), String(label)).toContain(REQUIRED);
    expect(announced(screen.getByRole('textbox', { name: 'Libellé' }))).toContain(REQUIRED);
    expect(announced(lineAmount)).toContain(MONEY_INVALID);
    expect(document.activeElement).toBe(funder);
    expect(core.calls('grants.agreements.save')).toHaveLength(0);

    await userEvent.click(funder);
    await userEvent.click(await screen.findByRole('option', { name: 'Enabel' }));
    await userEvent.type(screen.getByLabelText(/^Référence/), 'ENABEL-015');
    await userEvent.type(screen.getByLabelText(/^Intitulé/), 'Insertion');
    await userEvent.type(screen.getByLabelText(/^Début/), '2026-01-01');
    await userEvent.type(screen.getByLabelText(/^Fin/), '2026-12-31');
    await userEvent.type(screen.getByLabelText(/^Montant total/), '1 000');
    await userEvent.type(screen.getByRole('textbox', { name: 'Libellé' }), 'Micro-projets');
    await userEvent.clear(lineAmount);
    await userEvent.type(lineAmount, '2 000');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    // The contract's check across fields, above the rows it is about.
    expect(await screen.findByText('La somme des lignes dépasse le total.')).toBeTruthy();
    expect(core.calls('grants.agreements.save')).toHaveLength(0);

    await userEvent.clear(lineAmount);
    await userEvent.type(lineAmount, '500');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('grants.agreements.save')).toHaveLength(1));
    expect(core.calls('grants.agreements.save')[0]).toMatchObject({ funderId: 'f-1', totalMinor: 1_000_00, tolerancePct: 0, budgetLines: [{ code: 'L1', label: 'Micro-projets', amountMinor: 500_00 }] });
    const total = screen.getByLabelText(/^Montant total/);
    await waitFor(() => expect(announced(total)).toContain('Le total de la convention de financement serait dépassé.'));
    expect(document.activeElement).toBe(total);
  });

  it('call: the envelope rule at the maximum per project, a missing weight at its criterion', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.agreements.get': () => ok(agreementDetail),
      'grants.calls.save': () => fail('internal'),
    });
    await renderApp('#/grants/agreements/ag-1');
    await userEvent.click(await screen.findByRole('tab', { name: 'Appels à projets' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Nouvel appel à projets' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Intitulé/), 'Appel 2026');
    await userEvent.type(within(dialog).getByLabelText(/^Ouverture/), '2026-03-01');
    await userEvent.type(within(dialog).getByLabelText(/^Clôture/), '2026-02-01');
    await userEvent.type(within(dialog).getByLabelText(/^Enveloppe/), '30 000');
    await userEvent.type(within(dialog).getByLabelText(/^Maximum par projet/), '40 000');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Critère' }), 'Pertinence');
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Poids' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(announced(within(dialog).getByRole('textbox', { name: 'Poids' }))).toContain(REQUIRED));

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Poids' }), '2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(announced(within(dialog).getByLabelText(/^Maximum par projet/))).toContain('Supérieur à l’enveloppe.'));
    expect(announced(within(dialog).getByLabelText(/^Clôture/))).toContain('La fin est avant le début.');
    expect(core.calls('grants.calls.save')).toHaveLength(0);
  });

  it('sub-grant: a tranche without its percentage, a due date outside the period and a tranche amount typed wrong, at their inputs', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.agreements.get': () => ok(agreementDetail),
      'grants.recipients.list': () => ok([detail.recipient]),
      'grants.subGrants.save': () => ({ ok: false, error: { code: 'agreement_total_exceeded', fields: { amountMinor: 'agreement_total_exceeded' } } }),
    });
    await renderApp('#/grants/agreements/ag-1/sub-grants/new');
    await screen.findByRole('heading', { name: 'Nouvelle sous-subvention — ENABEL-014' });
    await userEvent.click(screen.getByRole('combobox', { name: /^Bénéficiaire/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Association Amal' }));
    await userEvent.type(screen.getByLabelText(/^Projet/), 'Atelier');
    await userEvent.type(screen.getByRole('textbox', { name: /^Montant/ }), '10 000');
    await userEvent.type(screen.getByLabelText(/^Début/), '2026-02-01');
    await userEvent.type(screen.getByLabelText(/^Fin/), '2026-06-30');
    const percent = screen.getByRole('textbox', { name: '%' });
    await userEvent.clear(percent);
    const due = screen.getByLabelText('Échéance');
    await userEvent.type(due, '2026-08-01');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(announced(percent)).toContain('Indiquez un montant ou un pourcentage.'));
    expect(core.calls('grants.subGrants.save')).toHaveLength(0);

    await userEvent.type(percent, '100');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(announced(due)).toContain('Date en dehors de la période.'));
    expect(core.calls('grants.subGrants.save')).toHaveLength(0);

    await userEvent.clear(due);
    await userEvent.type(due, '2026-03-01');
    // The same tranche as an amount: read by the same parser as every other amount.
    await userEvent.click(screen.getByRole('radio', { name: 'Montant' }));
    const trancheAmount = document.querySelector<HTMLInputElement>('input[name="tranches.0.amountMinor"]') as HTMLInputElement;
    await userEvent.type(trancheAmount, '10 000,001');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(announced(trancheAmount)).toContain(MONEY_INVALID));
    expect(core.calls('grants.subGrants.save')).toHaveLength(0);

    await userEvent.clear(trancheAmount);
    await userEvent.type(trancheAmount, '10 000');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('grants.subGrants.save')).toHaveLength(1));
    expect(core.calls('grants.subGrants.save')[0]).toMatchObject({
      agreementId: 'ag-1',
      recipientId: 'r-1',
      amountMinor: 10_000_00,
      tranches: [{ amountMinor: 10_000_00, percent: null, dueDate: '2026-03-01' }],
    });
    await waitFor(() => expect(announced(document.querySelector('input[name="amountMinor"]') as HTMLElement)).toContain('Le total de la convention de financement serait dépassé.'));
  });
});

describe('grants archives', () => {
  it('shows archived agreements on the dashboard only when asked, marked as such', async () => {
    const archived = { ...dashboard.agreements[0], archivedAt: AT } as GrantsDashboard['agreements'][number];
    signedIn(session({ role: 'treasurer' }), {
      'grants.dashboard': (input) => ok({ today: dashboard.today, agreements: input.includeArchived ? [archived] : [] }),
    });
    await renderApp('#/grants');
    expect(await screen.findByText('Aucune convention de financement pour l’instant.')).toBeTruthy();
    await userEvent.click(screen.getByRole('switch', { name: 'Afficher les archivés' }));
    const section = await screen.findByRole('region', { name: 'ENABEL-014' });
    expect(within(section).getByText('Archivée')).toBeTruthy();
  });

  it('archives a closed agreement from its page', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.agreements.get': () => ok(agreementDetail),
      'grants.dashboard': () => ok(dashboard),
      'grants.agreements.archive': () => ok({ ...agreementDetail.agreement, archivedAt: AT }),
    });
    await renderApp('#/grants/agreements/ag-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Archiver (convention close)' }));
    await waitFor(() => expect(core.calls('grants.agreements.archive')).toEqual([{ id: 'ag-1' }]));
  });
});

describe('grants scoring', () => {
  const call: CallDetail = {
    call: { id: 'c-1', agreementId: 'ag-1', reference: 'AP-2026-00001', title: 'Appel 2026', openDate: '2026-01-15', closeDate: '2026-03-01', envelopeMinor: 30_000_00, maxPerProjectMinor: 12_000_00, eligibility: null, createdAt: AT, updatedAt: AT, archivedAt: null },
    agreement: { id: 'ag-1', reference: 'ENABEL-014', title: 'Inclusion', currency: 'EUR' },
    criteria: [
      { id: 'k-1', label: 'Pertinence', weight: 2 },
      { id: 'k-2', label: 'Faisabilité', weight: 1 },
    ],
    applications: [
      {
        id: 'x-1',
        callId: 'c-1',
        recipientId: 'r-1',
        recipientName: 'Association Amal',
        projectTitle: 'Jardin partagé',
        summary: null,
        requestedMinor: 9_000_00,
        decision: 'pending',
        decisionReason: null,
        evaluations: [{ evaluator: 'Imane Ouazzani', scores: { 'k-1': 15, 'k-2': 12 }, weighted: 14 }],
        total: 14,
        rank: 1,
        subGrantId: null,
      },
    ],
    committedMinor: 0,
  };

  it('asks for every criterion’s score at its input, and finds an evaluator’s earlier scores again', async () => {
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.calls.get': () => ok(call),
      'grants.applications.score': () => ok(call.applications[0] as ApplicationRow),
    });
    await renderApp('#/grants/calls/c-1');
    await userEvent.click(await within(await screen.findByTestId('application-Jardin partagé')).findByRole('button', { name: 'Noter' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Évaluateur/), 'Nadia El Amrani');
    await userEvent.type(within(dialog).getByLabelText(/^Pertinence/), '17');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(announced(within(dialog).getByLabelText(/^Faisabilité/))).toContain(REQUIRED));
    expect(core.calls('grants.applications.score')).toHaveLength(0);

    await userEvent.clear(within(dialog).getByLabelText(/^Évaluateur/));
    await userEvent.type(within(dialog).getByLabelText(/^Évaluateur/), 'Imane Ouazzani');
    await waitFor(() => expect((within(dialog).getByLabelText(/^Faisabilité/) as HTMLInputElement).value).toBe('12'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('grants.applications.score')).toHaveLength(1));
    expect(core.calls('grants.applications.score')[0]).toEqual({
      applicationId: 'x-1',
      evaluator: 'Imane Ouazzani',
      scores: [
        { criterionId: 'k-1', score: 15 },
        { criterionId: 'k-2', score: 12 },
      ],
    });
  });
});

describe('grants receipts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens a receipt scan in the viewer inside the app, never in a new window, and saves a copy on demand', async () => {
    const expense: Expense = {
      id: 'e-1',
      subGrantId: 'sg-1',
      budgetLineId: 'l-1',
      budgetLineCode: 'A1',
      date: '2026-03-01',
      supplier: 'Tissus El Fath',
      description: 'Tissus',
      amountMinor: 234_567,
      receiptNumber: 'F-118',
      attachmentId: 'att-1',
      attachmentName: 'facture tissus.jpg',
      status: 'submitted',
      rejectionReason: null,
      createdAt: AT,
    };
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.subGrants.get': () => ok({ ...detail, expenses: [expense] }),
      'grants.agreements.get': () => ok(agreementDetail),
      'attachments.get': ({ id }) =>
        ok({ id, ownerType: 'expense', ownerId: 'e-1', fileName: 'facture tissus.jpg', mime: 'image/jpeg' as const, size: 4, createdAt: AT, createdBy: null, contentBase64: '/9j/4A==' }),
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:receipt-${blobs.length}`;
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const download = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    await renderApp('#/grants/sub-grants/sg-1');
    await userEvent.click(await screen.findByRole('button', { name: 'facture tissus.jpg' }));

    const viewer = await screen.findByRole('dialog', { name: 'facture tissus.jpg' });
    const image = await within(viewer).findByRole('img', { name: 'facture tissus.jpg' });
    expect(image.getAttribute('src')).toBe('blob:receipt-1');
    expect(blobs[0]).toMatchObject({ type: 'image/jpeg', size: 4 });
    expect(core.calls('attachments.get')).toEqual([{ id: 'att-1' }]);

    await userEvent.click(within(viewer).getByRole('button', { name: 'Enregistrer une copie' }));
    expect(download).toHaveBeenCalledOnce();
    expect((download.mock.contexts[0] as HTMLAnchorElement).download).toBe('facture tissus.jpg');

    await userEvent.click(within(viewer).getAllByRole('button', { name: 'Fermer' })[0]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(revoke).toHaveBeenCalledWith('blob:receipt-1');
    expect(open).not.toHaveBeenCalled();
  });
});

describe('a payment to a sub-grantee corrected', () => {
  it('is reversed from the sub-grant page only with a reason', async () => {
    const paid: SubGrantDetail = {
      ...detail,
      disbursements: [
        { id: 'd-1', trancheId: detail.tranches[0].id, trancheSeq: 1, date: '2026-02-20', amountMinor: 30_000_00, method: 'transfer', reference: 'VIR-1', overrideReason: null, createdAt: '2026-02-20T10:00:00.000Z', reversedOn: null, reversalReason: null },
      ],
    };
    const core = signedIn(session({ role: 'treasurer' }), {
      'grants.subGrants.get': () => ok(paid),
      'grants.disbursements.reverse': (input) => ok({ ...paid.disbursements[0], reversedOn: input.date, reversalReason: input.reason }),
    });
    await renderApp('#/grants/sub-grants/sg-1');
    const table = await screen.findByRole('table', { name: 'Versements' });
    await userEvent.click(within(table).getByRole('button', { name: 'Corriger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Contre-passer le mouvement' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('grants.disbursements.reverse')).toHaveLength(0);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Motif/ }), 'Virement rejeté');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('grants.disbursements.reverse')).toHaveLength(1));
    expect(core.calls('grants.disbursements.reverse')[0]).toMatchObject({ id: 'd-1', reason: 'Virement rejeté' });
  });
});
