import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BeneficiaryInput, IncomingReferral, PartnerCard, Referral, SessionInfo } from '../../electron/contract';
import { createQueryClient } from '../../renderer/app/queryClient';
import { theme } from '../../renderer/app/theme';
import { PersonFollowUp } from '../../renderer/features/case-follow-up/PersonFollowUp';
import { awa } from './beneficiaries-fixtures';
import { fakeCore, ok, renderApp, session, status, type FakeCore } from './helpers';

import { blobText, catchSaves } from './saved-files';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

function signedIn(current: SessionInfo = session({ role: 'volunteer' }), extra: FakeCore = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: current })),
    'lookups.list': () => ok([]),
    'caseNotes.list': () => ok([]),
    ...extra,
  });
}

const referral = (overrides: Partial<Referral> = {}): Referral => ({
  id: 'r-1',
  beneficiaryId: 'b-awa',
  partnerId: 'pa-1',
  partnerName: 'Caritas Rabat',
  sentOn: '2026-04-15',
  reason: 'Soins pour l’enfant.',
  status: 'sent',
  feedbackOn: null,
  notes: 'Parle peu français.',
  file: null,
  createdAt: '2026-04-15T09:00:00Z',
  updatedAt: '2026-04-15T09:00:00Z',
  ...overrides,
});

const card: PartnerCard = {
  partnerId: 'pa-1',
  fingerprint: '12345 67890 13579 24680 11223 34455',
  associationName: 'Caritas Rabat',
  city: 'Rabat',
  createdAt: '2026-02-01T09:00:00Z',
  checkedAt: '2026-02-02T09:00:00Z',
  checkedByName: 'Salma Idrissi',
};

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

async function openSendDialog() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: 'Orientations' }));
  await user.click(await screen.findByRole('button', { name: "Envoyer en fichier l'orientation vers Caritas Rabat" }));
  return { user, dialog: await screen.findByRole('dialog', { name: "Envoyer l'orientation à Caritas Rabat en fichier" }) };
}

describe('sending a referral as a file', () => {
  it('sends the ticked facts, notes left out by default, saves the file and shows when it went', async () => {
    const saved = catchSaves();
    const withSharing = { ...awa, consent: { date: '2026-01-10', givenBy: 'person' as const, scopes: ['service' as const, 'sharing' as const] } };
    const core = signedIn(undefined, {
      'referrals.list': () => ok([referral()]),
      'partners.card': () => ok(card),
      'beneficiaries.get': () => ok(withSharing),
      'referrals.sendFile': ({ facts }) =>
        ok({
          text: 'sealed',
          fileName: 'orientation-caritas.tadamon-referral',
          referral: referral({ file: { sentAt: '2026-04-16T10:00:00Z', facts: facts ?? [], answerReason: null } }),
        }),
    });
    renderFollowUp();
    const { user, dialog } = await openSendDialog();

    const notes = within(dialog).getByRole('checkbox', { name: 'Remarques' }) as HTMLInputElement;
    expect(notes.checked).toBe(false);
    expect((within(dialog).getByRole('checkbox', { name: /Identité/ }) as HTMLInputElement).disabled).toBe(false);
    await user.click(within(dialog).getByRole('checkbox', { name: /Coordonnées/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(core.calls('referrals.sendFile')).toEqual([
      { referralId: 'r-1', facts: ['identity', 'birthYear', 'nationality', 'legalStatus', 'needs', 'reason'] },
    ]);
    expect(saved[0].name).toBe('orientation-caritas.tadamon-referral');
    expect(await blobText(saved[0].blob)).toBe('sealed');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText(/^Envoyée en fichier le 16 avr\. 2026 \(Identité .* et Motif de l.orientation\)$/)).toBeTruthy();
  });

  it('keeps identity and contact out without consent to sharing, and says why', async () => {
    catchSaves();
    signedIn(undefined, {
      'referrals.list': () => ok([referral()]),
      'partners.card': () => ok(card),
      'beneficiaries.get': () => ok(awa),
    });
    renderFollowUp();
    const { dialog } = await openSendDialog();
    for (const name of [/Identité/, /Coordonnées/]) {
      const box = within(dialog).getByRole('checkbox', { name }) as HTMLInputElement;
      expect(box.disabled).toBe(true);
      expect(box.checked).toBe(false);
    }
    expect(within(dialog).getByText(/cette personne n'a pas consenti au partage/)).toBeTruthy();
  });

  it("closes the personal facts when the core refuses them for want of consent, shown at the facts", async () => {
    catchSaves();
    const withSharing = { ...awa, consent: { date: '2026-01-10', givenBy: 'person' as const, scopes: ['sharing' as const] } };
    const core = signedIn(undefined, {
      'referrals.list': () => ok([referral()]),
      'partners.card': () => ok(card),
      'beneficiaries.get': () => ok(withSharing),
      'referrals.sendFile': () => ({ ok: false, error: { code: 'consent_sharing_required', fields: { facts: 'consent_sharing_required' } } }),
    });
    renderFollowUp();
    const { user, dialog } = await openSendDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }));

    expect(await within(dialog).findByText(/Cette personne n'a pas consenti au partage de ses données/)).toBeTruthy();
    expect((within(dialog).getByRole('checkbox', { name: /Identité/ }) as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByRole('checkbox', { name: /Identité/ }) as HTMLInputElement).checked).toBe(false);
    expect(core.calls('referrals.sendFile')).toHaveLength(1);
  });

  it('shows which needs go: health and violence stay here without the consent to sharing, and are not sent', async () => {
    catchSaves();
    const need = (code: string, fr: string, sensitive: boolean) => ({ list: 'vulnerability' as const, code, labels: { fr, ar: fr, en: fr }, sensitive, archived: false });
    const vulnerabilities = [need('single_mother', 'Mère célibataire', false), need('chronic_illness', 'Maladie chronique', true)];
    const sharing = { date: '2026-01-10', givenBy: 'person' as const, scopes: ['service' as const, 'sharing' as const] };
    const open = async (person: typeof awa) => {
      const core = signedIn(session(), {
        'lookups.list': ({ list }) => ok(list === 'vulnerability' ? vulnerabilities : []),
        'referrals.list': () => ok([referral()]),
        'partners.card': () => ok(card),
        'beneficiaries.get': () => ok(person),
      });
      renderFollowUp();
      return { core, ...(await openSendDialog()) };
    };

    const { dialog, core, user } = await open(awa);
    const needs = within(dialog).getByRole('checkbox', { name: 'Besoins' });
    const said = () => document.getElementById(needs.getAttribute('aria-describedby') ?? '')?.textContent;
    await waitFor(() => expect(said()).toBe('Partent : Mère célibataireRestent ici (santé et violences, seulement avec le consentement au partage) : Maladie chronique'));
    expect(within(dialog).queryByText(/Partent : .*Maladie chronique/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(core.calls('referrals.sendFile')).toEqual([]);
    cleanup();

    const withSharing = await open({ ...awa, consent: sharing });
    const box = within(withSharing.dialog).getByRole('checkbox', { name: 'Besoins' });
    await waitFor(() =>
      expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Partent : Mère célibataire · Maladie chronique'),
    );
  });

  it("warns when the partner's card was not checked by phone, and still lets the file go", async () => {
    catchSaves();
    signedIn(undefined, {
      'referrals.list': () => ok([referral()]),
      'partners.card': () => ok({ ...card, checkedAt: null, checkedByName: null }),
      'beneficiaries.get': () => ok(awa),
    });
    renderFollowUp();
    const { dialog } = await openSendDialog();
    expect(within(dialog).getByText(/La carte de Caritas Rabat n'a pas encore été vérifiée par téléphone/)).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Annuaire des partenaires' }).getAttribute('href')).toBe('/partners');
    expect((within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when the partner has no card and leads to the directory', async () => {
    signedIn(undefined, {
      'referrals.list': () => ok([referral()]),
      'partners.card': () => ok(null),
      'beneficiaries.get': () => ok(awa),
    });
    renderFollowUp();
    const { dialog } = await openSendDialog();
    expect(await within(dialog).findByText(/Ce partenaire n'a pas encore de carte/)).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Annuaire des partenaires' }).getAttribute('href')).toBe('/partners');
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
  });
});

const incoming = (overrides: Partial<IncomingReferral> = {}): IncomingReferral => ({
  id: 'in-1',
  partnerId: 'pa-1',
  partnerName: 'Caritas Rabat',
  remoteReferralId: 'r-remote',
  sentOn: '2026-04-20',
  receivedAt: '2026-04-21T09:00:00Z',
  person: { initials: 'AD', sex: 'female', category: 'refugee' },
  facts: {
    identity: { firstName: 'Awa', lastName: 'Diallo' },
    birthYear: { year: 1994, estimated: false },
    nationality: 'SN',
    reason: 'Soins pour l’enfant.',
  },
  consent: { date: '2026-01-10', givenBy: 'person', scopes: ['sharing'] },
  status: 'received',
  answerReason: null,
  answeredOn: null,
  beneficiaryId: null,
  ...overrides,
});

const draft: BeneficiaryInput = {
  sex: awa.sex,
  birthYear: awa.birthYear,
  birthYearEstimated: false,
  nationality: 'SN',
  category: 'refugee',
  consent: { date: '2026-01-10', givenBy: 'person', scopes: ['service', 'sharing'] },
  personal: awa.personal,
};

const referralFile = (text = 'sealed referral') => new File([text], 'orientation.tadamon-referral');

describe('referrals received as files', () => {
  it('opens a file, shows the facts received and links it to the likely duplicate', async () => {
    const core = signedIn(undefined, {
      'referrals.incoming.list': () => ok([]),
      'referrals.receiveFile': () =>
        ok({
          incoming: incoming(),
          duplicates: [{ id: 'b-awa', reference: 'B-2026-00042', displayName: 'Awa Diallo', birthYear: 1994, reasons: ['sameLastName'] }],
          draft,
        }),
      'referrals.incoming.link': (input) => ok(incoming({ beneficiaryId: 'beneficiaryId' in input ? input.beneficiaryId : 'b-new' })),
    });
    await renderApp('#/follow-up/received');
    const user = userEvent.setup();
    expect(await screen.findByText('Aucune orientation reçue pour le moment.')).toBeTruthy();
    await user.upload(screen.getByLabelText('Ouvrir un fichier reçu'), referralFile());

    const panel = await screen.findByRole('region', { name: /^Orientation de Caritas Rabat du 20 avr\. 2026$/ });
    expect(core.calls('referrals.receiveFile')).toEqual([{ fileText: 'sealed referral' }]);
    expect(within(panel).getByText('Sénégal')).toBeTruthy();
    expect(within(panel).getByText('Soins pour l’enfant.')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(within(panel).getByRole('button', { name: 'Créer une nouvelle fiche' })).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: "C'est Awa Diallo" }));
    expect(await within(panel).findByText(/Orientation reliée à la fiche de la personne/)).toBeTruthy();
    expect(core.calls('referrals.incoming.link')).toEqual([{ id: 'in-1', beneficiaryId: 'b-awa' }]);
    expect(within(panel).getByRole('link', { name: 'Ouvrir la fiche' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
  });

  it('creates a new record from the draft when nobody matches', async () => {
    const core = signedIn(undefined, {
      'referrals.incoming.list': () => ok([]),
      'referrals.receiveFile': () => ok({ incoming: incoming(), duplicates: [], draft }),
      'referrals.incoming.link': () => ok(incoming({ beneficiaryId: 'b-new' })),
    });
    await renderApp('#/follow-up/received');
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Ouvrir un fichier reçu'), referralFile());
    await user.click(await screen.findByRole('button', { name: 'Créer une nouvelle fiche' }));
    expect((await screen.findByRole('link', { name: 'Ouvrir la fiche' })).getAttribute('href')).toBe('#/beneficiaries/b-new');
    expect(core.calls('referrals.incoming.link')).toEqual([{ id: 'in-1', create: draft }]);
  });

  it("refuses a file from an unknown sender with its claimed fingerprint and the way to add its card", async () => {
    signedIn(undefined, {
      'referrals.incoming.list': () => ok([]),
      'referrals.receiveFile': () => ({
        ok: false,
        error: {
          code: 'exchange_unknown_sender',
          fields: { fileText: 'exchange_unknown_sender', senderFingerprint: '12345 67890 13579 24680 11223 34455' },
        },
      }),
    });
    await renderApp('#/follow-up/received');
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Ouvrir un fichier reçu');
    await user.upload(input, referralFile());

    expect(await screen.findByText(/vient d'une association dont vous n'avez pas la carte/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Empreinte indiquée par le fichier').textContent).toBe('12345 67890 13579 24680 11223 34455');
    expect(screen.getByRole('link', { name: "Ajouter la carte de ce partenaire dans l'annuaire" }).getAttribute('href')).toBe('#/partners');
  });

  it('lists the referrals received with their status, reached from the referrals list', async () => {
    signedIn(undefined, {
      'referrals.incoming.list': () =>
        ok([
          incoming({ beneficiaryId: 'b-awa', status: 'service_given', answeredOn: '2026-04-25' }),
          incoming({ id: 'in-2', facts: {}, person: { initials: 'KD', sex: 'male', category: 'refugee' } }),
        ]),
      'referrals.search': () => ok({ total: 0, rows: [] }),
    });
    await renderApp('#/follow-up/referrals');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Orientations reçues' }));
    const table = await screen.findByRole('table', { name: 'Orientations reçues en fichier' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(within(first).getByText('Service rendu')).toBeTruthy();
    expect(within(first).getByText('Répondu le 25 avr. 2026')).toBeTruthy();
    expect(within(second).getByText('KD')).toBeTruthy();
    expect(within(second).getByText('Reçue')).toBeTruthy();
  });
});

describe('linking a referral received after leaving its page', () => {
  it('asks the core again for the likely person and links the referral from the list', async () => {
    let linked = false;
    const core = signedIn(undefined, {
      'referrals.incoming.list': () => ok([incoming(linked ? { beneficiaryId: 'b-awa' } : {})]),
      'referrals.incoming.get': () =>
        ok({
          incoming: incoming(),
          duplicates: [{ id: 'b-awa', reference: 'B-2026-00042', displayName: 'Awa Diallo', birthYear: 1994, reasons: ['sameLastName'] }],
          draft,
        }),
      'referrals.incoming.link': () => {
        linked = true;
        return ok(incoming({ beneficiaryId: 'b-awa' }));
      },
    });
    await renderApp('#/follow-up/received');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: "Relier l'orientation de Caritas Rabat pour Awa Diallo à une fiche" }));
    const dialog = await screen.findByRole('dialog', { name: 'Orientation de Caritas Rabat pour Awa Diallo' });
    expect(core.calls('referrals.incoming.get')).toEqual([{ id: 'in-1' }]);

    await user.click(await within(dialog).findByRole('button', { name: "C'est Awa Diallo" }));
    expect(await within(dialog).findByText(/Orientation reliée à la fiche de la personne/)).toBeTruthy();
    expect(core.calls('referrals.incoming.link')).toEqual([{ id: 'in-1', beneficiaryId: 'b-awa' }]);
    const table = screen.getByRole('table', { name: 'Orientations reçues en fichier' });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa'));
    expect(within(table).queryByRole('button', { name: /^Relier/ })).toBeNull();
  });
});

describe('answering a referral received', () => {
  it('asks the reason of a refusal, then saves the reply file and shows the new status', async () => {
    const saved = catchSaves();
    const core = signedIn(undefined, {
      'referrals.incoming.list': () => ok([incoming({ beneficiaryId: 'b-awa' })]),
      'referrals.incoming.answer': ({ status: answered, reason }) =>
        ok({
          text: 'sealed reply',
          fileName: 'reponse-caritas.tadamon-reply',
          incoming: incoming({ beneficiaryId: 'b-awa', status: answered, answerReason: reason ?? null, answeredOn: '2026-04-26' }),
        }),
    });
    await renderApp('#/follow-up/received');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Répondre à Caritas Rabat pour Awa Diallo' }));
    const dialog = await screen.findByRole('dialog', { name: 'Réponse à Caritas Rabat pour Awa Diallo' });

    await user.selectOptions(within(dialog).getByLabelText(/Statut/), 'refused');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier de réponse' }));
    expect(await within(dialog).findByText("Indiquez pourquoi l'orientation est refusée.")).toBeTruthy();
    expect(core.calls('referrals.incoming.answer')).toEqual([]);

    await user.type(within(dialog).getByLabelText(/Motif/), 'Plus de places ce mois-ci.');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier de réponse' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(core.calls('referrals.incoming.answer')).toEqual([{ id: 'in-1', status: 'refused', reason: 'Plus de places ce mois-ci.' }]);
    expect(saved[0].name).toBe('reponse-caritas.tadamon-reply');
    expect(await blobText(saved[0].blob)).toBe('sealed reply');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = screen.getByRole('table', { name: 'Orientations reçues en fichier' });
    expect(within(table).getByText('Refusée')).toBeTruthy();
    expect(within(table).getByText('Répondu le 26 avr. 2026')).toBeTruthy();
  });
});

describe("importing a partner's answer", () => {
  function withReply(reply: FakeCore['referrals.importReply']) {
    return signedIn(undefined, {
      'referrals.search': () => ok({ total: 0, rows: [] }),
      'exports.list': () => ok({ fileName: 'referrals.csv', mimeType: 'text/csv', contentBase64: btoa('x'), rows: 0 }),
      'jobs.progress': () => ok(null),
      'referrals.importReply': reply,
    });
  }

  it("shows the referral's new status and refreshes the list", async () => {
    const core = withReply(() =>
      ok(
        referral({
          status: 'refused',
          feedbackOn: '2026-04-26',
          file: { sentAt: '2026-04-16T10:00:00Z', facts: ['reason'], answerReason: 'Plus de places ce mois-ci.' },
        }),
      ),
    );
    await renderApp('#/follow-up/referrals');
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Importer une réponse'), new File(['sealed reply'], 'reponse.tadamon-reply'));

    const alert = (await screen.findByText(/Réponse de Caritas Rabat importée/)).closest('[role="alert"]') as HTMLElement;
    expect(core.calls('referrals.importReply')).toEqual([{ fileText: 'sealed reply' }]);
    expect(within(alert).getByText('Refusée')).toBeTruthy();
    expect(within(alert).getByText('Date du retour : 26 avr. 2026')).toBeTruthy();
    expect(within(alert).getByText(/Plus de places ce mois-ci\./)).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'Voir la fiche de la personne' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    await waitFor(() => expect(core.calls('referrals.search').length).toBeGreaterThan(1));
  });

  it('says why a reply file is refused, at the file field', async () => {
    withReply(() => ({ ok: false, error: { code: 'exchange_outdated', fields: { fileText: 'exchange_outdated' } } }));
    await renderApp('#/follow-up/referrals');
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Importer une réponse');
    await user.upload(input, new File(['old reply'], 'reponse.tadamon-reply'));
    expect(await screen.findByText(/Une réponse plus récente de ce partenaire a déjà été importée/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the follow-up dashboard', () => {
  it('lists referrals sent as files without an answer, each leading to the person, and links the referrals received', async () => {
    signedIn(undefined, {
      'followUp.dashboard': () =>
        ok({
          today: '2026-06-01',
          staleProcedureDays: 30,
          unansweredReferralDays: 14,
          overdueNextSteps: [],
          comingUpNextSteps: [],
          staleProcedures: [],
          expiringDocuments: [],
          expiredDocuments: [],
          notSeen: [],
          employmentFollowUps: { comingUp: [], late: [] },
          unansweredReferrals: [
            {
              beneficiaryId: 'b-awa',
              reference: 'B-2026-00042',
              displayName: 'Awa Diallo',
              referralId: 'r-1',
              partnerName: 'Caritas Rabat',
              fileSentAt: '2026-05-01T10:00:00Z',
              daysWaiting: 31,
            },
          ],
        }),
    });
    await renderApp('#/follow-up');
    const table = await screen.findByRole('table', { name: 'Orientations envoyées en fichier sans réponse après 14 jours' });
    const [, first] = within(table).getAllByRole('row');
    expect(within(first).getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    expect(within(first).getByText('Caritas Rabat')).toBeTruthy();
    expect(within(first).getByText('1 mai 2026')).toBeTruthy();
    expect(within(first).getByText('31')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Orientations reçues' }).getAttribute('href')).toBe('#/follow-up/received');
  });
});
