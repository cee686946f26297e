import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupStatus, GrantsDashboard, HomeSummary } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

const allDone = { peopleRecorded: true, usersAdded: true, logoSet: true, activityPlanned: true, backupFolderChosen: true };

const summary = (more: Partial<HomeSummary> = {}): HomeSummary => ({
  today: '2026-06-15',
  myNextSteps: [],
  overdueNextSteps: 0,
  sessionsToday: [],
  sessionsTomorrow: [],
  notSeen: 0,
  peopleThisMonth: 0,
  newPeopleThisMonth: 0,
  activitiesThisMonth: 0,
  checklist: allDone,
  ...more,
});

const backupStatus: BackupStatus = {
  localFolder: '/home/amal/Documents/backups',
  secondFolder: null,
  latest: {
    path: '/home/amal/Documents/backups/a.tadamon',
    fileName: 'a.tadamon',
    createdAt: '2026-06-14T17:30:00.000Z',
    kind: 'regular',
    location: 'local',
    sizeBytes: 1000,
    users: [],
    hasRecoverySlot: true,
  },
  lastAutomatic: null,
};

const lateDashboard: GrantsDashboard = {
  today: '2026-06-15',
  agreements: [
    {
      id: 'ag-1',
      archivedAt: null,
      reference: 'ENABEL-014',
      title: 'Inclusion',
      funderName: 'Enabel',
      currency: 'EUR',
      totalMinor: 100_00,
      committedMinor: 0,
      disbursedMinor: 0,
      justifiedMinor: 0,
      leftToCommitMinor: 100_00,
      leftToDisburseMinor: 0,
      leftToJustifyMinor: 0,
      nextTrancheDue: null,
      overdueReports: 1,
      state: 'late',
      unconverted: 0,
      ratesUsed: [],
      subGrants: [
        {
          id: 'sg-1',
          reference: 'SG-2026-00001',
          title: 'Couture',
          recipientName: 'Association Amal',
          currency: 'EUR',
          amountMinor: 100_00,
          disbursedMinor: 0,
          justifiedMinor: 0,
          submittedMinor: 0,
          rejectedMinor: 0,
          leftToDisburseMinor: 100_00,
          leftToJustifyMinor: 0,
          nextTrancheDue: null,
          overdueReports: 2,
          state: 'late',
        },
      ],
    },
  ],
};

/** The card of a count: its link, named by what it counts. */
const countLink = (label: string) => screen.getByText(label).closest('a') as HTMLAnchorElement;

describe('the home page each role lands on', () => {
  it("shows a volunteer her week's next steps, today's and tomorrow's sessions and the people not seen, each leading to its list", async () => {
    signedIn(session({ role: 'volunteer' }), {
      'home.summary': () =>
        ok(
          summary({
            myNextSteps: [
              {
                procedureId: 'p-1',
                beneficiaryId: 'b-awa',
                reference: 'B-2026-00001',
                displayName: 'Awa Diallo',
                procedureType: 'residence_card',
                nextStep: 'Déposer le dossier',
                nextStepDue: '2026-06-17',
              },
            ],
            overdueNextSteps: 2,
            notSeen: 4,
            sessionsToday: [
              { sessionId: 's-1', activityId: 'a-1', activityTitle: 'Atelier CV', date: '2026-06-15', startTime: '10:00', endTime: '12:00', place: 'Salle 1' },
            ],
          }),
        ),
    });
    await renderApp('#/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bonjour, Nadia Bennani' })).toBeTruthy();
    expect(window.location.hash).toBe('#/home');
    await screen.findByRole('link', { name: 'Awa Diallo' });
    expect(countLink('Mes prochaines étapes de la semaine').getAttribute('href')).toBe('#/follow-up?mine=1');
    expect(within(countLink('Mes prochaines étapes de la semaine')).getByText('1')).toBeTruthy();
    expect(within(countLink('Prochaines étapes en retard')).getByText('2')).toBeTruthy();
    expect(within(countLink('Personnes sans nouvelles')).getByText('4')).toBeTruthy();
    expect(countLink('Personnes sans nouvelles').getAttribute('href')).toBe('#/follow-up');
    expect(screen.getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(screen.getByText('Déposer le dossier')).toBeTruthy();

    const today = screen.getByRole('region', { name: "Séances d'aujourd'hui" });
    expect(within(today).getByRole('link', { name: 'Atelier CV' }).getAttribute('href')).toBe('#/activities/a-1/sessions/s-1/attendance');
    expect(within(screen.getByRole('region', { name: 'Séances de demain' })).getByText('Aucune séance.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Pour bien démarrer' })).toBeNull();
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBe('page');
  });

  it("shows a new association's president the checklist, each step still to do leading to where it is done", async () => {
    signedIn(session({ role: 'president' }), {
      'home.summary': () => ok(summary({ checklist: { ...allDone, peopleRecorded: false, logoSet: false, backupFolderChosen: false } })),
      'dues.status': () => ok({ year: 2026, unpaid: [], partlyPaid: [] }),
      'backups.status': () => ok({ ...backupStatus, latest: null }),
      'grants.dashboard': () => ok({ today: '2026-06-15', agreements: [] }),
    });
    await renderApp('#/home');

    const checklist = await screen.findByRole('region', { name: 'Pour bien démarrer' });
    expect(within(checklist).getByRole('link', { name: 'Importez votre liste de bénéficiaires' }).getAttribute('href')).toBe('#/beneficiaries/import');
    expect(within(checklist).getByRole('link', { name: "Ajoutez le logo de l'association" }).getAttribute('href')).toBe('#/settings/logos');
    expect(within(checklist).getByRole('link', { name: 'Choisissez un dossier de sauvegarde (clé USB)' }).getAttribute('href')).toBe('#/settings/backups');
    expect(within(checklist).queryByRole('link', { name: /Ajoutez les utilisateurs/ })).toBeNull();
    expect(within(checklist).getByText(/Ajoutez les utilisateurs .* — fait/)).toBeTruthy();
    expect(within(checklist).getByText(/Planifiez une première activité — fait/)).toBeTruthy();
    expect(await screen.findByText('Aucune sauvegarde encore')).toBeTruthy();
  });

  it("gives the president the month's overview, the dues still unpaid and the last backup, each leading to its list", async () => {
    signedIn(session({ role: 'president' }), {
      'home.summary': () => ok(summary({ peopleThisMonth: 37, newPeopleThisMonth: 5, activitiesThisMonth: 3 })),
      'dues.status': () =>
        ok({
          year: 2026,
          unpaid: [{ memberId: 'm-1', number: 'M-1', name: 'Khadija Benali', arabicName: null, category: 'standard', phone: null, due: 100_00, paid: 0 }],
          partlyPaid: [{ memberId: 'm-2', number: 'M-2', name: 'Said Amrani', arabicName: null, category: 'standard', phone: null, due: 100_00, paid: 50_00 }],
        }),
      'backups.status': () => ok(backupStatus),
      'grants.dashboard': () => ok({ today: '2026-06-15', agreements: [] }),
    });
    await renderApp('#/home');

    await screen.findByRole('region', { name: 'Ce mois-ci' });
    expect(screen.queryByRole('region', { name: 'Pour bien démarrer' })).toBeNull();
    expect(within(countLink('Personnes venues à une séance')).getByText('37')).toBeTruthy();
    expect(countLink('Personnes venues à une séance').getAttribute('href')).toBe('#/activities/statistics');
    expect(countLink('Nouvelles personnes enregistrées').getAttribute('href')).toBe('#/beneficiaries');
    expect(countLink('Activités avec une séance tenue').getAttribute('href')).toBe('#/activities');
    const dues = countLink("Membres n'ayant pas tout payé (2026)");
    expect(await within(dues).findByText('2')).toBeTruthy();
    expect(dues.getAttribute('href')).toBe('#/members/dues');
    const backup = await screen.findByText('Dernière sauvegarde');
    expect(backup.closest('a')?.getAttribute('href')).toBe('#/settings/backups');
    expect(backup.closest('a')?.textContent).toContain('2026');
  });

  it('shows the treasurer what is late in the grants, leading to the dashboard showing only that', async () => {
    signedIn(session({ role: 'treasurer' }), {
      'home.summary': () => ok(summary()),
      'grants.dashboard': () => ok(lateDashboard),
    });
    await renderApp('#/');

    const grants = await screen.findByRole('region', { name: 'Subventions en retard' });
    await within(grants).findByText('Conventions en retard');
    expect(within(countLink('Conventions en retard')).getByText('1')).toBeTruthy();
    expect(within(countLink('Sous-subventions en retard')).getByText('1')).toBeTruthy();
    expect(within(countLink('Rapports en retard')).getByText('3')).toBeTruthy();
    expect(countLink('Conventions en retard').getAttribute('href')).toBe('#/grants?late=1');
  });
});
