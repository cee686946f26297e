import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { signedIn } from './beneficiaries-fixtures';
import { renderApp, ok, session } from './helpers';

vi.mock('../../renderer/transport');

const pair = {
  a: { id: 'b-1', reference: 'B-2026-00001', displayName: 'Khadija Benali', birthYear: 1988, reasons: ['sameBirthYear' as const, 'sameLastName' as const] },
  b: { id: 'b-2', reference: 'B-2026-00002', displayName: 'Khadija Ben Ali', birthYear: 1988, reasons: ['sameBirthYear' as const, 'sameLastName' as const] },
};

describe('merging two records each linked to a member', () => {
  it('says why the core refuses and what to do, and keeps the pair', async () => {
    const core = signedIn(session({ role: 'president' }), {
      'beneficiaries.duplicatePairs': () => ok({ pairs: [pair], total: 1 }),
      'beneficiaries.merge': () => ({ ok: false, error: { code: 'merge_both_members' } }),
    });
    await renderApp('#/beneficiaries/duplicates');
    const item = (await screen.findByText('Khadija Benali')).closest('li') as HTMLElement;
    await userEvent.click(within(item).getByRole('button', { name: 'Fusionner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner deux fiches' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Fusionner' }));
    await waitFor(() => expect(core.calls('beneficiaries.merge')).toHaveLength(1));
    expect(await within(dialog).findByText(/Les deux fiches sont chacune liées à un membre de l'association/)).toBeTruthy();
    expect(screen.queryByText('Les deux fiches ont été fusionnées.')).toBeNull();
  });
});
