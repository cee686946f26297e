import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OutreachList, OutreachLog, SessionHeadCounts } from '../../electron/contract';
import { sheet } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const countSheet = { ...sheet, rows: [], counts: { present: 0, absent: 0, excused: 0, unmarked: 0 }, registeredCount: 0, session: { ...sheet.session, countOnly: true } };

const counts: SessionHeadCounts = {
  sessionId: 's-1',
  countOnly: true,
  ageBands: ['0-14', '15-17', '18-29', '30-59', '60+'],
  counts: [],
  total: 0,
  place: 'Collège Ibn Sina',
  editable: true,
  hasNamedAttendance: false,
};

describe('count-only attendance', () => {
  it('records girls and boys of an age band with the place, and saves them as counts', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(countSheet),
      'attendance.counts': () => ok(counts),
      'attendance.saveCounts': (input) => ok({ ...counts, counts: input.counts.filter((c) => c.count > 0), total: 32 }),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');

    const girls = await screen.findByRole('textbox', { name: 'Filles et femmes, 15-17 ans' });
    await userEvent.clear(girls);
    await userEvent.type(girls, '17');
    const boys = screen.getByRole('textbox', { name: 'Garçons et hommes, 15-17 ans' });
    await userEvent.clear(boys);
    await userEvent.type(boys, '15');
    expect(screen.getByText('Total compté : 32')).toBeTruthy();
    expect(screen.getByText(/jamais aux personnes touchées/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le comptage' }));
    await screen.findByText('Comptage enregistré.');
    const [input] = core.calls('attendance.saveCounts');
    expect(input).toMatchObject({ sessionId: 's-1', place: 'Collège Ibn Sina' });
    expect((input as { counts: { sex: string; ageBand: string; count: number }[] }).counts.filter((c) => c.count > 0)).toEqual([
      { sex: 'female', ageBand: '15-17', count: 17 },
      { sex: 'male', ageBand: '15-17', count: 15 },
    ]);
  });

  it('refuses a negative count at its field and sends nothing, keeping what was typed', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(countSheet),
      'attendance.counts': () => ok(counts),
      'attendance.saveCounts': () => ok(counts),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    const girls = await screen.findByRole('textbox', { name: 'Filles et femmes, 0-14 ans' });
    await userEvent.clear(girls);
    await userEvent.type(girls, '-3');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le comptage' }));
    expect(await screen.findByText('La valeur minimale est 0.')).toBeTruthy();
    expect((girls as HTMLInputElement).value).toBe('-3');
    expect(core.calls('attendance.saveCounts')).toHaveLength(0);
  });

  it('speaks Arabic: the cells are named in Arabic and a fractional count is refused at its field', async () => {
    const arabic = session({ role: 'volunteer', locale: 'ar' });
    const core = signedIn(arabic, {
      'app.status': () => ok(status({ session: arabic, locale: 'ar' })),
      'attendance.get': () => ok(countSheet),
      'attendance.counts': () => ok(counts),
      'attendance.saveCounts': () => ok(counts),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    const girls = await screen.findByRole('textbox', { name: 'إناث، 15-17 سنة' });
    await userEvent.clear(girls);
    await userEvent.type(girls, '2.5');
    await userEvent.click(screen.getByRole('button', { name: 'تسجيل العدد' }));
    expect(await screen.findByText('أدخلوا عددًا صحيحًا.')).toBeTruthy();
    expect((girls as HTMLInputElement).value).toBe('2.5');
    expect(core.calls('attendance.saveCounts')).toHaveLength(0);
  });

  it('says why a named sheet cannot become count-only', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(sheet),
      'sessions.setCountOnly': () => ({ ok: false, error: { code: 'session_has_names' } }),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    await userEvent.click(await screen.findByRole('button', { name: 'Compter sans noms' }));
    expect(await screen.findByText('Des personnes sont déjà notées à cette séance : elle reste une feuille de présence nominative.')).toBeTruthy();
  });
});

const outing: OutreachLog = {
  id: 'o-1',
  date: '2026-04-10',
  neighbourhood: 'Hay Al Qods',
  agentUserId: null,
  agentName: 'Youssef',
  agentLabel: 'Youssef',
  informedFemale: 12,
  informedMale: 9,
  topics: ['health'],
  referrals: 3,
  referralsNote: null,
  createdBy: 'u-nadia',
  createdAt: '2026-04-10T10:00:00Z',
  updatedAt: '2026-04-10T10:00:00Z',
  archivedAt: null,
};
const list: OutreachList = { rows: [outing], totals: { entries: 1, informedFemale: 12, informedMale: 9, referrals: 3 } };

describe('outreach log', () => {
  it('lists the outings of a period with their totals as people informed, not distinct', async () => {
    const core = signedIn(session({ role: 'volunteer' }), { 'outreach.list': () => ok(list) });
    await renderApp('#/activities/outreach');
    const table = await screen.findByRole('table', { name: 'Sorties de sensibilisation' });
    expect(within(table).getByText('Hay Al Qods')).toBeTruthy();
    expect(within(table).getByText('21 (12 F, 9 H)')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('21 personnes informées (non distinctes)');

    await userEvent.type(screen.getByRole('textbox', { name: 'Du' }), '01/04/2026');
    await waitFor(() => expect(core.calls('outreach.list')).toContainEqual({ from: '2026-04-01', archived: false }));
  });

  it('logs a new outing by an agent without an account', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'outreach.list': () => ok({ rows: [], totals: { entries: 0, informedFemale: 0, informedMale: 0, referrals: 0 } }),
      'outreach.save': () => ok(outing),
    });
    await renderApp('#/activities/outreach');
    await userEvent.click(await screen.findByRole('button', { name: 'Nouvelle sortie' }));
    const form = await screen.findByRole('form', { name: 'Sortie de sensibilisation' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^Date/ }), '10/04/2026');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Quartier/ }), 'Hay Al Qods');
    await userEvent.click(within(form).getByText("Nom de l'agent"));
    await userEvent.type(await within(form).findByRole('textbox', { name: /^Nom de l'agent/ }), 'Youssef');
    const women = within(form).getByRole('textbox', { name: /^Femmes informées/ });
    await userEvent.clear(women);
    await userEvent.type(women, '12');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('outreach.save')).toHaveLength(1));
    expect(core.calls('outreach.save')[0]).toMatchObject({
      date: '2026-04-10',
      neighbourhood: 'Hay Al Qods',
      agentUserId: null,
      agentName: 'Youssef',
      informedFemale: 12,
      informedMale: 0,
    });
  });
});
