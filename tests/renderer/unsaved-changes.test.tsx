import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { activity, sheet } from './activities-fixtures';
import { awa, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const activityCore = () =>
  signedIn(session({ role: 'volunteer' }), {
    'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
    'activities.save': (input) => ok({ ...activity, ...input, id: 'a-1' } as typeof activity),
    'app.setLocale': () => ok(null),
    'beneficiaries.search': () => ok({ total: 0, capped: false, rows: [] }),
  });

async function editTitle() {
  await renderApp('#/activities/a-1');
  await userEvent.click(await screen.findByRole('link', { name: 'Modifier' }));
  const title = await screen.findByRole('textbox', { name: /Intitulé/ });
  await userEvent.type(title, ' (groupe 2)');
  return title as HTMLInputElement;
}

describe('changes not saved', () => {
  it('asks before leaving a form for another page, and keeps what was typed when the person stays', async () => {
    activityCore();
    await editTitle();
    await userEvent.click(screen.getByRole('link', { name: 'Bénéficiaires' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifications non enregistrées' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rester et continuer' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('heading', { name: "Modifier l'activité A-2026-00001" })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Intitulé/ })).toHaveProperty('value', 'Prévention de la radicalisation (groupe 2)');

    await userEvent.click(screen.getByRole('link', { name: 'Bénéficiaires' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Quitter sans enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: "Modifier l'activité A-2026-00001" })).toBeNull());
  });

  it('keeps what was typed through a language switch, and asks before locking over it', async () => {
    const core = activityCore();
    await editTitle();
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    await screen.findByRole('button', { name: 'Lock' });
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveProperty('value', 'Prévention de la radicalisation (groupe 2)');

    await userEvent.click(screen.getByRole('button', { name: 'Lock' }));
    const dialog = await screen.findByRole('dialog', { name: 'Changes not saved' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay and continue' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(core.calls('session.lock')).toHaveLength(0);
    expect(screen.getByRole('textbox', { name: /Title/ })).toHaveProperty('value', 'Prévention de la radicalisation (groupe 2)');
  });

  it('opens the saved record without asking, at its top, saying it was saved', async () => {
    const core = activityCore();
    await editTitle();
    await userEvent.click(screen.getByRole('button', { name: "Enregistrer l'activité" }));
    await waitFor(() => expect(core.calls('activities.save')).toHaveLength(1));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Enregistré.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks before leaving the attendance screen with marks not saved', async () => {
    signedIn(session({ role: 'volunteer' }), { 'attendance.get': () => ok(sheet), 'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }) });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    const awa = await screen.findByRole('radiogroup', { name: 'Awa Diallo' });
    await userEvent.click(within(awa).getByRole('radio', { name: 'Absent' }));
    await userEvent.click(screen.getByRole('link', { name: 'Bénéficiaires' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Rester et continuer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(awa).getByRole('radio', { name: 'Absent' }).getAttribute('aria-checked')).toBe('true');
  });

  it("keeps what was typed when the person opens a possible duplicate's record, with the way back to the form", async () => {
    signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.findDuplicates': () => ok([{ id: 'b-awa', reference: 'B-2026-00042', displayName: 'Awa Diallo', birthYear: 1994, reasons: ['sameLastName'] }]),
      'beneficiaries.get': () => ok(awa),
    });
    await renderApp('#/beneficiaries/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: /L'accompagnement par l'association/ }));
    await user.click(screen.getByRole('radio', { name: 'Femme' }));
    await user.type(screen.getByRole('textbox', { name: /^Année de naissance/ }), '1994');
    for (const [label, option, search] of [[/^Catégorie/, 'Réfugié', ''], [/^Nationalité/, 'Sénégal', 'Sén']] as const) {
      const input = screen.getByRole('combobox', { name: label });
      await user.click(input);
      if (search) await user.type(input, search);
      await user.click(await screen.findByRole('option', { name: option }));
    }
    await user.type(screen.getByRole('textbox', { name: /^Prénom/ }), 'Aoua');
    await user.type(screen.getByRole('textbox', { name: /^Nom( \*)?$/ }), 'Diallo{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Cette personne est peut-être déjà enregistrée' });
    await user.click(within(dialog).getByRole('link', { name: 'Ouvrir la fiche existante' }));
    // The person's page is loaded on its first visit: slow on a loaded machine.
    await screen.findByRole('heading', { level: 1, name: 'Awa Diallo' }, { timeout: 15_000 });
    await user.click(screen.getByRole('link', { name: 'Revenir au formulaire' }));

    expect(await screen.findByRole('textbox', { name: /^Prénom/ })).toHaveProperty('value', 'Aoua');
    expect(screen.getByRole('textbox', { name: /^Année de naissance/ })).toHaveProperty('value', '1994');
  }, 60_000);
});
