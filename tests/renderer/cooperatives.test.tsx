import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { todayIso, type CooperativeDetail, type CooperativeStep, type Pipeline, type PipelineCard } from '../../electron/contract';
import { signedIn } from './beneficiaries-fixtures';
import { chooseExport, ok, renderApp, session } from './helpers';
import { aMemberRow } from './members-fixtures';

vi.mock('../../renderer/transport');

const labels = (fr: string) => ({ fr, ar: fr, en: fr });

const step = (position: number, code: string, fr: string, more: Partial<CooperativeStep> = {}): CooperativeStep => ({
  id: `s-${position}`,
  cooperativeId: 'c-1',
  position,
  code,
  labels: labels(fr),
  mandatory: true,
  status: 'not_started',
  blockedReason: null,
  startedOn: null,
  doneOn: null,
  responsible: null,
  notes: null,
  updatedAt: '2026-05-01T10:00:00.000Z',
  documents: [],
  ...more,
});

const detail: CooperativeDetail = {
  cooperative: {
    id: 'c-1',
    reference: 'C-2026-00001',
    proposedNames: ['Coopérative Nour', 'Coopérative Amal'],
    sector: 'sewing',
    activity: 'Couture',
    city: 'Oujda',
    coach: 'Meryem',
    shareValue: 20_000,
    currency: 'MAD',
    notes: null,
    grantRecipientId: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    lastChangeAt: '2026-05-01T10:00:00.000Z',
    archivedAt: null,
  },
  founders: [],
  steps: [step(1, 'name_approval', 'Certificat négatif'), step(2, 'statutes', 'Statuts signés')],
  capitalSubscribed: 0,
  capitalPaid: 0,
  minFounders: 5,
  minCapital: 100_000,
  currentStep: 'name_approval',
  createdOn: null,
  visits: [
    { month: 6, dueOn: null, visit: null },
    { month: 12, dueOn: null, visit: null },
  ],
  trainings: [],
};

const card = (id: string, name: string, more: Partial<PipelineCard> = {}): PipelineCard => ({
  id,
  reference: `C-2026-0000${id}`,
  name,
  sector: 'sewing',
  city: 'Oujda',
  founders: 5,
  currentStep: { code: 'name_approval', labels: labels('Certificat négatif'), status: 'in_progress' },
  lastChangeAt: '2026-05-01T10:00:00.000Z',
  stale: false,
  ...more,
});

describe('pipeline board', () => {
  it('shows each project in the column of its current step and highlights a stale one', async () => {
    const pipeline: Pipeline = {
      columns: [
        { code: 'name_approval', labels: labels('Certificat négatif'), cards: [card('1', 'Coopérative Nour', { stale: true })] },
        { code: 'statutes', labels: labels('Statuts signés'), cards: [card('2', 'Coopérative Badr')] },
      ],
      created: [card('3', 'Coopérative Amal', { currentStep: null })],
    };
    signedIn(session({ role: 'volunteer' }), { 'cooperatives.pipeline': () => ok(pipeline) });
    await renderApp('#/cooperatives');
    const first = await screen.findByRole('region', { name: 'Certificat négatif' });
    expect(within(first).getByRole('listitem', { name: 'Coopérative Nour' })).toBeTruthy();
    expect(within(first).getByText(/^Sans changement depuis le/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Statuts signés' })).queryByText(/^Sans changement/)).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Coopérative créée' })).getByRole('listitem', { name: 'Coopérative Amal' })).toBeTruthy();
  });

  it('exports the archived projects too once the switch shows them', async () => {
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const core = signedIn(session({ role: 'volunteer' }), {
      'cooperatives.pipeline': () => ok({ columns: [], created: [] }),
      'cooperatives.list': () => ok([card('9', 'Coopérative Argan')]),
      'exports.list': () => ok({ fileName: 'cooperatives.csv', mimeType: 'text/csv', contentBase64: btoa('x'), rows: 1 }),
      'jobs.progress': () => ok(null),
    });
    await renderApp('#/cooperatives');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('switch', { name: 'Projets archivés' }));
    await screen.findByRole('listitem', { name: 'Coopérative Argan' });
    await chooseExport(user, 'CSV (points-virgules, Excel en français)');
    await waitFor(() => expect(click).toHaveBeenCalled());
    click.mockRestore();
    expect(core.calls('exports.list')).toMatchObject([{ target: { list: 'cooperatives', filters: { archived: true } } }]);
  });
});

describe('creation steps', () => {
  it('keeps a French note whole on an Arabic screen (its full stop at its end)', async () => {
    signedIn(session({ role: 'volunteer', locale: 'ar' }), {
      'cooperatives.get': () => ok({ ...detail, steps: [step(1, 'name_approval', 'Certificat négatif', { notes: 'Dossier déposé au tribunal.' })] }),
    });
    await renderApp('#/cooperatives/c-1');
    expect((await screen.findByText('Dossier déposé au tribunal.')).getAttribute('dir')).toBe('auto');
  });

  it('marks a step done today and shows the core refusal of a step done too early', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'cooperatives.get': () => ok(detail),
      'cooperatives.saveStep': (input) =>
        input.id === 's-2'
          ? { ok: false, error: { code: 'previous_step_not_done', fields: { status: 'previous_step_not_done' } } }
          : ok({ ...detail.steps[0], status: 'done', doneOn: todayIso() }),
    });
    await renderApp('#/cooperatives/c-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Marquer faite : Statuts signés' }));
    expect(await screen.findByText('Une étape obligatoire précédente n’est pas encore faite.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Marquer faite : Certificat négatif' }));
    await waitFor(() => expect(core.calls('cooperatives.saveStep')).toHaveLength(2));
    expect(core.calls('cooperatives.saveStep')[1]).toMatchObject({ id: 's-1', status: 'done', doneOn: todayIso(), startedOn: todayIso() });
  });

  it('asks why a step is blocked before saving it', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'cooperatives.get': () => ok(detail),
      'cooperatives.saveStep': () => ok({ ...detail.steps[0], status: 'blocked', blockedReason: 'Nom refusé' }),
    });
    await renderApp('#/cooperatives/c-1');
    await userEvent.click((await screen.findAllByRole('button', { name: 'Détails' }))[0]);
    const dialog = await screen.findByRole('dialog', { name: 'Certificat négatif' });
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Statut' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Bloquée' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Indiquez la raison du blocage.')).toBeTruthy();
    expect(core.calls('cooperatives.saveStep')).toHaveLength(0);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Raison du blocage/ }), 'Nom refusé');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('cooperatives.saveStep')).toHaveLength(1));
    expect(core.calls('cooperatives.saveStep')[0]).toMatchObject({ id: 's-1', status: 'blocked', blockedReason: 'Nom refusé' });
  });
});

describe('founders', () => {
  it('adds a member as founder with their shares and passes on the residence warning', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'cooperatives.get': () => ok(detail),
      'members.list': () =>
        ok({
          total: 1,
          year: 2026,
          rows: [
            aMemberRow({
              firstName: 'Rachid',
              lastName: 'Alaoui',
              arabicName: null,
              sex: 'male',
              phones: [],
              joinDate: '2025-01-01',
              createdAt: '2025-01-01T00:00:00.000Z',
              updatedAt: '2025-01-01T00:00:00.000Z',
            }),
          ],
        }),
      'cooperatives.saveFounder': (input) =>
        ok({
          founder: {
            id: 'f-1',
            cooperativeId: 'c-1',
            beneficiaryId: null,
            memberId: input.memberId ?? null,
            reference: '12',
            name: 'Rachid Alaoui',
            arabicName: null,
            sex: 'male' as const,
            nationality: null,
            sharesSubscribed: input.sharesSubscribed,
            sharesPaid: input.sharesPaid,
            residenceDocument: null,
            residenceExpiry: null,
            residenceWarning: true,
            addedAt: '2026-05-01T10:00:00.000Z',
          },
          residenceWarning: true,
        }),
    });
    await renderApp('#/cooperatives/c-1');
    await userEvent.click(await screen.findByRole('tab', { name: 'Fondateurs (0)' }));
    await userEvent.click(screen.getByText('Parmi les membres'));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Rechercher un membre' }), 'Rachid');
    await userEvent.click(await screen.findByRole('button', { name: 'Choisir' }));
    const subscribed = screen.getByRole('textbox', { name: 'Parts souscrites' });
    await userEvent.clear(subscribed);
    await userEvent.type(subscribed, '3');
    const paid = screen.getByRole('textbox', { name: 'Parts libérées' });
    await userEvent.clear(paid);
    await userEvent.type(paid, '4');
    expect(await screen.findByText('Les parts libérées dépassent les parts souscrites.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Ajouter' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.clear(paid);
    await userEvent.type(paid, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    await waitFor(() => expect(core.calls('cooperatives.saveFounder')).toEqual([{ cooperativeId: 'c-1', memberId: 'm-1', sharesSubscribed: 3, sharesPaid: 2 }]));
    expect(await screen.findByText(/le titre de séjour de cette personne expire dans moins de 60 jours/)).toBeTruthy();
  });

  it('says when a founder’s nationality is unknown (a member without beneficiary record), so their residence cannot be checked', async () => {
    const founder = (id: string, name: string, more: Partial<CooperativeDetail['founders'][number]>): CooperativeDetail['founders'][number] => ({
      id,
      cooperativeId: 'c-1',
      beneficiaryId: null,
      memberId: null,
      reference: id,
      name,
      arabicName: null,
      sex: 'female',
      nationality: null,
      sharesSubscribed: 1,
      sharesPaid: 1,
      residenceDocument: null,
      residenceExpiry: null,
      residenceWarning: false,
      addedAt: '2026-05-01T10:00:00.000Z',
      ...more,
    });
    signedIn(session({ role: 'volunteer' }), {
      'cooperatives.get': () =>
        ok({
          ...detail,
          founders: [founder('12', 'Rachid Alaoui', { memberId: 'm-1' }), founder('B-2026-00003', 'Awa Diallo', { beneficiaryId: 'b-3', nationality: 'SN', residenceDocument: 'residence_card' })],
        }),
    });
    await renderApp('#/cooperatives/c-1');
    await userEvent.click(await screen.findByRole('tab', { name: 'Fondateurs (2)' }));
    const rows = within(await screen.findByRole('table', { name: /Fondateurs/ })).getAllByRole('row');
    const rachid = rows.find((r) => r.textContent?.includes('Rachid Alaoui'))!;
    const awa = rows.find((r) => r.textContent?.includes('Awa Diallo'))!;
    expect(within(rachid).getByText('Nationalité inconnue').closest('[title]')?.getAttribute('title')).toMatch(/reliez-la pour que le titre de séjour/);
    expect(within(awa).queryByText('Nationalité inconnue')).toBeNull();
    expect(within(awa).getByText('Sénégal')).toBeTruthy();
  });
});

describe('a step done by mistake', () => {
  it('goes back to in progress only with a reason, asked in a dialog', async () => {
    const done = { ...detail, steps: [step(1, 'name_approval', 'Certificat négatif', { status: 'done', doneOn: '2026-05-01' }), detail.steps[1]] };
    const core = signedIn(session({ role: 'volunteer' }), {
      'cooperatives.get': () => ok(done),
      'cooperatives.undoStep': () => ok({ ...done.steps[0], status: 'in_progress', doneOn: null }),
    });
    await renderApp('#/cooperatives/c-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Annuler « fait »' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remettre en cours : Certificat négatif' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('cooperatives.undoStep')).toHaveLength(0);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Motif/ }), 'Certificat refusé par l’OMPIC');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(core.calls('cooperatives.undoStep')).toEqual([{ id: 's-1', reason: 'Certificat refusé par l’OMPIC' }]));
  });
});
