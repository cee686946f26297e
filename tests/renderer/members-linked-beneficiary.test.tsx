import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { awa, signedIn } from './beneficiaries-fixtures';
import { ok, renderApp, session } from './helpers';

vi.mock('../../renderer/transport');

describe("a beneficiary's page", () => {
  it('says when the person is also a member and links to the member page', async () => {
    const core = signedIn(session({ role: 'volunteer' }), {
      'beneficiaries.get': () => ok(awa),
      'members.byBeneficiary': () => ok({ id: 'm-7', number: '7', firstName: 'Awa', lastName: 'Diallo', status: 'active', archivedAt: null }),
      'members.get': () => ({ ok: false, error: { code: 'not_found' } }),
    });
    await renderApp(`#/beneficiaries/${awa.id}`);
    const link = await screen.findByRole('link', { name: 'Awa Diallo (n° 7)' });
    expect(screen.getByText('Aussi membre de l’association :')).toBeTruthy();
    expect(core.calls('members.byBeneficiary')).toEqual([{ beneficiaryId: awa.id }]);
    await userEvent.click(link);
    // The members area loads on first visit: the address changes once its page is there.
    await waitFor(() => expect(window.location.hash).toBe('#/members/m-7'));
  });

  it('says nothing of membership for a person who is not a member', async () => {
    signedIn(session({ role: 'volunteer' }), { 'beneficiaries.get': () => ok(awa), 'members.byBeneficiary': () => ok(null) });
    await renderApp(`#/beneficiaries/${awa.id}`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText('Aussi membre de l’association :')).toBeNull();
  });
});
