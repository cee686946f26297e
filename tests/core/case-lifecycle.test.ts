import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorReport, OpInput, ReportTable } from '../../electron/contract';
import { person } from './builders';
import { auditRows, createdFile, databaseKey, expectFailure, PRESIDENT_PASSWORD, staffCore, testCore, useSuiteTempDir, withDb, type TestCore } from './helpers';

/** A fixed "today" in the past, so that the contract's real-clock date checks agree with the core's. */
const NOW = '2026-06-01T09:00:00.000Z';
const TODAY = '2026-06-01';
const now = () => new Date(NOW);

describe('case lifecycle, needs and sensitive items, between several users', () => {
  const suiteDir = useSuiteTempDir();
  let president: TestCore;
  let worker: TestCore;
  let colleague: TestCore;
  let treasurer: TestCore;
  let path: string;
  let presidentId: string;

  beforeAll(async () => {
    const root = suiteDir();
    president = testCore(join(root, 'president'), now);
    const { session } = await createdFile(president, join(root, 'file'));
    path = session.path;
    presidentId = session.user.id;
    worker = await staffCore(president, path, join(root, 'worker'), { displayName: 'Salma Social', role: 'volunteer', now });
    colleague = await staffCore(president, path, join(root, 'colleague'), { displayName: 'Karim Volontaire', role: 'volunteer', now });
    treasurer = await staffCore(president, path, join(root, 'treasurer'), { displayName: 'Tarik Trésorier', role: 'treasurer', now });
  });

  afterAll(() => {
    for (const core of [president, worker, colleague, treasurer]) core?.close();
  });

  const newPerson = async (firstName: string, vulnerabilities: string[] = [], by: TestCore = president) =>
    (await by.must('beneficiaries.create', person({ firstName, lastName: 'Test', phones: [], vulnerabilities }))).id;

  const stored = <T>(work: Parameters<typeof withDb<T>>[2]) =>
    databaseKey(path, presidentId, PRESIDENT_PASSWORD).then((key) => withDb(path, key, work));
  const eventCount = (beneficiaryId: string) =>
    stored((db) => (db.prepare('SELECT count(*) AS n FROM case_events WHERE beneficiary_id = ?').get(beneficiaryId) as { n: number }).n);

  describe('closing and reopening', () => {
    it('closes a case once, with its reason, and reopens only a closed case, all audited', async () => {
      const id = await newPerson('Awa');
      expect(await worker.must('cases.lifecycle', { beneficiaryId: id })).toEqual({ status: 'open', history: [] });

      const closed = await worker.must('cases.close', { beneficiaryId: id, reason: 'moved_city', note: 'Partie à Tanger' });
      expect(closed.status).toBe('closed');
      expect(closed.history).toMatchObject([{ kind: 'closed', reason: 'moved_city', note: 'Partie à Tanger', date: TODAY, recordedByName: 'Salma Social' }]);

      await expectFailure(colleague.call('cases.close', { beneficiaryId: id, reason: 'lost_contact' }), 'case_already_closed');
      expect(await eventCount(id)).toBe(1);

      const reopened = await colleague.must('cases.reopen', { beneficiaryId: id, note: 'Revenue à Oujda' });
      expect(reopened.status).toBe('open');
      expect(reopened.history.map((e) => [e.kind, e.recordedByName])).toEqual([
        ['closed', 'Salma Social'],
        ['reopened', 'Karim Volontaire'],
      ]);
      await expectFailure(colleague.call('cases.reopen', { beneficiaryId: id, note: 'Encore' }), 'case_not_closed');

      // A treasurer follows people too; closing again after a reopening is a new closing.
      expect((await treasurer.must('cases.close', { beneficiaryId: id, reason: 'goals_reached' })).history).toHaveLength(3);
      const rows = await stored(auditRows);
      expect(rows.filter((r) => r.entity_id === id).map((r) => r.op)).toEqual(['beneficiaries.create', 'cases.close', 'cases.reopen', 'cases.close']);
      expect(JSON.stringify(rows)).not.toContain('Tanger');
    });

    it('refuses bad input at its field and writes nothing', async () => {
      const id = await newPerson('Binta');
      await expectFailure(worker.call('cases.close', { beneficiaryId: id, reason: 'other', note: '  ' }), 'invalid_input', { note: 'note_required' });
      const badReason = await worker.call('cases.close', { beneficiaryId: id, reason: 'bored' as never });
      expect(badReason.ok).toBe(false);
      expect(!badReason.ok && Object.keys(badReason.error.fields ?? {})).toEqual(['reason']);
      await worker.must('cases.close', { beneficiaryId: id, reason: 'deceased' });
      await expectFailure(worker.call('cases.reopen', { beneficiaryId: id, note: '' }), 'invalid_input');
      await expectFailure(worker.call('cases.close', { beneficiaryId: 'nobody', reason: 'deceased' }), 'not_found');
      expect(await eventCount(id)).toBe(1);
    });

    it('takes a closed case off the follow-up dashboard, its late next steps included', async () => {
      const id = await newPerson('Chantal');
      const late: OpInput<'procedures.save'> = {
        beneficiaryId: id,
        type: 'residence_card_application',
        status: 'in_progress',
        startedOn: '2026-05-01',
        nextStep: 'Déposer le dossier',
        nextStepDue: '2026-05-20',
      };
      await worker.must('procedures.save', late);
      const overdue = async (mine: boolean) => (await worker.must('followUp.dashboard', { mine })).overdueNextSteps.map((s) => s.beneficiaryId);
      const homeOverdue = async () => (await worker.must('home.summary', {})).overdueNextSteps;
      expect(await overdue(true)).toContain(id);
      const lateBefore = await homeOverdue();

      await worker.must('cases.close', { beneficiaryId: id, reason: 'returned_home' });
      expect(await overdue(true)).not.toContain(id);
      expect(await overdue(false)).not.toContain(id);
      expect(await homeOverdue()).toBe(lateBefore - 1);

      await worker.must('cases.reopen', { beneficiaryId: id, note: 'De retour' });
      expect(await overdue(false)).toContain(id);
    });
  });

  describe('archiving', () => {
    it('asks the reason, stores it and closes the case', async () => {
      const id = await newPerson('Djeneba');
      await expectFailure(worker.call('beneficiaries.archive', { id } as never), 'invalid_input');
      await expectFailure(worker.call('beneficiaries.archive', { id, reason: 'other' }), 'invalid_input', { note: 'note_required' });
      expect((await worker.must('beneficiaries.get', { id })).archivedAt).toBeNull();

      const archived = await worker.must('beneficiaries.archive', { id, reason: 'referred_taken_over', note: 'Prise en charge par Caritas' });
      expect(archived.archivedAt).not.toBeNull();
      expect(await worker.must('cases.lifecycle', { beneficiaryId: id })).toMatchObject({
        status: 'closed',
        history: [{ kind: 'archived', reason: 'referred_taken_over', note: 'Prise en charge par Caritas' }],
      });
      await expectFailure(worker.call('beneficiaries.archive', { id, reason: 'lost_contact' }), 'beneficiary_archived');
      expect(await eventCount(id)).toBe(1);
    });
  });

  describe('the report', () => {
    const casesTable = (report: IndicatorReport): ReportTable => {
      const found = report.sections.flatMap((s) => s.tables).find((t) => t.id === 'followUp.cases');
      if (!found) throw new Error('no cases table');
      return found;
    };

    it('counts open cases and those closed in the period by reason, hiding small groups', async () => {
      // A fresh period of its own: the people of this test only.
      const people = await Promise.all(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7'].map((name) => newPerson(name)));
      for (const id of people) await worker.must('caseNotes.add', { beneficiaryId: id, date: TODAY, type: 'visit', text: 'Accueil', sensitive: false });
      for (const id of people.slice(0, 5)) await worker.must('cases.close', { beneficiaryId: id, reason: 'goals_reached' });
      await worker.must('cases.close', { beneficiaryId: people[5], reason: 'lost_contact' });

      await president.must('settings.update', { smallCellThreshold: 1 });
      const exact = casesTable(await president.must('reports.indicators', { from: TODAY, to: TODAY, locale: 'fr' }));
      const row = (label: string) => exact.rows.find((r) => r[0] === label)?.[1];
      // Earlier tests of this file: Awa closed (goals reached), Binta (deceased), Chantal reopened,
      // Djeneba archived (referred and taken over).
      expect(row('Ouverts à la fin de la période')).toBe(2);
      expect(row('Clôturés : Objectifs atteints')).toBe(6);
      expect(row('Clôturés : Contact perdu')).toBe(1);
      expect(row('Clôturés : Décès')).toBe(1);
      expect(row('Clôturés : Orienté·e et pris·e en charge ailleurs')).toBe(1);
      expect(row('Clôturés : Retour au pays d’origine')).toBe(0);
      expect(exact.total).toEqual(['Clôturés pendant la période', 9]);

      await president.must('settings.update', { smallCellThreshold: 5 });
      const safe = casesTable(await president.must('reports.indicators', { from: TODAY, to: TODAY, locale: 'ar' }));
      expect(safe.rows[0]).toEqual(['مفتوحة في نهاية الفترة', '< 5']);
      expect(safe.rows.map((r) => r[1])).toEqual(['< 5', 6, 0, 0, '< 5', '< 5', '< 5', 0]);

      // The month before: nothing was closed yet.
      const before = casesTable(await president.must('reports.indicators', { from: '2026-05-01', to: '2026-05-31' }));
      expect(before.total?.[1]).toBe(0);
      expect(before.rows.slice(1).map((r) => r[1])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    });
  });

  describe('intake needs', () => {
    let id: string;
    beforeAll(async () => {
      id = await newPerson('Fatou');
    });
    const codes = (needs: { need: string }[]) => needs.map((n) => n.need);

    it('records the checklist, a health need seen only by its recorder and presidents', async () => {
      const saved = await worker.must('intakeNeeds.save', { beneficiaryId: id, needs: ['housing', 'health', 'documents'] });
      expect(codes(saved)).toEqual(['documents', 'health', 'housing']);
      expect(saved[0]).toMatchObject({ recordedByName: 'Salma Social', metOn: null, sensitive: false });
      expect(codes(await colleague.must('intakeNeeds.list', { beneficiaryId: id }))).toEqual(['documents', 'housing']);
      expect(codes(await treasurer.must('intakeNeeds.list', { beneficiaryId: id }))).toEqual(['documents', 'housing']);
      expect(codes(await president.must('intakeNeeds.list', { beneficiaryId: id }))).toEqual(['documents', 'health', 'housing']);
      await expectFailure(colleague.call('intakeNeeds.setMet', { beneficiaryId: id, need: 'health', metOn: TODAY }), 'not_found');
    });

    it('keeps what another was not shown when they save their checklist', async () => {
      expect(codes(await colleague.must('intakeNeeds.save', { beneficiaryId: id, needs: ['documents', 'food'] }))).toEqual(['documents', 'food']);
      expect(codes(await president.must('intakeNeeds.list', { beneficiaryId: id }))).toEqual(['documents', 'health', 'food']);
    });

    it('marks a need met on a day, and refuses bad input at its field without writing', async () => {
      const met = await colleague.must('intakeNeeds.setMet', { beneficiaryId: id, need: 'documents', metOn: '2026-05-30' });
      expect(met.find((n) => n.need === 'documents')).toMatchObject({ metOn: '2026-05-30', metByName: 'Karim Volontaire' });
      await expectFailure(colleague.call('intakeNeeds.setMet', { beneficiaryId: id, need: 'food', metOn: '2026-06-02' }), 'invalid_input', {
        metOn: 'date_in_future',
      });
      await expectFailure(colleague.call('intakeNeeds.setMet', { beneficiaryId: id, need: 'schooling', metOn: TODAY }), 'not_found');
      await expectFailure(colleague.call('intakeNeeds.save', { beneficiaryId: id, needs: ['food'] }), 'invalid_input', { needs: 'need_already_met' });
      await expectFailure(colleague.call('intakeNeeds.save', { beneficiaryId: id, needs: ['food', 'food'] }), 'invalid_input');
      const now = await president.must('intakeNeeds.list', { beneficiaryId: id });
      expect(now.map((n) => [n.need, n.metOn])).toEqual([
        ['documents', '2026-05-30'],
        ['health', null],
        ['food', null],
      ]);
      expect(codes(await worker.must('intakeNeeds.setMet', { beneficiaryId: id, need: 'health', metOn: TODAY }))).toEqual(['documents', 'health', 'food']);
    });
  });

  describe('consent withdrawn', () => {
    it('erases the closing notes and the health need, keeps the reasons and the other needs', async () => {
      const id = await newPerson('Hawa');
      await worker.must('intakeNeeds.save', { beneficiaryId: id, needs: ['health', 'food'] });
      await worker.must('cases.close', { beneficiaryId: id, reason: 'other', note: 'Hospitalisée à Rabat' });
      await president.must('beneficiaries.withdrawConsent', { id });
      expect((await president.must('cases.lifecycle', { beneficiaryId: id })).history).toMatchObject([{ reason: 'other', note: '' }]);
      expect((await president.must('intakeNeeds.list', { beneficiaryId: id })).map((n) => n.need)).toEqual(['food']);
      await expectFailure(president.call('intakeNeeds.save', { beneficiaryId: id, needs: ['health', 'food'] }), 'invalid_input', { needs: 'consent_required' });
      expect((await president.must('intakeNeeds.save', { beneficiaryId: id, needs: ['food', 'work'] })).map((n) => n.need)).toEqual(['food', 'work']);
    });
  });

  describe('sensitive vulnerabilities', () => {
    it('are read by the person who recorded them and presidents, kept when another saves, with who recorded them', async () => {
      const id = await newPerson('Grace', ['pregnant', 'homeless'], worker);
      const vulnerabilities = async (core: TestCore) => (await core.must('beneficiaries.get', { id })).personal?.vulnerabilities;
      expect(await vulnerabilities(worker)).toEqual(['pregnant', 'homeless']);
      expect(await vulnerabilities(colleague)).toEqual(['homeless']);
      expect(await vulnerabilities(treasurer)).toEqual(['homeless']);
      expect(await vulnerabilities(president)).toEqual(['pregnant', 'homeless']);

      const shown = await colleague.must('beneficiaries.get', { id });
      const { id: _id, reference: _r, initials: _i, createdAt: _c, updatedAt: _u, archivedAt: _a, ...input } = shown;
      const saved = await colleague.must('beneficiaries.update', {
        id,
        input: { ...input, personal: { ...input.personal!, vulnerabilities: ['homeless', 'disability'] } },
      });
      expect(saved.personal?.vulnerabilities).toEqual(['homeless', 'disability']);
      expect(await vulnerabilities(worker)).toEqual(['homeless', 'pregnant']);
      expect(await vulnerabilities(president)).toEqual(['homeless', 'disability', 'pregnant']);
      const recorders = await stored(
        (db) =>
          db
            .prepare('SELECT r.code, u.display_name AS name FROM sensitive_recordings r JOIN users u ON u.id = r.recorded_by WHERE beneficiary_id = ? ORDER BY code')
            .all(id) as { code: string; name: string }[],
      );
      expect(recorders).toEqual([
        { code: 'disability', name: 'Karim Volontaire' },
        { code: 'pregnant', name: 'Salma Social' },
      ]);
    });
  });
});
