import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { activity } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const thisYear = new Date().getFullYear();

describe('nothing typed is silently changed', () => {
  it('keeps a negative number of participants as typed, says why at the field and saves nothing', async () => {
    const core = signedIn(session({ role: 'volunteer' }), { 'activities.save': (input) => ok({ ...activity, ...input, id: 'a-9' } as typeof activity) });
    await renderApp('#/activities/new');
    await userEvent.type(await screen.findByRole('textbox', { name: /Intitulé/ }), 'Atelier santé');
    const planned = screen.getByRole('textbox', { name: 'Participants prévus' });
    await userEvent.type(planned, '-10');
    await userEvent.tab();
    await userEvent.click(screen.getByRole('button', { name: "Enregistrer l'activité" }));

    expect(await screen.findByText('La valeur minimale est 1.')).toBeTruthy();
    expect(planned).toHaveProperty('value', '-10');
    expect(core.calls('activities.save')).toHaveLength(0);
  });

  it('keeps a birth year in the future as typed, focuses it with its error, and saves nothing', async () => {
    const core = signedIn(session({ role: 'volunteer' }), { 'beneficiaries.findDuplicates': () => ok([]) });
    await renderApp('#/beneficiaries/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Femme' }));
    const birthYear = screen.getByRole('textbox', { name: /^Année de naissance/ });
    await user.type(birthYear, String(thisYear + 5));
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText(`La valeur maximale est ${thisYear}.`)).toBeTruthy();
    expect(birthYear).toHaveProperty('value', String(thisYear + 5));
    await waitFor(() => expect(document.activeElement).toBe(birthYear));
    expect(core.calls('beneficiaries.create')).toHaveLength(0);
  }, 60_000);
});
