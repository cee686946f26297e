import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, DEMO_PASSWORD, type SessionInfo } from '../../electron/contract';
import { fail, fakeCore, FILE_PATH, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const users = [
  { id: 'u-nadia', displayName: 'Nadia Bennani' },
  { id: 'u-youssef', displayName: 'Youssef Alaoui' },
];
const recentFiles = [{ path: FILE_PATH, associationName: 'Association Amal', openedAt: '2026-03-02T10:00:00.000Z' }];

function coreWithFile() {
  let current: SessionInfo | null = null;
  const core = fakeCore({
    'app.status': () => ok(status({ session: current, recentFiles })),
    'file.inspect': ({ path }) =>
      path === FILE_PATH ? ok({ associationHint: 'Association Amal', users }) : fail('file_not_found'),
    'file.open': ({ userId, password }) => {
      if (password !== 'the right passphrase') return fail('wrong_password');
      current = session(userId === 'u-youssef' ? { id: 'u-youssef', displayName: 'Youssef Alaoui', role: 'volunteer' } : {});
      return ok(current);
    },
    'file.recover': ({ userId, recoveryCode }) => {
      if (recoveryCode !== 'ABCDEFGHJKMNPQRSTVWXYZ23456789') return fail('wrong_recovery_code');
      current = session(userId === 'u-youssef' ? { id: 'u-youssef', displayName: 'Youssef Alaoui' } : {});
      return ok(current);
    },
    'session.lock': () => {
      current = null;
      return ok(null);
    },
    'users.list': () => fail('forbidden'),
    'settings.get': () => (current ? ok(DEFAULT_SETTINGS) : fail('session_locked')),
  });
  return {
    ...core,
    expire: () => {
      current = null;
    },
  };
}

/** From the welcome screen to the sign-in of the recent file, with `name` chosen. */
async function signInScreenOf(name: string) {
  await renderApp();
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Ouvrir un fichier existant' }));
  await user.click(await screen.findByRole('button', { name: 'Association Amal' }));
  await user.click(await screen.findByRole('radio', { name }));
  return user;
}

describe('opening a file and signing in', () => {
  it('lists recent files, explains a wrong password, then opens the shell', async () => {
    const core = coreWithFile();
    const user = await signInScreenOf('Youssef Alaoui');
    await user.type(screen.getByLabelText(/^Mot de passe/), 'not the one{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Mot de passe incorrect.');
    expect((screen.getByLabelText(/^Mot de passe/) as HTMLInputElement).value).toBe('');

    await user.type(screen.getByLabelText(/^Mot de passe/), 'the right passphrase{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bonjour, Youssef Alaoui' })).toBeTruthy();
    expect(screen.getByText('Youssef Alaoui')).toBeTruthy();
    expect(screen.getByText('Bénévole')).toBeTruthy();
    const menu = screen.getByRole('navigation');
    expect(within(menu).getByRole('link', { name: 'Activités' })).toBeTruthy();
    expect(within(menu).queryByRole('link', { name: /Subventions/ })).toBeNull();
    expect(core.calls('file.open')).toContainEqual({ path: FILE_PATH, userId: 'u-youssef', password: 'the right passphrase' });
  });

  it('says how long to wait after repeated wrong passwords, then tells who signs in that planted key slots were removed', async () => {
    let tries = 0;
    let current: SessionInfo | null = null;
    fakeCore({
      'app.status': () => ok(status({ session: current, recentFiles })),
      'file.inspect': () => ok({ associationHint: 'Association Amal', users }),
      'file.open': () => {
        tries += 1;
        if (tries === 1) return { ok: false, error: { code: 'too_many_attempts', retryAfterSeconds: 4 } };
        current = session();
        return ok({ ...current, removedKeySlots: 1 });
      },
      'users.list': () => fail('forbidden'),
      'settings.get': () => ok(DEFAULT_SETTINGS),
    });
    const user = await signInScreenOf('Nadia Bennani');
    await user.type(screen.getByLabelText(/^Mot de passe/), 'the right passphrase{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Attendez 4 s avant de réessayer.');
    expect(screen.getByText(/^Après trois essais manqués d'affilée/)).toBeTruthy();

    await user.type(screen.getByLabelText(/^Mot de passe/), 'the right passphrase{Enter}');
    expect(await screen.findByText(/^1 accès ajouté\(s\) au fichier des clés en dehors de l'application/)).toBeTruthy();
  });

  it('shows why a typed path cannot be opened', async () => {
    coreWithFile();
    await renderApp('#/open');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Emplacement du fichier/), '/media/usb/amal.tadamon{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Aucun fichier à cet emplacement');
    expect(screen.getByRole('link', { name: 'Choisir un autre fichier' })).toBeTruthy();
  });

  it('locks back to the sign-in of the same file with the same person chosen', async () => {
    const core = coreWithFile();
    const user = await signInScreenOf('Youssef Alaoui');
    await user.type(screen.getByLabelText(/^Mot de passe/), 'the right passphrase{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Bonjour, Youssef Alaoui' });

    await user.click(screen.getByRole('button', { name: 'Verrouiller' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(core.calls('session.lock')).toEqual([{}]);
    expect((await screen.findByRole('radio', { name: 'Youssef Alaoui' }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Mot de passe/)));
  });

  it('goes back to sign-in when an operation answers session_locked', async () => {
    const core = coreWithFile();
    const user = await signInScreenOf('Nadia Bennani');
    await user.type(screen.getByLabelText(/^Mot de passe/), 'the right passphrase{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Bonjour, Nadia Bennani' });

    core.expire();
    await user.click(screen.getByRole('link', { name: 'Paramètres' }));
    await user.click(await screen.findByRole('tab', { name: 'Verrouillage automatique' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Nadia Bennani' }) as HTMLInputElement).checked).toBe(true);
  });

  it('sets a new password with the recovery code', async () => {
    const core = coreWithFile();
    await renderApp(`#/sign-in?path=${encodeURIComponent(FILE_PATH)}&user=u-nadia`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Mot de passe oublié ?' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Code de récupération/));
    expect((screen.getByRole('radio', { name: 'Nadia Bennani' }) as HTMLInputElement).checked).toBe(true);
    await user.type(screen.getByLabelText(/Code de récupération/), 'ABCDE-FGHJK');
    await user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'a brand new phrase');
    await user.type(screen.getByLabelText(/Confirmez le nouveau mot de passe/), 'a brand new phrase{Enter}');
    expect(await screen.findByText("Le format n'est pas valide.")).toBeTruthy();
    expect(core.calls('file.recover')).toEqual([]);

    await user.clear(screen.getByLabelText(/Code de récupération/));
    await user.type(screen.getByLabelText(/Code de récupération/), 'abcde fghjk mnpqr stvwx yz234 56788{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Ce code de récupération ne correspond pas');

    await user.clear(screen.getByLabelText(/Code de récupération/));
    await user.type(screen.getByLabelText(/Code de récupération/), 'abcde-fghjk-mnpqr-stvwx-yz234-56789{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bonjour, Nadia Bennani' })).toBeTruthy();
    expect(core.calls('file.recover').at(-1)).toEqual({
      path: FILE_PATH,
      userId: 'u-nadia',
      recoveryCode: 'ABCDEFGHJKMNPQRSTVWXYZ23456789',
      newPassword: 'a brand new phrase',
    });
  });

  it('shows the demo password on the sign-in of the demo file', async () => {
    const demoPath = '/home/amal/.tadamon/demo/Association Tadamon Demo.tadamon';
    fakeCore({
      'app.status': () => ok(status()),
      'file.openDemo': () => ok({ path: demoPath }),
      'file.inspect': () => ok({ associationHint: 'Association Tadamon Demo', users }),
    });
    await renderApp();
    await userEvent.click(screen.getByRole('button', { name: "Essayer l'association de démonstration" }));

    const hint = await screen.findByText(/Tous les utilisateurs de la démonstration/);
    expect(within(hint).getByText(DEMO_PASSWORD)).toBeTruthy();
    expect(await screen.findByText('Association Tadamon Demo')).toBeTruthy();
  });
});
