import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CertificateBatch, CycleDetail, CycleParticipant, OpInput, RegistrationRow } from '../../electron/contract';
import { activity, person } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { fail, ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const AT = '2026-05-01T10:00:00.000Z';
const module = (n: number) => ({
  activityId: `a${n}`,
  reference: `A-2026-0000${n}`,
  title: `Module ${n}`,
  sessionsHeld: 2,
  completionThreshold: 75,
  firstSessionDate: `2026-04-0${n}`,
  lastSessionDate: `2026-04-0${n + 1}`,
  archived: false,
});
const progress = (done: boolean[]) => done.map((completed, i) => ({ activityId: `a${i + 1}`, registered: true, presentCount: completed ? 2 : 1, completed }));
const participant = (more: Partial<CycleParticipant>): CycleParticipant => ({
  beneficiaryId: 'b1',
  reference: 'B-2026-00001',
  displayName: 'Awa Sarr',
  arabicName: 'عوا سار',
  pseudonymous: false,
  modules: progress([true, true]),
  completedModules: 2,
  attended: true,
  completed: true,
  certificates: { participation: null, completion: 'CERT-2026-00007' },
  ...more,
});

const detail: CycleDetail = {
  cycle: { id: 'c1', title: 'Parcours emploi', requiredModules: null, activityIds: ['a1', 'a2'], createdAt: AT, updatedAt: AT, archivedAt: null },
  modules: [module(1), module(2)],
  modulesRequired: 2,
  participants: [
    participant({}),
    participant({ beneficiaryId: 'b2', displayName: 'Binta Diallo', arabicName: null, modules: progress([true, false]), completedModules: 1, completed: false, certificates: { participation: null, completion: null } }),
    participant({ beneficiaryId: 'b3', displayName: 'KB', arabicName: null, pseudonymous: true, modules: progress([true, true]), certificates: { participation: null, completion: null } }),
  ],
};

const batch: CertificateBatch = {
  association: { name: 'Association Amal', city: 'Oujda', logo: null },
  president: 'Nadia Bennani',
  certificates: [
    {
      reference: 'CERT-2026-00007',
      kind: 'completion',
      issuedOn: '2026-05-20',
      person: { beneficiaryId: 'b1', displayName: 'Awa Sarr', arabicName: 'عوا سار' },
      subject: 'cycle',
      title: 'Parcours emploi',
      course: { title: 'Parcours emploi', firstPresentOn: '2026-04-01', lastPresentOn: '2026-04-03', minutes: 540 },
      modules: [
        { title: 'Module 1', firstPresentOn: '2026-04-01', lastPresentOn: '2026-04-02', minutes: 270 },
        { title: 'Module 2', firstPresentOn: '2026-04-02', lastPresentOn: '2026-04-03', minutes: 270 },
      ],
    },
  ],
};

const printed = () => document.querySelector('.print-sheet .certificate') as HTMLElement;

describe('the training cycles list', () => {
  it('lists each cycle with its modules, participants and completers, the counts leading to the cycle', async () => {
    signedIn(session({ role: 'volunteer' }), { 'cycles.list': () => ok([{ ...detail.cycle, participantCount: 3, completedCount: 1 }]) });
    await renderApp('#/activities/cycles');
    const table = await screen.findByRole('table', { name: 'Cycles de formation' });
    const [, row] = within(table).getAllByRole('row');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Parcours emploi', '2', '3', '1']);
    expect(within(row).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#/activities/cycles/c1', '#/activities/cycles/c1', '#/activities/cycles/c1']);
    expect(screen.getByRole('link', { name: 'Nouveau cycle' }).getAttribute('href')).toBe('#/activities/cycles/new');
  });
});

describe('the training cycle page', () => {
  it('shows the modules and each participant’s completion, with a certificate for those entitled (president)', async () => {
    signedIn(session(), { 'cycles.get': () => ok(detail) });
    await renderApp('#/activities/cycles/c1');
    await screen.findByRole('heading', { name: 'Parcours emploi' });
    const modules = screen.getByRole('table', { name: 'Modules du cycle' });
    expect(within(modules).getAllByRole('row').map((r) => r.textContent)).toEqual([
      expect.stringContaining('Module'),
      expect.stringContaining('A-2026-00001Module 1275 %'),
      expect.stringContaining('A-2026-00002Module 2275 %'),
    ]);
    const rows = within(screen.getByRole('table', { name: 'Participants du cycle' })).getAllByRole('row');
    expect(rows[1].textContent).toMatch(/Awa Sarr.*2 \/ 2.*Terminé.*CERT-2026-00007/);
    expect(rows[2].textContent).toMatch(/Binta Diallo.*1 \/ 2.*Non terminé/);
    // The completion certificate for her, a participation one for Binta, none for an anonymous record.
    const awa = within(rows[1]).getByRole('link', { name: 'Attestation de fin de formation — Awa Sarr' });
    expect(awa.getAttribute('href')).toBe('#/activities/certificates?subject=cycle&id=c1&kind=completion&people=b1&lang=fr');
    expect(within(rows[2]).getByRole('link', { name: 'Attestation de participation — Binta Diallo' })).toBeTruthy();
    expect(within(rows[3]).queryByRole('link')).toBeNull();
    // The whole group: the named people who completed, one page each.
    expect(screen.getByRole('link', { name: /Attestations de fin de formation de tous ceux qui ont terminé \(1\)/ }).getAttribute('href')).toContain('people=b1&');
  });

  it('offers no certificate to a volunteer, and says who issues them', async () => {
    signedIn(session({ role: 'volunteer' }), { 'cycles.get': () => ok(detail) });
    await renderApp('#/activities/cycles/c1');
    await screen.findByText(/Seul le président délivre les attestations/);
    expect(screen.queryByRole('link', { name: /Attestation/ })).toBeNull();
  });

  it('shows the core’s refusal of a module at the modules field and keeps what was chosen', async () => {
    const saves: OpInput<'cycles.save'>[] = [];
    signedIn(session(), {
      'cycles.get': () => ok(detail),
      'activities.list': () => ok({ total: 0, rows: [] }),
      'cycles.save': (input) => {
        saves.push(input);
        return { ok: false, error: { code: 'not_found', fields: { 'activityIds.1': 'not_found' } } };
      },
    });
    await renderApp('#/activities/cycles/c1/edit');
    await screen.findByRole('heading', { name: 'Modifier le cycle' });
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText("L'élément demandé n'existe pas ou a été supprimé.");
    expect(saves).toEqual([{ id: 'c1', title: 'Parcours emploi', activityIds: ['a1', 'a2'], requiredModules: null }]);
    expect((screen.getByRole('textbox', { name: /Intitulé du cycle/ }) as HTMLInputElement).value).toBe('Parcours emploi');
  });
});

describe('the certificates view', () => {
  it('prints in French, left to right, with the number, the name, what was completed and the signature block', async () => {
    const issue: OpInput<'certificates.issue'>[] = [];
    signedIn(session(), {
      'certificates.issue': (input) => {
        issue.push(input);
        return ok(batch);
      },
    });
    await renderApp('#/activities/certificates?subject=cycle&id=c1&kind=completion&people=b1&lang=fr');
    await screen.findByRole('heading', { name: 'Attestations à imprimer' });
    await waitFor(() => expect(printed()).not.toBeNull());
    expect(issue).toEqual([{ subject: 'cycle', subjectId: 'c1', kind: 'completion', beneficiaryIds: ['b1'] }]);
    const page = printed();
    expect(page.getAttribute('dir')).toBe('ltr');
    expect(page.getAttribute('lang')).toBe('fr');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toMatch('Attestation de fin de formation');
    expect(page.textContent).toMatch('N° CERT-2026-00007');
    expect(page.textContent).toMatch('Association Amal atteste que');
    expect(page.textContent).toMatch('Awa Sarr');
    expect(page.textContent).toMatch("a suivi avec succès l'ensemble du cycle de formation");
    expect(page.textContent).toMatch(/du 1 avril 2026 au 3 avril 2026, soit 9 heures de présence/);
    expect(page.textContent).toMatch('4 h 30 min');
    expect(page.textContent).toMatch('Fait à Oujda, le 20 mai 2026');
    expect(page.textContent).toMatch('Le Président');
    expect(page.textContent).toMatch('Nadia Bennani');
    expect(document.querySelector('.print-sheet')?.hasAttribute('data-print-ready')).toBe(true);
  });

  it('prints in Arabic, right to left, with the Arabic name, when chosen at print time', async () => {
    signedIn(session(), { 'certificates.issue': () => ok(batch) });
    await renderApp('#/activities/certificates?subject=cycle&id=c1&kind=completion&people=b1&lang=fr');
    await waitFor(() => expect(printed()).not.toBeNull());
    await userEvent.click(within(screen.getByRole('radiogroup', { name: "Langue de l'attestation" })).getByRole('radio', { name: 'العربية' }));
    await waitFor(() => expect(printed().getAttribute('dir')).toBe('rtl'));
    const page = printed();
    expect(page.getAttribute('lang')).toBe('ar');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toMatch('شهادة إتمام التكوين');
    expect(page.textContent).toMatch('عوا سار');
    expect(page.textContent).not.toMatch('Awa Sarr');
    expect(page.textContent).toMatch('رقم CERT-2026-00007');
    expect(page.textContent).toMatch('حرر بOujda في 20 ماي 2026');
    expect(page.textContent).toMatch('بغلاف زمني قدره 9 س من الحضور');
    expect(page.textContent).toMatch('الرئيس');
    expect(window.location.hash).toContain('lang=ar');
  });

  it('says why the core refused, without a document to print', async () => {
    signedIn(session(), { 'certificates.issue': () => fail('not_completed') });
    await renderApp('#/activities/certificates?subject=cycle&id=c1&kind=completion&people=b2&lang=fr');
    await screen.findByText("Cette personne n'a pas terminé : pas d'attestation de fin de formation.");
    expect(printed()).toBeNull();
    expect((screen.getByRole('button', { name: /Imprimer/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('an activity’s participants', () => {
  it('offer the president each person’s certificate and the whole group’s', async () => {
    const registered = (n: number, name: string, presentCount: number, completed: boolean): RegistrationRow => {
      const { status: _status, ...row } = person(n, name);
      return { ...row, presentCount, completed };
    };
    signedIn(session(), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 3 }),
      'registrations.list': () =>
        ok({
          activityId: 'a-1',
          sessionsHeld: 4,
          completionThreshold: 75,
          plannedParticipants: 20,
          rows: [registered(1, 'Awa Diallo', 4, true), registered(2, 'Binta Sow', 1, false), registered(3, 'Chaima Idrissi', 0, false)],
        }),
    });
    await renderApp('#/activities/a-1');
    await userEvent.click(await screen.findByRole('tab', { name: /Participants/ }));
    const awa = await screen.findByRole('link', { name: 'Attestation de fin de formation — Awa Diallo' });
    expect(awa.getAttribute('href')).toBe('#/activities/certificates?subject=activity&id=a-1&kind=completion&people=b-1&lang=fr');
    expect(screen.getByRole('link', { name: 'Attestation de participation — Binta Sow' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Chaima Idrissi/ })).toBeNull();
    expect(screen.getByRole('link', { name: /tous ceux qui ont terminé \(1\)/ }).getAttribute('href')).toContain('kind=completion&people=b-1&');
    expect(screen.getByRole('link', { name: /tous les présents \(2\)/ }).getAttribute('href')).toContain('people=b-1%2Cb-2&');
  });
});
