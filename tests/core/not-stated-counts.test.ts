import { describe, expect, it } from 'vitest';
import type { IndicatorReport } from '../../electron/contract';
import { person } from './builders';
import { expectFailure, signedInAt, useTempDir } from './helpers';

const tempDir = useTempDir();
const b64 = (text: string) => Buffer.from(text).toString('base64');

const rowsOf = (report: IndicatorReport, id: string) => report.sections.flatMap((s) => s.tables).find((t) => t.id === id)?.rows;

describe('household counts not asked', () => {
  it('are stored as not stated, kept apart from none, and counted apart in the indicator report', async () => {
    const core = await signedInAt(tempDir(), '2026-03-10T09:00:00.000Z');
    await core.must('settings.update', { smallCellThreshold: 1 });
    const notAsked = await core.must(
      'beneficiaries.create',
      person({ firstName: 'Awa', phones: [], household: { dependants: null, childrenUnder18: null, singleParent: false } }),
    );
    const none = await core.must(
      'beneficiaries.create',
      person({ firstName: 'Fatou', phones: [], household: { dependants: 0, childrenUnder18: 0, singleParent: false } }, { sex: 'male' }),
    );
    expect((await core.must('beneficiaries.get', { id: notAsked.id })).personal?.household).toEqual({ dependants: null, childrenUnder18: null, singleParent: false });
    expect((await core.must('beneficiaries.get', { id: none.id })).personal?.household).toEqual({ dependants: 0, childrenUnder18: 0, singleParent: false });
    await expectFailure(
      core.call('beneficiaries.create', person({ household: { dependants: -1, childrenUnder18: 1.5, singleParent: false } })),
      'invalid_input',
      { 'personal.household.dependants': 'too_small', 'personal.household.childrenUnder18': 'invalid_type' },
    );

    const activity = await core.must('activities.save', { title: 'Atelier', type: 'workshop', theme: 'employability' });
    const session = await core.must('sessions.save', { activityId: activity.id, date: '2026-02-02', startTime: '10:00', endTime: '12:00' });
    await core.must('registrations.add', { activityId: activity.id, beneficiaryIds: [notAsked.id, none.id] });
    await core.must('attendance.mark', {
      sessionId: session.id,
      marks: [notAsked.id, none.id].map((beneficiaryId) => ({ beneficiaryId, status: 'present' as const })),
    });
    const report = await core.must('reports.indicators', { from: '2026-01-01', to: '2026-12-31', locale: 'en' });
    expect(rowsOf(report, 'reached.byHousehold')).toEqual([
      ['None', 0, 1, 1],
      ['Not stated', 1, 0, 1],
    ]);
  });

  it('an imported sheet’s empty count cell is not stated, a number is kept, anything else is refused with the text quoted', async () => {
    const core = await signedInAt(tempDir(), '2026-03-10T09:00:00.000Z');
    const csv = [
      'Prénom;Nom;Sexe;Date de naissance;Nationalité;Catégorie;Consentement;Personnes à charge;Enfants',
      'Awa;Diop;F;12/03/1995;Sénégal;Migrant subsaharien;01/02/2026;;2',
      'Fatou;Sall;F;01/01/1990;Sénégal;Migrant subsaharien;01/02/2026;0;',
      'Mariam;Ba;F;01/01/1991;Sénégal;Migrant subsaharien;01/02/2026;deux;-1',
    ].join('\n');
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'liste.csv', contentBase64: b64(csv) });
    expect(preview.suggestedMapping).toMatchObject({ dependants: 7, childrenUnder18: 8 });
    const report = await core.must('beneficiaries.import', { fileName: 'liste.csv', contentBase64: b64(csv), mapping: preview.suggestedMapping, jobId: 'job-12345679' });
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([
      { row: 4, reasons: { dependants: { code: 'not_a_count', value: 'deux' }, childrenUnder18: { code: 'not_a_count', value: '-1' } } },
    ]);
    const household = async (name: string) => {
      const [row] = (await core.must('beneficiaries.search', { query: name })).rows;
      return (await core.must('beneficiaries.get', { id: row.id })).personal?.household;
    };
    expect(await household('Awa Diop')).toEqual({ dependants: null, childrenUnder18: 2, singleParent: false });
    expect(await household('Fatou Sall')).toEqual({ dependants: 0, childrenUnder18: null, singleParent: false });
  });

  it('a row imported from a spreadsheet has its household counts not stated', async () => {
    const core = await signedInAt(tempDir(), '2026-03-10T09:00:00.000Z');
    const csv = 'Prénom;Nom;Sexe;Date de naissance;Nationalité;Catégorie;Téléphone;Ville;Consentement\nAwa;Diop;F;12/03/1995;Sénégal;Migrant subsaharien;;Rabat;01/02/2026\n';
    const preview = await core.must('beneficiaries.importPreview', { fileName: 'liste.csv', contentBase64: b64(csv) });
    const report = await core.must('beneficiaries.import', { fileName: 'liste.csv', contentBase64: b64(csv), mapping: preview.suggestedMapping, jobId: 'job-12345678' });
    expect(report.imported).toBe(1);
    const [row] = (await core.must('beneficiaries.search', { query: 'Awa Diop' })).rows;
    expect((await core.must('beneficiaries.get', { id: row.id })).personal?.household).toEqual({ dependants: null, childrenUnder18: null, singleParent: false });
  });
});
