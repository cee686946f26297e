import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityStatistics, LookupValue, StatisticsFigures } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const lookups: LookupValue[] = [
  { list: 'theme', code: 'employability', labels: { fr: 'Employabilité', ar: 'قابلية التشغيل', en: 'Employability' }, sensitive: false, archived: false },
];
const figures = (people: number, presences: number, rate: number | null): StatisticsFigures => ({
  uniqueParticipants: people,
  presences,
  averageAttendance: presences / 3,
  participations: people,
  completed: 0,
  completionRate: rate,
});
const stats: ActivityStatistics = {
  activities: 2,
  sessionsHeld: 3,
  total: figures(5, 8, 0.4),
  bySex: [
    { key: 'female', ...figures(2, 5, 1) },
    { key: 'male', ...figures(3, 3, 0) },
  ],
  byAgeBand: [{ key: '60+', ...figures(1, 1, 0) }],
  byCategory: [],
  byNationality: [{ key: 'MA', ...figures(2, 4, 0.5) }],
};

describe('statistics across activities', () => {
  it('asks for a theme over a period and shows the same disaggregation tables', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'activities.list': () => ok({ total: 0, rows: [] }),
      'activities.statistics': () => ok(stats),
    });
    await renderApp('#/activities');
    await userEvent.click(await screen.findByRole('link', { name: 'Statistiques des activités' }));
    await screen.findByRole('heading', { name: 'Statistiques des activités' });
    await waitFor(() => expect(core.calls('activities.statistics')).toContainEqual({}));

    await userEvent.click(screen.getByRole('combobox', { name: 'Thème' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Employabilité' }));
    fireEvent.change(screen.getByLabelText('Séances du'), { target: { value: '2026-05-11' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2026-06-30' } });
    await waitFor(() => expect(core.calls('activities.statistics')).toContainEqual({ theme: 'employability', from: '2026-05-11', to: '2026-06-30' }));

    const bySex = await screen.findByRole('table', { name: 'Par sexe' });
    expect(within(bySex).getAllByRole('row')).toHaveLength(3);
    expect(within(bySex).getByText('100 %')).toBeTruthy();
    expect(screen.getByText('40 %')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: "Par tranche d'âge" })).getAllByRole('row')).toHaveLength(2);
    // Across activities, the number of activities is one of the figures.
    expect(screen.getByText('Activités', { selector: 'main p' })).toBeTruthy();
  });

  it('shows a reversed period at its field and does not ask for it', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'activities.statistics': () => ok(stats),
    });
    await renderApp('#/activities/statistics');
    fireEvent.change(await screen.findByLabelText('Séances du'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2026-05-01' } });
    expect(await screen.findByText('La fin doit être après le début.')).toBeTruthy();
    expect(core.calls('activities.statistics').some((input) => 'to' in input)).toBe(false);
  });
});
