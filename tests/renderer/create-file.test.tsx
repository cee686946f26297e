import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../electron/contract';
import { fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const RECOVERY_CODE = 'ABCDEFGHJKMNPQRSTVWXYZ234567893';

function coreWithCreate() {
  let current: SessionInfo | null = null;
  return fakeCore({
    'app.status': () => ok(status({ session: current })),
    'file.create': () => {
      current = session();
      return ok({ session: current, recoveryCode: RECOVERY_CODE.slice(0, 30) });
    },
  });
}

async function fillCreateForm(password: string, confirmation = password) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: "Créer un fichier d'association" }));
  await user.type(await screen.findByLabelText(/Nom de l'association/), 'Association Amal');
  await user.type(screen.getByLabelText(/Ville/), 'Oujda');
  await user.type(screen.getByLabelText(/Votre nom/), 'Nadia Bennani');
  await user.type(screen.getByLabelText(/^Mot de passe/), password);
  await user.type(screen.getByLabelText(/Confirmez le mot de passe/), `${confirmation}{Enter}`);
  return user;
}

describe('creating an association file', () => {
  it('prefills the folder with the default directory and focuses the first field', async () => {
    coreWithCreate();
    await renderApp();
    await userEvent.click(screen.getByRole('button', { name: "Créer un fichier d'association" }));
    const name = await screen.findByLabelText(/Nom de l'association/);
    expect(document.activeElement).toBe(name);
    expect((screen.getByLabelText(/Dossier/) as HTMLInputElement).value).toBe('/home/amal/Documents');
    expect(screen.queryByRole('button', { name: 'Parcourir…' })).toBeNull();
  });

  it('fills the folder from the native dialog when there is one', async () => {
    const core = fakeCore({
      'app.status': () => ok(status({ canBrowse: true })),
      'file.pickDirectory': () => ok({ path: 'D:\\Association' }),
    });
    await renderApp('#/create');
    await userEvent.click(await screen.findByRole('button', { name: 'Parcourir…' }));
    await waitFor(() => expect((screen.getByLabelText(/Dossier/) as HTMLInputElement).value).toBe('D:\\Association'));
    expect(core.calls('file.pickDirectory')).toEqual([{}]);
  });

  it('refuses a 9-character password with a translated message, without calling the core', async () => {
    const core = coreWithCreate();
    await renderApp();
    await fillCreateForm('123456789');

    expect(await screen.findByText('Au moins 10 caractères.')).toBeTruthy();
    expect(core.asked()).toEqual([]);
  });

  it('refuses a confirmation that differs', async () => {
    const core = coreWithCreate();
    await renderApp();
    await fillCreateForm('a long enough passphrase', 'a long enough passphrasf');

    expect(await screen.findByText('Les deux mots de passe ne sont pas identiques.')).toBeTruthy();
    expect(core.asked()).toEqual([]);
  });

  it('shows the recovery code once, refuses a wrong group, then opens the shell', async () => {
    const core = coreWithCreate();
    await renderApp();
    const user = await fillCreateForm('sunrise over the atlas');

    expect(await screen.findByRole('heading', { name: 'Code de récupération' })).toBeTruthy();
    expect(core.calls('file.create')).toEqual([
      {
        associationName: 'Association Amal',
        city: 'Oujda',
        directory: '/home/amal/Documents',
        displayName: 'Nadia Bennani',
        password: 'sunrise over the atlas',
      },
    ]);
    const groups = screen.getAllByTestId('recovery-group').map((group) => group.textContent);
    expect(groups).toEqual(['ABCDE', 'FGHJK', 'MNPQR', 'STVWX', 'YZ234', '56789']);
    expect(screen.getByRole('button', { name: 'Imprimer' })).toBeTruthy();

    const input = () => screen.getByLabelText(/Retapez le groupe n° \d/);
    const asked = () => Number(/n° (\d)/.exec(screen.getByText(/^Retapez le groupe n° \d$/).textContent ?? '')?.[1]);
    const wrong = groups[asked() % groups.length] ?? '';
    await user.type(input(), `${wrong}{Enter}`);
    expect(await screen.findByText(`Ce n'est pas le groupe n° ${asked()}. Comparez avec le code affiché ci-dessus.`)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    window.location.hash = '#/settings';
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    expect(await screen.findByRole('heading', { name: 'Code de récupération' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    await user.type(input(), `${groups[asked() - 1]?.toLowerCase()}{Enter}`);

    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Paramètres' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: /^Bonjour, / })).toBeTruthy();
    expect(screen.getByText('Association Amal')).toBeTruthy();
    expect(screen.getByText('Président·e')).toBeTruthy();
  });
});
