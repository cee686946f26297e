import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmploymentFollowUp, FollowUpDashboard, PersonEmployment, ReportIndicator } from '../../electron/contract';
import { awa, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session, status } from './helpers';
import { aReport } from './reports-fixtures';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

const followUp = (more: Partial<EmploymentFollowUp> = {}): EmploymentFollowUp => ({
  beneficiaryId: 'b-awa',
  reference: 'B-2026-00042',
  displayName: 'Awa Diallo',
  anchor: { kind: 'training', date: '2025-11-30', about: 'Cuisine professionnelle' },
  months: 3,
  dueOn: '2026-02-28',
  windowStart: '2026-01-30',
  windowEnd: '2026-03-30',
  ...more,
});

const employment: PersonEmployment = {
  records: [
    {
      id: 'e-1',
      beneficiaryId: 'b-awa',
      date: '2026-01-12',
      situation: 'employed_contract',
      employer: 'Boulangerie Al Amal',
      sector: 'hospitality',
      contractType: 'anapec',
      startDate: '2026-01-05',
      incomeBand: 'from_1500_to_3000',
      createdAt: '2026-01-12T10:00:00.000Z',
      updatedAt: '2026-01-12T10:00:00.000Z',
    },
  ],
  businesses: [
    {
      id: 'biz-1',
      beneficiaryId: 'b-awa',
      activity: 'Couture à domicile',
      sector: 'crafts',
      startDate: '2025-10-01',
      grantMinor: 1_500_000,
      currency: 'MAD',
      createdAt: '2025-10-01T10:00:00.000Z',
      updatedAt: '2025-10-01T10:00:00.000Z',
      visits: [{ id: 'v-1', businessId: 'biz-1', date: '2026-01-15', state: 'struggling', note: 'Manque de tissu', createdAt: '2026-01-15T10:00:00.000Z' }],
    },
  ],
  followUps: [followUp({ months: 6, dueOn: '2099-05-30', windowStart: '2099-04-30', windowEnd: '2099-06-30' })],
};

async function choose(combobox: HTMLElement, option: string) {
  await userEvent.click(combobox);
  const listbox = await waitFor(() => {
    const found = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error('no dropdown');
    return found;
  });
  await userEvent.click(await within(listbox).findByRole('option', { name: option, hidden: true }));
}

describe("the person's employment section", () => {
  it('shows the situations, the business with its visits and the follow-ups to do, in French', async () => {
    signedIn(session({ role: 'volunteer' }), { 'beneficiaries.get': () => ok(awa), 'employment.person': () => ok(employment) });
    await renderApp('#/beneficiaries/b-awa');
    const section = await screen.findByRole('region', { name: 'Emploi et revenus' }, { timeout: 8000 });
    const table = await within(section).findByRole('table', { name: 'Emploi et revenus' });
    const [, row] = within(table).getAllByRole('row');
    expect(within(row).getByText('Salarié·e avec contrat')).toBeTruthy();
    expect(within(row).getByText('Boulangerie Al Amal')).toBeTruthy();
    expect(within(row).getByText('Contrat ANAPEC')).toBeTruthy();
    expect(within(row).getByText('1 500 à 3 000 MAD')).toBeTruthy();
    expect(within(section).getByText(/Suivi à 6 mois, le 30 mai 2099/)).toBeTruthy();
    expect(within(section).getByText('après la formation « Cuisine professionnelle »')).toBeTruthy();
    expect(within(section).getByText('Couture à domicile')).toBeTruthy();
    expect(within(section).getByText(/Subvention reçue : 15\s000,00\sMAD/)).toBeTruthy();
    expect(within(section).getByText('Manque de tissu')).toBeTruthy();
    // A volunteer records visits, not the money a business received.
    expect(within(section).queryByRole('button', { name: 'Subvention' })).toBeNull();
    expect(within(section).getByRole('button', { name: 'Ajouter une visite' })).toBeTruthy();
  });

  it('shows the section in Arabic', async () => {
    const arabic = session({ role: 'volunteer', locale: 'ar' });
    signedIn(arabic, {
      'app.status': () => ok(status({ session: arabic, locale: 'ar' })),
      'beneficiaries.get': () => ok(awa),
      'employment.person': () => ok(employment),
    });
    await renderApp('#/beneficiaries/b-awa');
    const section = await screen.findByRole('region', { name: 'الشغل والدخل' }, { timeout: 8000 });
    expect(await within(section).findByText('أجير(ة) بعقد')).toBeTruthy();
    expect(within(section).getByText('عقد الوكالة الوطنية لإنعاش التشغيل والكفاءات')).toBeTruthy();
    expect(within(section).getByText('في صعوبة', { exact: false })).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'تسجيل الوضعية' })).toBeTruthy();
  });

  it("records a job: the contract's problems at their fields first, then the situation as typed", async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.get': () => ok(awa),
      'employment.person': () => ok({ records: [], businesses: [], followUps: [] }),
      'employment.saveRecord': (input) => ok({ ...employment.records[0], ...input, id: 'e-2' } as never),
    });
    const user = userEvent.setup();
    await renderApp('#/beneficiaries/b-awa');
    const section = await screen.findByRole('region', { name: 'Emploi et revenus' }, { timeout: 8000 });
    expect(await within(section).findByText('Aucune situation notée.')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Noter la situation' }));
    const dialog = await screen.findByRole('dialog', { name: "Situation d'emploi" });
    await choose(within(dialog).getByRole('combobox', { name: /^Situation/ }), 'Salarié·e avec contrat');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText("Indiquez l'employeur ou l'activité.")).toBeTruthy();
    expect(within(dialog).getByText('Indiquez la date de début.')).toBeTruthy();
    expect(within(dialog).getByText('Choisissez le type de contrat (CDI, CDD ou ANAPEC).')).toBeTruthy();
    expect(core.calls('employment.saveRecord')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /^Employeur ou activité/ }), 'Atelier Nour');
    await choose(within(dialog).getByRole('combobox', { name: /^Contrat/ }), 'CDD');
    await user.type(within(dialog).getByLabelText(/^Début/), '2026-01-05');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('employment.saveRecord')).toHaveLength(1));
    expect(core.calls('employment.saveRecord')[0]).toMatchObject({
      beneficiaryId: 'b-awa',
      situation: 'employed_contract',
      employer: 'Atelier Nour',
      contractType: 'cdd',
      startDate: '2026-01-05',
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: "Situation d'emploi" })).toBeNull());
  });
});

describe('employment follow-ups on the follow-up dashboard', () => {
  it('lists the late and coming-up ones, each linking to the person', async () => {
    const dashboard: FollowUpDashboard = {
      today: '2026-03-10',
      staleProcedureDays: 45,
      unansweredReferralDays: 14,
      overdueNextSteps: [],
      comingUpNextSteps: [],
      staleProcedures: [],
      expiringDocuments: [],
      expiredDocuments: [],
      notSeen: [],
      unansweredReferrals: [],
      employmentFollowUps: {
        late: [followUp()],
        comingUp: [
          followUp({
            beneficiaryId: 'b-fatou',
            reference: 'B-2026-00007',
            displayName: 'Fatou Sow',
            anchor: { kind: 'job', date: '2025-12-15', about: 'Boulangerie Al Amal' },
            dueOn: '2026-03-15',
          }),
        ],
      },
    };
    signedIn(session({ role: 'volunteer' }), { 'followUp.dashboard': () => ok(dashboard) });
    await renderApp('#/follow-up');
    const late = await screen.findByRole('table', { name: 'Suivis emploi en retard' });
    const [, lateRow] = within(late).getAllByRole('row');
    expect(within(lateRow).getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(within(lateRow).getByText('3 mois après la formation « Cuisine professionnelle »')).toBeTruthy();
    expect(within(lateRow).getByText('10')).toBeTruthy();
    const coming = screen.getByRole('table', { name: 'Suivis emploi des 14 prochains jours' });
    const [, comingRow] = within(coming).getAllByRole('row');
    expect(within(comingRow).getByRole('link', { name: 'Fatou Sow' }).getAttribute('href')).toBe('#/beneficiaries/b-fatou');
    expect(within(comingRow).getByText('3 mois après le début chez Boulangerie Al Amal')).toBeTruthy();
    expect(within(comingRow).getByText('5')).toBeTruthy();
  });
});

describe("the indicator report's measures", () => {
  it('narrow a count of people to their latest employment situation, chosen among the situations', async () => {
    const agreement = {
      id: 'ag-1',
      funderId: 'f-1',
      funderName: 'Enabel',
      reference: 'MA-2026-017',
      title: 'Inclusion socio-économique',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      currency: 'EUR',
      totalMinor: 100_000_00,
      tolerancePct: 0,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      archivedAt: null,
    };
    const placed: ReportIndicator = {
      code: 'PLACED',
      label: 'Femmes placées après une formation',
      target: 40,
      measure: 'people_reached_female',
      filters: { activityType: ['vocational_training'], employmentSituation: ['employed_contract'] },
      result: null,
    };
    const core = signedIn(session({ role: 'treasurer' }), {
      'reports.indicators': ({ agreementId }) =>
        ok(
          aReport('fr', {
            sections: [],
            ...(agreementId ? { agreement: { id: 'ag-1', reference: 'MA-2026-017', title: 'Inclusion socio-économique', funderName: 'Enabel' }, indicators: [placed] } : {}),
          }),
        ),
      'grants.agreements.list': () => ok([agreement]),
      'grants.agreements.get': () => ok({ agreement, funder: { id: 'f-1', name: 'Enabel' }, budgetLines: [], deadlines: [], indicators: [], calls: [], subGrants: [] } as never),
      'reports.funderPacks': () => ok([]),
      'reports.setIndicatorMeasure': ({ filters }) => ok({ ...placed, filters: filters ?? null }),
    });
    await renderApp('#/reports?from=2026-01-01&to=2026-06-30');
    const select = await screen.findByLabelText('Convention de financement');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await userEvent.selectOptions(select, 'ag-1');
    const labelled = await screen.findAllByLabelText('Situation d’emploi la plus récente (Femmes placées après une formation)');
    const filter = labelled.find((el) => el.tagName === 'INPUT' && el.getAttribute('type') !== 'hidden');
    if (!filter) throw new Error('no filter input');
    // The situation chosen shows as a pill beside the input.
    const pills = filter.closest<HTMLElement>('.mantine-MultiSelect-wrapper');
    if (!pills) throw new Error('no pills');
    expect(within(pills).getByText('Salarié·e avec contrat')).toBeTruthy();
    await userEvent.click(filter);
    await userEvent.click(await screen.findByRole('option', { name: 'Travail indépendant', hidden: true }));
    await waitFor(() =>
      expect(core.calls('reports.setIndicatorMeasure')).toEqual([
        {
          agreementId: 'ag-1',
          code: 'PLACED',
          measure: 'people_reached_female',
          filters: { activityType: ['vocational_training'], employmentSituation: ['employed_contract', 'self_employed'] },
        },
      ]),
    );
  });
});
