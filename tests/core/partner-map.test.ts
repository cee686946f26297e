import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode, PartnerImportSource, PartnerType } from '../../electron/contract';
import { readMapText } from '../../electron/core/exchange/partner-map-file';
import { AppError } from '../../electron/core/errors';
import { associationFile, type AssociationFile } from './association-files';
import { useSuiteTempDir, withDb } from './helpers';

const NOW = '2026-05-04T08:00:00.000Z';
const tempDir = useSuiteTempDir();

interface Association extends AssociationFile {
  partners(): { name: string; type: string; city: string | null; contact: string | null; services: string | null; card_fingerprint: string | null; card_checked_at: string | null }[];
}

async function association(name: string, city: string): Promise<Association> {
  const file = await associationFile(tempDir(), name, city, () => new Date(NOW));
  return {
    ...file,
    partners: () =>
      withDb(file.path, file.key, (db) =>
        db
          .prepare('SELECT name, type, city, contact, services, card_fingerprint, card_checked_at FROM partners ORDER BY name COLLATE NOCASE')
          .all(),
      ) as ReturnType<Association['partners']>,
  };
}

async function partner(
  a: Association,
  fields: { name: string; type: PartnerType; city?: string; contact?: string; services?: string },
  card?: { text: string },
) {
  const saved = await a.core.must('partners.save', fields);
  if (card) await a.core.must('partners.importCard', { partnerId: saved.id, cardText: card.text });
  return saved;
}

async function refusedUnchanged(a: Association, attempt: Promise<{ ok: boolean; error?: { code: ErrorCode; fields?: Record<string, string> } }>, code: ErrorCode) {
  const before = a.content();
  const result = await attempt;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(result.error).toEqual({ code, fields: { fileText: code } });
  expect(a.content()).toBe(before);
}

let amal: Association; // Oujda: makes the map
let tadamon: Association; // Rabat: merges it into its directory
let caritas: Association;
let entraide: Association;
let other: Association;
let mapText: string;

beforeAll(async () => {
  [amal, tadamon, caritas, entraide, other] = await Promise.all([
    association('Association Amal', 'Oujda'),
    association('Tadamon Rabat', 'Rabat'),
    association('Caritas', 'Rabat'),
    association('Entraide Nationale', 'Oujda'),
    association('Autre', 'Fès'),
  ]);
  await partner(amal, { name: 'Caritas', type: 'ngo', city: 'Rabat', contact: '0537 11 22 33', services: 'Santé, hébergement' }, caritas.card);
  await partner(amal, { name: 'Fondation Orient-Occident', type: 'ngo', city: 'Rabat', contact: 'contact@foo.ma', services: 'Formation' });
  await partner(amal, { name: 'Entraide Nationale', type: 'public_service', city: 'Oujda', services: 'Aide sociale' }, other.card);
  await partner(amal, { name: "Barreau d'Oujda", type: 'lawyer', city: 'Oujda' });
  await partner(amal, { name: 'Médecins du Monde', type: 'ngo', city: 'Tanger', contact: '0539 00 00 00' });
  await partner(amal, { name: 'Tadamon', type: 'ngo', city: 'Rabat' }, tadamon.card);
  const old = await partner(amal, { name: 'Ancien partenaire', type: 'other', city: 'Oujda' });
  await amal.core.must('partners.archive', { id: old.id });

  await partner(tadamon, { name: 'Amal (Oujda)', type: 'ngo', city: 'Oujda' }, amal.card);
  await partner(tadamon, { name: 'CARITAS', type: 'ngo', city: 'rabat', services: 'Santé' });
  await partner(tadamon, { name: 'Fondation Orient Occident', type: 'ngo', city: 'Rabat', contact: 'contact@foo.ma' });
  await partner(tadamon, { name: 'Entraide nationale', type: 'other', city: 'Oujda' }, entraide.card);
  await partner(tadamon, { name: "Barreau d'Oujda", type: 'lawyer', city: 'Oujda' });

  const map = await amal.core.must('partners.exportMap', {});
  expect(map.count).toBe(6);
  expect(map.fileName).toBe('Association Amal-2026-05-04.tadamon-partners');
  mapText = map.text;
});

const fromMap = (fileText = mapText): PartnerImportSource => ({ kind: 'map', fileText });

describe('the actor map, from one association file to another', () => {
  it('previews the merge without writing, naming who signed it, then merges on name and city keeping our values and cards', async () => {
    const before = tadamon.content();
    const preview = await tadamon.core.must('partners.previewMerge', { source: fromMap() });
    expect(tadamon.content()).toBe(before);
    expect(preview.signer).toEqual({
      associationName: 'Association Amal',
      city: 'Oujda',
      fingerprint: amal.card.fingerprint,
      partnerName: 'Amal (Oujda)',
      checkedAt: null,
      ours: false,
    });
    expect(preview.counts).toEqual({ added: 1, merged: 1, unchanged: 1, conflict: 2, ours: 1, rejected: 0 });
    const byName = Object.fromEntries(preview.partners.map((p) => [p.name, p]));
    expect(byName.Caritas).toMatchObject({
      outcome: 'conflict',
      filled: ['contact', 'card'],
      differences: [{ field: 'services', ours: 'Santé', theirs: 'Santé, hébergement' }],
      card: 'added',
    });
    expect(byName['Fondation Orient-Occident']).toMatchObject({ outcome: 'merged', filled: ['services'], differences: [], card: 'none' });
    expect(byName['Entraide Nationale']).toMatchObject({
      outcome: 'conflict',
      filled: ['services'],
      differences: [
        { field: 'type', ours: 'other', theirs: 'public_service' },
        { field: 'card', ours: entraide.card.fingerprint, theirs: other.card.fingerprint },
      ],
      card: 'kept_ours',
    });
    expect(byName["Barreau d'Oujda"]).toMatchObject({ outcome: 'unchanged', filled: [], differences: [] });
    expect(byName['Médecins du Monde']).toMatchObject({ outcome: 'added', partnerId: null, type: 'ngo' });
    expect(byName.Tadamon).toMatchObject({ outcome: 'ours' });

    const report = await tadamon.core.must('partners.importMerge', { source: fromMap() });
    expect(report.counts).toEqual(preview.counts);
    expect(tadamon.partners()).toEqual([
      { name: 'Amal (Oujda)', type: 'ngo', city: 'Oujda', contact: null, services: null, card_fingerprint: amal.card.fingerprint, card_checked_at: null },
      { name: "Barreau d'Oujda", type: 'lawyer', city: 'Oujda', contact: null, services: null, card_fingerprint: null, card_checked_at: null },
      { name: 'CARITAS', type: 'ngo', city: 'rabat', contact: '0537 11 22 33', services: 'Santé', card_fingerprint: caritas.card.fingerprint, card_checked_at: null },
      { name: 'Entraide nationale', type: 'other', city: 'Oujda', contact: null, services: 'Aide sociale', card_fingerprint: entraide.card.fingerprint, card_checked_at: null },
      { name: 'Fondation Orient Occident', type: 'ngo', city: 'Rabat', contact: 'contact@foo.ma', services: 'Formation', card_fingerprint: null, card_checked_at: null },
      { name: 'Médecins du Monde', type: 'ngo', city: 'Tanger', contact: '0539 00 00 00', services: null, card_fingerprint: null, card_checked_at: null },
    ]);
    const audit = withDb(tadamon.path, tadamon.key, (db) => db.prepare("SELECT entity_id, note FROM audit_log WHERE op = 'partners.importMerge'").all());
    expect(audit).toEqual([{ entity_id: null, note: null }]);

    const again = await tadamon.core.must('partners.importMerge', { source: fromMap() });
    expect(again.counts).toEqual({ added: 0, merged: 0, unchanged: 3, conflict: 2, ours: 1, rejected: 0 });
  });

  it('a card held and checked is never replaced by the one in a map', async () => {
    const checked = await partner(caritas, { name: 'Entraide Nationale', type: 'public_service', city: 'Oujda' }, entraide.card);
    await caritas.core.must('partners.confirmCard', { partnerId: checked.id, fingerprint: entraide.card.fingerprint });
    await partner(caritas, { name: 'Amal', type: 'ngo', city: 'Oujda' }, amal.card);
    await caritas.core.must('partners.importMerge', { source: fromMap() });
    const held = caritas.partners().find((p) => p.name === 'Entraide Nationale');
    expect(held).toMatchObject({ card_fingerprint: entraide.card.fingerprint, card_checked_at: NOW });
  });

  it('refuses an altered map, whatever byte was flipped, and one that is not a map, writing nothing', async () => {
    await refusedUnchanged(tadamon, tadamon.core.call('partners.importMerge', { source: fromMap(mapText.replace('Formation', 'Formatiom')) }), 'partner_map_tampered');
    await refusedUnchanged(tadamon, tadamon.core.call('partners.previewMerge', { source: fromMap(mapText.replace('"lawyer"', '"avocat"')) }), 'partner_map_invalid');
    await refusedUnchanged(tadamon, tadamon.core.call('partners.importMerge', { source: fromMap('{"format":"tadamon-partners"') }), 'partner_map_invalid');

    const bytes = Buffer.from(mapText, 'utf8');
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 2 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const flipped = Buffer.from(bytes);
        flipped[index] = (flipped[index] + delta) % 256;
        try {
          readMapText(flipped.toString('utf8'));
          return false;
        } catch (error) {
          return error instanceof AppError && ['partner_map_invalid', 'partner_map_tampered'].includes(error.code);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a map signed by an association we hold no card for is shown unverified and taken only once accepted', async () => {
    await partner(other, { name: 'Association Al Wafa', type: 'ngo', city: 'Fès', contact: '0535 12 34 56' });
    const { text } = await other.core.must('partners.exportMap', {});
    const preview = await tadamon.core.must('partners.previewMerge', { source: fromMap(text) });
    expect(preview.signer).toMatchObject({ associationName: 'Autre', partnerName: null, ours: false, fingerprint: other.card.fingerprint });
    await refusedUnchanged(tadamon, tadamon.core.call('partners.importMerge', { source: fromMap(text) }), 'partner_map_unverified');
    const report = await tadamon.core.must('partners.importMerge', { source: fromMap(text), acceptUnverified: true });
    expect(report.counts.added).toBe(1);
    expect(tadamon.partners().map((p) => p.name)).toContain('Association Al Wafa');
  });
});

const SHEET_ROWS = [
  ['Nom', 'Type', 'Ville', 'Contact', 'Services proposés'],
  ['Caritas', 'ONG', 'Rabat', '0537 11 22 33', 'Santé'],
  ['', '', '', '', ''],
  ['', 'ONG', 'Rabat', '', ''],
  ['Barreau de Tanger', 'Avocats', 'Tanger', '', 'Conseil juridique'],
  ['Croissant-Rouge', 'Humanitaire', 'Tanger', '', ''],
  ['CARITAS', 'ONG', 'RABAT', '', 'Hébergement'],
  ['Entraide Nationale', '', 'Oujda', '', 'Aide sociale'],
  ['Association Pateras de la Vida', 'ONG', 'Larache', 'x'.repeat(501), ''],
];

const sheetSource = (fileName: string, content: Buffer): Extract<PartnerImportSource, { kind: 'sheet' }> => ({
  kind: 'sheet',
  fileName,
  contentBase64: content.toString('base64'),
  columns: { name: 0, type: 1, city: 2, contact: 3, services: 4 },
  types: { ONG: 'ngo', Avocats: 'lawyer' },
  defaultType: 'public_service',
});

describe('the actor map from a spreadsheet', () => {
  it('reads a French Excel CSV, suggests the columns and merges the rows with exact counts', async () => {
    const city = await association('Association Oujda', 'Oujda');
    await partner(city, { name: 'Entraide nationale', type: 'public_service', city: 'Oujda', contact: '0536 00 00 00' });
    const csv = Buffer.from(`\uFEFF${SHEET_ROWS.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

    const sheet = await city.core.must('partners.readSheet', { fileName: 'acteurs.csv', contentBase64: csv.toString('base64') });
    expect(sheet.headers).toEqual(SHEET_ROWS[0]);
    expect(sheet.rows).toHaveLength(7);
    expect(sheet.suggestedColumns).toEqual({ name: 0, type: 1, city: 2, contact: 3, services: 4 });

    const report = await city.core.must('partners.importMerge', { source: sheetSource('acteurs.csv', csv) });
    expect(report.counts).toEqual({ added: 2, merged: 1, unchanged: 0, conflict: 1, ours: 0, rejected: 3 });
    expect(report.rejected).toEqual([
      { row: 4, reasons: { name: 'required' } },
      { row: 6, reasons: { type: 'partner_type_unmapped' } },
      { row: 9, reasons: { contact: 'too_long' } },
    ]);
    expect(report.partners.map((p) => [p.row, p.outcome])).toEqual([
      [2, 'added'],
      [5, 'added'],
      [7, 'conflict'],
      [8, 'merged'],
    ]);
    expect(city.partners()).toEqual([
      { name: 'Barreau de Tanger', type: 'lawyer', city: 'Tanger', contact: null, services: 'Conseil juridique', card_fingerprint: null, card_checked_at: null },
      { name: 'Caritas', type: 'ngo', city: 'Rabat', contact: '0537 11 22 33', services: 'Santé', card_fingerprint: null, card_checked_at: null },
      { name: 'Entraide nationale', type: 'public_service', city: 'Oujda', contact: '0536 00 00 00', services: 'Aide sociale', card_fingerprint: null, card_checked_at: null },
    ]);
  });

  it('reads the same sheet as XLSX, to the same counts', async () => {
    const city = await association('Association Nador', 'Nador');
    await partner(city, { name: 'Entraide nationale', type: 'public_service', city: 'Oujda', contact: '0536 00 00 00' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Acteurs');
    for (const row of SHEET_ROWS) sheet.addRow(row);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    const preview = await city.core.must('partners.previewMerge', { source: sheetSource('acteurs.xlsx', xlsx) });
    expect(preview.counts).toEqual({ added: 2, merged: 1, unchanged: 0, conflict: 1, ours: 0, rejected: 3 });
    expect(preview.rejected.map((r) => r.row)).toEqual([4, 6, 9]);
    const before = city.content();
    const failed = await city.core.call('partners.importMerge', { source: { ...sheetSource('acteurs.xlsx', xlsx), columns: { city: 2 } } });
    expect(failed.ok ? null : failed.error).toMatchObject({ code: 'invalid_input', fields: { 'source.columns.name': 'required' } });
    expect(city.content()).toBe(before);
  });
});
