import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BackupInfo, BackupStatus } from '../../electron/contract';
import { signInPath } from '../../renderer/app/paths';
import { FILE_PATH, fail, fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const USB = 'E:\\Sauvegardes Amal';

const backupStatus: BackupStatus = { localFolder: '/home/amal/Documents/backups', secondFolder: null, latest: null, lastAutomatic: null };

const onUsb: BackupInfo = {
  path: `${USB}\\Association Amal 2026-11-20T10-00-00Z.tadamon`,
  fileName: 'Association Amal 2026-11-20T10-00-00Z.tadamon',
  createdAt: '2026-11-20T10:00:00Z',
  kind: 'regular',
  location: 'other',
  sizeBytes: 3 * 1024 * 1024,
  users: [{ id: 'u-nadia', displayName: 'Nadia Bennani' }],
  hasRecoverySlot: true,
};

describe('choosing a file or a folder with the system’s dialog', () => {
  it('opens the file picked in the dialog, where the host has one', async () => {
    const core = fakeCore({
      'app.status': () => ok(status({ canBrowse: true })),
      'file.pickFile': () => ok({ path: 'D:\\Amal\\Association Amal.tadamon' }),
      'file.inspect': () => ok({ associationHint: 'Association Amal', users: [{ id: 'u-nadia', displayName: 'Nadia Bennani' }] }),
    });
    await renderApp('#/open');
    await userEvent.click(await screen.findByRole('button', { name: 'Parcourir…' }));
    await waitFor(() => expect(window.location.hash).toBe(`#${signInPath('D:\\Amal\\Association Amal.tadamon')}`));
    expect(core.calls('file.pickFile')).toEqual([{}]);
  });

  it('keeps only the typed path where there is no dialog (the web bridge)', async () => {
    fakeCore({ 'app.status': () => ok(status({ canBrowse: false })) });
    await renderApp('#/open');
    expect(await screen.findByRole('textbox', { name: /^Emplacement du fichier/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Parcourir…' })).toBeNull();
  });

  it('fills the second backup folder (a USB key) from the dialog, a cancelled dialog changing nothing', async () => {
    let answer: string | null = null;
    const core = fakeCore({
      'app.status': () => ok(status({ canBrowse: true, session: session() })),
      'backups.status': () => ok(backupStatus),
      'backups.list': () => ok([]),
      'file.pickDirectory': () => ok({ path: answer }),
      'backups.setSecondFolder': ({ folder }) => ok({ ...backupStatus, secondFolder: folder }),
    });
    await renderApp('#/settings/backups');
    const user = userEvent.setup();
    const field = (await screen.findByRole('textbox', { name: 'Second dossier' })) as HTMLInputElement;
    await user.type(field, 'F:\\');
    await user.click(screen.getByRole('button', { name: 'Parcourir…' }));
    await waitFor(() => expect(core.calls('file.pickDirectory')).toHaveLength(1));
    expect(field.value).toBe('F:\\');

    answer = USB;
    await user.click(screen.getByRole('button', { name: 'Parcourir…' }));
    await waitFor(() => expect(field.value).toBe(USB));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('backups.setSecondFolder')).toEqual([{ folder: USB }]));
  });

  it('looks for a damaged file’s backups in a folder picked in the dialog', async () => {
    const core = fakeCore({
      'app.status': () => ok(status({ canBrowse: true, session: null })),
      'file.inspect': () => ok({ associationHint: 'Association Amal', users: [{ id: 'u-nadia', displayName: 'Nadia Bennani' }] }),
      'file.open': () => fail('file_damaged'),
      'backups.listFor': (input) => ok(input.folder === USB ? [onUsb] : []),
      'file.pickDirectory': () => ok({ path: USB }),
    });
    await renderApp(`#${signInPath(FILE_PATH)}`);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Mot de passe\s*\*?$/), 'nadia secret phrase{Enter}');
    expect(await screen.findByText("Aucune sauvegarde n'a été trouvée à côté de ce fichier.")).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Parcourir…' }));

    expect(await screen.findByRole('button', { name: 'Restaurer la dernière sauvegarde' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Chercher dans un autre dossier/ }) as HTMLInputElement).value).toBe(USB);
    expect(core.calls('backups.listFor')).toEqual([{ path: FILE_PATH }, { path: FILE_PATH, folder: USB }]);
  });

  it('looks in a folder typed in where there is no dialog, and says when nothing is there', async () => {
    const core = fakeCore({
      'app.status': () => ok(status({ canBrowse: false, session: null })),
      'file.inspect': () => ok({ associationHint: 'Association Amal', users: [{ id: 'u-nadia', displayName: 'Nadia Bennani' }] }),
      'file.open': () => fail('file_damaged'),
      'backups.listFor': () => ok([]),
    });
    await renderApp(`#${signInPath(FILE_PATH)}`);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Mot de passe\s*\*?$/), 'nadia secret phrase{Enter}');
    const folder = await screen.findByRole('textbox', { name: /^Chercher dans un autre dossier/ });
    expect(screen.queryByRole('button', { name: 'Parcourir…' })).toBeNull();
    await user.type(folder, '/media/amal/USB ');
    await user.click(screen.getByRole('button', { name: 'Chercher dans ce dossier' }));
    expect(await screen.findByText('Aucune sauvegarde de ce fichier n’a été trouvée dans ce dossier.')).toBeTruthy();
    expect(core.calls('backups.listFor')).toEqual([{ path: FILE_PATH }, { path: FILE_PATH, folder: '/media/amal/USB' }]);
  });
});
