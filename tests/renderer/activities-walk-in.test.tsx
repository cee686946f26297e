import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LookupValue, RepeatCheck } from '../../electron/contract';
import { activity, sheet } from './activities-fixtures';
import { row, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

/** The person search waits for the typing to pause, then asks: slow on a loaded machine. */
const SEARCH_WAIT = 5_000;

const lookups: LookupValue[] = [
  { list: 'category', code: 'refugee', labels: { fr: 'Réfugié·e', ar: 'لاجئ(ة)', en: 'Refugee' }, sensitive: false, archived: false },
];
const repeat: RepeatCheck = {
  beneficiaryId: 'b-awa',
  theme: 'radicalisation_prevention',
  threshold: 2,
  count: 2,
  alert: true,
  history: [{ activityId: 'a-0', reference: 'A-2025-00012', title: 'Vivre ensemble 2025', type: 'awareness', firstPresentOn: '2025-05-02', lastPresentOn: '2025-05-30', sessionsPresent: 4 }],
};

async function openWalkIn(handlers: Parameters<typeof signedIn>[1]) {
  const core = signedIn(session({ role: 'volunteer' }), {
    'lookups.list': () => ok(lookups),
    'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
    'registrations.list': () => ok({ activityId: 'a-1', sessionsHeld: 0, completionThreshold: 75, plannedParticipants: 20, rows: [] }),
    ...handlers,
  });
  await renderApp('#/activities/a-1');
  await userEvent.click(await screen.findByRole('tab', { name: /Participants/ }));
  return { core, form: await screen.findByRole('form', { name: 'Inscrire une personne venue sans inscription' }) };
}

describe('walk-in form', () => {
  it('says at each field what is missing, and sends nothing', async () => {
    const { core, form } = await openWalkIn({});
    await userEvent.click(within(form).getByRole('button', { name: 'Inscrire sur place' }));
    expect(await within(form).findByText('Indiquez les initiales (par exemple AB) pour une fiche anonyme.')).toBeTruthy();
    // Sex, birth year, category, nationality.
    expect(within(form).getAllByText('Ce champ est obligatoire.')).toHaveLength(4);
    const initials = within(form).getByRole('textbox', { name: /Initiales/ });
    expect(initials.getAttribute('aria-invalid')).toBe('true');
    expect(core.calls('registrations.walkIn')).toHaveLength(0);
  });

  it("shows the core's refusal at the field it names", async () => {
    const { core, form } = await openWalkIn({
      'registrations.walkIn': () => ({ ok: false, error: { code: 'invalid_input', fields: { 'beneficiary.category': 'not_in_list' } } }),
    });
    await userEvent.type(within(form).getByRole('textbox', { name: /Initiales/ }), 'KB');
    await userEvent.click(within(form).getByRole('combobox', { name: /Sexe/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Homme', hidden: true }));
    await userEvent.type(within(form).getByRole('textbox', { name: /Année de naissance/ }), '2016');
    await userEvent.click(within(form).getByRole('combobox', { name: /Catégorie/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Réfugié·e', hidden: true }));
    await userEvent.type(within(form).getByRole('combobox', { name: /Nationalité/ }), 'Séné');
    await userEvent.click(await screen.findByRole('option', { name: 'Sénégal', hidden: true }));
    await userEvent.click(within(form).getByRole('button', { name: 'Inscrire sur place' }));
    await waitFor(() => expect(core.calls('registrations.walkIn')).toHaveLength(1));
    expect(core.calls('registrations.walkIn')[0]).toMatchObject({
      activityId: 'a-1',
      beneficiary: { initials: 'KB', sex: 'male', birthYear: 2016, category: 'refugee', nationality: 'SN', consent: null, personal: null },
    });
    expect(await within(form).findByText("Cette valeur n'est plus dans la liste. Choisissez-en une autre.")).toBeTruthy();
  });
});

describe('someone who came unregistered, added on the attendance screen', () => {
  it('gets the same repeat alert as when registered beforehand', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(sheet),
      'beneficiaries.search': () => ok({ total: 1, capped: false, rows: [row(7, { id: 'b-awa', displayName: 'Awa Ndiaye' })] }),
      'activities.repeatCheck': () => ok(repeat),
      'attendance.mark': () => ok(sheet),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    await userEvent.type(await screen.findByRole('searchbox', { name: /Rechercher une personne/ }), 'awa');
    await userEvent.click(await screen.findByRole('button', { name: 'Ajouter Awa Ndiaye' }, { timeout: SEARCH_WAIT }));
    const alert = await screen.findByRole('alertdialog', { name: 'Déjà venu sur ce thème' });
    expect(within(alert).getByText('Vivre ensemble 2025')).toBeTruthy();
    expect(core.calls('activities.repeatCheck')).toEqual([{ activityId: 'a-1', beneficiaryId: 'b-awa' }]);
    expect(screen.queryByRole('radiogroup', { name: 'Awa Ndiaye' })).toBeNull();

    await userEvent.click(within(alert).getByRole('button', { name: 'Inscrire quand même' }));
    const line = await screen.findByRole('radiogroup', { name: 'Awa Ndiaye' });
    expect(within(line).getByRole('radio', { name: 'Présent' }).getAttribute('aria-checked')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('attendance.mark')).toHaveLength(1));
    expect(core.calls('attendance.mark')[0]).toMatchObject({ add: ['b-awa'], marks: [{ beneficiaryId: 'b-awa', status: 'present' }] });
  });
});
