import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OurCard, Partner, PartnerCard, Result, SessionInfo } from '../../electron/contract';
import { fakeCore, ok, renderApp, session, status, type FakeCore } from './helpers';

import { blobText } from './saved-files';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

const FINGERPRINT = '12345 67890 13579 24680 11223 34455';

const ourCard: OurCard = {
  text: '{"format":"tadamon-card","version":1}',
  fingerprint: '54321 09876 97531 08642 32211 55443',
  fileName: 'association-amal.tadamon-card',
};

const partner: Partner = {
  id: 'pa-1',
  name: 'Entraide Nationale',
  type: 'public_service',
  city: 'Oujda',
  contact: null,
  services: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  archivedAt: null,
};

const theirCard = (overrides: Partial<PartnerCard> = {}): PartnerCard => ({
  partnerId: 'pa-1',
  fingerprint: FINGERPRINT,
  associationName: 'Association Entraide Oujda',
  city: 'Oujda',
  createdAt: '2026-02-01T09:00:00Z',
  checkedAt: null,
  checkedByName: null,
  ...overrides,
});

function signedIn(current: SessionInfo, extra: FakeCore = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: current, locale: current.user.locale })),
    'partners.list': () => ok([partner]),
    ...extra,
  });
}

/** The fingerprint's own element, with the direction it is laid out in. */
const fingerprintShown = (text: string) => screen.getByText(text).closest('[dir]')?.getAttribute('dir');

async function openPartnerCard(name: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name }));
  return { user, dialog: await screen.findByRole('dialog', { name }) };
}

describe('our card', () => {
  it('shows its fingerprint to read over the phone and saves the card file', async () => {
    signedIn(session({ role: 'volunteer' }), { 'identity.card': () => ok(ourCard) });
    let saved: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return 'blob:card';
    };
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    await renderApp('#/settings/card');
    expect(await screen.findByText(ourCard.fingerprint)).toBeTruthy();
    expect(screen.getByText(/Lisez ces chiffres à votre partenaire au téléphone/)).toBeTruthy();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer le fichier de la carte' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('association-amal.tadamon-card');
    expect(await blobText(saved as Blob)).toBe(ourCard.text);
  });
});

describe("a partner's card", () => {
  it('is added from its file, shown for checking, and recorded as checked by phone', async () => {
    let held: PartnerCard | null = null;
    const core = signedIn(session(), {
      'partners.card': () => ok(held),
      'partners.importCard': () => ok((held = theirCard())),
      'partners.confirmCard': () =>
        ok((held = theirCard({ checkedAt: '2026-03-12T10:30:00Z', checkedByName: 'Nadia Bennani' }))),
    });
    await renderApp('#/partners');
    const { user, dialog } = await openPartnerCard('Carte de Entraide Nationale');
    expect(await within(dialog).findByText(/Aucune carte enregistrée pour ce partenaire/)).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();

    const cardText = '{"format":"tadamon-card"}';
    await user.upload(within(dialog).getByLabelText('Ajouter sa carte'), new File([cardText], 'entraide.tadamon-card'));
    expect(await within(dialog).findByText(FINGERPRINT)).toBeTruthy();
    expect(core.calls('partners.importCard')).toEqual([{ partnerId: 'pa-1', cardText }]);
    expect(within(dialog).getByText('Association Entraide Oujda')).toBeTruthy();
    expect(within(dialog).getByText('Pas encore vérifiée par téléphone')).toBeTruthy();
    expect(within(dialog).getByLabelText('Remplacer sa carte')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: "J'ai vérifié ces chiffres avec eux par téléphone" }));
    expect(await within(dialog).findByText('Vérifiée par téléphone le 12 mar. 2026 par Nadia Bennani')).toBeTruthy();
    expect(core.calls('partners.confirmCard')).toEqual([{ partnerId: 'pa-1', fingerprint: FINGERPRINT }]);
    expect(within(dialog).queryByRole('button', { name: /J'ai vérifié/ })).toBeNull();
  });

  it('refuses a tampered card at the file field, with its message', async () => {
    const tampered: Result<never> = { ok: false, error: { code: 'card_tampered', fields: { cardText: 'card_tampered' } } };
    const core = signedIn(session(), {
      'partners.card': () => ok(null),
      'partners.importCard': () => tampered,
    });
    await renderApp('#/partners');
    const { user, dialog } = await openPartnerCard('Carte de Entraide Nationale');
    const field = await within(dialog).findByLabelText('Ajouter sa carte');
    await user.upload(field, new File(['{"format":"tadamon-card","altered":true}'], 'entraide.tadamon-card'));

    const message = "Cette carte a été modifiée après sa création : elle n'est pas acceptée. Demandez au partenaire de vous la renvoyer.";
    expect(await within(dialog).findByText(message)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(within(dialog).getByText(message).id);
    expect(core.calls('partners.importCard')).toHaveLength(1);
    expect(within(dialog).queryByText(/Empreinte/)).toBeNull();
  });

  it('keeps the fingerprint left to right in Arabic, with the check dated in Arabic', async () => {
    const checkedAt = '2026-03-12T10:30:00Z';
    signedIn(session({ locale: 'ar', displayName: 'نادية بناني' }), {
      'partners.card': () => ok(theirCard({ checkedAt, checkedByName: 'نادية بناني' })),
    });
    await renderApp('#/partners');
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    const { dialog } = await openPartnerCard('بطاقة Entraide Nationale');

    expect(await within(dialog).findByText(FINGERPRINT)).toBeTruthy();
    expect(fingerprintShown(FINGERPRINT)).toBe('ltr');
    const date = new Intl.DateTimeFormat('ar-MA', { dateStyle: 'medium' }).format(new Date(checkedAt));
    expect(within(dialog).getByText(`تم التحقق منها بالهاتف يوم ${date} من طرف نادية بناني`)).toBeTruthy();
  });
});
