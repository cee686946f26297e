import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type SessionInfo, type User } from '../../electron/contract';
import { fail, fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.useRealTimers();
});

const staff: User[] = [
  { id: 'u-nadia', displayName: 'Nadia Bennani', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '2026-01-05T09:00:00Z' },
  { id: 'u-karim', displayName: 'Karim Tazi', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '2026-01-06T09:00:00Z' },
  { id: 'u-salma', displayName: 'Salma Idrissi', role: 'volunteer', locale: 'ar', mustChangePassword: true, createdAt: '2026-02-01T09:00:00Z' },
];

function signedIn(current: SessionInfo, extra: Parameters<typeof fakeCore>[0] = {}) {
  let live: SessionInfo | null = current;
  return fakeCore({
    'app.status': () => ok(status({ session: live })),
    'session.lock': () => {
      live = null;
      return ok(null);
    },
    'file.inspect': () => ok({ associationHint: 'Association Amal', users: [{ id: current.user.id, displayName: current.user.displayName }] }),
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'users.list': () => (live?.user.role === 'president' ? ok(staff) : fail('forbidden')),
    ...extra,
  });
}

describe('settings', () => {
  it('hides the users tab from a volunteer, and the core refuses it if typed in', async () => {
    signedIn(session({ role: 'volunteer' }));
    await renderApp('#/settings');
    expect(await screen.findByRole('tab', { name: 'Mon mot de passe' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Utilisateurs' })).toBeNull();

    window.location.hash = '#/settings/users';
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      "Vous n'avez pas le droit d'accéder à cette partie. Adressez-vous à la ou au président·e de l'association.",
    );
  });

  it('lists users with translated roles and adds one with a temporary password', async () => {
    const core = signedIn(session(), {
      'users.create': (input) => ok({ ...staff[2], id: 'u-new', displayName: input.displayName, role: input.role }),
    });
    await renderApp('#/settings/users');
    const table = await screen.findByRole('table');
    const salma = within(table).getByText('Salma Idrissi').closest('tr') as HTMLElement;
    expect(within(salma).getByText('Bénévole')).toBeTruthy();
    expect(within(salma).getByText('Doit changer son mot de passe')).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Retirer Nadia Bennani' })).toBeNull();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Nom/), 'Omar Benali');
    await user.selectOptions(screen.getByLabelText('Rôle'), 'Trésorier·ère');
    await user.type(screen.getByLabelText(/Mot de passe temporaire/), 'short{Enter}');
    expect(await screen.findByText('Au moins 10 caractères.')).toBeTruthy();
    expect(core.calls('users.create')).toEqual([]);

    await user.type(screen.getByLabelText(/Mot de passe temporaire/), ' but now long enough{Enter}');
    await waitFor(() =>
      expect(core.calls('users.create')).toEqual([
        { displayName: 'Omar Benali', role: 'treasurer', temporaryPassword: 'short but now long enough' },
      ]),
    );
    expect(await screen.findByText(/Omar Benali a été ajouté·e/)).toBeTruthy();
  });

  it('asks before removing a user and explains a refusal', async () => {
    const core = signedIn(session(), { 'users.remove': () => fail('last_president') });
    await renderApp('#/settings/users');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Retirer Karim Tazi' }));

    const dialog = await screen.findByRole('dialog', { name: 'Retirer un utilisateur' });
    expect(within(dialog).getByText(/Karim Tazi ne pourra plus ouvrir le fichier/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Retirer' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      "L'association doit garder au moins un·e président·e.",
    );
    expect(core.calls('users.remove')).toEqual([{ userId: 'u-karim' }]);
  });

  it("resets another user's password to a temporary one, showing a weak one at its field, and shows every user's status", async () => {
    let weakOnce = true;
    const core = signedIn(session(), {
      'users.resetPassword': (input) => {
        if (weakOnce) {
          weakOnce = false;
          return { ok: false, error: { code: 'weak_password', fields: { temporaryPassword: 'weak_password' } } };
        }
        return ok({ ...staff[1], id: input.userId, mustChangePassword: true });
      },
    });
    await renderApp('#/settings/users');
    const table = await screen.findByRole('table');
    const karim = within(table).getByText('Karim Tazi').closest('tr') as HTMLElement;
    expect(within(karim).getByText('Actif·ve')).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Réinitialiser le mot de passe de Nadia Bennani' })).toBeNull();

    const user = userEvent.setup();
    await user.click(within(karim).getByRole('button', { name: 'Réinitialiser le mot de passe de Karim Tazi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Réinitialiser le mot de passe de Karim Tazi' });
    expect(within(dialog).getByText(/devra le changer à sa prochaine connexion/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/Mot de passe temporaire/), 'karim tazi 2026{Enter}');
    const field = within(dialog).getByLabelText(/Mot de passe temporaire/) as HTMLInputElement;
    const message = await within(dialog).findByText(/^Ce mot de passe est trop facile à deviner/);
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(field.value).toBe('karim tazi 2026');

    await user.clear(field);
    await user.type(field, 'olive tree under snow 9{Enter}');
    expect(await screen.findByText('Mot de passe de Karim Tazi réinitialisé : il devra être changé à la prochaine connexion.')).toBeTruthy();
    expect(core.calls('users.resetPassword')).toEqual([
      { userId: 'u-karim', temporaryPassword: 'karim tazi 2026' },
      { userId: 'u-karim', temporaryPassword: 'olive tree under snow 9' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('makes a user with a temporary password choose their own first', async () => {
    const core = signedIn(session({ mustChangePassword: true, role: 'volunteer' }), {
      'session.changePassword': () => ok(session({ role: 'volunteer' })),
    });
    await renderApp('#/beneficiaries');
    expect(await screen.findByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    const user = userEvent.setup();
    expect(document.activeElement).toBe(screen.getByLabelText(/Mot de passe temporaire/));
    await user.type(screen.getByLabelText(/Mot de passe temporaire/), 'temporary-123');
    await user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'my own secret phrase');
    await user.type(screen.getByLabelText(/Confirmez le nouveau mot de passe/), 'my own secret phrase{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bénéficiaires' })).toBeTruthy();
    expect(core.calls('session.changePassword')).toEqual([
      { currentPassword: 'temporary-123', newPassword: 'my own secret phrase' },
    ]);
  });

  it('shows a new password the core judged too weak at its field, keeping what was typed', async () => {
    let tries = 0;
    signedIn(session({ mustChangePassword: true, role: 'volunteer' }), {
      'session.changePassword': () =>
        ++tries === 1
          ? { ok: false, error: { code: 'weak_password', fields: { newPassword: 'weak_password' } } }
          : ok(session({ role: 'volunteer' })),
    });
    await renderApp('#/beneficiaries');
    await screen.findByRole('heading', { name: 'Choisissez votre mot de passe' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Mot de passe temporaire/), 'temporary-123');
    await user.type(screen.getByLabelText(/^Nouveau mot de passe/), 'azerty123456');
    await user.type(screen.getByLabelText(/Confirmez le nouveau mot de passe/), 'azerty123456{Enter}');
    const field = screen.getByLabelText(/^Nouveau mot de passe/) as HTMLInputElement;
    const message = await screen.findByText('Ce mot de passe est trop facile à deviner. Choisissez-en un plus long, par exemple une phrase de quatre mots.');
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    expect(field.value).toBe('azerty123456');
    expect(document.activeElement).toBe(field);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('locks by itself after the idle limit', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const core = signedIn({ ...session(), autoLockMinutes: 1 });
    await renderApp('#/beneficiaries');
    await screen.findByRole('heading', { level: 1, name: 'Bénéficiaires' });
    expect(core.calls('session.lock')).toEqual([]);

    vi.advanceTimersByTime(61_000);

    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(core.calls('session.lock')).toEqual([{}]);
  });
});
