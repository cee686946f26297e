import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupStatus, HomeSummary } from '../../electron/contract';
import { version } from '../../package.json';
import { signedIn } from './beneficiaries-fixtures';
import { fakeCore, FILE_PATH, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

const backupStatus: BackupStatus = { localFolder: '/home/amal/Documents/backups', secondFolder: null, latest: null, lastAutomatic: null };

const summary: HomeSummary = {
  today: '2026-06-15',
  myNextSteps: [],
  overdueNextSteps: 0,
  sessionsToday: [],
  sessionsTomorrow: [],
  notSeen: 0,
  peopleThisMonth: 0,
  newPeopleThisMonth: 0,
  activitiesThisMonth: 0,
  checklist: { peopleRecorded: true, usersAdded: true, logoSet: true, activityPlanned: true, backupFolderChosen: true },
};

describe('the About and help page', () => {
  it('is reached from the menu and says the version, where the file and its keys file are, what to back up, and a guide per role', async () => {
    signedIn(session({ role: 'volunteer' }), { 'home.summary': () => ok(summary), 'backups.status': () => ok(backupStatus) });
    await renderApp('#/home');
    const menu = await screen.findByRole('navigation');
    await userEvent.setup().click(within(menu).getByRole('link', { name: 'À propos et aide' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'À propos et aide' })).toBeTruthy();
    expect(screen.getByText(`Tadamon, version ${version}`)).toBeTruthy();
    const file = screen.getByRole('region', { name: 'Votre fichier' });
    expect(within(file).getByText(FILE_PATH)).toBeTruthy();
    expect(within(file).getByText(`${FILE_PATH}.keys`)).toBeTruthy();
    const backup = screen.getByRole('region', { name: 'Ce qu’il faut sauvegarder' });
    expect(await within(backup).findByText('/home/amal/Documents/backups')).toBeTruthy();
    expect(within(backup).getByText(/Choisissez un second dossier/)).toBeTruthy();

    const guides = within(screen.getByRole('region', { name: 'Guide par rôle' })).getAllByRole('heading', { level: 3 });
    expect(guides.map((h) => h.textContent)).toEqual(['Bénévole', 'Trésorier·ère', 'Président·e']);
    expect(within(screen.getByRole('region', { name: 'Bénévole' })).getAllByRole('listitem')).toHaveLength(4);
  });

  it('speaks Arabic, the signed-in president’s guide first', async () => {
    fakeCore({
      'app.status': () => ok(status({ session: session({ role: 'president', locale: 'ar' }), locale: 'ar' })),
      'backups.status': () => ok({ ...backupStatus, secondFolder: 'E:\\Tadamon' }),
    });
    await renderApp('#/about');
    expect(await screen.findByRole('heading', { level: 1, name: 'حول التطبيق والمساعدة' })).toBeTruthy();
    expect(await screen.findByText('E:\\Tadamon')).toBeTruthy();
    const guides = within(screen.getByRole('region', { name: 'دليل حسب الدور' })).getAllByRole('heading', { level: 3 });
    expect(guides[0].textContent).toBe('الرئيس(ة)');
  });
});
