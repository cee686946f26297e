import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FunderPack, IndicatorReport, ListExport, OpInput } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';
import { aReport, ageBandTable } from './reports-fixtures';

vi.mock('../../renderer/transport');

const report = (locale: 'fr' | 'en' = 'fr'): IndicatorReport => aReport(locale, {
  title: locale === 'fr' ? 'Rapport d’indicateurs' : 'Indicator report',
  definitions: [{ term: 'Personne touchée', text: 'Personne distincte…' }],
  sections: [
    {
      id: 'beneficiaries',
      title: 'Personnes touchées',
      available: true,
      notes: [],
      tables: [
        ageBandTable({ title: 'Par tranche d’âge et sexe', band: 'Tranche d’âge', female: 'Femmes', male: 'Hommes' }, [
          ['15-17', 2, 1],
          ['18-29', 1200, 4],
        ]),
      ],
    },
    {
      id: 'activities',
      title: 'Activités',
      available: true,
      notes: [],
      tables: [
        {
          id: 'activities.byTheme',
          title: 'Participants et achèvements par thème',
          columns: [
            { heading: 'Thème', kind: 'label' },
            { heading: 'Achèvements', kind: 'count' },
            { heading: 'Taux d’achèvement (%)', kind: 'percent' },
          ],
          rows: [['Santé', 3, 37.5]],
          total: null,
        },
      ],
    },
    { id: 'grants', title: 'Subventions et microprojets', available: false, notes: ['Section pas encore disponible.'], tables: [] },
  ],
});

describe('reports page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the report for the period in the address, with its chart, tables and notes', async () => {
    const core = signedIn(session({ role: 'volunteer' }), { 'reports.indicators': () => ok(report()) });
    await renderApp('#/reports?from=2026-01-01&to=2026-06-30');

    // The preview on screen, and the same document kept for printing.
    const [table] = await screen.findAllByRole('table', { name: 'Par tranche d’âge et sexe' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['Tranche d’âgeFemmesHommesTotal', '15-17213', '18-291\u202f20041\u202f204', 'Total1\u202f20251\u202f207']);
    expect(screen.getAllByRole('img', { name: 'Par tranche d’âge et sexe' }).length).toBeGreaterThan(0);
    expect(within(screen.getAllByRole('table', { name: 'Participants et achèvements par thème' })[0]).getByText(/37,5\s%/)).toBeTruthy();
    expect(screen.getAllByText('Section pas encore disponible.').length).toBeGreaterThan(0);
    expect(core.calls('reports.indicators')[0]).toEqual({ from: '2026-01-01', to: '2026-06-30', locale: 'fr' });
  });

  it('asks again for another period, refusing an impossible date in the form', async () => {
    const core = signedIn(session({ role: 'volunteer' }), { 'reports.indicators': () => ok(report()) });
    await renderApp('#/reports?from=2026-01-01&to=2026-06-30');
    await screen.findAllByRole('table', { name: 'Par tranche d’âge et sexe' });
    const user = userEvent.setup();
    const to = screen.getByLabelText('Au');
    expect(to).toHaveProperty('value', '30/06/2026');
    await user.clear(to);
    await user.type(to, '31/13/2026');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(await screen.findByText(/Cette date n'existe pas/)).toBeTruthy();
    expect(to).toHaveProperty('value', '31/13/2026');
    expect(core.calls('reports.indicators')).toHaveLength(1);
    await user.clear(to);
    await user.type(to, '31/03/2026');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    await waitFor(() => expect(core.calls('reports.indicators')).toContainEqual({ from: '2026-01-01', to: '2026-03-31', locale: 'fr' }));
  });

  it('builds the report in another language and downloads it as XLSX', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'reports.indicators': ({ locale }) => ok(report(locale === 'en' ? 'en' : 'fr')),
      'reports.exportXlsx': () => ok({ fileName: 'indicators.xlsx', mimeType: 'application/xlsx', contentBase64: btoa('PK') }),
    });
    let saved: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return 'blob:report';
    };
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderApp('#/reports?from=2026-01-01&to=2026-06-30');
    await screen.findAllByRole('table', { name: 'Par tranche d’âge et sexe' });
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('radiogroup', { name: 'Langue du rapport' })).getByText('English'));
    await waitFor(() => expect(core.calls('reports.indicators')).toContainEqual({ from: '2026-01-01', to: '2026-06-30', locale: 'en' }));
    expect((await screen.findAllByText('Indicator report')).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Télécharger en XLSX' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(core.calls('reports.exportXlsx')).toEqual([{ from: '2026-01-01', to: '2026-06-30', locale: 'en' }]);
    expect(saved).toMatchObject({ size: 2, type: 'application/xlsx' });
  });
  it('lets a treasurer report on one funding agreement, over its period', async () => {
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
    const pack: FunderPack = {
      id: 'p-1',
      agreementId: 'ag-1',
      deadlineId: 'd-1',
      dueDate: '2026-06-30',
      from: '2026-01-01',
      to: '2026-06-30',
      documents: ['00-index.txt'],
      builtAt: '2026-07-01T10:00:00.000Z',
      builtByName: 'Nadia Bennani',
      sentOn: null,
      sentTo: null,
    };
    let packs: FunderPack[] = [];
    URL.createObjectURL = () => 'blob:pack';
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const forAgreement = (agreementId?: string): IndicatorReport =>
      agreementId
        ? {
            ...report(),
            agreement: { id: 'ag-1', reference: 'MA-2026-017', title: 'Inclusion socio-économique', funderName: 'Enabel' },
            indicators: [{ code: 'IND2', label: 'Personnes migrantes formées', target: 300, measure: null, filters: null, result: null }],
          }
        : report();
    const core = signedIn(session({ role: 'treasurer' }), {
      'reports.indicators': ({ agreementId }) => ok(forAgreement(agreementId)),
      'grants.agreements.list': () => ok([agreement]),
      'reports.setIndicatorResult': () => ok(null),
      'reports.setIndicatorMeasure': ({ code, measure, filters }) =>
        ok({ code, label: 'Personnes migrantes formées', target: 300, measure: measure ?? null, filters: filters ?? null, result: null }),
      'grants.agreements.get': () =>
        ok({
          agreement,
          funder: { id: 'f-1', name: 'Enabel' },
          budgetLines: [],
          deadlines: [{ id: 'd-1', dueDate: '2026-06-30', kind: 'narrative', label: 'Rapport intermédiaire', submittedOn: null }],
          indicators: [],
          calls: [],
          subGrants: [],
        } as never),
      'reports.funderPacks': () => ok(packs),
      'reports.funderPack': () => {
        packs = [{ ...pack }];
        return ok({ fileName: 'MA-2026-017-2026-06-30.zip', mimeType: 'application/zip', contentBase64: btoa('PK'), pack });
      },
      'reports.recordPackSent': ({ sentOn, sentTo }) => {
        packs = [{ ...pack, sentOn, sentTo }];
        return ok(packs[0]);
      },
    });
    await renderApp('#/reports?from=2026-01-01&to=2026-06-30');
    const select = await screen.findByLabelText('Convention de financement');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await userEvent.selectOptions(select, 'ag-1');
    await waitFor(() =>
      expect(core.calls('reports.indicators')).toContainEqual({ from: '2026-01-01', to: '2027-12-31', agreementId: 'ag-1', locale: 'fr' }),
    );
    // An indicator the report does not measure gets its result for the period typed in, with its source.
    const resultForm = await screen.findByRole('form', { name: 'Résultat saisi : Personnes migrantes formées' });
    await userEvent.type(within(resultForm).getByLabelText('Résultat de la période (Personnes migrantes formées)'), '42');
    await userEvent.click(within(resultForm).getByRole('button', { name: 'Enregistrer le résultat' }));
    expect(await within(resultForm).findByText('Au moins 3 caractères.')).toBeTruthy();
    expect(core.calls('reports.setIndicatorResult')).toEqual([]);
    await userEvent.type(within(resultForm).getByLabelText(/^Source/), 'Attestations ANAPEC');
    await userEvent.click(within(resultForm).getByRole('button', { name: 'Enregistrer le résultat' }));
    await waitFor(() =>
      expect(core.calls('reports.setIndicatorResult')).toEqual([
        { agreementId: 'ag-1', code: 'IND2', from: '2026-01-01', to: '2026-06-30', value: 42, source: 'Attestations ANAPEC' },
      ]),
    );

    // The indicators not measured by their own code can be linked to a figure of the report.
    const measure = await screen.findByLabelText('Personnes migrantes formées');
    await userEvent.selectOptions(measure, 'participants');
    await waitFor(() => expect(core.calls('reports.setIndicatorMeasure')).toEqual([{ agreementId: 'ag-1', code: 'IND2', measure: 'participants' }]));

    // The funder pack of the deadline: prepared (and saved), then recorded as sent.
    const user = userEvent.setup();
    const packsTable = await screen.findByRole('table', { name: 'Dossiers pour le bailleur' });
    expect(within(packsTable).getByText('Pas encore préparé')).toBeTruthy();
    await user.click(within(packsTable).getByRole('button', { name: 'Préparer le dossier' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(core.calls('reports.funderPack')).toEqual([{ agreementId: 'ag-1', deadlineId: 'd-1', locale: 'fr', jobId: expect.stringMatching(/^pack-/) }]);
    await user.click(await within(packsTable).findByRole('button', { name: 'Enregistrer l’envoi' }));
    await user.type(within(packsTable).getByLabelText(/Destinataire/), 'Enabel Rabat');
    await user.click(within(packsTable).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('reports.recordPackSent')).toHaveLength(1));
    expect(core.calls('reports.recordPackSent')[0]).toMatchObject({ packId: 'p-1', sentTo: 'Enabel Rabat' });
    expect(await within(packsTable).findByText(/Envoyé le .* à Enabel Rabat/)).toBeTruthy();
  });
});

describe('export button', () => {
  afterEach(() => vi.restoreAllMocks());

  const file: ListExport = { fileName: 'referrals.csv', mimeType: 'text/csv', contentBase64: btoa('x'), rows: 1 };
  const noReferrals = { total: 0, rows: [] };

  it('exports pseudonymised for everyone, and offers a named export only to presidents, with a purpose', async () => {
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const core = signedIn(session({ role: 'volunteer' }), {
      'referrals.search': () => ok(noReferrals),
      'exports.list': () => ok(file),
      'jobs.progress': () => ok(null),
    });
    await renderApp('#/follow-up/referrals');
    await screen.findByText('Aucune orientation ne correspond à ces filtres.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    const csv = await screen.findByRole('menuitem', { name: 'CSV (points-virgules, Excel en français)' }, { timeout: 5000 });
    expect(screen.queryByText('Avec noms et téléphones')).toBeNull();
    await user.click(csv);
    await waitFor(() => expect(click).toHaveBeenCalled());
    const [input] = core.calls('exports.list') as OpInput<'exports.list'>[];
    expect(input).toMatchObject({ target: { list: 'referrals', filters: {} }, format: 'csv', delimiter: ';', locale: 'fr' });
    expect(input.jobId).toMatch(/^export-/);
  });

  it('a president states the purpose before a named export', async () => {
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const core = signedIn(session({ role: 'president' }), {
      'referrals.search': () => ok(noReferrals),
      'exports.namedList': () => ok(file),
      'jobs.progress': () => ok(null),
    });
    await renderApp('#/follow-up/referrals');
    await screen.findByText('Aucune orientation ne correspond à ces filtres.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Excel (XLSX) nominatif…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export nominatif' });
    await user.click(within(dialog).getByRole('button', { name: 'Exporter avec les noms' }));
    expect(await within(dialog).findByText('Au moins 3 caractères.')).toBeTruthy();
    expect(core.calls('exports.namedList')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText(/Finalité de l’export/), 'Liste pour le HCR');
    await user.click(within(dialog).getByRole('button', { name: 'Exporter avec les noms' }));
    await waitFor(() => expect(core.calls('exports.namedList')).toHaveLength(1));
    expect(core.calls('exports.namedList')[0]).toMatchObject({ target: { list: 'referrals' }, format: 'xlsx', purpose: 'Liste pour le HCR' });
  });
});
