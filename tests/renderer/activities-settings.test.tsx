import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../electron/contract';
import { fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

function withSettings(role: 'president' | 'volunteer' = 'president') {
  let stored: Settings = DEFAULT_SETTINGS;
  return fakeCore({
    'app.status': () => ok(status({ session: session({ role }) })),
    'settings.get': () => ok(stored),
    'settings.update': (input) => {
      stored = { ...stored, ...input };
      return ok(stored);
    },
  });
}

const edge = (n: number) => screen.getByLabelText(`Tranche ${n} : à partir de (ans)`);

describe('activities settings', () => {
  it('changes the repeat alert and the age bands, and saves both', async () => {
    const core = withSettings();
    await renderApp('#/settings/activities');
    const threshold = await screen.findByLabelText(/Alerte de participation répétée/);
    expect((threshold as HTMLInputElement).value).toBe('2');
    expect(screen.getAllByLabelText(/^Tranche \d : à partir de/).map((input) => (input as HTMLInputElement).value)).toEqual(['0', '15', '18', '30', '60']);
    expect(screen.getByText('De 15 à 17 ans')).toBeTruthy();
    expect(screen.getByText('60 ans et plus')).toBeTruthy();
    // The youngest band starts at birth: neither editable nor removable.
    expect((edge(1) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Retirer la tranche 1' })).toBeNull();

    const user = userEvent.setup();
    await user.clear(threshold);
    await user.type(threshold, '3');
    await user.click(screen.getByRole('button', { name: 'Retirer la tranche 2' }));
    await user.click(screen.getByRole('button', { name: 'Ajouter une tranche' }));
    expect((edge(5) as HTMLInputElement).value).toBe('70');
    await user.clear(edge(5));
    await user.type(edge(5), '65');
    expect(screen.getByText('De 18 à 29 ans')).toBeTruthy();
    expect(screen.getByText('65 ans et plus')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Paramètres enregistrés.')).toBeTruthy();
    expect(core.calls('settings.update')).toEqual([{ repeatAlertThreshold: 3, statisticsAgeBands: [0, 18, 30, 60, 65] }]);
  });

  it('refuses bands out of order at the bands, and an empty edge at that edge', async () => {
    const core = withSettings();
    await renderApp('#/settings/activities');
    const user = userEvent.setup();
    await user.clear(await screen.findByLabelText('Tranche 3 : à partir de (ans)'));
    await user.type(edge(3), '12');
    // 15 then 12: no band to show between them.
    expect(screen.queryByText(/^De 15 à/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const bands = screen.getByRole('group', { name: "Tranches d'âge des statistiques" });
    expect(await within(bands).findByText('Chaque tranche doit commencer après la précédente, et la première à 0 an.')).toBeTruthy();

    await user.clear(edge(3));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await within(bands).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(edge(3).getAttribute('aria-invalid')).toBe('true');
    expect(within(bands).queryByText(/Chaque tranche doit commencer/)).toBeNull();
    expect(core.calls('settings.update')).toEqual([]);

    await user.type(edge(3), '18');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('settings.update')).toEqual([{ repeatAlertThreshold: 2, statisticsAgeBands: [0, 15, 18, 30, 60] }]));
  });

  it('shows the rules to others without letting them change', async () => {
    withSettings('volunteer');
    await renderApp('#/settings/activities');
    expect(((await screen.findByLabelText(/Alerte de participation répétée/)) as HTMLInputElement).disabled).toBe(true);
    expect((edge(2) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Ajouter une tranche' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(screen.getByText('Seul·e la ou le président·e peut modifier ces paramètres.')).toBeTruthy();
  });
});
