import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { inSheetOrder } from '../../electron/contract';
import { activity, person, sheet } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

// Rows as they might arrive: not in the order of the sheet (a walk-in registered last is row 3).
const shuffled = { ...sheet, rows: [person(3, 'Mariam Koné'), person(1, 'Awa Diallo'), person(2, 'Fatima Zahra')] };

describe('entering attendance from the signed sheet', () => {
  it('orders rows by their number on the sheet', () => {
    expect(inSheetOrder([{ sheetOrder: 4 }, { sheetOrder: 1 }, { sheetOrder: 12 }, { sheetOrder: 2 }]).map((r) => r.sheetOrder)).toEqual([1, 2, 4, 12]);
  });

  it('opens the attendance screen with the people in the printed order', async () => {
    signedIn(session({ role: 'volunteer' }), { 'attendance.get': () => ok(shuffled) });
    await renderApp('#/activities/a-1/sessions/s-1/sheet');
    await screen.findByRole('heading', { name: 'Feuille de présence à imprimer' });
    const preview = document.querySelector('.attendance-sheet--preview') as HTMLElement;
    const printed = [...preview.querySelectorAll('tbody tr')].slice(0, 3).map((tr) => tr.textContent ?? '');
    expect(printed.map((text) => text.match(/^\d+/)?.[0])).toEqual(['1', '2', '3']);
    expect(printed[0]).toContain('Awa Diallo');
    expect(printed[2]).toContain('Mariam Koné');

    await userEvent.click(screen.getByRole('link', { name: 'Saisir les présences depuis la feuille signée' }));
    await waitFor(() => expect(window.location.hash).toBe('#/activities/a-1/sessions/s-1/attendance?from=sheet'));
    const table = await screen.findByRole('table', { name: 'Présences de la séance' });
    const names = within(table)
      .getAllByRole('radiogroup')
      .map((g) => g.getAttribute('aria-label'));
    expect(names).toEqual(['Awa Diallo', 'Fatima Zahra', 'Mariam Koné']);
    expect(screen.getByText('Saisie depuis la feuille signée')).toBeTruthy();
  });

  it('links each session row to the entry from its sheet', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, sessions: [{ ...sheet.session, present: 0, absent: 0, excused: 0, held: false }], registeredCount: 3 }),
    });
    await renderApp('#/activities/a-1');
    const link = await screen.findByRole('link', { name: /depuis la feuille signée/ });
    expect(link.getAttribute('href')).toBe('#/activities/a-1/sessions/s-1/attendance?from=sheet');
  });
});
