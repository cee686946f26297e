import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso, type CaseEvent, type CaseLifecycle, type IntakeNeed, type Procedure } from '../../electron/contract';
import { createQueryClient } from '../../renderer/app/queryClient';
import { theme } from '../../renderer/app/theme';
import { ArchiveButton } from '../../renderer/features/beneficiaries/PersonActions';
import { PersonFollowUp } from '../../renderer/features/case-follow-up/PersonFollowUp';
import { i18n } from '../../renderer/i18n';
import { awa } from './beneficiaries-fixtures';
import { fakeCore, ok, session, status, type FakeCore } from './helpers';

vi.mock('../../renderer/transport');

afterEach(async () => {
  vi.restoreAllMocks();
  await act(() => i18n.changeLanguage('fr'));
});

function signedIn(extra: FakeCore = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: session({ id: 'u-salma', displayName: 'Salma Idrissi', role: 'volunteer' }) })),
    'lookups.list': () => ok([]),
    'caseNotes.list': () => ok([]),
    'intakeNeeds.list': () => ok([]),
    ...extra,
  });
}

function renderFollowUp() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MantineProvider theme={theme} env="test">
        <MemoryRouter>
          <PersonFollowUp beneficiaryId="b-awa" />
        </MemoryRouter>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

const event = (overrides: Partial<CaseEvent>): CaseEvent => ({
  id: 'e-1',
  kind: 'closed',
  reason: 'moved_city',
  note: null,
  date: '2026-03-02',
  recordedByName: 'Salma Idrissi',
  recordedAt: '2026-03-02T10:00:00Z',
  ...overrides,
});

const OPEN: CaseLifecycle = { status: 'open', history: [] };

describe('closing and reopening a case', () => {
  it('closes with a reason chosen from the list, the note required for "other", then shows it closed', async () => {
    const core = signedIn({
      'cases.lifecycle': () => ok(OPEN),
      'cases.close': (input) => ok({ status: 'closed', history: [event({ reason: input.reason, note: input.note ?? null })] }),
    });
    const user = userEvent.setup();
    renderFollowUp();
    expect(await screen.findByText('Suivi ouvert')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clôturer le suivi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Clôturer le suivi' });
    const reason = within(dialog).getByLabelText(/^Motif/);
    expect(within(reason).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Choisir un motif',
      'Objectifs atteints',
      'Parti·e dans une autre ville',
      'Retour au pays d’origine',
      'Orienté·e et pris·e en charge ailleurs',
      'Contact perdu',
      'Décès',
      'Autre motif',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Clôturer le suivi' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    await user.selectOptions(reason, 'Autre motif');
    await user.click(within(dialog).getByRole('button', { name: 'Clôturer le suivi' }));
    expect(await within(dialog).findByText('Précisez le motif.')).toBeTruthy();
    expect(core.calls('cases.close')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/^Précision/), 'Partie en Espagne');
    await user.click(within(dialog).getByRole('button', { name: 'Clôturer le suivi' }));
    await waitFor(() => expect(core.calls('cases.close')).toEqual([{ beneficiaryId: 'b-awa', reason: 'other', note: 'Partie en Espagne' }]));
    expect(await screen.findByText('Suivi clôturé')).toBeTruthy();
    const history = screen.getByRole('list', { name: 'Historique du suivi' });
    expect(history.textContent).toContain('Clôturé le 2 mar. 2026 par Salma Idrissi — Autre motif — Partie en Espagne');
  });

  it('offers the reasons in Arabic', async () => {
    signedIn({ 'cases.lifecycle': () => ok(OPEN) });
    await act(() => i18n.changeLanguage('ar'));
    const user = userEvent.setup();
    renderFollowUp();
    await user.click(await screen.findByRole('button', { name: 'إغلاق المتابعة' }));
    const dialog = await screen.findByRole('dialog', { name: 'إغلاق المتابعة' });
    const options = within(within(dialog).getByLabelText(/^السبب/)).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([
      'اختاروا سبباً',
      'تحققت الأهداف',
      'انتقل(ت) إلى مدينة أخرى',
      'العودة إلى البلد الأصلي',
      'توجيه وتكفّل من جهة أخرى',
      'انقطاع التواصل',
      'وفاة',
      'سبب آخر',
    ]);
  });

  it('reopens a closed case with a note, shown in the history', async () => {
    const closed: CaseLifecycle = { status: 'closed', history: [event({ reason: 'lost_contact' })] };
    const core = signedIn({
      'cases.lifecycle': () => ok(closed),
      'cases.reopen': (input) =>
        ok({ status: 'open', history: [...closed.history, event({ id: 'e-2', kind: 'reopened', reason: null, note: input.note, date: '2026-04-01' })] }),
    });
    const user = userEvent.setup();
    renderFollowUp();
    expect(await screen.findByText('Suivi clôturé')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Historique du suivi' }).textContent).toContain('Contact perdu');
    await user.click(screen.getByRole('button', { name: 'Rouvrir le suivi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rouvrir le suivi' });
    await user.click(within(dialog).getByRole('button', { name: 'Rouvrir le suivi' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('cases.reopen')).toEqual([]);
    await user.type(within(dialog).getByLabelText(/^Pourquoi rouvrir/), 'Elle est revenue à Oujda');
    await user.click(within(dialog).getByRole('button', { name: 'Rouvrir le suivi' }));
    await waitFor(() => expect(core.calls('cases.reopen')).toEqual([{ beneficiaryId: 'b-awa', note: 'Elle est revenue à Oujda' }]));
    expect(await screen.findByText('Suivi ouvert')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Historique du suivi' })).getAllByRole('listitem');
    expect(items[0].textContent).toContain('Rouvert le 1 avr. 2026 par Salma Idrissi — Elle est revenue à Oujda');
  });
});

describe('a closed case on the procedures tab', () => {
  it('shows its next step past due without calling it late, and late again once reopened', async () => {
    const late: Procedure = {
      id: 'p-1',
      beneficiaryId: 'b-awa',
      type: 'residence_card',
      status: 'in_progress',
      abandonReason: null,
      startedOn: '2026-01-05',
      closedOn: null,
      nextStep: 'Déposer le dossier',
      nextStepDue: '2026-02-01',
      responsibleId: null,
      responsibleName: null,
      lastActivityAt: '2026-01-05T10:00:00Z',
      createdAt: '2026-01-05T10:00:00Z',
      updatedAt: '2026-01-05T10:00:00Z',
    };
    signedIn({
      'cases.lifecycle': () => ok({ status: 'closed', history: [event({})] }),
      'cases.reopen': (input) => ok({ status: 'open', history: [event({}), event({ id: 'e-2', kind: 'reopened', reason: null, note: input.note })] }),
      'procedures.list': () => ok([late]),
    });
    const user = userEvent.setup();
    renderFollowUp();
    await user.click(await screen.findByRole('tab', { name: 'Démarches' }));
    await screen.findByText('Déposer le dossier');
    expect(screen.queryByText('En retard')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Rouvrir le suivi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rouvrir le suivi' });
    await user.type(within(dialog).getByLabelText(/^Pourquoi rouvrir/), 'Revenue');
    await user.click(within(dialog).getByRole('button', { name: 'Rouvrir le suivi' }));
    expect(await screen.findByText('En retard')).toBeTruthy();
  });
});

describe('intake needs', () => {
  const need = (overrides: Partial<IntakeNeed>): IntakeNeed => ({
    need: 'documents',
    sensitive: false,
    recordedByName: 'Salma Idrissi',
    recordedAt: '2026-03-02T10:00:00Z',
    metOn: null,
    metByName: null,
    ...overrides,
  });

  it('ticks the checklist, saves it, shows a refusal at the list, and marks a need met on a day', async () => {
    let stored: IntakeNeed[] = [need({ metOn: '2026-03-10', metByName: 'Karim Tazi' }), need({ need: 'health', sensitive: true })];
    let refuse = true;
    const core = signedIn({
      'cases.lifecycle': () => ok(OPEN),
      'intakeNeeds.list': () => ok(stored),
      'intakeNeeds.save': (input) => {
        if (refuse) return { ok: false, error: { code: 'invalid_input', fields: { needs: 'need_already_met' } } };
        stored = input.needs.map((code) => stored.find((n) => n.need === code) ?? need({ need: code }));
        return ok(stored);
      },
      'intakeNeeds.setMet': (input) => {
        stored = stored.map((n) => (n.need === input.need ? { ...n, metOn: input.metOn, metByName: 'Salma Idrissi' } : n));
        return ok(stored);
      },
    });
    const user = userEvent.setup();
    renderFollowUp();
    await user.click(await screen.findByRole('tab', { name: 'Besoins' }));
    const checklist = await screen.findByRole('group', { name: 'Cochez les besoins de la personne' });
    expect((within(checklist).getByRole('checkbox', { name: 'Papiers' }) as HTMLInputElement).checked).toBe(true);
    expect((within(checklist).getByRole('checkbox', { name: /Santé/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(checklist).getByText('Vue seulement par vous et la présidence.')).toBeTruthy();
    expect(screen.getByText('Satisfait le 10 mar. 2026 (Karim Tazi)')).toBeTruthy();

    await user.click(within(checklist).getByRole('checkbox', { name: 'Papiers' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les besoins' }));
    expect(await screen.findByText('Un besoin déjà satisfait ne peut pas être retiré de la liste.')).toBeTruthy();
    expect((within(checklist).getByRole('checkbox', { name: 'Papiers' }) as HTMLInputElement).checked).toBe(false);

    refuse = false;
    await user.click(within(checklist).getByRole('checkbox', { name: 'Papiers' }));
    await user.click(within(checklist).getByRole('checkbox', { name: 'Logement' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les besoins' }));
    await waitFor(() => expect(core.calls('intakeNeeds.save').at(-1)).toEqual({ beneficiaryId: 'b-awa', needs: ['documents', 'health', 'housing'] }));

    const housing = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.startsWith('Logement'));
    await user.click(within(housing!).getByRole('button', { name: 'Marquer satisfait' }));
    const dialog = await screen.findByRole('dialog', { name: 'Besoin satisfait : Logement' });
    await user.click(within(dialog).getByRole('button', { name: 'Marquer satisfait' }));
    await waitFor(() => expect(core.calls('intakeNeeds.setMet')).toEqual([{ beneficiaryId: 'b-awa', need: 'housing', metOn: todayIso() }]));
    expect(await screen.findAllByText(/^Satisfait le/)).toHaveLength(2);
  });
});

describe('archiving a person', () => {
  it('asks the reason from the same list, at its field, before archiving', async () => {
    const core = signedIn({ 'beneficiaries.archive': (input) => ok({ ...awa, archivedAt: '2026-03-02T10:00:00Z', id: input.id }) });
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MantineProvider theme={theme} env="test">
          <ArchiveButton b={awa} />
        </MantineProvider>
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Archiver' }));
    const dialog = await screen.findByRole('dialog', { name: 'Archiver la fiche' });
    await user.click(within(dialog).getByRole('button', { name: 'Archiver' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('beneficiaries.archive')).toEqual([]);
    await user.selectOptions(within(dialog).getByLabelText(/^Motif/), 'Retour au pays d’origine');
    await user.click(within(dialog).getByRole('button', { name: 'Archiver' }));
    await waitFor(() => expect(core.calls('beneficiaries.archive')).toEqual([{ id: awa.id, reason: 'returned_home', note: '' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
