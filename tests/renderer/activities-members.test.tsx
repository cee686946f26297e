import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LookupValue, MemberRow, RegistrationOutcome } from '../../electron/contract';
import { activity } from './activities-fixtures';
import { row, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';
import { aMemberRow } from './members-fixtures';

vi.mock('../../renderer/transport');

/** The person search waits for the typing to pause, then asks: slow on a loaded machine. */
const SEARCH_WAIT = 5_000;

const lookups: LookupValue[] = [
  { list: 'category', code: 'refugee', labels: { fr: 'Réfugié·e', ar: 'لاجئ(ة)', en: 'Refugee' }, sensitive: false, archived: false },
];

const member = (more: Partial<MemberRow> = {}): MemberRow =>
  aMemberRow({ id: 'm-7', number: '7', arabicName: null, phones: [], createdAt: '2024-03-10T10:00:00Z', updatedAt: '2024-03-10T10:00:00Z', ...more });

const outcome: RegistrationOutcome = { added: ['b-9'], alreadyRegistered: [], registeredCount: 1, plannedParticipants: 20, overPlanned: false, repeatAlerts: [] };

async function searchMembers(handlers: Parameters<typeof signedIn>[1]) {
  const core = signedIn(session({ role: 'volunteer' }), {
    'lookups.list': () => ok(lookups),
    'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
    'registrations.list': () => ok({ activityId: 'a-1', sessionsHeld: 0, completionThreshold: 75, plannedParticipants: 20, rows: [] }),
    'beneficiaries.search': () => ok({ total: 0, capped: false, rows: [] }),
    ...handlers,
  });
  await renderApp('#/activities/a-1');
  await userEvent.click(await screen.findByRole('tab', { name: /Participants/ }));
  await userEvent.type(await screen.findByRole('searchbox', { name: /Rechercher une personne/ }), 'Khadija');
  const found = await screen.findByRole('list', { name: 'Membres trouvés' }, { timeout: SEARCH_WAIT });
  return { core, found };
}

/** The walk-in form beside has the same lists: the option is taken from this field's own dropdown. */
async function choose(combobox: HTMLElement, option: string, typed?: string) {
  if (typed) await userEvent.type(combobox, typed);
  else await userEvent.click(combobox);
  const listbox = await waitFor(() => {
    const found = document.getElementById(combobox.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error('no dropdown');
    return found;
  });
  await userEvent.click(await within(listbox).findByRole('option', { name: option }));
}

describe('registering members as participants', () => {
  it('finds members with the same search, and registers one linked to a beneficiary record after the repeat check', async () => {
    const { core, found } = await searchMembers({
      'members.list': () => ok({ total: 1, year: 2026, rows: [member({ beneficiaryId: 'b-9' })] }),
      'activities.repeatCheck': () => ok({ beneficiaryId: 'b-9', theme: 'radicalisation_prevention', threshold: 2, count: 0, alert: false, history: [] }),
      'registrations.addMember': () => ok({ beneficiaryId: 'b-9', created: false, outcome }),
    });
    expect(within(found).getByText('Membre n° 7')).toBeTruthy();
    await userEvent.click(within(found).getByRole('button', { name: 'Inscrire le membre Khadija Benali' }));
    await waitFor(() => expect(core.calls('registrations.addMember')).toEqual([{ activityId: 'a-1', memberId: 'm-7' }]));
    expect(core.calls('activities.repeatCheck')).toEqual([{ activityId: 'a-1', beneficiaryId: 'b-9' }]);
    expect(await screen.findByText('Personnes inscrites : 1')).toBeTruthy();
  });

  it('leaves out a member whose beneficiary record the search already shows', async () => {
    const { found } = await searchMembers({
      'beneficiaries.search': () => ok({ total: 1, capped: false, rows: [row(9, { id: 'b-9', displayName: 'Khadija Benali' })] }),
      'members.list': () => ok({ total: 2, year: 2026, rows: [member({ beneficiaryId: 'b-9' }), member({ id: 'm-8', number: '8', firstName: 'Khadija', lastName: 'Amrani' })] }),
    });
    expect(within(found).getAllByRole('listitem')).toHaveLength(1);
    expect(within(found).getByText(/Khadija Amrani/)).toBeTruthy();
  });

  it('asks what a member record lacks before making the beneficiary record, with consent to copy the names', async () => {
    const { core, found } = await searchMembers({
      'members.list': () => ok({ total: 1, year: 2026, rows: [member()] }),
      'registrations.addMember': () => ok({ beneficiaryId: 'b-9', created: true, outcome }),
    });
    await userEvent.click(within(found).getByRole('button', { name: 'Inscrire le membre Khadija Benali' }));
    const form = await screen.findByRole('form', { name: 'Inscrire Khadija Benali, membre n° 7' });
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la fiche et inscrire' }));
    // Category, nationality and (no birth date on the member record) birth year.
    expect(await within(form).findAllByText('Ce champ est obligatoire.')).toHaveLength(3);
    expect(core.calls('registrations.addMember')).toHaveLength(0);

    await choose(within(form).getByRole('combobox', { name: /Catégorie/ }), 'Réfugié·e');
    await choose(within(form).getByRole('combobox', { name: /Nationalité/ }), 'Sénégal', 'Séné');
    await userEvent.type(within(form).getByRole('textbox', { name: /Année de naissance/ }), '1988');
    await userEvent.click(within(form).getByRole('checkbox', { name: /consent aujourd'hui/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la fiche et inscrire' }));
    await waitFor(() => expect(core.calls('registrations.addMember')).toHaveLength(1));
    expect(core.calls('registrations.addMember')[0]).toMatchObject({
      activityId: 'a-1',
      memberId: 'm-7',
      details: { category: 'refugee', nationality: 'SN', birthYear: 1988, consent: { givenBy: 'person', scopes: ['service'] } },
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Inscrire Khadija Benali, membre n° 7' })).toBeNull());
  });

  it("shows the core's refusal at the field it names", async () => {
    const { found } = await searchMembers({
      'members.list': () => ok({ total: 1, year: 2026, rows: [member({ birthDate: '1988-04-12' })] }),
      'registrations.addMember': () => ({ ok: false, error: { code: 'invalid_input', fields: { category: 'not_in_list' } } }),
    });
    await userEvent.click(within(found).getByRole('button', { name: 'Inscrire le membre Khadija Benali' }));
    const form = await screen.findByRole('form', { name: 'Inscrire Khadija Benali, membre n° 7' });
    expect(within(form).queryByRole('textbox', { name: /Année de naissance/ })).toBeNull();
    await choose(within(form).getByRole('combobox', { name: /Catégorie/ }), 'Réfugié·e');
    await choose(within(form).getByRole('combobox', { name: /Nationalité/ }), 'Sénégal', 'Séné');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la fiche et inscrire' }));
    expect(await within(form).findByText("Cette valeur n'est plus dans la liste. Choisissez-en une autre.")).toBeTruthy();
  });
});
