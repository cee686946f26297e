import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpInput, ReferralListRow, ReferralSearchResult } from '../../electron/contract';
import { chooseExport, fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

const row = (more: Partial<ReferralListRow> & Pick<ReferralListRow, 'id'>): ReferralListRow => ({
  beneficiaryId: 'b-awa',
  reference: 'B-2026-00007',
  displayName: 'Awa Diallo',
  pseudonymous: false,
  archived: false,
  partnerName: 'Hôpital Al Farabi',
  sentOn: '2026-04-15',
  status: 'refused',
  feedbackOn: '2026-04-18',
  ...more,
});

const result: ReferralSearchResult = {
  total: 120,
  rows: [
    row({ id: 'r1' }),
    row({ id: 'r2', beneficiaryId: 'b-kd', reference: 'B-2026-00011', displayName: 'KD', pseudonymous: true, partnerName: 'Caritas', status: 'sent', feedbackOn: null }),
  ],
};

function signedIn() {
  return fakeCore({
    'app.status': () => ok(status({ session: session({ role: 'volunteer' }) })),
    'referrals.search': () => ok(result),
    'exports.list': () => ok({ fileName: 'referrals.csv', mimeType: 'text/csv', contentBase64: btoa('x'), rows: 2 }),
    'jobs.progress': () => ok(null),
  });
}

const lastSearch = (core: ReturnType<typeof signedIn>) => core.calls('referrals.search').at(-1) as OpInput<'referrals.search'>;

describe('the referrals list across people', () => {
  it('reads its filters from the address, shows each person linked to their page, and pages', async () => {
    const core = signedIn();
    await renderApp('#/follow-up/referrals?from=2026-04-01&status=refused');
    const table = await screen.findByRole('table', { name: 'Liste des orientations' });
    expect(core.calls('referrals.search')).toEqual([{ from: '2026-04-01', status: 'refused', offset: 0, limit: 50 }]);
    expect((screen.getByLabelText('Envoyées à partir du') as HTMLInputElement).value).toBe('01/04/2026');
    expect((screen.getByLabelText('Statut') as HTMLSelectElement).value).toBe('refused');

    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(within(first).getByText('B-2026-00007')).toBeTruthy();
    expect(within(first).getByText('Hôpital Al Farabi')).toBeTruthy();
    expect(within(first).getByText('Refusée')).toBeTruthy();
    // A pseudonymous record is shown by its initials, with the badge the beneficiaries list uses.
    expect(within(second).getByRole('link', { name: 'KD' }).getAttribute('href')).toBe('#/beneficiaries/b-kd');
    expect(within(second).getByText('Fiche anonyme')).toBeTruthy();
    expect(within(second).getByText('—')).toBeTruthy();
    expect(screen.getByText('Orientations 1 à 2 sur 120')).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Suivantes' }));
    await waitFor(() => expect(lastSearch(core)).toEqual({ from: '2026-04-01', status: 'refused', offset: 50, limit: 50 }));
    expect(window.location.hash).toBe('#/follow-up/referrals?from=2026-04-01&status=refused&page=1');

    await user.click(within(first).getByRole('link', { name: 'Awa Diallo' }));
    await waitFor(() => expect(window.location.hash).toBe('#/beneficiaries/b-awa'));
  });

  it('exports exactly the filters the screen applies', async () => {
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const core = signedIn();
    await renderApp('#/follow-up/referrals?page=2');
    await screen.findByRole('table', { name: 'Liste des orientations' });
    expect(lastSearch(core)).toEqual({ offset: 100, limit: 50 });

    const user = userEvent.setup();
    fireEvent.change(screen.getByLabelText('Envoyées à partir du'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Jusqu’au'), { target: { value: '2026-03-31' } });
    await user.selectOptions(screen.getByLabelText('Statut'), 'Service rendu');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    // New filters start again from the first page.
    await waitFor(() => expect(lastSearch(core)).toEqual({ from: '2026-03-01', to: '2026-03-31', status: 'service_given', offset: 0, limit: 50 }));
    expect(window.location.hash).toBe('#/follow-up/referrals?from=2026-03-01&to=2026-03-31&status=service_given');

    await chooseExport(user, 'CSV (points-virgules, Excel en français)');
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(core.calls('exports.list')).toMatchObject([
      { target: { list: 'referrals', filters: { from: '2026-03-01', to: '2026-03-31', status: 'service_given' } }, format: 'csv', delimiter: ';' },
    ]);
    click.mockRestore();
  });

  it('exports the whole list once its filters are cleared', async () => {
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const core = signedIn();
    await renderApp('#/follow-up/referrals?from=2026-03-01&status=sent');
    await screen.findByRole('table', { name: 'Liste des orientations' });
    const user = userEvent.setup();
    fireEvent.change(screen.getByLabelText('Envoyées à partir du'), { target: { value: '' } });
    await user.selectOptions(screen.getByLabelText('Statut'), 'Tous les statuts');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    await waitFor(() => expect(lastSearch(core)).toEqual({ offset: 0, limit: 50 }));
    expect(window.location.hash).toBe('#/follow-up/referrals');
    await chooseExport(user, 'Excel (XLSX)');
    await waitFor(() => expect(click).toHaveBeenCalled());
    click.mockRestore();
    expect(core.calls('exports.list')).toMatchObject([{ target: { list: 'referrals', filters: {} }, format: 'xlsx' }]);
    expect((core.calls('exports.list')[0] as OpInput<'exports.list'>).target.filters).toEqual({});
  });

  it('is reached from the follow-up dashboard, which no longer exports referrals itself', async () => {
    fakeCore({
      'app.status': () => ok(status({ session: session({ role: 'volunteer' }) })),
      'followUp.dashboard': () =>
        ok({
          today: '2026-06-01',
          staleProcedureDays: 30,
          unansweredReferralDays: 14,
          overdueNextSteps: [],
          comingUpNextSteps: [],
          staleProcedures: [],
          expiringDocuments: [],
          expiredDocuments: [],
          notSeen: [],
          unansweredReferrals: [],
          employmentFollowUps: { comingUp: [], late: [] },
        }),
      'lookups.list': () => ok([]),
    });
    await renderApp('#/follow-up');
    const link = await screen.findByRole('link', { name: 'Toutes les orientations' });
    expect(link.getAttribute('href')).toBe('#/follow-up/referrals');
    expect(screen.queryByRole('button', { name: 'Exporter' })).toBeNull();
  });
});
