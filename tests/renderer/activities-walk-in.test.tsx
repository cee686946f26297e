import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { todayIso, type AttendanceSheet, type Beneficiary, type DuplicateCandidate, type LookupValue, type OpInput, type RepeatCheck } from '../../electron/contract';
import { activity, person, sheet } from './activities-fixtures';
import { awa, row, signedIn } from './beneficiaries-fixtures';
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

/** The facts every record keeps, named or not. */
async function fillRecord(form: HTMLElement) {
  await userEvent.click(within(form).getByRole('combobox', { name: /Sexe/ }));
  await userEvent.click(await screen.findByRole('option', { name: 'Homme' }));
  await userEvent.type(within(form).getByRole('textbox', { name: /Année de naissance/ }), '2016');
  await userEvent.click(within(form).getByRole('combobox', { name: /Catégorie/ }));
  await userEvent.click(await screen.findByRole('option', { name: 'Réfugié·e' }));
  await userEvent.type(within(form).getByRole('combobox', { name: /Nationalité/ }), 'Séné');
  await userEvent.click(await screen.findByRole('option', { name: 'Sénégal' }));
}

const serviceConsent = /L'accompagnement par l'association/;

/** What the core answers for a new record made from the operation's input. */
function created(input: OpInput<'registrations.walkIn'>, id = 'b-new'): Beneficiary {
  const b = input.beneficiary;
  return {
    ...b,
    id,
    reference: 'B-2026-00099',
    initials: b.initials ?? 'XX',
    createdAt: '2026-03-03T10:00:00Z',
    updatedAt: '2026-03-03T10:00:00Z',
    archivedAt: null,
  } as Beneficiary;
}
const outcome = { added: ['b-new'], alreadyRegistered: [], registeredCount: 1, plannedParticipants: 20, overPlanned: false, repeatAlerts: [] };

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
    await fillRecord(form);
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

describe('walk-in form: named with consent, else pseudonymous', () => {
  it('records the names and phone of someone who consents to service delivery', async () => {
    const { core, form } = await openWalkIn({
      'beneficiaries.findDuplicates': () => ok([]),
      'registrations.walkIn': (input) => ok({ beneficiary: created(input), outcome }),
    });
    expect(within(form).queryByRole('textbox', { name: /Prénom/ })).toBeNull();
    await userEvent.click(within(form).getByRole('checkbox', { name: serviceConsent }));
    // A named record needs no initials.
    expect(within(form).queryByRole('textbox', { name: /Initiales/ })).toBeNull();
    await fillRecord(form);
    await userEvent.type(within(form).getByRole('textbox', { name: /Prénom/ }), 'Moussa');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Nom( \*)?$/ }), 'Fall');
    await userEvent.type(within(form).getByRole('textbox', { name: /Nom complet en arabe/ }), 'موسى فال');
    await userEvent.type(within(form).getByRole('textbox', { name: /Téléphone/ }), '06 12 34 56 78');
    await userEvent.click(within(form).getByRole('button', { name: 'Inscrire sur place' }));
    await waitFor(() => expect(core.calls('registrations.walkIn')).toHaveLength(1));
    const [sent] = core.calls('registrations.walkIn') as OpInput<'registrations.walkIn'>[];
    // Compared first with the records kept; nobody alike, so registered without asking.
    expect(core.calls('beneficiaries.findDuplicates')).toEqual([{ input: sent.beneficiary }]);
    expect(screen.queryByRole('dialog', { name: 'Cette personne est peut-être déjà enregistrée' })).toBeNull();
    expect(sent).toMatchObject({
      activityId: 'a-1',
      beneficiary: {
        sex: 'male',
        birthYear: 2016,
        category: 'refugee',
        nationality: 'SN',
        consent: { date: todayIso(), givenBy: 'person', scopes: ['service'] },
        personal: { firstName: 'Moussa', lastName: 'Fall', arabicName: 'موسى فال', phones: ['+212612345678'] },
      },
    });
    expect(sent.beneficiary.initials).toBeUndefined();
    expect(sent.presentAt).toBeUndefined();
  });

  it('stays pseudonymous without consent, sent with Enter from a field', async () => {
    const { core, form } = await openWalkIn({ 'registrations.walkIn': (input) => ok({ beneficiary: created(input), outcome }) });
    await fillRecord(form);
    await userEvent.type(within(form).getByRole('textbox', { name: /Initiales/ }), 'KB{Enter}');
    await waitFor(() => expect(core.calls('registrations.walkIn')).toHaveLength(1));
    expect(core.calls('registrations.walkIn')[0]).toMatchObject({ beneficiary: { initials: 'KB', consent: null, personal: null } });
    // No name or phone to compare with anyone.
    expect(core.calls('beneficiaries.findDuplicates')).toHaveLength(0);
    // Cleared for the next person.
    await waitFor(() => expect((within(form).getByRole('textbox', { name: /Initiales/ }) as HTMLInputElement).value).toBe(''));
  });

  it('says at their inputs that the names are missing and the phone is wrong, once consent is given', async () => {
    const { core, form } = await openWalkIn({});
    await userEvent.click(within(form).getByRole('checkbox', { name: serviceConsent }));
    await fillRecord(form);
    await userEvent.type(within(form).getByRole('textbox', { name: /Téléphone/ }), '12345');
    await userEvent.click(within(form).getByRole('button', { name: 'Inscrire sur place' }));
    const phone = within(form).getByRole('textbox', { name: /Téléphone/ });
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText("Ce numéro de téléphone n'est pas valide. Exemple : 06 12 34 56 78 ou +221 77 123 45 67.").id).toBe(
      phone.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')),
    );
    for (const name of [/Prénom/, /^Nom( \*)?$/]) {
      const input = within(form).getByRole('textbox', { name });
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const error = document.getElementById(input.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')) ?? '');
      expect(error?.textContent).toBe('Ce champ est obligatoire.');
    }
    expect(core.calls('registrations.walkIn')).toHaveLength(0);
  });
});

describe('a newcomer registered from the attendance screen', () => {
  it('is registered and marked present in one operation, then listed as present', async () => {
    let current: AttendanceSheet = sheet;
    const core = signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'attendance.get': () => ok(current),
      'registrations.walkIn': (input) => {
        const newcomer = { ...person(4, 'KB'), beneficiaryId: 'b-new', pseudonymous: true, walkIn: true, status: 'present' as const };
        current = { ...sheet, rows: [...sheet.rows, newcomer], registeredCount: 4 };
        return ok({ beneficiary: created(input), outcome });
      },
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    await userEvent.click(await screen.findByRole('button', { name: 'Inscrire une nouvelle personne' }));
    const form = await screen.findByRole('form', { name: 'Inscrire une personne venue sans inscription' });
    // Focus lands in the first field: what the person consents to.
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('checkbox', { name: serviceConsent })));

    await fillRecord(form);
    await userEvent.type(within(form).getByRole('textbox', { name: /Initiales/ }), 'KB{Enter}');
    await waitFor(() => expect(core.calls('registrations.walkIn')).toHaveLength(1));
    expect(core.calls('registrations.walkIn')[0]).toMatchObject({ activityId: 'a-1', presentAt: 's-1', beneficiary: { initials: 'KB', personal: null } });

    const line = await screen.findByRole('radiogroup', { name: 'KB' });
    expect(within(line).getByRole('radio', { name: 'Présent' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Fiche B-2026-00099 créée : la personne est inscrite et marquée présente.');
    expect(screen.queryByRole('form', { name: 'Inscrire une personne venue sans inscription' })).toBeNull();
    // Registered and marked by the core already: nothing is left to save for them.
    expect(core.calls('attendance.mark')).toHaveLength(0);
  });
});

describe('a named walk-in who may already have a record', () => {
  const aminata: Beneficiary = { ...awa, id: 'b-aminata', reference: 'B-2025-00310', category: 'refugee', personal: { ...awa.personal!, firstName: 'Aminata', lastName: 'Sow', arabicName: 'أميناتا سو' } };
  const candidate: DuplicateCandidate = { id: 'b-aminata', reference: 'B-2025-00310', displayName: 'Aminata Sow', birthYear: 1994, reasons: ['phone'] };
  const noRepeat: RepeatCheck = { ...repeat, beneficiaryId: 'b-aminata', count: 0, alert: false, history: [] };
  const duplicatesTitle = 'Cette personne est peut-être déjà enregistrée';

  async function fillNamed(form: HTMLElement) {
    await userEvent.click(within(form).getByRole('checkbox', { name: serviceConsent }));
    await fillRecord(form);
    await userEvent.type(within(form).getByRole('textbox', { name: /Prénom/ }), 'Aminata');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Nom( \*)?$/ }), 'Sow');
    await userEvent.type(within(form).getByRole('textbox', { name: /Téléphone/ }), '0612345678');
    await userEvent.click(within(form).getByRole('button', { name: 'Inscrire sur place' }));
    return screen.findByRole('dialog', { name: duplicatesTitle });
  }

  it('on the Participants tab, registers the existing record through the repeat check, and makes no new one', async () => {
    const { core, form } = await openWalkIn({
      'beneficiaries.findDuplicates': () => ok([candidate]),
      'activities.repeatCheck': () => ok(noRepeat),
      'registrations.add': () => ok({ ...outcome, added: ['b-aminata'] }),
    });
    const dialog = await fillNamed(form);
    expect(within(dialog).getByText('Aminata Sow')).toBeTruthy();
    expect(within(dialog).getByText('Même téléphone')).toBeTruthy();
    // Opening the record would leave the registration half done: the record is used instead.
    expect(within(dialog).queryByRole('link', { name: 'Ouvrir la fiche existante' })).toBeNull();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Utiliser la fiche B-2025-00310' }));
    await waitFor(() => expect(core.calls('registrations.add')).toEqual([{ activityId: 'a-1', beneficiaryIds: ['b-aminata'] }]));
    expect(core.calls('activities.repeatCheck')).toEqual([{ activityId: 'a-1', beneficiaryId: 'b-aminata' }]);
    expect(core.calls('registrations.walkIn')).toHaveLength(0);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: duplicatesTitle })).toBeNull());
    expect((within(form).getByRole('textbox', { name: /Initiales/ }) as HTMLInputElement).value).toBe('');
  });

  it('is registered as a new record once the user says it is someone else', async () => {
    const { core, form } = await openWalkIn({
      'beneficiaries.findDuplicates': () => ok([candidate]),
      'registrations.walkIn': (input) => ok({ beneficiary: created(input), outcome }),
    });
    const dialog = await fillNamed(form);
    expect(core.calls('registrations.walkIn')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: "C'est une autre personne, enregistrer" }));
    await waitFor(() => expect(core.calls('registrations.walkIn')).toHaveLength(1));
    expect(core.calls('registrations.walkIn')[0]).toMatchObject({ activityId: 'a-1', beneficiary: { personal: { firstName: 'Aminata', lastName: 'Sow' } } });
    expect(core.calls('registrations.add')).toHaveLength(0);
  });

  it('on the attendance screen, puts the existing record on the sheet marked present, to be saved with the others', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'attendance.get': () => ok(sheet),
      'beneficiaries.findDuplicates': () => ok([candidate]),
      'beneficiaries.get': () => ok(aminata),
      'activities.repeatCheck': () => ok(noRepeat),
      'attendance.mark': () => ok(sheet),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    await userEvent.click(await screen.findByRole('button', { name: 'Inscrire une nouvelle personne' }));
    const dialog = await fillNamed(await screen.findByRole('form', { name: 'Inscrire une personne venue sans inscription' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Utiliser la fiche B-2025-00310' }));

    const line = await screen.findByRole('radiogroup', { name: 'Aminata Sow' });
    expect(within(line).getByRole('radio', { name: 'Présent' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('أميناتا سو')).toBeTruthy();
    expect(core.calls('activities.repeatCheck')).toEqual([{ activityId: 'a-1', beneficiaryId: 'b-aminata' }]);
    expect(core.calls('registrations.walkIn')).toHaveLength(0);
    expect(screen.queryByRole('form', { name: 'Inscrire une personne venue sans inscription' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('attendance.mark')).toHaveLength(1));
    expect(core.calls('attendance.mark')[0]).toMatchObject({ add: ['b-aminata'], marks: [{ beneficiaryId: 'b-aminata', status: 'present' }] });
  });
});
