import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RegistrationList } from '../../electron/contract';
import { activity, person, sheet } from './activities-fixtures';
import { row, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

/** The person search waits for the typing to pause, then asks: slow on a loaded machine. */
const SEARCH_WAIT = 5_000;

describe('attendance screen', () => {
  it('marks everyone from the keyboard and saves in one call', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(sheet),
      'attendance.mark': () => ok(sheet),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');

    const awa = await screen.findByRole('radiogroup', { name: 'Awa Diallo' });
    const fatima = screen.getByRole('radiogroup', { name: 'Fatima Zahra' });
    const mariam = screen.getByRole('radiogroup', { name: 'Mariam Koné' });
    // The first row has the focus as soon as the screen opens.
    await waitFor(() => expect(awa.contains(document.activeElement)).toBe(true));

    // P marks present and moves to the next row.
    await userEvent.keyboard('p');
    await waitFor(() => expect(within(awa).getByRole('radio', { name: 'Présent' }).getAttribute('aria-checked')).toBe('true'));
    await waitFor(() => expect(fatima.contains(document.activeElement)).toBe(true));

    // Space cycles: present, then absent.
    await userEvent.keyboard(' ');
    await waitFor(() => expect(within(fatima).getByRole('radio', { name: 'Présent' }).getAttribute('aria-checked')).toBe('true'));
    await userEvent.keyboard(' ');
    await waitFor(() => expect(within(fatima).getByRole('radio', { name: 'Absent' }).getAttribute('aria-checked')).toBe('true'));
    await waitFor(() => expect(within(fatima).getByRole('radio', { name: 'Absent' })).toBe(document.activeElement));

    // Arrows move between rows; E marks excused.
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(mariam.contains(document.activeElement)).toBe(true));
    await userEvent.keyboard('e');
    await waitFor(() => expect(within(mariam).getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByText(/Présents : 1 · absents : 1 · excusés : 1 · non saisis : 0/)).toBeTruthy();
    expect(core.calls('attendance.mark')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('attendance.mark')).toHaveLength(1));
    expect(core.calls('attendance.mark')[0]).toEqual({
      sessionId: 's-1',
      marks: [
        { beneficiaryId: 'b-1', status: 'present' },
        { beneficiaryId: 'b-2', status: 'absent' },
        { beneficiaryId: 'b-3', status: 'excused' },
      ],
      add: [],
    });
    expect(await screen.findByText('Présences enregistrées.')).toBeTruthy();
  });

  it('takes P, A and E from the physical keys on an Arabic keyboard layout', async () => {
    signedIn(session({ role: 'volunteer' }), { 'attendance.get': () => ok(sheet) });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    const awa = await screen.findByRole('radiogroup', { name: 'Awa Diallo' });
    const fatima = screen.getByRole('radiogroup', { name: 'Fatima Zahra' });
    const mariam = screen.getByRole('radiogroup', { name: 'Mariam Koné' });
    await waitFor(() => expect(awa.contains(document.activeElement)).toBe(true));

    // On the Arabic (101) layout the keys printed P, A and E type ح, ش and ث.
    fireEvent.keyDown(document.activeElement as Element, { key: 'ح', code: 'KeyP' });
    await waitFor(() => expect(fatima.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ش', code: 'KeyA' });
    await waitFor(() => expect(mariam.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ث', code: 'KeyE' });

    await waitFor(() => expect(within(mariam).getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true'));
    expect(within(awa).getByRole('radio', { name: 'Présent' }).getAttribute('aria-checked')).toBe('true');
    expect(within(fatima).getByRole('radio', { name: 'Absent' }).getAttribute('aria-checked')).toBe('true');
  });

  it('says why a future session cannot be marked', async () => {
    signedIn(session({ role: 'volunteer' }), { 'attendance.get': () => ok({ ...sheet, editable: false }) });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    expect(await screen.findByText(/Cette séance n'a pas encore eu lieu/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Enregistrer' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('registration', () => {
  it('shows the repeat alert with the history and adds only after confirmation', async () => {
    const registrations: RegistrationList = { activityId: 'a-1', sessionsHeld: 0, completionThreshold: 75, plannedParticipants: 20, rows: [] };
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
      'registrations.list': () => ok(registrations),
      'beneficiaries.search': () => ok({ total: 1, capped: false, rows: [row(7, { id: 'b-awa', displayName: 'Awa Diallo' })] }),
      'activities.repeatCheck': () =>
        ok({
          beneficiaryId: 'b-awa',
          theme: 'radicalisation_prevention',
          threshold: 2,
          count: 2,
          alert: true,
          history: [
            { activityId: 'a-0', reference: 'A-2025-00012', title: 'Vivre ensemble 2025', type: 'awareness', firstPresentOn: '2025-05-02', lastPresentOn: '2025-05-30', sessionsPresent: 4 },
            { activityId: 'a-00', reference: 'A-2024-00003', title: 'Sensibilisation 2024', type: 'awareness', firstPresentOn: '2024-11-05', lastPresentOn: '2024-11-05', sessionsPresent: 1 },
          ],
        }),
      'registrations.add': () =>
        ok({ added: ['b-awa'], alreadyRegistered: [], registeredCount: 1, plannedParticipants: 20, overPlanned: false, repeatAlerts: [] }),
    });
    await renderApp('#/activities/a-1');

    await userEvent.click(await screen.findByRole('tab', { name: /Participants/ }));
    await userEvent.type(await screen.findByRole('searchbox', { name: /Rechercher une personne/ }), 'awa');
    await userEvent.click(await screen.findByRole('button', { name: 'Inscrire Awa Diallo' }, { timeout: SEARCH_WAIT }));

    const alert = await screen.findByRole('alertdialog', { name: 'Déjà venu sur ce thème' });
    expect(within(alert).getByText(/Awa Diallo a déjà participé à 2 activité/)).toBeTruthy();
    expect(within(alert).getByText('Vivre ensemble 2025')).toBeTruthy();
    expect(within(alert).getByText('A-2024-00003')).toBeTruthy();
    expect(core.calls('activities.repeatCheck')[0]).toEqual({ activityId: 'a-1', beneficiaryId: 'b-awa' });
    expect(core.calls('registrations.add')).toHaveLength(0);

    await userEvent.click(within(alert).getByRole('button', { name: 'Inscrire quand même' }));
    await waitFor(() => expect(core.calls('registrations.add')).toEqual([{ activityId: 'a-1', beneficiaryIds: ['b-awa'] }]));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('does not add when the user declines the repeat alert', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
      'registrations.list': () => ok({ activityId: 'a-1', sessionsHeld: 0, completionThreshold: 75, plannedParticipants: null, rows: [] }),
      'beneficiaries.search': () => ok({ total: 1, capped: false, rows: [row(7, { id: 'b-awa', displayName: 'Awa Diallo' })] }),
      'activities.repeatCheck': () => ok({ beneficiaryId: 'b-awa', theme: 'x', threshold: 2, count: 3, alert: true, history: [] }),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('tab', { name: /Participants/ }));
    await userEvent.type(await screen.findByRole('searchbox', { name: /Rechercher une personne/ }), 'awa');
    await userEvent.click(await screen.findByRole('button', { name: 'Inscrire Awa Diallo' }, { timeout: SEARCH_WAIT }));
    const alert = await screen.findByRole('alertdialog');
    await userEvent.click(within(alert).getByRole('button', { name: 'Ne pas inscrire' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(core.calls('registrations.add')).toHaveLength(0);
  });
});

describe('printable sheet', () => {
  it('lists the registered people then blank rows, with French and Arabic headers', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok({ ...sheet, rows: [{ ...person(1, 'Awa Diallo'), arabicName: 'عوا ديالو' }, person(2, 'Fatima Zahra')] }),
    });
    await renderApp('#/activities/a-1/sessions/s-1/sheet');
    await screen.findByRole('heading', { name: 'Feuille de présence à imprimer' });
    const preview = document.querySelector('.attendance-sheet--preview') as HTMLElement;
    expect(within(preview).getByText('Signature')).toBeTruthy();
    expect(within(preview).getByText('التوقيع')).toBeTruthy();
    expect(within(preview).getByText('عوا ديالو')).toBeTruthy();
    // 2 people + 5 blank rows by default.
    expect(preview.querySelectorAll('tbody tr')).toHaveLength(7);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Lignes vides' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Lignes vides' }), '10');
    await waitFor(() => expect(preview.querySelectorAll('tbody tr')).toHaveLength(12));
    // The printed copy sits at the top of <body>, outside the app.
    expect(document.querySelector('body > .print-sheet .attendance-sheet')).toBeTruthy();
  });
});

describe('activity form and statistics', () => {
  it('creates an activity with its lookups and opens it', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.list': () => ok({ total: 0, rows: [] }),
      'lookups.list': () =>
        ok([
          { list: 'activityType', code: 'workshop', labels: { fr: 'Atelier', ar: 'ورشة', en: 'Workshop' }, sensitive: false, archived: false },
          { list: 'theme', code: 'health', labels: { fr: 'Santé', ar: 'الصحة', en: 'Health' }, sensitive: false, archived: false },
        ]),
      'activities.save': (input) => ok({ ...activity, ...input, id: 'a-9' } as typeof activity),
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
    });
    await renderApp('#/activities/new');
    await userEvent.click(await screen.findByRole('button', { name: "Enregistrer l'activité" }));
    expect(await screen.findAllByText('Ce champ est obligatoire.')).toHaveLength(3);
    expect(core.calls('activities.save')).toHaveLength(0);

    await userEvent.type(screen.getByRole('textbox', { name: /Intitulé/ }), 'Atelier santé');
    await userEvent.click(screen.getByRole('combobox', { name: /Type d'activité/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Atelier' }));
    await userEvent.click(screen.getByRole('combobox', { name: /Thème/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Santé' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Participants prévus' }), '12');
    await userEvent.click(screen.getByRole('button', { name: "Enregistrer l'activité" }));
    await waitFor(() => expect(core.calls('activities.save')).toHaveLength(1));
    expect(core.calls('activities.save')[0]).toMatchObject({ title: 'Atelier santé', type: 'workshop', theme: 'health', plannedParticipants: 12, completionThreshold: 75 });
    await waitFor(() => expect(window.location.hash).toBe('#/activities/a-9'));
  });
});
