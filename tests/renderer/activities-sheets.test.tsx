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
    // The place and facilitator the core chose (the activity's: the session has none).
    expect(preview.querySelector('.attendance-sheet__facts')?.textContent).toMatch(/Maison de quartier.*Samira/);

    await userEvent.click(screen.getByRole('link', { name: 'Saisir les présences depuis la feuille signée' }));
    await waitFor(() => expect(window.location.hash).toBe('#/activities/a-1/sessions/s-1/attendance?from=sheet'));
    const table = await screen.findByRole('table', { name: 'Présences de la séance' });
    const names = within(table)
      .getAllByRole('radiogroup')
      .map((g) => g.getAttribute('aria-label'));
    expect(names).toEqual(['Awa Diallo', 'Fatima Zahra', 'Mariam Koné']);
    expect(screen.getByText('Saisie depuis la feuille signée')).toBeTruthy();
  });

  it('links each session row, from its menu, to the entry from its sheet', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [{ ...sheet.session, present: 0, absent: 0, excused: 0, held: false }], registeredCount: 3 }),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('button', { name: /Autres actions/ }));
    const entry = await screen.findByRole('menuitem', { name: /depuis la feuille signée/ });
    expect(entry.getAttribute('href')).toBe('#/activities/a-1/sessions/s-1/attendance?from=sheet');
  });
});

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const logo = (id: string, kind: 'association' | 'funder', fileName: string, funderId: string | null = null) => ({
  id,
  kind,
  funderId,
  fileName,
  mime: 'image/png' as const,
  contentBase64: PNG_BASE64,
});

describe('logos', () => {
  it('prints the association logo at the start of the header and the activity’s funder at the end, not the other funders', async () => {
    const funded = { ...sheet, agreement: { id: 'ag-1', reference: 'EU-2026-01', title: 'Inclusion', funderId: 'f-eu', funderName: 'Union européenne' } };
    signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(funded),
      'logos.list': () =>
        ok({
          association: logo('l-1', 'association', 'amal.png'),
          funders: [logo('l-2', 'funder', 'eu.png', 'f-eu'), logo('l-3', 'funder', 'giz.png', 'f-giz'), logo('l-4', 'funder', 'old.png'), logo('l-5', 'funder', 'eu-2.png', 'f-eu')],
        }),
    });
    await renderApp('#/activities/a-1/sessions/s-1/sheet');
    await screen.findByRole('heading', { name: 'Feuille de présence à imprimer' });
    const head = document.querySelector('.attendance-sheet--preview .attendance-sheet__head') as HTMLElement;
    const children = [...head.children];
    expect(children[0].tagName).toBe('IMG');
    expect(children[0].getAttribute('src')).toBe(`data:image/png;base64,${PNG_BASE64}`);
    const funders = within(head).getByLabelText('Bailleurs de fonds');
    expect(children.at(-1)).toBe(funders);
    expect(within(funders).getAllByRole('img').map((img) => img.getAttribute('alt'))).toEqual(['eu.png', 'eu-2.png']);
    // The printed copy has them too.
    expect(document.querySelectorAll('body > .print-sheet .attendance-sheet__logo')).toHaveLength(3);
  });

  it('are uploaded by the president in Settings, checked before sending', async () => {
    const core = signedIn(session({ role: 'president' }), {
      'logos.list': () => ok({ association: null, funders: [logo('l-2', 'funder', 'eu.png', 'f-eu'), logo('l-3', 'funder', 'old.png')] }),
      'logos.add': (input) => ok(logo('l-9', input.kind, input.fileName, input.funderId ?? null)),
      'logos.remove': (input) => ok({ id: input.id }),
      'logos.setFunder': (input) => ok(logo(input.id, 'funder', 'old.png', input.funderId)),
      'grants.funders.list': () => ok([{ id: 'f-eu', name: 'Union européenne' }, { id: 'f-giz', name: 'GIZ' }] as never),
    });
    await renderApp('#/settings/logos');
    const [associationInput] = await screen.findAllByLabelText('Ajouter un logo');
    await userEvent.upload(associationInput, new File([Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))], 'amal.png', { type: 'image/png' }));
    await waitFor(() => expect(core.calls('logos.add')).toEqual([{ kind: 'association', fileName: 'amal.png', contentBase64: PNG_BASE64 }]));

    const [, funderInput] = screen.getAllByLabelText('Ajouter un logo');
    await userEvent.upload(funderInput, new File(['%PDF-1.7'], 'agreement.pdf', { type: 'application/pdf' }), { applyAccept: false });
    expect(await screen.findByText("Un logo doit être une image PNG ou JPEG (vérifié d'après son contenu).")).toBeTruthy();
    expect(core.calls('logos.add')).toHaveLength(1);

    // A funder's logo is for one funder, chosen first; a logo without one can be given its funder.
    const png = () => new File([Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))], 'giz.png', { type: 'image/png' });
    await userEvent.upload(funderInput, png());
    expect(await screen.findByText(/Choisissez d’abord le bailleur de ce logo/)).toBeTruthy();
    expect(core.calls('logos.add')).toHaveLength(1);
    expect(await screen.findByText('Union européenne', { selector: 'p' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Bailleur du logo'), 'f-giz');
    await userEvent.upload(funderInput, png());
    await waitFor(() => expect(core.calls('logos.add')[1]).toEqual({ kind: 'funder', funderId: 'f-giz', fileName: 'giz.png', contentBase64: PNG_BASE64 }));
    await userEvent.selectOptions(screen.getByLabelText(/old.png n’est relié à aucun bailleur/), 'f-eu');
    await waitFor(() => expect(core.calls('logos.setFunder')).toEqual([{ id: 'l-3', funderId: 'f-eu' }]));

    await userEvent.click(screen.getByRole('button', { name: 'Retirer le logo eu.png' }));
    await waitFor(() => expect(core.calls('logos.remove')).toEqual([{ id: 'l-2' }]));
  });

  it('are shown without upload to the other roles', async () => {
    signedIn(session({ role: 'volunteer' }), { 'logos.list': () => ok({ association: logo('l-1', 'association', 'amal.png'), funders: [] }) });
    await renderApp('#/settings/logos');
    expect(await screen.findByRole('img', { name: 'amal.png' })).toBeTruthy();
    expect(screen.queryByLabelText('Ajouter un logo')).toBeNull();
    expect(screen.queryByRole('button', { name: /Retirer/ })).toBeNull();
  });
});

describe('printing and saving as PDF', () => {
  it('saves through the host when it can, named after the activity and the date', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(sheet),
      'print.savePdf': () => ok({ path: '/home/amal/Documents/Feuille de présence A-2026-00001 2026-03-03.pdf' }),
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await renderApp('#/activities/a-1/sessions/s-1/sheet');
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer en PDF' }));
    await waitFor(() => expect(core.calls('print.savePdf')).toEqual([{ fileName: 'Feuille de présence A-2026-00001 2026-03-03' }]));
    expect(await screen.findByText(/Enregistré : \/home\/amal\/Documents/)).toBeTruthy();
    expect(print).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
  });

  it('falls back to the print dialog where the host has no save dialog (web bridge)', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'attendance.get': () => ok(sheet),
      'print.savePdf': () => ({ ok: false, error: { code: 'not_supported' } }),
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await renderApp('#/activities/a-1/sessions/s-1/sheet');
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer en PDF' }));
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
    print.mockRestore();
  });
});
