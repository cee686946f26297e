import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BackupInfo, BackupStatus, KeySlotsView, SessionInfo } from '../../electron/contract';
import { signInPath } from '../../renderer/app/paths';
import { FILE_PATH, fail, fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const backup: BackupInfo = {
  path: '/home/amal/Documents/backups/Association Amal 2026-11-20T10-00-00Z.tadamon',
  fileName: 'Association Amal 2026-11-20T10-00-00Z.tadamon',
  createdAt: '2026-11-20T10:00:00Z',
  kind: 'regular',
  location: 'local',
  sizeBytes: 3 * 1024 * 1024,
  users: [{ id: 'u-nadia', displayName: 'Nadia Bennani' }],
  hasRecoverySlot: true,
};

const backupStatus: BackupStatus = {
  localFolder: '/home/amal/Documents/backups',
  secondFolder: null,
  latest: null,
  lastAutomatic: null,
};

function signedIn(current: SessionInfo, extra: Parameters<typeof fakeCore>[0] = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: current })),
    'backups.status': () => ok(backupStatus),
    'backups.list': () => ok([backup]),
    'users.list': () => ok([]),
    'audit.list': () => ok({ rows: [], total: 0 }),
    ...extra,
  });
}

describe('backups and security settings', () => {
  it('says on every screen when the check after sign-in finds damage, and leads the president to the backups', async () => {
    let checks = 0;
    signedIn(session(), { 'file.integrity': () => ok(++checks === 1 ? 'checking' : 'damaged') });
    await renderApp('#/beneficiaries');
    const banner = await screen.findByText(/^La vérification complète du fichier, faite après la connexion, a trouvé des pages endommagées/, undefined, {
      timeout: 5000,
    });
    const link = within(banner.closest('[role="alert"]') as HTMLElement).getByRole('link', { name: 'Restaurer la dernière sauvegarde' });
    expect(link.getAttribute('href')).toBe('#/settings/backups');
  });

  it('a volunteer is told to ask the president', async () => {
    signedIn(session({ role: 'volunteer' }), { 'file.integrity': () => ok('damaged') });
    await renderApp('#/beneficiaries');
    expect(await screen.findByText(/Prévenez la ou le président·e de l'association/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Restaurer la dernière sauvegarde' })).toBeNull();
  });

  it('backs up now and shows the result, without the president-only parts for a volunteer', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'backups.create': () => ok({ backup: { ...backup, createdAt: '2026-11-23T16:00:00Z' }, secondCopy: null }),
      'backups.list': () => fail('forbidden'),
    });
    await renderApp('#/settings/backups');
    expect(await screen.findByText("Aucune sauvegarde de ce fichier pour l'instant.")).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Sécurité' })).toBeNull();
    expect(screen.queryByText('Sauvegardes disponibles')).toBeNull();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sauvegarder maintenant' }));
    expect((await screen.findByText(/Sauvegarde faite le/)).textContent).toMatch(/3\sMo/);
    expect(core.calls('backups.create')).toHaveLength(1);
    expect(core.calls('backups.create')[0]).toEqual({ jobId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/) });
    expect(core.asked()).not.toContain('backups.list');
  });

  it('says what is kept, and the kind of each backup in the list', async () => {
    const kinds: BackupInfo['kind'][] = ['regular', 'manual', 'beforeRekey', 'beforeRestore', 'beforeMigration', 'beforeMerge'];
    const listed = kinds.map((kind, i) => ({ ...backup, kind, path: `${backup.path}.${kind}`, createdAt: `2026-11-2${i}T10:00:00Z` }));
    signedIn(session(), { 'backups.list': () => ok(listed) });
    await renderApp('#/settings/backups');
    expect(await screen.findByRole('heading', { name: 'Ce qui est gardé' })).toBeTruthy();
    expect(
      screen.getByText(
        'Toutes les sauvegardes des dernières 48 heures, puis une par jour pendant 7 jours, une par semaine pendant 4 semaines et une par mois pendant 12 mois. Les sauvegardes faites à la main, avant une restauration, avant un changement de clé, avant une fusion de fiches ou avant une mise à jour ne sont jamais effacées automatiquement.',
      ),
    ).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Sauvegardes disponibles' });
    const kindColumn = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1].textContent);
    expect(kindColumn).toEqual(['Automatique', 'Faite à la main', 'Avant un changement de clé', 'Avant une restauration', 'Avant une mise à jour', 'Avant une fusion de fiches']);
  });

  it('says what is kept to a volunteer too, in their language', async () => {
    fakeCore({
      'app.status': () => ok(status({ session: session({ role: 'volunteer', locale: 'ar' }), locale: 'ar' })),
      'backups.status': () => ok(backupStatus),
    });
    await renderApp('#/settings/backups');
    expect(await screen.findByRole('heading', { name: 'ما يُحتفظ به' })).toBeTruthy();
    expect(screen.getByText(/^كل النسخ الاحتياطية لآخر 48 ساعة/)).toBeTruthy();
  });

  it('asks a credential before restoring, and explains the safety copy', async () => {
    const core = signedIn(session(), {
      'backups.restore': () => ok({ session: session(), safetyCopy: '/home/amal/Documents/backups/safety.tadamon', erasuresReapplied: 2 }),
    });
    await renderApp('#/settings/backups');
    const table = await screen.findByRole('table', { name: 'Sauvegardes disponibles' });
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: /Restaurer la sauvegarde du/ }));

    const dialog = await screen.findByRole('dialog', { name: 'Restaurer une sauvegarde' });
    expect(within(dialog).getByText(/une copie de sécurité en est gardée/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('backups.restore')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Mot de passe\s*\*?$/), 'nadia secret phrase');
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer' }));
    await waitFor(() =>
      expect(core.calls('backups.restore')).toEqual([
        { path: FILE_PATH, backupPath: backup.path, userId: 'u-nadia', password: 'nadia secret phrase' },
      ]),
    );
    // The restore report says which erasures made after the backup were made again.
    expect(await screen.findByText(/^2 effacement\(s\) fait\(s\) après cette sauvegarde/)).toBeTruthy();
  });

  it('lists who can open the file and flags a key slot not up to date', async () => {
    const slots: KeySlotsView = {
      keyGeneration: 1,
      canRekey: false,
      slots: [
        { id: 's1', kind: 'user', userId: 'u-nadia', displayName: 'Nadia Bennani', role: 'president', upToDate: true },
        { id: 's2', kind: 'user', userId: 'u-salma', displayName: 'Salma Idrissi', role: 'volunteer', upToDate: false },
        { id: 's3', kind: 'recovery', userId: null, displayName: null, role: null, upToDate: true },
      ],
    };
    signedIn(session(), { 'security.keySlots': () => ok(slots) });
    await renderApp('#/settings/security');
    const table = await screen.findByRole('table', { name: 'Qui peut ouvrir ce fichier' });
    const salma = within(table).getByText('Salma Idrissi').closest('tr') as HTMLElement;
    expect(within(salma).getByText('Bénévole')).toBeTruthy();
    expect(within(salma).getByText('Ancien format')).toBeTruthy();
    expect(within(table).getByText('Code de récupération')).toBeTruthy();
    expect(screen.getByText(/Certaines clés sont d'un ancien format/)).toBeTruthy();
  });

  it('offers the latest backup when the file is damaged, with the recovery code', async () => {
    const core = fakeCore({
      'app.status': () => ok(status({ session: null })),
      'file.inspect': () => ok({ associationHint: 'Association Amal', users: [{ id: 'u-nadia', displayName: 'Nadia Bennani' }] }),
      'file.open': () => fail('file_damaged'),
      'backups.listFor': () => ok([backup]),
      'backups.restore': () => ok({ session: null, safetyCopy: '/home/amal/Documents/backups/safety.tadamon', erasuresReapplied: 1 }),
    });
    await renderApp(`#${signInPath(FILE_PATH)}`);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^Mot de passe\s*\*?$/), 'nadia secret phrase{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Restaurer la dernière sauvegarde' }));
    expect(core.calls('backups.listFor')).toEqual([{ path: FILE_PATH }]);

    const dialog = await screen.findByRole('dialog', { name: 'Restaurer une sauvegarde' });
    await user.click(within(dialog).getByRole('radio', { name: 'Code de récupération' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Code de récupération/ }), 'ABCD-EFGH');
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer' }));
    await waitFor(() =>
      expect(core.calls('backups.restore')).toEqual([{ path: FILE_PATH, backupPath: backup.path, recoveryCode: 'ABCD-EFGH' }]),
    );
    expect(await screen.findByText(/^La sauvegarde a été restaurée\. Vous pouvez vous connecter\. 1 effacement\(s\)/)).toBeTruthy();
    expect(core.calls('file.open')).toHaveLength(1);
  });

  it('shows a new recovery code once, and filters and exports the audit log', async () => {
    const core = signedIn(session(), {
      'security.keySlots': () => ok({ keyGeneration: 1, canRekey: true, slots: [] }),
      'security.newRecoveryCode': () => ok({ recoveryCode: 'ABCDEFGHJKMNPQRSTVWXYZ23456789' }),
      'audit.list': (input) =>
        ok({
          rows: [{ id: 'a1', at: '2026-11-20T10:00:00Z', userId: 'u-nadia', userName: 'Nadia Bennani', op: input.op ?? 'users.create', entityId: null, note: 'override_tranche_condition' }],
          total: 1,
        }),
      'audit.export': () => ok({ fileName: 'journal.csv', csv: 'at,op\n', rows: 1 }),
    });
    URL.createObjectURL = () => 'blob:audit';
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderApp('#/settings/security');
    const user = userEvent.setup();

    const recoveryForm = (await screen.findByRole('button', { name: 'Créer un nouveau code' })).closest('form') as HTMLElement;
    await user.type(within(recoveryForm).getByLabelText(/^Votre mot de passe/), 'nadia secret phrase');
    await user.click(within(recoveryForm).getByRole('button', { name: 'Créer un nouveau code' }));
    expect((await screen.findAllByTestId('recovery-group')).map((group) => group.textContent).join('')).toBe(
      'ABCDEFGHJKMNPQRSTVWXYZ23456789',
    );
    expect(core.calls('security.newRecoveryCode')).toEqual([{ password: 'nadia secret phrase' }]);

    await user.type(screen.getByLabelText('Opération'), 'backups.create');
    await user.click(screen.getByRole('button', { name: 'Filtrer' }));
    await waitFor(() => expect(core.calls('audit.list')).toContainEqual({ op: 'backups.create', offset: 0, limit: 50 }));
    expect(within(screen.getByRole('table', { name: "Journal d'audit" })).getByText('backups.create')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: "Journal d'audit" })).getByText('Tranche payée avant sa condition (motif sur le paiement)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Exporter (CSV)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(core.calls('audit.export')).toEqual([{ op: 'backups.create', delimiter: ',' }]);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('journal.csv');
    click.mockRestore();
  });
});
