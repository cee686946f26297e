import { screen, waitFor } from '@testing-library/react';
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

describe('reports settings', () => {
  it('changes the smallest group shown and the time zone, refusing 0 at its field', async () => {
    const core = withSettings();
    await renderApp('#/settings/reports');
    const threshold = await screen.findByLabelText(/Taille minimale d’un groupe affiché/);
    expect((threshold as HTMLInputElement).value).toBe('5');
    const zone = screen.getAllByLabelText(/Fuseau horaire de l’association/).find((el) => el.tagName === 'INPUT')!;
    expect((zone as HTMLInputElement).value).toBe('Africa/Casablanca');

    const user = userEvent.setup();
    await user.clear(threshold);
    await user.type(threshold, '0');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('La valeur minimale est 1.')).toBeTruthy();
    expect(core.calls('settings.update')).toEqual([]);

    await user.clear(threshold);
    await user.type(threshold, '10');
    await user.clear(zone);
    // Pasted: typed key by key, the 400-odd zones are filtered again at each key.
    await user.paste('Europe/Paris');
    await user.click(await screen.findByRole('option', { name: 'Europe/Paris' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('settings.update')).toEqual([{ smallCellThreshold: 10, timeZone: 'Europe/Paris' }]));
    expect(await screen.findByText('Paramètres enregistrés.')).toBeTruthy();
  }, 40_000);

  it('shows the settings to the other roles without letting them change them', async () => {
    withSettings('volunteer');
    await renderApp('#/settings/reports');
    expect(((await screen.findByLabelText(/Taille minimale d’un groupe affiché/)) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Seul·e la ou le président·e peut modifier ces paramètres.')).toBeTruthy();
  });
});
