import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  type ImportPreview,
  type ImportReport,
  type JobProgress,
  type OpInput,
  type Result,
} from '../../electron/contract';
import { fakeCore, ok, renderApp, session, status } from './helpers';

vi.mock('../../renderer/transport');

const CSV = [
  'Prénom;Nom;Sexe;Année naissance;Nationalité;Catégorie;Téléphone;Consentement',
  'Awa;Diallo;F;1994;Sénégal;Réfugiée;0612345678;12/01/2026',
  'Moussa;Traoré;X;1990;Mali;Migrant;abc;',
  'Fatima;Zahra;F;1988;Maroc;Femme;0698765432;',
].join('\n');

const preview: ImportPreview = {
  headers: ['Prénom', 'Nom', 'Sexe', 'Année naissance', 'Nationalité', 'Catégorie', 'Téléphone', 'Consentement'],
  rows: CSV.split('\n')
    .slice(1)
    .map((line) => line.split(';')),
  rowCount: 3,
  // "Année naissance" not recognised: the person maps it by hand.
  suggestedMapping: { firstName: 0, lastName: 1, sex: 2, nationality: 4, category: 5, phone: 6, consentDate: 7 },
};

const report: ImportReport = {
  imported: 1,
  pseudonymous: 1,
  rejected: [{ row: 3, reasons: { sex: 'invalid_value', 'personal.phones.0': 'invalid_phone' } }],
  toReview: [{ row: 2, candidates: [{ id: 'b-awa', reference: 'B-2025-00042', displayName: 'Awa Diallo' }] }],
  rejectedCsv: '\uFEFFPrénom,Nom,Sexe,reason\r\nMoussa,Traoré,X,sex: invalid_value\r\n',
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
  it('maps columns from the suggestion, shows progress, then the report with a rejected row', async () => {
    const finish = deferred<Result<ImportReport>>();
    let progress: JobProgress | null = null;
    const core = fakeCore({
      'app.status': () => ok(status({ session: session({ role: 'volunteer' }) })),
      'beneficiaries.importPreview': () => ok(preview),
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
    const file = new File([CSV], 'registre 2025.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Fichier à importer'), file);

    await waitFor(() => expect(core.calls('beneficiaries.importPreview')).toHaveLength(1));
    const sent = core.calls('beneficiaries.importPreview')[0] as OpInput<'beneficiaries.importPreview'>;
    expect(sent.fileName).toBe('registre 2025.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent.contentBase64), (c) => c.charCodeAt(0)))).toBe(CSV);

    // Step 2: the first rows and one select per field, prefilled from the suggestion.
    const mapping = await screen.findByRole('form', { name: 'Correspondance des colonnes' });
    const previewTable = screen.getByRole('table', { name: 'Aperçu des premières lignes' });
    expect(within(previewTable).getByText('Moussa')).toBeTruthy();
    const select = (label: string) => within(mapping).getByLabelText(label) as HTMLSelectElement;
    const shown = (label: string) => select(label).selectedOptions[0].text;
    expect(shown('Prénom')).toBe('Prénom');
    expect(shown('Sexe')).toBe('Sexe');
    expect(shown('Date du consentement')).toBe('Consentement');
    expect(shown('Année de naissance')).toBe('— ignorer —');
    expect(Array.from(select('Quartier').options, (o) => o.text)).toEqual(['— ignorer —', ...preview.headers]);
    expect(within(mapping).getByText(/Les lignes sans date de consentement deviennent des dossiers pseudonymes/)).toBeTruthy();
    expect(within(mapping).getByText('Date ou année de naissance')).toBeTruthy();

    await user.selectOptions(select('Année de naissance'), 'Année naissance');
    expect(within(mapping).queryByText('Date ou année de naissance')).toBeNull();
    await user.selectOptions(select('Téléphone'), '— ignorer —');
    await user.click(within(mapping).getByRole('button', { name: 'Importer' }));

    // Step 3: the import runs while its progress is polled.
    await waitFor(() => expect(core.calls('beneficiaries.import')).toHaveLength(1));
    const run = core.calls('beneficiaries.import')[0] as OpInput<'beneficiaries.import'>;
    expect(run.mapping).toEqual({ firstName: 0, lastName: 1, sex: 2, birthYear: 3, nationality: 4, category: 5, consentDate: 7 });
    expect(run.contentBase64).toBe(sent.contentBase64);
    expect(run.jobId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    const bar = await screen.findByRole('progressbar');
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('2 / 3 lignes vérifiées'));
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(core.calls('jobs.progress')).toContainEqual({ jobId: run.jobId });

    progress = { done: 3, total: 3, finished: false };
    expect(await screen.findByText('Enregistrement…', {}, { timeout: 3000 })).toBeTruthy();
    progress = { done: 3, total: 3, finished: true };
    finish.resolve(ok(report));

    // Step 4: the report.
    const rejected = await screen.findByRole('table', { name: 'Lignes rejetées' });
    const row = within(rejected).getByText('3').closest('tr') as HTMLElement;
    expect(within(row).getByText('Sexe : Valeur non reconnue.')).toBeTruthy();
    expect(within(row).getByText('Téléphone : Numéro de téléphone non valide.')).toBeTruthy();

    const stats = screen.getByText('Personnes importées').closest('div') as HTMLElement;
    expect(within(stats).getByText('1')).toBeTruthy();
    expect(screen.getByText('dont dossiers pseudonymes')).toBeTruthy();

    const review = screen.getByRole('table', { name: 'Lignes à vérifier (doublons probables)' });
    const existing = within(review).getByRole('link', { name: 'B-2025-00042 · Awa Diallo' });
    expect(existing.getAttribute('href')).toBe('#/beneficiaries/b-awa');

    await user.click(screen.getByRole('button', { name: 'Télécharger les lignes rejetées (CSV)' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('lignes-rejetees-registre 2025.csv');
    const bytes = await blobBytes(saved as Blob);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(report.rejectedCsv);

    await user.click(screen.getByRole('button', { name: 'Importer un autre fichier' }));
    expect(await screen.findByLabelText('Fichier à importer')).toBeTruthy();
  });

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
