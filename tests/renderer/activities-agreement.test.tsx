import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityAgreement, LookupValue } from '../../electron/contract';
import { activity, sheet } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const lookups: LookupValue[] = [
  { list: 'activityType', code: 'training_module', labels: { fr: 'Module de formation', ar: 'وحدة تكوينية', en: 'Training module' }, sensitive: false, archived: false },
  { list: 'theme', code: 'radicalisation_prevention', labels: { fr: 'Prévention de la radicalisation', ar: 'الوقاية من التطرف', en: 'Radicalisation prevention' }, sensitive: false, archived: false },
];

const agreement: ActivityAgreement = { id: 'ag-1', reference: 'ENABEL-MOR-2025-014', title: 'Inclusion socio-économique', funderId: 'f-1', funderName: 'Enabel' };

describe('an activity and its funding agreement', () => {
  it('chooses among the agreements a volunteer may see, and saves the link with the activity', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
      'grants.agreements.choices': () =>
        ok([
          { id: 'ag-1', reference: 'ENABEL-MOR-2025-014', title: 'Inclusion socio-économique' },
          { id: 'ag-2', reference: 'UE-2026-001', title: 'Jeunesse et citoyenneté' },
        ]),
      'activities.save': (input) => ok({ ...activity, ...input, id: 'a-1' } as typeof activity),
    });
    await renderApp('#/activities/a-1/edit');
    await screen.findByRole('heading', { name: "Modifier l'activité A-2026-00001" });
    expect(core.asked()).not.toContain('grants.agreements.list');
    await userEvent.click(screen.getByRole('combobox', { name: 'Convention de financement' }));
    await userEvent.click(await screen.findByRole('option', { name: 'UE-2026-001 — Jeunesse et citoyenneté' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Projet (sans convention de financement)' }), 'Volet quartier');
    await userEvent.click(screen.getByRole('button', { name: "Enregistrer l'activité" }));
    await waitFor(() => expect(core.calls('activities.save')).toHaveLength(1));
    expect(core.calls('activities.save')[0]).toMatchObject({ id: 'a-1', agreementId: 'ag-2', project: 'Volet quartier' });
  });

  it('keeps a closed agreement already linked selected, and shows the core refusing a closed one at the field', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'lookups.list': () => ok(lookups),
      'activities.get': () => ok({ activity: { ...activity, agreementId: 'ag-1' }, agreement, sessions: [], registeredCount: 0 }),
      'grants.agreements.choices': () => ok([]),
      'activities.save': () => ({ ok: false, error: { code: 'invalid_input', fields: { agreementId: 'archived' } } }),
    });
    await renderApp('#/activities/a-1/edit');
    await screen.findByRole('heading', { name: "Modifier l'activité A-2026-00001" });
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Convention de financement' }) as HTMLInputElement).value).toBe('ENABEL-MOR-2025-014 — Inclusion socio-économique'),
    );
    await userEvent.click(screen.getByRole('button', { name: "Enregistrer l'activité" }));
    expect(await screen.findByText('Cette convention est close : elle ne prend plus de nouvelle activité.')).toBeTruthy();
    expect(core.calls('activities.save')[0]).toMatchObject({ agreementId: 'ag-1' });
  });

  it('names the agreement and its funder on the activity page and on the printed sheet', async () => {
    signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity: { ...activity, agreementId: 'ag-1' }, agreement, sessions: [], registeredCount: 0 }),
      'attendance.get': () => ok({ ...sheet, agreement }),
    });
    await renderApp('#/activities/a-1');
    expect(await screen.findByText('Convention ENABEL-MOR-2025-014 — Inclusion socio-économique (Enabel)')).toBeTruthy();

    window.location.hash = '#/activities/a-1/sessions/s-1/sheet';
    await screen.findByRole('heading', { name: 'Feuille de présence à imprimer' });
    const preview = document.querySelector('.attendance-sheet--preview') as HTMLElement;
    expect(within(preview).getByLabelText('Bailleurs de fonds').textContent).toBe('Enabel');
    expect(within(preview).getByText('ENABEL-MOR-2025-014 — Inclusion socio-économique')).toBeTruthy();
  });
});
