import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Partner, PartnerImportPlan, PartnerSheet } from '../../electron/contract';
import { fakeCore, ok, renderApp, session, status, type FakeCore } from './helpers';

import { blobText, catchSaves } from './saved-files';

vi.mock('../../renderer/transport');

afterEach(() => {
  vi.restoreAllMocks();
});

const partner: Partner = {
  id: 'pa-1',
  name: 'Caritas',
  type: 'ngo',
  city: 'Rabat',
  contact: null,
  services: 'Santé',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  archivedAt: null,
};

const AMAL = '11111 22222 33333 44444 55555 66666';

const plan = (overrides: Partial<PartnerImportPlan> = {}): PartnerImportPlan => ({
  signer: { associationName: 'Association Amal', city: 'Oujda', fingerprint: AMAL, partnerName: 'Amal (Oujda)', checkedAt: '2026-03-02T10:00:00Z', ours: false },
  partners: [
    {
      row: 1,
      name: 'Caritas',
      city: 'Rabat',
      type: 'ngo',
      outcome: 'conflict',
      partnerId: 'pa-1',
      filled: ['contact', 'card'],
      differences: [{ field: 'services', ours: 'Santé', theirs: 'Santé, hébergement' }],
      card: 'added',
    },
    { row: 2, name: 'Médecins du Monde', city: 'Tanger', type: 'ngo', outcome: 'added', partnerId: null, filled: [], differences: [], card: 'none' },
  ],
  rejected: [],
  counts: { added: 1, merged: 0, unchanged: 0, conflict: 1, ours: 0, rejected: 0 },
  ...overrides,
});

function signedIn(extra: FakeCore = {}) {
  return fakeCore({
    'app.status': () => ok(status({ session: session() })),
    'partners.list': () => ok([partner]),
    ...extra,
  });
}

async function openImport() {
  await renderApp('#/partners');
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Importer des partenaires' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'Importer des partenaires' }) };
}

describe('the actor map', () => {
  it('is exported as a signed file, saying how many partners went', async () => {
    const saved = catchSaves();
    signedIn({ 'partners.exportMap': () => ok({ text: '{"format":"tadamon-partners"}', fileName: 'Association Amal-2026-05-04.tadamon-partners', count: 6 }) });
    await renderApp('#/partners');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Exporter la carte des acteurs' }));
    expect(await screen.findByText('Carte des acteurs enregistrée : 6 partenaires, signée par votre association.')).toBeTruthy();
    expect(saved.map((s) => s.name)).toEqual(['Association Amal-2026-05-04.tadamon-partners']);
    expect(await blobText(saved[0].blob)).toBe('{"format":"tadamon-partners"}');
  });

  it('is previewed with who signed it and what each partner becomes, then merged and reported', async () => {
    let merged = false;
    const core = signedIn({
      'partners.list': () => ok(merged ? [partner, { ...partner, id: 'pa-2', name: 'Médecins du Monde', city: 'Tanger' }] : [partner]),
      'partners.previewMerge': () => ok(plan()),
      'partners.importMerge': () => {
        merged = true;
        return ok(plan());
      },
    });
    const { user, dialog } = await openImport();
    await user.upload(within(dialog).getByLabelText('Fichier à importer'), new File(['the map'], 'amal.tadamon-partners'));

    expect(await within(dialog).findByText('Carte faite par Association Amal (Oujda)')).toBeTruthy();
    expect(core.calls('partners.previewMerge')).toEqual([{ source: { kind: 'map', fileText: 'the map' } }]);
    expect(within(dialog).getByText(/^Signée avec la carte de votre partenaire Amal \(Oujda\), vérifiée par téléphone le 2 mar\. 2026\.$/)).toBeTruthy();
    const counts = within(dialog).getByRole('list', { name: 'Bilan' });
    expect(within(counts).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      'Ajoutés : 1',
      'Complétés : 0',
      'Inchangés : 0',
      'Avec des différences : 1',
      'Lignes écartées : 0',
    ]);
    const [, caritas, mdm] = within(within(dialog).getByRole('table', { name: 'Partenaires du fichier' })).getAllByRole('row');
    expect(within(caritas).getByText('Différences')).toBeTruthy();
    expect(within(caritas).getByText('Complété : Contact, Carte')).toBeTruthy();
    expect(within(caritas).getByText((_, el) => el?.tagName === 'P' && el.textContent === 'Services : chez nous Santé · dans le fichier Santé, hébergement')).toBeTruthy();
    expect(within(caritas).getByText('Carte ajoutée, à vérifier par téléphone')).toBeTruthy();
    expect(within(mdm).getByText('Ajouté')).toBeTruthy();
    expect(core.calls('partners.importMerge')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Importer' }));
    expect(await within(dialog).findByText('Import terminé')).toBeTruthy();
    expect(core.calls('partners.importMerge')).toEqual([{ source: { kind: 'map', fileText: 'the map' }, acceptUnverified: false }]);
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    const directory = await screen.findByRole('table', { name: 'Annuaire des partenaires' });
    await waitFor(() => expect(within(directory).getByText('Médecins du Monde')).toBeTruthy());
  });

  it('from an association we hold no card for, is imported only once accepted unverified', async () => {
    const unknown = plan({ signer: { associationName: 'Autre', city: 'Fès', fingerprint: AMAL, partnerName: null, checkedAt: null, ours: false } });
    const core = signedIn({ 'partners.previewMerge': () => ok(unknown), 'partners.importMerge': () => ok(unknown) });
    const { user, dialog } = await openImport();
    await user.upload(within(dialog).getByLabelText('Fichier à importer'), new File(['the map'], 'autre.tadamon-partners'));
    expect(await within(dialog).findByText(/rien ne prouve qui a fait ce fichier/)).toBeTruthy();
    const submit = within(dialog).getByRole('button', { name: 'Importer' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await user.click(within(dialog).getByRole('checkbox', { name: /J'accepte cette carte sans savoir qui l'a faite/ }));
    await user.click(submit);
    expect(await within(dialog).findByText('Import terminé')).toBeTruthy();
    expect(core.calls('partners.importMerge')).toEqual([{ source: { kind: 'map', fileText: 'the map' }, acceptUnverified: true }]);
  });

  it('says at the file field why an altered map is refused', async () => {
    signedIn({ 'partners.previewMerge': () => ({ ok: false, error: { code: 'partner_map_tampered', fields: { fileText: 'partner_map_tampered' } } }) });
    const { user, dialog } = await openImport();
    const input = within(dialog).getByLabelText('Fichier à importer');
    await user.upload(input, new File(['altered'], 'amal.tadamon-partners'));
    expect(await within(dialog).findByText(/Cette carte des acteurs a été modifiée/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('partners from a spreadsheet', () => {
  const sheet: PartnerSheet = {
    headers: ['Nom', 'Catégorie', 'Ville', 'Téléphone', 'Services'],
    rows: [
      ['Caritas', 'ONG', 'Rabat', '0537', 'Santé'],
      ['Barreau', 'Autre', 'Oujda', '', ''],
      ['', 'ONG', 'Rabat', '', ''],
    ],
    suggestedColumns: { name: 0, type: 1, city: 2, contact: 3, services: 4 },
  };

  it('maps the columns and each word of the type column before the preview, then lists the rows left out', async () => {
    const core = signedIn({
      'partners.readSheet': () => ok(sheet),
      'partners.previewMerge': () => ok(plan({ signer: null, rejected: [{ row: 4, reasons: { name: 'required' } }], counts: { ...plan().counts, rejected: 1 } })),
    });
    const { user, dialog } = await openImport();
    await user.upload(within(dialog).getByLabelText('Fichier à importer'), new File(['Nom;Catégorie'], 'acteurs.csv'));

    expect(await within(dialog).findByText('3 lignes lues. Indiquez la colonne de chaque information.')).toBeTruthy();
    expect(core.calls('partners.readSheet')).toEqual([{ fileName: 'acteurs.csv', contentBase64: btoa('Nom;Catégorie'.replace('é', '\u00c3\u00a9')) }]);
    expect((within(dialog).getByLabelText(/^Nom/) as HTMLSelectElement).value).toBe('0');
    expect((within(dialog).getByLabelText('Autre') as HTMLSelectElement).value).toBe('other');
    await user.click(within(dialog).getByRole('button', { name: 'Voir ce qui sera importé' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(core.calls('partners.previewMerge')).toEqual([]);

    await user.selectOptions(within(dialog).getByLabelText('ONG'), 'ngo');
    await user.selectOptions(within(dialog).getByLabelText('Type quand la case est vide'), 'public_service');
    await user.click(within(dialog).getByRole('button', { name: 'Voir ce qui sera importé' }));
    expect(await within(dialog).findByText('Ligne 4 : Nom : manquant')).toBeTruthy();
    expect(core.calls('partners.previewMerge')).toEqual([
      {
        source: {
          kind: 'sheet',
          fileName: 'acteurs.csv',
          contentBase64: btoa('Nom;Catégorie'.replace('é', '\u00c3\u00a9')),
          columns: { name: 0, type: 1, city: 2, contact: 3, services: 4 },
          types: { Autre: 'other', ONG: 'ngo' },
          defaultType: 'public_service',
        },
      },
    ]);
  });
});
