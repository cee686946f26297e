import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LookupValue, SessionRow } from '../../electron/contract';
import { activity, sheet } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const lookups: LookupValue[] = [
  { list: 'activityType', code: 'training_module', labels: { fr: 'Module de formation', ar: 'وحدة تكوينية', en: 'Training module' }, sensitive: false, archived: false },
  { list: 'theme', code: 'radicalisation_prevention', labels: { fr: 'Prévention de la radicalisation', ar: 'الوقاية من التطرف', en: 'Radicalisation prevention' }, sensitive: false, archived: false },
];

const sessionRow = (marks: number): SessionRow => ({ ...sheet.session, present: marks, absent: 0, excused: 0, held: marks > 0 });

describe('editing an activity', () => {
  it('opens the creation form prefilled and saves the same activity', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
      'activities.save': (input) => ok({ ...activity, ...input, id: 'a-1' } as typeof activity),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('link', { name: 'Modifier' }));
    await screen.findByRole('heading', { name: "Modifier l'activité A-2026-00001" });
    const title = screen.getByRole('textbox', { name: /Intitulé/ });
    expect((title as HTMLInputElement).value).toBe('Prévention de la radicalisation');
    expect((screen.getByRole('textbox', { name: 'Participants prévus' }) as HTMLInputElement).value).toBe('20');

    // The same rule as at creation: the end after the start, shown at the field.
    fireEvent.change(screen.getByLabelText('Date de fin'), { target: { value: '2026-03-01' } });
    await userEvent.click(screen.getByRole('button', { name: "Enregistrer l'activité" }));
    expect(await screen.findByText('La fin doit être après le début.')).toBeTruthy();
    expect(core.calls('activities.save')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Date de fin'), { target: { value: '2026-06-30' } });
    await userEvent.clear(title);
    await userEvent.type(title, 'Prévention, module 2');
    await userEvent.click(screen.getByRole('button', { name: "Enregistrer l'activité" }));
    await waitFor(() => expect(core.calls('activities.save')).toHaveLength(1));
    expect(core.calls('activities.save')[0]).toMatchObject({
      id: 'a-1',
      title: 'Prévention, module 2',
      type: 'training_module',
      theme: 'radicalisation_prevention',
      place: 'Maison de quartier',
      plannedParticipants: 20,
      startDate: '2026-03-03',
      endDate: '2026-06-30',
    });
    await waitFor(() => expect(window.location.hash).toBe('#/activities/a-1'));
  });

  it('shows a theme the core no longer accepts at its field', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
      'activities.save': () => ({ ok: false, error: { code: 'invalid_input', fields: { theme: 'not_in_list' } } }),
    });
    await renderApp('#/activities/a-1/edit');
    await userEvent.click(await screen.findByRole('button', { name: "Enregistrer l'activité" }));
    expect(await screen.findByText("Cette valeur n'est plus dans la liste. Choisissez-en une autre.")).toBeTruthy();
  });
});

describe('deleting an activity', () => {
  it('deletes an activity nobody was marked in, after confirmation', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [sessionRow(0)], registeredCount: 2 }),
      'activities.list': () => ok({ total: 0, rows: [] }),
      'activities.delete': () => ok({ id: 'a-1' }),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('button', { name: "Supprimer l'activité" }));
    const dialog = await screen.findByRole('dialog', { name: "Supprimer l'activité ?" });
    expect(core.calls('activities.delete')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Supprimer définitivement' }));
    await waitFor(() => expect(core.calls('activities.delete')).toEqual([{ id: 'a-1' }]));
    await waitFor(() => expect(window.location.hash).toBe('#/activities'));
  });

  it('offers only archiving once someone was marked', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [sessionRow(3)], registeredCount: 3 }),
    });
    await renderApp('#/activities/a-1');
    await screen.findByRole('button', { name: "Archiver l'activité" });
    expect(screen.queryByRole('button', { name: 'Supprimer' })).toBeNull();
  });

  it('says why when the core refuses (someone was marked meanwhile)', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
      'activities.delete': () => ({ ok: false, error: { code: 'has_attendance' } }),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('button', { name: "Supprimer l'activité" }));
    await userEvent.click(await screen.findByRole('button', { name: 'Supprimer définitivement' }));
    expect(await screen.findByText(/Archivez l'activité à la place/)).toBeTruthy();
  });
});

describe('editing a session', () => {
  it('prefills the session, refuses an end before the start and saves the same session', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [sessionRow(0)], registeredCount: 0 }),
      'sessions.save': (input) => ok({ ...sheet.session, ...input } as typeof sheet.session),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('button', { name: /^Autres actions pour la séance du/ }));
    // jsdom never ends Mantine's opening transition: the menu stays display:none.
    await userEvent.click(await screen.findByRole('menuitem', { name: /Modifier la séance du/, hidden: true }));
    const form = await screen.findByRole('form', { name: 'Modifier la séance' });
    expect((within(form).getByLabelText(/^Date/) as HTMLInputElement).value).toBe('03/03/2026');
    expect(within(form).getByRole('spinbutton', { name: 'Début (heures)' })).toHaveProperty('value', '10');
    expect(within(form).getByRole('spinbutton', { name: 'Début (minutes)' })).toHaveProperty('value', '00');

    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Fin (heures)' }), { target: { value: '09' } });
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Fin (minutes)' }), { target: { value: '30' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la séance' }));
    expect(await within(form).findByText('La fin doit être après le début.')).toBeTruthy();
    expect(core.calls('sessions.save')).toHaveLength(0);

    const date = within(form).getByLabelText(/^Date/);
    await userEvent.clear(date);
    await userEvent.type(date, '30/02/2026');
    fireEvent.change(within(form).getByRole('spinbutton', { name: 'Fin (heures)' }), { target: { value: '12' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la séance' }));
    expect(await within(form).findByText(/Cette date n'existe pas/)).toBeTruthy();
    expect((date as HTMLInputElement).value).toBe('30/02/2026');
    expect(core.calls('sessions.save')).toHaveLength(0);

    await userEvent.clear(date);
    await userEvent.type(date, '3/3/2026');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la séance' }));
    await waitFor(() => expect(core.calls('sessions.save')).toHaveLength(1));
    expect(core.calls('sessions.save')[0]).toEqual({
      id: 's-1',
      activityId: 'a-1',
      date: '2026-03-03',
      startTime: '10:00',
      endTime: '12:30',
      place: null,
      facilitator: null,
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Modifier la séance' })).toBeNull());
  });

  it('lets a marked session be edited but not deleted', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [sessionRow(2)], registeredCount: 2 }),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('button', { name: /^Autres actions pour la séance du/ }));
    await screen.findByRole('menuitem', { name: /Modifier la séance du/, hidden: true });
    expect(screen.queryByRole('menuitem', { name: /Supprimer la séance du/, hidden: true })).toBeNull();
  });

  it('keeps entering attendance in view and the other actions of a session in its menu, deleting one never marked', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [sessionRow(0)], registeredCount: 0 }),
      'sessions.delete': (input) => ok(input),
    });
    await renderApp('#/activities/a-1');
    const row = (await screen.findByRole('link', { name: /^Saisir les présences du/ })).closest('tr') as HTMLElement;
    expect(within(row).queryByRole('link', { name: /^Feuille à imprimer du/ })).toBeNull();
    await userEvent.click(within(row).getByRole('button', { name: /^Autres actions pour la séance du/ }));
    expect((await screen.findByRole('menuitem', { name: /^Feuille à imprimer du/, hidden: true })).getAttribute('href')).toBe('#/activities/a-1/sessions/s-1/sheet');
    expect(screen.getByRole('menuitem', { name: /^Saisir les présences du .* depuis la feuille signée/, hidden: true })).toBeTruthy();
    await userEvent.click(screen.getByRole('menuitem', { name: /^Supprimer la séance du/, hidden: true }));
    await waitFor(() => expect(core.calls('sessions.delete')).toEqual([{ id: 's-1' }]));
  });
});
