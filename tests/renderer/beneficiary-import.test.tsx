import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  type ImportPreview,
  type ImportReport,
  type ImportValueQuestion,
  type JobProgress,
  type OpInput,
  type Result,
} from '../../electron/contract';
import { lookups } from './beneficiaries-fixtures';
import { fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const CSV = [
  'Liste des bénéficiaires — novembre;;;;;;',
  ';;;;;;',
  'N°;Nom et prénom;Sexe;Année;Nationalité;Téléphone;Accord',
  '1;DIOP Awa;Fém;1994;Sénégal;0612345678;oui',
  '2;TRAORÉ Moussa;H;29/02/2001;RD Congo;;non',
  '3;محمد العلوي;Fém;1988;Maroc;0612345678;oui',
].join('\n');

const headers = ['N°', 'Nom et prénom', 'Sexe', 'Année', 'Nationalité', 'Téléphone', 'Accord'];
const preview: ImportPreview = {
  headerRow: 3,
  topRows: [
    { line: 1, cells: ['Liste des bénéficiaires — novembre', '', '', '', '', '', ''] },
    { line: 3, cells: headers },
  ],
  headers,
  rows: CSV.split('\n')
    .slice(3)
    .map((line) => line.split(';')),
  rowCount: 3,
  suggestedMapping: { fullName: 1, sex: 2, birthYear: 3, nationality: 4, phone: 5, consentAnswer: 6 },
};

const questions: ImportValueQuestion[] = [
  { field: 'sex', value: 'Fém', count: 2, suggestion: null },
  { field: 'nationality', value: 'RD Congo', count: 1, suggestion: 'CD' },
  { field: 'city', value: 'Oujdaa', count: 1, suggestion: 'Oujda', choices: ['Nador', 'Oujda'] },
];

const report: ImportReport = {
  imported: 1,
  pseudonymous: 0,
  rejected: [{ row: 5, reasons: { birthYear: { code: 'not_leap_year', value: '29/02/2001', year: 2001 } } }],
  toReview: [{ row: 6, candidates: [{ id: 'b-awa', reference: 'B-2025-00042', displayName: 'Awa Diallo' }], sameFileRows: [4] }],
  skipped: [{ row: 8, text: 'Total · 3' }],
  rejectedSheet: {
    delimiter: ';',
    encoding: 'windows-1252',
    bom: false,
    headers,
    rows: [['2', 'TRAORÉ Moussa', 'H', '29/02/2001', 'RD Congo', '+212612345678', 'non']],
  },
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

describe('beneficiary import wizard', () => {
  it('takes values for the whole batch and a paper consent, matches unknown values once, shows progress, then the report', async () => {
    const finish = deferred<Result<ImportReport>>();
    let progress: JobProgress | null = null;
    const core = fakeCore({
      'app.status': () => ok(status({ session: session({ role: 'volunteer' }) })),
      'lookups.list': () => ok(lookups),
      'beneficiaries.importPreview': () => ok(preview),
      'beneficiaries.importValues': () => ok(questions),
      'jobs.progress': () => ok(progress),
      'beneficiaries.import': () => {
        progress = { done: 2, total: 3, finished: false };
        return finish.promise;
      },
    });
    let saved: Blob | undefined;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return 'blob:rejected';
    };
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    await renderApp('#/beneficiaries/import');
    expect(await screen.findByRole('heading', { level: 1, name: 'Importer des bénéficiaires' })).toBeTruthy();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Fichier à importer'), new File([CSV], 'novembre.csv', { type: 'text/csv' }));

    await waitFor(() => expect(core.calls('beneficiaries.importPreview')).toHaveLength(1));
    const sent = core.calls('beneficiaries.importPreview')[0] as OpInput<'beneficiaries.importPreview'>;
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent.contentBase64), (c) => c.charCodeAt(0)))).toBe(CSV);

    // Step 2: the title line found, the columns, the name split, one category for all, the consent.
    const mapping = await screen.findByRole('form', { name: 'Correspondance des colonnes' });
    const headerRow = screen.getByLabelText(/Ligne des titres de colonnes/) as HTMLSelectElement;
    expect(headerRow.selectedOptions[0].text).toBe('Ligne 3 : N° | Nom et prénom | Sexe | Année | Nationalité | Téléphone | Accord');
    const select = (label: string) => within(mapping).getByLabelText(label) as HTMLSelectElement;
    expect(select('Nom et prénom (une colonne)').selectedOptions[0].text).toBe('Nom et prénom');
    const split = within(mapping).getByRole('table', { name: 'Découpage des noms complets (premières lignes)' });
    const splitRows = within(split).getAllByRole('row').map((tr) => Array.from((tr as HTMLTableRowElement).cells, (c) => c.textContent));
    expect(splitRows).toEqual([
      ['Nom et prénom (une colonne)', 'Nom', 'Prénom', 'Nom complet en arabe'],
      ['DIOP Awa', 'DIOP', 'Awa', ''],
      ['TRAORÉ Moussa', 'TRAORÉ', 'Moussa', ''],
      ['محمد العلوي', 'العلوي', 'محمد', 'محمد العلوي'],
    ]);

    const missing = within(mapping).getByText(/Sans ces colonnes ni valeur pour tout le lot/).closest('[role="alert"], .mantine-Alert-root') as HTMLElement;
    expect(within(missing).getByText('Catégorie')).toBeTruthy();
    await user.selectOptions(select('Toutes ces personnes — Catégorie'), 'Réfugié');
    expect(within(mapping).queryByText(/Sans ces colonnes ni valeur pour tout le lot/)).toBeNull();
    expect((within(mapping).getByLabelText('Une colonne dit qui a accepté (oui/non)') as HTMLInputElement).checked).toBe(true);
    await user.click(within(mapping).getByLabelText('Toutes ces personnes ont signé le formulaire de consentement papier'));
    await user.click(within(mapping).getByRole('button', { name: 'Continuer' }));
    expect(await within(mapping).findByText('Indiquez la date de signature (jj/mm/aaaa).')).toBeTruthy();
    expect(core.calls('beneficiaries.importValues')).toEqual([]);
    await user.type(within(mapping).getByRole('textbox', { name: /Date de signature du consentement/ }), '20/11/2026');
    await user.click(within(mapping).getByRole('button', { name: 'Continuer' }));

    // Step 3: each unknown value once, the likeliest choice preselected.
    await waitFor(() => expect(core.calls('beneficiaries.importValues')).toHaveLength(1));
    const setup = {
      headerRow: 3,
      mapping: preview.suggestedMapping,
      batch: { category: 'refugee' },
      consent: { basis: 'paperForm', date: '2026-11-20' },
    };
    expect(core.calls('beneficiaries.importValues')[0]).toEqual({ fileName: 'novembre.csv', contentBase64: sent.contentBase64, ...setup });
    const values = await screen.findByRole('form', { name: 'Valeurs à faire correspondre' });
    const congo = within(values).getByLabelText('Nationalité « RD Congo » correspond à') as HTMLSelectElement;
    expect(congo.value).toBe('CD');
    const sex = within(values).getByLabelText('Sexe « Fém » correspond à') as HTMLSelectElement;
    expect(sex.selectedOptions[0].text).toBe('— aucune : ces lignes seront rejetées —');
    const city = within(values).getByLabelText('Ville « Oujdaa » correspond à') as HTMLSelectElement;
    expect(Array.from(city.options, (o) => o.text)).toEqual(["— garder tel qu'écrit —", 'Nador', 'Oujda']);
    expect(city.value).toBe('Oujda');
    await user.selectOptions(city, "— garder tel qu'écrit —");
    expect(within(values).getByText('Lignes qui seront rejetées faute de correspondance : 2.')).toBeTruthy();
    await user.selectOptions(sex, 'Femme');
    expect(within(values).getByText('Chaque valeur a sa correspondance ; elles seront retenues pour le prochain import.')).toBeTruthy();
    await user.click(within(values).getByRole('button', { name: 'Importer' }));

    // Step 4: the import runs while its progress is polled.
    await waitFor(() => expect(core.calls('beneficiaries.import')).toHaveLength(1));
    const run = core.calls('beneficiaries.import')[0] as OpInput<'beneficiaries.import'>;
    expect(run).toMatchObject({ ...setup, values: { sex: { Fém: 'female' }, nationality: { 'RD Congo': 'CD' } } });
    expect(run.jobId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    const bar = await screen.findByRole('progressbar');
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('2 / 3 lignes vérifiées'));
    progress = { done: 3, total: 3, finished: true };
    finish.resolve(ok(report));

    // Step 5: the report, reasons quoting the user's value.
    const rejected = await screen.findByRole('table', { name: 'Lignes rejetées' });
    const row = within(rejected).getByText('5').closest('tr') as HTMLElement;
    expect(within(row).getByText("Année de naissance : 29/02/2001 : cette date n'existe pas (2001 n'est pas une année bissextile).")).toBeTruthy();
    const review = screen.getByRole('table', { name: 'Lignes à vérifier (doublons probables)' });
    expect(within(review).getByText('Ressemble à la ligne 4 de ce fichier')).toBeTruthy();
    expect(within(review).getByRole('link', { name: 'B-2025-00042 · Awa Diallo' }).getAttribute('href')).toBe('#/beneficiaries/b-awa');
    const skipped = screen.getByRole('table', { name: 'Lignes ignorées (totaux, notes)' });
    expect(within(skipped).getByText('Total · 3')).toBeTruthy();

    // The rejected rows go back in the file's own encoding and delimiter, values as written.
    await user.click(screen.getByRole('button', { name: 'Télécharger les lignes rejetées (CSV)' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('lignes-rejetees-novembre.csv');
    const bytes = await blobBytes(saved as Blob);
    expect(bytes[0]).not.toBe(0xef);
    expect(new TextDecoder('windows-1252').decode(bytes)).toBe(
      'N°;Nom et prénom;Sexe;Année;Nationalité;Téléphone;Accord;Motif du rejet\r\n' +
        "2;TRAORÉ Moussa;H;29/02/2001;RD Congo;+212612345678;non;Année de naissance : 29/02/2001 : cette date n'existe pas (2001 n'est pas une année bissextile).\r\n",
    );

    await user.click(screen.getByRole('button', { name: 'Importer un autre fichier' }));
    expect(await screen.findByLabelText('Fichier à importer')).toBeTruthy();
  }, 60_000);

  it('reads the file again from the title line the user picks, and imports at once when every value is known', async () => {
    const fromLineOne: ImportPreview = { ...preview, headerRow: 1, headers: preview.topRows[0].cells, suggestedMapping: {} };
    const core = fakeCore({
      'app.status': () => ok(status({ session: session() })),
      'lookups.list': () => ok(lookups),
      'beneficiaries.importPreview': (input) => ok(input.headerRow === 1 ? fromLineOne : preview),
      'beneficiaries.importValues': () => ok([]),
      'jobs.progress': () => ok({ done: 3, total: 3, finished: true }),
      'beneficiaries.import': () => ok({ ...report, rejected: [], toReview: [], skipped: [], rejectedSheet: null }),
    });
    await renderApp('#/beneficiaries/import');
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Fichier à importer'), new File([CSV], 'novembre.csv'));
    const headerRow = (await screen.findByLabelText(/Ligne des titres de colonnes/)) as HTMLSelectElement;
    await user.selectOptions(headerRow, 'Ligne 1 : Liste des bénéficiaires — novembre');
    await waitFor(() => expect(core.calls('beneficiaries.importPreview')).toHaveLength(2));
    expect((core.calls('beneficiaries.importPreview')[1] as OpInput<'beneficiaries.importPreview'>).headerRow).toBe(1);
    const mapping = await screen.findByRole('form', { name: 'Correspondance des colonnes' });
    expect((within(mapping).getByLabelText('Sexe') as HTMLSelectElement).value).toBe('');

    await user.selectOptions(screen.getByLabelText(/Ligne des titres de colonnes/), 'Ligne 3 : N° | Nom et prénom | Sexe | Année | Nationalité | Téléphone | Accord');
    await waitFor(() => expect(core.calls('beneficiaries.importPreview')).toHaveLength(3));
    const again = await screen.findByRole('form', { name: 'Correspondance des colonnes' });
    await waitFor(() => expect((within(again).getByLabelText('Sexe') as HTMLSelectElement).value).toBe('2'));
    await user.click(within(again).getByLabelText('Importer en dossiers pseudonymes'));
    await user.click(within(again).getByRole('button', { name: 'Continuer' }));
    await waitFor(() => expect(core.calls('beneficiaries.import')).toHaveLength(1));
    expect((core.calls('beneficiaries.import')[0] as OpInput<'beneficiaries.import'>).consent).toEqual({ basis: 'none' });
    expect(screen.queryByRole('form', { name: 'Valeurs à faire correspondre' })).toBeNull();
    expect(await screen.findByText('Personnes importées')).toBeTruthy();
  }, 30_000);

  it('refuses a file that is too large or of another kind, without asking the core', async () => {
    const core = fakeCore({ 'app.status': () => ok(status({ session: session() })) });
    await renderApp('#/beneficiaries/import');
    const input = (await screen.findByLabelText('Fichier à importer')) as HTMLInputElement;
    const user = userEvent.setup({ applyAccept: false });

    const big = new File(['x'], 'liste.xlsx');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 1 });
    await user.upload(input, big);
    expect(await screen.findByText('Ce fichier dépasse 12 Mo. Découpez-le en plusieurs fichiers.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.upload(input, new File(['a;b'], 'liste.ods'));
    expect(await screen.findByText('Choisissez un fichier .csv ou .xlsx.')).toBeTruthy();
    expect(core.calls('beneficiaries.importPreview')).toEqual([]);
  });

  it('explains a file the core cannot read, next to the input', async () => {
    fakeCore({
      'app.status': () => ok(status({ session: session() })),
      'beneficiaries.importPreview': () => ({ ok: false, error: { code: 'invalid_input', fields: { contentBase64: 'unreadable_file' } } }),
    });
    await renderApp('#/beneficiaries/import');
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Fichier à importer'), new File(['PK garbage'], 'liste.xlsx'));
    expect(
      await screen.findByText('Ce fichier ne peut pas être lu. Enregistrez-le en CSV UTF-8 ou en .xlsx, puis réessayez.'),
    ).toBeTruthy();
  });
});
