import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { todayIso, type Beneficiary, type BeneficiaryInput } from '../../electron/contract';
import { awa, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const serviceConsent = /L'accompagnement par l'association/;

async function choose(user: UserEvent, label: string | RegExp, option: string, search?: string) {
  const input = screen.getByRole('combobox', { name: label });
  await user.click(input);
  if (search) await user.type(input, search);
  // jsdom never ends Mantine's opening transition: the dropdown stays display:none.
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

/** The pseudonymous part every record has. */
async function fillRecord(user: UserEvent) {
  await user.click(screen.getByRole('radio', { name: 'Femme' }));
  await user.type(screen.getByRole('textbox', { name: /^Année de naissance/ }), '1994');
  await choose(user, /^Catégorie/, 'Réfugié');
  await choose(user, /^Nationalité/, 'Sénégal', 'Sén');
}

const saved = (input: BeneficiaryInput): Beneficiary => ({
  ...input,
  id: 'b-new',
  reference: 'B-2026-00151',
  initials: 'AD',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  archivedAt: null,
});

describe('beneficiary form', () => {
  it('refuses personal data without consent to service delivery, and never asks the core', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.findDuplicates': () => ok([]),
      'beneficiaries.create': (input) => ok(saved(input)),
    });
    await renderApp('#/beneficiaries/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Nouveau bénéficiaire' });

    // Without consent the personal section is disabled and says why.
    const personal = screen.getByRole('group', { name: 'Données personnelles' });
    expect((within(personal).getByRole('textbox', { name: /^Prénom/ }) as HTMLInputElement).closest('fieldset')?.disabled).toBe(true);
    expect(screen.getByText(/Loi 09-08 : sans consentement à l'accompagnement, seule une fiche anonyme/)).toBeTruthy();

    // Consent given, a name typed, then consent taken back: what was typed stays, but is refused.
    await user.click(screen.getByRole('checkbox', { name: serviceConsent }));
    await user.type(within(personal).getByRole('textbox', { name: /^Prénom/ }), 'Awa');
    await user.type(within(personal).getByRole('textbox', { name: /^Nom( \*)?$/ }), 'Diallo');
    await user.click(screen.getByRole('checkbox', { name: serviceConsent }));
    expect((within(personal).getByRole('textbox', { name: /^Prénom/ }) as HTMLInputElement).value).toBe('Awa');
    await fillRecord(user);
    await user.type(screen.getByRole('textbox', { name: /^Initiales/ }), 'AD{Enter}');

    expect(
      await screen.findByText(
        "Des données personnelles sont saisies mais la personne n'a pas consenti à l'accompagnement. Cochez ce consentement ou effacez les données personnelles.",
      ),
    ).toBeTruthy();
    expect(core.calls('beneficiaries.findDuplicates')).toEqual([]);
    expect(core.calls('beneficiaries.create')).toEqual([]);

    // Clearing the personal data leaves a pseudonymous record, which may be saved.
    await user.click(screen.getByRole('button', { name: 'Effacer les données personnelles' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('beneficiaries.create')).toHaveLength(1));
    expect(core.calls('beneficiaries.create')[0]).toEqual({
      sex: 'female',
      birthYear: 1994,
      birthYearEstimated: false,
      nationality: 'SN',
      category: 'refugee',
      initials: 'AD',
      consent: null,
      personal: null,
    });
  });

  it('shows the people who may already be registered, and creates only once told it is someone else', async () => {
    let created: Beneficiary | null = null;
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.findDuplicates': () =>
        ok([{ id: 'b-awa', reference: 'B-2026-00042', displayName: 'Awa Diallo', birthYear: 1994, reasons: ['phone', 'sameBirthYear', 'sameLastName'] }]),
      'beneficiaries.create': (input) => ok((created = saved(input))),
      'beneficiaries.markDifferent': (pair) => ok(pair),
      'beneficiaries.get': ({ id }) => ok(id === 'b-awa' || !created ? awa : created),
    });
    await renderApp('#/beneficiaries/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Nouveau bénéficiaire' });

    await user.click(screen.getByRole('checkbox', { name: serviceConsent }));
    await fillRecord(user);
    await user.type(screen.getByRole('textbox', { name: /^Prénom/ }), 'Aoua');
    await user.type(screen.getByRole('textbox', { name: /^Nom( \*)?$/ }), 'Diallo');
    await user.type(screen.getByRole('textbox', { name: 'Nom complet en arabe' }), 'عوا ديالو');
    // An implausible number is refused next to its field, in French.
    await user.type(screen.getByRole('textbox', { name: 'Téléphone 1' }), '12{Enter}');
    expect(await screen.findByText(/Ce numéro de téléphone n'est pas valide/)).toBeTruthy();
    expect(core.calls('beneficiaries.findDuplicates')).toEqual([]);

    await user.clear(screen.getByRole('textbox', { name: 'Téléphone 1' }));
    await user.type(screen.getByRole('textbox', { name: 'Téléphone 1' }), '0612345678{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Cette personne est peut-être déjà enregistrée' });
    expect(within(dialog).getByText('Awa Diallo')).toBeTruthy();
    expect(within(dialog).getByText('B-2026-00042')).toBeTruthy();
    expect(within(dialog).getByText('Même téléphone')).toBeTruthy();
    expect(within(dialog).getByText('Même année de naissance')).toBeTruthy();
    expect(within(dialog).getByText('Même nom de famille')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Ouvrir la fiche existante' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(core.calls('beneficiaries.create')).toEqual([]);
    const checked = core.calls('beneficiaries.findDuplicates')[0] as { input: BeneficiaryInput; excludeId?: string };
    expect(checked.excludeId).toBeUndefined();
    expect(checked.input.personal?.phones).toEqual(['+212612345678']);

    await user.click(within(dialog).getByRole('button', { name: "C'est une autre personne, enregistrer" }));

    await waitFor(() => expect(core.calls('beneficiaries.create')).toHaveLength(1));
    // Told apart from the record proposed, for good.
    await waitFor(() => expect(core.calls('beneficiaries.markDifferent')).toEqual([{ a: created?.id, b: 'b-awa' }]));
    expect(core.calls('beneficiaries.create')[0]).toMatchObject({
      sex: 'female',
      birthYear: 1994,
      nationality: 'SN',
      category: 'refugee',
      consent: { date: todayIso(), givenBy: 'person', scopes: ['service'] },
      personal: {
        firstName: 'Aoua',
        lastName: 'Diallo',
        arabicName: 'عوا ديالو',
        phones: ['+212612345678'],
        legalStatus: null,
        household: { dependants: null, childrenUnder18: null, singleParent: false },
        educationLevel: 'unknown',
        languages: [],
        vulnerabilities: [],
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aoua Diallo' }, { timeout: 5000 })).toBeTruthy();
    expect(window.location.hash).toBe('#/beneficiaries/b-new');
  });

  it('edits with the record excluded from the duplicate check, and shows the core refusals under their fields', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.get': () => ok(awa),
      'beneficiaries.findDuplicates': () => ok([]),
      'beneficiaries.update': () => ({ ok: false, error: { code: 'invalid_input', fields: { category: 'not_in_list' } } }),
    });
    await renderApp('#/beneficiaries/b-awa/edit');
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Modifier la fiche de Awa Diallo' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Prénom/ }) as HTMLInputElement).value).toBe('Awa');
    expect((screen.getByRole('textbox', { name: 'Téléphone 1' }) as HTMLInputElement).value).toBe('+212612345678');

    await user.type(screen.getByRole('textbox', { name: 'Ville' }), ' centre{Enter}');

    expect(await screen.findByText("Cette valeur n'est plus dans la liste. Choisissez-en une autre.")).toBeTruthy();
    expect(screen.getByText('Certaines informations ne sont pas valides. Vérifiez le formulaire.')).toBeTruthy();
    expect(core.calls('beneficiaries.findDuplicates')).toMatchObject([{ excludeId: 'b-awa' }]);
    expect(core.calls('beneficiaries.update')).toMatchObject([{ id: 'b-awa', input: { personal: { city: 'Oujda centre' } } }]);
    // Nothing typed is lost.
    expect((screen.getByRole('textbox', { name: 'Ville' }) as HTMLInputElement).value).toBe('Oujda centre');
  });
});
