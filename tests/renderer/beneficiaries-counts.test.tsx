import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Beneficiary, BeneficiaryInput } from '../../electron/contract';
import { awa, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const notAsked: Beneficiary = { ...awa, personal: awa.personal && { ...awa.personal, household: { dependants: null, childrenUnder18: 0, singleParent: false } } };

async function choose(user: UserEvent, label: RegExp, option: string, search?: string) {
  const input = screen.getByRole('combobox', { name: label });
  await user.click(input);
  if (search) await user.type(input, search);
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

const countInputs = () => {
  const household = screen.getByRole('group', { name: 'Foyer' });
  return {
    dependants: within(household).getByRole('textbox', { name: 'Personnes à charge' }) as HTMLInputElement,
    children: within(household).getByRole('textbox', { name: 'Enfants de moins de 18 ans' }) as HTMLInputElement,
  };
};

describe('household counts not asked are not zero', () => {
  it('starts empty, refuses a negative or fractional count at its field as typed, and saves an empty one as not stated', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.findDuplicates': () => ok([]),
      'beneficiaries.create': (input) => ok({ ...input, id: 'b-new', reference: 'B-2026-00151', initials: 'AD', createdAt: '', updatedAt: '', archivedAt: null }),
    });
    await renderApp('#/beneficiaries/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Nouveau bénéficiaire' });
    await user.click(screen.getByRole('checkbox', { name: /L'accompagnement par l'association/ }));
    await user.type(screen.getByRole('textbox', { name: /^Prénom/ }), 'Aoua');
    await user.type(screen.getByRole('textbox', { name: /^Nom( \*)?$/ }), 'Diallo');
    await user.click(screen.getByRole('radio', { name: 'Femme' }));
    await user.type(screen.getByRole('textbox', { name: /^Année de naissance/ }), '1994');
    await choose(user, /^Catégorie/, 'Réfugié');
    await choose(user, /^Nationalité/, 'Sénégal', 'Sén');

    const { dependants, children } = countInputs();
    expect(dependants.value).toBe('');
    expect(children.value).toBe('');
    expect(screen.getByText('Vide si la question n’a pas été posée.')).toBeTruthy();

    await user.type(dependants, '-1');
    await user.click(children);
    await user.paste('2.5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const household = screen.getByRole('group', { name: 'Foyer' });
    expect(await within(household).findByText('La valeur minimale est 0.')).toBeTruthy();
    expect(within(household).getByText('Saisissez un nombre entier.')).toBeTruthy();
    expect(dependants.value).toBe('-1');
    expect(children.value).toBe('2.5');
    expect(core.calls('beneficiaries.create')).toEqual([]);

    await user.clear(dependants);
    await user.clear(children);
    await user.type(children, '0');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('beneficiaries.create')).toHaveLength(1));
    expect((core.calls('beneficiaries.create')[0] as BeneficiaryInput).personal?.household).toEqual({
      dependants: null,
      childrenUnder18: 0,
      singleParent: false,
    });
  });

  it('shows a count not asked as empty in the form and as not stated on the record', async () => {
    signedIn(session({ role: 'volunteer' }), { 'beneficiaries.get': () => ok(notAsked) });
    await renderApp('#/beneficiaries/b-awa');
    expect(await screen.findByText('Personnes à charge : non renseigné · enfants de moins de 18 ans : 0')).toBeTruthy();
  });

  it('opens a record whose count was not asked with that field empty and the zero kept', async () => {
    signedIn(session({ role: 'volunteer' }), { 'beneficiaries.get': () => ok(notAsked), 'beneficiaries.findDuplicates': () => ok([]) });
    await renderApp('#/beneficiaries/b-awa/edit');
    await screen.findByRole('heading', { level: 1, name: 'Modifier la fiche de Awa Diallo' });
    const { dependants, children } = countInputs();
    expect(dependants.value).toBe('');
    expect(children.value).toBe('0');
  });
});
