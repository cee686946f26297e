import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AttendanceSheet, RegistrationList } from '../../electron/contract';
import { activity, person, sheet } from './activities-fixtures';
import { aMemberRow } from './members-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const aicha = { ...person(1, 'Aïcha Sow'), walkIn: true, sex: 'female' as const };
const omar = { ...person(2, 'Omar Fall'), walkIn: true, sex: 'male' as const };
const walkIns: AttendanceSheet = { ...sheet, rows: [aicha, omar], counts: { present: 0, absent: 0, excused: 0, unmarked: 2 }, registeredCount: 2 };
const registrations: RegistrationList = {
  activityId: 'a-1',
  sessionsHeld: 0,
  completionThreshold: 75,
  plannedParticipants: 20,
  rows: [
    { ...aicha, presentCount: 0, completed: false },
    { ...omar, presentCount: 0, completed: false },
  ],
};

const badgeOf = (name: string, badge: RegExp) => {
  const cell = screen.getByText(name).closest('td') as HTMLElement;
  return within(cell).getByText(badge).textContent;
};

describe('badges agree with the person', () => {
  it('on the attendance screen, in French', async () => {
    signedIn(session({ role: 'volunteer' }), { 'attendance.get': () => ok(walkIns) });
    await renderApp('#/activities/a-1/sessions/s-1/attendance');
    await screen.findByText('Aïcha Sow');
    expect(badgeOf('Aïcha Sow', /sans inscription/)).toBe('Venue sans inscription');
    expect(badgeOf('Omar Fall', /sans inscription/)).toBe('Venu sans inscription');
  });

  it('in the participants list, in Arabic', async () => {
    const arabic = session({ role: 'volunteer', locale: 'ar' });
    signedIn(arabic, {
      'app.status': () => ok(status({ session: arabic, locale: 'ar' })),
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 2 }),
      'registrations.list': () => ok(registrations),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('tab', { name: /المشاركون/ }));
    await screen.findByText('Aïcha Sow');
    expect(badgeOf('Aïcha Sow', /تسجيل مسبق/)).toBe('حضرت دون تسجيل مسبق');
    expect(badgeOf('Omar Fall', /تسجيل مسبق/)).toBe('حضر دون تسجيل مسبق');
  });

  it("in the members list, each member's role and status", async () => {
    signedIn(session({ role: 'treasurer' }), {
      'members.list': () =>
        ok({
          total: 2,
          year: 2026,
          rows: [
            aMemberRow({ role: 'president' }),
            aMemberRow({ id: 'm-2', number: '13', firstName: 'Youssef', lastName: 'Alami', arabicName: null, sex: 'male', role: 'member', status: 'lapsed' }),
          ],
        }),
    });
    await renderApp('#/members');
    const khadija = (await screen.findByText(/Khadija Benali/)).closest('tr') as HTMLElement;
    const youssef = screen.getByText(/Youssef Alami/).closest('tr') as HTMLElement;
    expect(within(khadija).getByText('Présidente')).toBeTruthy();
    expect(within(khadija).getByText('Active')).toBeTruthy();
    expect(within(youssef).getByText('Adhérent')).toBeTruthy();
    expect(within(youssef).getByText('Radié (cotisation)')).toBeTruthy();
  });
});
