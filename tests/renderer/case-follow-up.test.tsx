import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  todayIso,
  type CaseNote,
  type FollowUpDashboard,
  type LookupValue,
  type Partner,
  type Procedure,
  type SessionInfo,
} from '../../electron/contract';
import { createQueryClient } from '../../renderer/app/queryClient';
import { theme } from '../../renderer/app/theme';
import { PersonFollowUp } from '../../renderer/features/case-follow-up/PersonFollowUp';
import { fakeCore, ok, renderApp, session, status, type FakeCore } from './helpers';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const procedureTypes: LookupValue[] = [
  {
    list: 'procedureType',
    code: 'residence_card',
    labels: { fr: 'Carte de séjour', ar: 'بطاقة الإقامة', en: 'Residence card' },
    sensitive: false,
    archived: false,
  },
  {
    list: 'procedureType',
    code: 'school_enrolment',
    labels: { fr: 'Inscription scolaire', ar: 'التسجيل المدرسي', en: 'School enrolment' },
    sensitive: false,
    archived: false,
  },
];

const legalStatuses: LookupValue[] = [
  {
    list: 'legalStatus',
    code: 'refugee_card',
    labels: { fr: 'Carte de réfugié', ar: 'بطاقة لاجئ', en: 'Refugee card' },
    sensitive: false,
    archived: false,
  },
];

function signedIn(current: SessionInfo, extra: FakeCore = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: current })),
    'lookups.list': ({ list }) => ok(list === 'legalStatus' ? legalStatuses : list === 'procedureType' ? procedureTypes : []),
    ...extra,
  });
}

/** The component alone, as the person page shows it. */
function renderFollowUp(beneficiaryId = 'b-awa') {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MantineProvider theme={theme} env="test">
        <MemoryRouter>
          <PersonFollowUp beneficiaryId={beneficiaryId} />
        </MemoryRouter>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

const note = (overrides: Partial<CaseNote>): CaseNote => ({
  id: 'n-1',
  beneficiaryId: 'b-awa',
  date: '2026-03-02',
  type: 'visit',
  authorId: 'u-salma',
  authorName: 'Salma Idrissi',
  text: 'Visite au foyer.',
  sensitive: false,
  hidden: false,
  createdAt: '2026-03-02T10:00:00Z',
  ...overrides,
});

describe('person follow-up', () => {
  it("shows another person's sensitive note as confidential, without its text, and adds a note", async () => {
    const core = signedIn(session({ id: 'u-salma', displayName: 'Salma Idrissi', role: 'volunteer' }), {
      'caseNotes.list': () =>
        ok([
          note({ id: 'n-old', date: '2026-01-10', text: 'Premier accueil, orientée par la paroisse.', type: 'other' }),
          note({
            id: 'n-secret',
            date: '2026-02-20',
            type: 'accompaniment',
            authorId: 'u-karim',
            authorName: 'Karim Tazi',
            text: null,
            sensitive: true,
            hidden: true,
          }),
          note({ id: 'n-mine', date: '2026-03-01', type: 'call', text: 'Appel : rendez-vous à la préfecture.', sensitive: true }),
        ]),
      'caseNotes.add': (input) => ok(note({ ...input, id: 'n-new', text: input.text })),
    });
    renderFollowUp();

    const timeline = await screen.findByRole('list');
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // Newest first.
    expect(items[0].textContent).toContain('Appel : rendez-vous à la préfecture.');
    expect(items[2].textContent).toContain('Premier accueil');

    const hidden = items[1];
    expect(within(hidden).getByText('Note confidentielle')).toBeTruthy();
    expect(within(hidden).getByText('Accompagnement')).toBeTruthy();
    expect(within(hidden).getByText('par Karim Tazi')).toBeTruthy();
    expect(hidden.querySelector('svg')).not.toBeNull();
    // My own sensitive note is readable, marked as confidential.
    expect(within(items[0]).getByText('Confidentielle')).toBeTruthy();
    expect(within(items[0]).queryByText('Note confidentielle')).toBeNull();

    const user = userEvent.setup();
    expect((screen.getByLabelText(/^Date/) as HTMLInputElement).value).toBe(todayIso().split('-').reverse().join('/'));
    await user.click(screen.getByRole('button', { name: 'Ajouter la note' }));
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('caseNotes.add')).toEqual([]);

    await user.selectOptions(screen.getByLabelText(/^Type/), 'Appel');
    await user.type(screen.getByLabelText(/^Note/), 'Elle a reçu le récépissé.');
    const sensitive = screen.getByLabelText('Confidentielle');
    expect(sensitive.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Visible seulement par vous et les présidents.')).toBeTruthy();
    await user.click(sensitive);
    await user.click(screen.getByRole('button', { name: 'Ajouter la note' }));
    await waitFor(() =>
      expect(core.calls('caseNotes.add')).toEqual([
        { beneficiaryId: 'b-awa', date: todayIso(), type: 'call', text: 'Elle a reçu le récépissé.', sensitive: true },
      ]),
    );
    expect(await screen.findByText('Note ajoutée.')).toBeTruthy();
  });

  it('requires a reason before saving an abandoned procedure, and never asks the core without one', async () => {
    const saved: Procedure = {
      id: 'p-1',
      beneficiaryId: 'b-awa',
      type: 'school_enrolment',
      status: 'abandoned',
      abandonReason: 'La famille a déménagé à Rabat.',
      startedOn: todayIso(),
      closedOn: todayIso(),
      nextStep: null,
      nextStepDue: null,
      responsibleId: 'u-salma',
      responsibleName: 'Salma Idrissi',
      lastActivityAt: '2026-03-02T10:00:00Z',
      createdAt: '2026-03-02T10:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
    };
    const core = signedIn(session({ id: 'u-salma', displayName: 'Salma Idrissi', role: 'volunteer' }), {
      'procedures.list': () => ok([]),
      'procedures.save': () => ok(saved),
    });
    renderFollowUp();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Démarches' }));
    expect(await screen.findByText('Aucune démarche pour le moment.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ajouter une démarche' }));

    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle démarche' });
    // A volunteer may not list users: the choice is nobody or themself.
    const responsible = (await within(dialog).findByLabelText('Responsable')) as HTMLSelectElement;
    expect(Array.from(responsible.options, (o) => o.text)).toEqual(['Personne', 'Salma Idrissi (vous)']);
    expect(core.asked()).not.toContain('users.list');

    await user.selectOptions(within(dialog).getByLabelText(/^Type de démarche/), 'Inscription scolaire');
    await user.selectOptions(within(dialog).getByLabelText(/^Statut/), 'Abandonnée');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    expect(await within(dialog).findByText('Indiquez pourquoi la démarche a été abandonnée.')).toBeTruthy();
    expect(core.calls('procedures.save')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Raison de l'abandon/), 'La famille a déménagé à Rabat.');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('procedures.save')).toHaveLength(1));
    expect(core.calls('procedures.save')[0]).toMatchObject({
      beneficiaryId: 'b-awa',
      type: 'school_enrolment',
      status: 'abandoned',
      abandonReason: 'La famille a déménagé à Rabat.',
      startedOn: todayIso(),
      closedOn: null,
      nextStepDue: null,
      responsibleId: 'u-salma',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('marks an overdue next step and shows a refusal of the core next to its field', async () => {
    const overdue: Procedure = {
      id: 'p-2',
      beneficiaryId: 'b-awa',
      type: 'residence_card',
      status: 'in_progress',
      abandonReason: null,
      startedOn: '2026-01-05',
      closedOn: null,
      nextStep: 'Déposer le dossier à la préfecture',
      nextStepDue: '2026-01-20',
      responsibleId: null,
      responsibleName: null,
      lastActivityAt: '2026-01-05T10:00:00Z',
      createdAt: '2026-01-05T10:00:00Z',
      updatedAt: '2026-01-05T10:00:00Z',
    };
    const core = signedIn(session(), {
      'procedures.list': () => ok([overdue]),
      'users.list': () => ok([]),
      'procedures.save': () => ({ ok: false, error: { code: 'invalid_input', fields: { startedOn: 'date_in_future' } } }),
    });
    renderFollowUp();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Démarches' }));
    const item = (await screen.findByText('Carte de séjour')).closest('li') as HTMLElement;
    expect(within(item).getByText('En cours')).toBeTruthy();
    expect(within(item).getByText('En retard')).toBeTruthy();

    await user.click(within(item).getByRole('button', { name: 'Modifier la démarche Carte de séjour' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier la démarche' });
    await user.click(await within(dialog).findByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Cette date est dans le futur.', {}, { timeout: 3000 })).toBeTruthy();
    expect(core.calls('procedures.save')[0]).toMatchObject({ id: 'p-2', nextStepDue: '2026-01-20', responsibleId: null });
  });
});

const dashboard: FollowUpDashboard = {
  today: '2026-03-10',
  staleProcedureDays: 45,
  unansweredReferralDays: 14,
  unansweredReferrals: [],
  employmentFollowUps: { comingUp: [], late: [] },
  overdueNextSteps: [
    {
      beneficiaryId: 'b-awa',
      reference: 'B-2026-00012',
      displayName: 'Awa Diallo',
      procedureId: 'p-1',
      procedureType: 'residence_card',
      nextStep: 'Déposer le dossier',
      nextStepDue: '2026-03-01',
      daysOverdue: 9,
      responsibleName: 'Salma Idrissi',
    },
  ],
  comingUpNextSteps: [
    {
      beneficiaryId: 'b-moussa',
      reference: 'B-2026-00020',
      displayName: 'Moussa Sow',
      procedureId: 'p-3',
      procedureType: 'school_enrolment',
      nextStep: 'Rendez-vous au collège',
      nextStepDue: '2026-03-15',
      daysLeft: 5,
      responsibleName: null,
    },
  ],
  staleProcedures: [
    {
      beneficiaryId: 'b-yaya',
      reference: 'B-2025-00301',
      displayName: 'Y. K.',
      procedureId: 'p-7',
      procedureType: 'school_enrolment',
      status: 'waiting_third_party',
      lastActivityAt: '2026-01-02T09:00:00Z',
      daysInactive: 67,
    },
  ],
  expiringDocuments: [
    {
      beneficiaryId: 'b-grace',
      reference: 'B-2024-00088',
      displayName: 'Grace Mbala',
      legalStatus: 'refugee_card',
      expiryDate: '2026-04-02',
      daysLeft: 23,
    },
  ],
  expiredDocuments: [
    {
      beneficiaryId: 'b-fanta',
      reference: 'B-2024-00012',
      displayName: 'Fanta Keita',
      legalStatus: 'refugee_card',
      expiryDate: '2026-02-01',
      daysAgo: 37,
    },
  ],
  notSeen: [
    {
      beneficiaryId: 'b-omar',
      reference: 'B-2025-00150',
      displayName: 'Omar Haddad',
      lastSeenOn: '2025-11-20',
      daysSince: 110,
      openProcedures: 2,
    },
  ],
};

describe('follow-up dashboard', () => {
  it('shows the four lists, each row linking to the person', async () => {
    signedIn(session(), { 'followUp.dashboard': () => ok(dashboard) });
    await renderApp('#/follow-up');
    expect(await screen.findByRole('heading', { level: 1, name: 'Suivi' })).toBeTruthy();

    const section = (name: string | RegExp) => screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;
    const overdue = await waitFor(() => section('Prochaines étapes en retard'));
    const row = within(overdue).getByRole('link', { name: 'Awa Diallo' }).closest('tr') as HTMLElement;
    expect(within(overdue).getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(await within(row).findByText('Carte de séjour')).toBeTruthy();
    expect(within(row).getByText('Déposer le dossier')).toBeTruthy();
    expect(within(row).getByText('9')).toBeTruthy();

    const stale = section('Démarches sans activité depuis 45 jours ou plus');
    expect(within(stale).getByRole('link', { name: 'Y. K.' }).getAttribute('href')).toBe('#/beneficiaries/b-yaya');
    expect(within(stale).getByText("En attente d'un tiers")).toBeTruthy();

    const expiring = section('Documents de séjour qui expirent dans les 60 jours');
    expect(within(expiring).getByRole('link', { name: 'Grace Mbala' }).getAttribute('href')).toBe('#/beneficiaries/b-grace');
    expect(await within(expiring).findByText('Carte de réfugié')).toBeTruthy();

    const notSeen = section('Personnes non vues depuis 90 jours, avec une démarche en cours');
    const omar = within(notSeen).getByRole('link', { name: 'Omar Haddad' }).closest('tr') as HTMLElement;
    expect(within(omar).getByText('110')).toBeTruthy();
    expect(within(omar).getByText('B-2025-00150')).toBeTruthy();

    const comingUp = section('À venir : prochaines étapes des 14 prochains jours');
    const moussa = within(comingUp).getByRole('link', { name: 'Moussa Sow' }).closest('tr') as HTMLElement;
    expect(within(moussa).getByText('Rendez-vous au collège')).toBeTruthy();
    expect(within(moussa).getByText('5')).toBeTruthy();

    const expired = section('Documents de séjour déjà expirés');
    const fanta = within(expired).getByRole('link', { name: 'Fanta Keita' }).closest('tr') as HTMLElement;
    expect(within(fanta).getByText('37')).toBeTruthy();
  });

  it("asks for the signed-in person's cases only with 'my cases', which the address keeps", async () => {
    const core = signedIn(session(), { 'followUp.dashboard': () => ok(dashboard) });
    await renderApp('#/follow-up?mine=1');
    const mine = await screen.findByRole('switch', { name: 'Mes dossiers (et ceux sans responsable)' });
    expect((mine as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(core.calls('followUp.dashboard')).toContainEqual({ mine: true }));

    await userEvent.setup().click(mine);
    await waitFor(() => expect(core.calls('followUp.dashboard').at(-1)).toEqual({ mine: false }));
    expect(window.location.hash).toBe('#/follow-up');
  });

  it('says so when a list is empty', async () => {
    signedIn(session(), {
      'followUp.dashboard': () =>
        ok({ ...dashboard, overdueNextSteps: [], comingUpNextSteps: [], staleProcedures: [], expiringDocuments: [], expiredDocuments: [], notSeen: [] }),
    });
    await renderApp('#/follow-up');
    expect(await screen.findByText('Aucune étape en retard.')).toBeTruthy();
    expect(screen.getByText('Toutes les démarches en cours ont avancé récemment.')).toBeTruthy();
    expect(screen.getByText("Aucun document n'expire bientôt.")).toBeTruthy();
    expect(screen.getByText('Aucune étape prévue dans les 14 prochains jours.')).toBeTruthy();
    expect(screen.getByText('Aucun document expiré.')).toBeTruthy();
    expect(screen.getByText('Aucune personne dans cette situation.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

const partner = (overrides: Partial<Partner>): Partner => ({
  id: 'pa-1',
  name: 'Entraide Nationale',
  type: 'public_service',
  city: 'Oujda',
  contact: '0536 00 00 00',
  services: 'Formation professionnelle',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  archivedAt: null,
  ...overrides,
});

describe('partner directory', () => {
  it('filters as you type, archives, and exports a CSV where formulas cannot run', async () => {
    const partners = [
      partner({}),
      partner({ id: 'pa-2', name: 'Fondation Orient-Occident', type: 'ngo', city: 'Rabat', services: 'Soutien psychosocial' }),
      partner({ id: 'pa-3', name: '=HYPERLINK("http://evil")', type: 'other', city: 'Tanger', contact: '+212 6 00', services: null }),
    ];
    const core = signedIn(session({ role: 'volunteer' }), {
      'partners.list': () => ok(partners),
      'partners.archive': ({ id }) => ok({ ...partners[0], id, archivedAt: '2026-03-10T10:00:00Z' }),
    });
    let saved: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return 'blob:partners';
    };
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    await renderApp('#/partners');
    const table = await screen.findByRole('table', { name: 'Annuaire des partenaires' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Rechercher'), 'psychosocial');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('Fondation Orient-Occident')).toBeTruthy();
    await user.clear(screen.getByLabelText('Rechercher'));
    await user.type(screen.getByLabelText('Rechercher'), 'entraide');
    expect(within(table).getByText('Entraide Nationale')).toBeTruthy();
    await user.clear(screen.getByLabelText('Rechercher'));

    await user.click(screen.getByRole('button', { name: 'Archiver Entraide Nationale' }));
    await waitFor(() => expect(core.calls('partners.archive')).toEqual([{ id: 'pa-1' }]));

    expect((screen.getByLabelText(/Séparateur point-virgule/) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Exporter (CSV)' }));
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe(`annuaire-partenaires-${todayIso()}.csv`);
    const bytes = await blobBytes(saved as Blob);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Nom;Type;Ville;Contact;Services proposés;Archivé le');
    expect(lines).toContain('Entraide Nationale;Service public;Oujda;0536 00 00 00;Formation professionnelle;');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil"")";Autre;Tanger;'+212 6 00;;`);
  });

  it('adds a partner with a translated error next to an empty name', async () => {
    const core = signedIn(session(), {
      'partners.list': () => ok([]),
      'partners.save': (input) => ok(partner({ ...input, id: 'pa-new', city: input.city ?? null })),
    });
    await renderApp('#/partners');
    expect(await screen.findByText("L'annuaire est vide. Ajoutez le premier partenaire.")).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ajouter un partenaire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau partenaire' });
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('partners.save')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Nom/), 'ANAPEC Oujda');
    await user.selectOptions(within(dialog).getByLabelText(/^Type/), 'Service public');
    await user.type(within(dialog).getByLabelText(/^Ville/), 'Oujda');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(core.calls('partners.save')).toEqual([
        { name: 'ANAPEC Oujda', type: 'public_service', city: 'Oujda', contact: '', services: '' },
      ]),
    );
  });
});
