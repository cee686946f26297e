import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentInfo, SessionRow } from '../../electron/contract';
import { activity, sheet } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const sessionRow = (id: string, date: string): SessionRow => ({ ...sheet.session, id, date, present: 0, absent: 0, excused: 0, held: false });
const scan = (id: string, sessionId: string, fileName: string, createdBy: string): AttachmentInfo => ({
  id,
  ownerType: 'session_signed_sheet',
  ownerId: sessionId,
  fileName,
  mime: 'application/pdf',
  size: 8,
  createdAt: '2026-03-03T12:00:00Z',
  createdBy,
});

const originalCreateObjectURL = URL.createObjectURL;
afterEach(() => {
  URL.createObjectURL = originalCreateObjectURL;
  vi.restoreAllMocks();
});

describe('scanned signed sheets in the sessions tab', () => {
  it('attaches a scan to its session, shows one in the viewer, and offers to remove only the volunteer’s own', async () => {
    const core = signedIn(session({ role: 'volunteer', id: 'u-meryem' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [sessionRow('s-1', '2026-03-03'), sessionRow('s-2', '2026-03-10')], registeredCount: 3 }),
      'sessions.signedSheets': () => ok([scan('f-1', 's-1', 'mardi 3 mars.pdf', 'u-meryem'), scan('f-2', 's-1', 'scan du président.pdf', 'u-nadia')]),
      'sessions.signedSheet': () => ok({ ...scan('f-2', 's-1', 'scan du président.pdf', 'u-nadia'), contentBase64: 'JVBERi0xLjQ=' }),
      'sessions.attachSignedSheet': (input) => ok(scan('f-3', input.sessionId, input.file.fileName, 'u-meryem')),
      'sessions.removeSignedSheet': (input) => ok(input),
    });
    let saved: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return 'blob:scan';
    };
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderApp('#/activities/a-1');

    const table = await screen.findByRole('table', { name: 'Séances' });
    expect(within(table).getByRole('columnheader', { name: 'Feuille signée' })).toBeTruthy();
    const [, first, second] = within(table).getAllByRole('row');
    await within(first).findByRole('button', { name: 'mardi 3 mars.pdf' });
    expect(within(first).getByRole('button', { name: 'Retirer la feuille signée mardi 3 mars.pdf' })).toBeTruthy();
    expect(within(first).queryByRole('button', { name: 'Retirer la feuille signée scan du président.pdf' })).toBeNull();
    // A session with a scan is not deleted: its menu has no such action.
    await userEvent.click(within(first).getByRole('button', { name: /^Autres actions pour la séance du/ }));
    await screen.findByRole('menuitem', { name: /^Modifier la séance du 3 mars/, hidden: true });
    expect(screen.queryByRole('menuitem', { name: /^Supprimer la séance du 3 mars/, hidden: true })).toBeNull();
    await userEvent.keyboard('{Escape}');
    await userEvent.click(within(second).getByRole('button', { name: /^Autres actions pour la séance du/ }));
    expect(await screen.findByRole('menuitem', { name: /^Supprimer la séance du 10 mars/, hidden: true })).toBeTruthy();
    await userEvent.keyboard('{Escape}');

    await userEvent.click(within(first).getByRole('button', { name: 'scan du président.pdf' }));
    const viewer = await screen.findByRole('dialog', { name: 'scan du président.pdf' });
    expect(core.calls('sessions.signedSheet')).toEqual([{ id: 'f-2' }]);
    await waitFor(() => expect(viewer.querySelector('iframe')?.getAttribute('src')).toBe('blob:scan'));
    expect(viewer.querySelector('iframe')?.title).toBe('scan du président.pdf');
    expect(saved).toMatchObject({ type: 'application/pdf' });
    expect(click).not.toHaveBeenCalled();
    await userEvent.click(within(viewer).getByRole('button', { name: 'Enregistrer une copie' }));
    expect(click).toHaveBeenCalledOnce();
    await userEvent.click(within(viewer).getAllByRole('button', { name: 'Fermer' })[0]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(within(first).getByRole('button', { name: 'Retirer la feuille signée mardi 3 mars.pdf' }));
    await waitFor(() => expect(core.calls('sessions.removeSignedSheet')).toEqual([{ id: 'f-1' }]));

    const input = second.querySelector('input[type="file"]') as HTMLInputElement;
    expect(within(second).getByRole('button', { name: 'Joindre la feuille signée' })).toBeTruthy();
    await userEvent.upload(input, new File(['%PDF-1.4'], 'mardi 10 mars.pdf', { type: 'application/pdf' }));
    await waitFor(() =>
      expect(core.calls('sessions.attachSignedSheet')).toEqual([{ sessionId: 's-2', file: { fileName: 'mardi 10 mars.pdf', contentBase64: 'JVBERi0xLjQ=' } }]),
    );
  });

  it('attaches the scan from the attendance screen opened from the signed sheet', async () => {
    const core = signedIn(session({ role: 'volunteer', id: 'u-meryem' }), {
      'attendance.get': () => ok(sheet),
      'sessions.signedSheets': () => ok([]),
      'sessions.attachSignedSheet': (input) => ok(scan('f-3', input.sessionId, input.file.fileName, 'u-meryem')),
    });
    await renderApp('#/activities/a-1/sessions/s-1/attendance?from=sheet');
    expect(await screen.findByRole('heading', { name: 'Feuille signée' })).toBeTruthy();
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(['%PDF-1.4'], 'feuille.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(core.calls('sessions.attachSignedSheet')).toEqual([{ sessionId: 's-1', file: { fileName: 'feuille.pdf', contentBase64: 'JVBERi0xLjQ=' } }]));
    expect(core.calls('sessions.signedSheets')).toContainEqual({ activityId: 'a-1' });
  });

  it('lets the president remove any scan', async () => {
    signedIn(session({ role: 'president' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [sessionRow('s-1', '2026-03-03')], registeredCount: 3 }),
      'sessions.signedSheets': () => ok([scan('f-1', 's-1', 'feuille.pdf', 'u-meryem')]),
    });
    await renderApp('#/activities/a-1');
    expect(await screen.findByRole('button', { name: 'Retirer la feuille signée feuille.pdf' })).toBeTruthy();
  });
});
