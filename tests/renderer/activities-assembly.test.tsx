import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AssemblyQuorum } from '../../electron/contract';
import { activity } from './activities-fixtures';
import { signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

const assembly = { ...activity, type: 'general_assembly', title: 'Assemblée générale ordinaire 2026' };

const quorum: AssemblyQuorum = {
  activityId: 'a-1',
  reference: 'A-2026-00001',
  title: assembly.title,
  date: '2026-03-03',
  year: 2026,
  inGoodStanding: 12,
  quorumPercent: 50,
  required: 6,
  present: [
    { memberId: 'm-1', number: '1', name: 'Awa Diallo' },
    { memberId: 'm-7', number: '7', name: 'Karim Benali' },
  ],
  reached: false,
  minutes: [],
};

describe('the page of a general assembly', () => {
  it('shows the quorum and the members in good standing present, each linked to their page, and the assemblies page', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity: assembly, agreement: null, sessions: [], registeredCount: 2 }),
      'members.quorum': () => ok(quorum),
    });
    await renderApp('#/activities/a-1');
    const panel = await screen.findByRole('region', { name: "Quorum de l'assemblée générale" });
    expect(core.calls('members.quorum')).toEqual([{ activityId: 'a-1' }]);
    expect(within(panel).getByText('Quorum non atteint')).toBeTruthy();
    expect(within(panel).getByText('2 membre(s) à jour présent(s) pour un quorum de 6 (50 % des 12 membres à jour de leur cotisation 2026).')).toBeTruthy();
    const present = within(panel).getByRole('list', { name: 'Membres à jour présents' });
    expect(within(present).getByRole('link', { name: 'Karim Benali (n° 7)' }).getAttribute('href')).toBe('#/members/m-7');
    await userEvent.click(within(panel).getByRole('link', { name: 'Toutes les assemblées générales et leurs procès-verbaux' }));
    // The router changes the address only once the lazily loaded page has arrived.
    await waitFor(() => expect(window.location.hash).toBe('#/members/assemblies'));
  });

  it('is not shown for other activities', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'activities.get': () => ok({ activity, agreement: null, sessions: [], registeredCount: 0 }),
    });
    await renderApp('#/activities/a-1');
    await screen.findByRole('heading', { name: activity.title });
    expect(screen.queryByRole('region', { name: "Quorum de l'assemblée générale" })).toBeNull();
    expect(core.asked()).not.toContain('members.quorum');
  });
});
