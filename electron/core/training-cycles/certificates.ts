import type {
  CertificateBatch,
  CertificateCourse,
  CertificateDocument,
  CertificateIssueInput,
  CertificateKind,
  ErrorCode,
} from '../../contract';
import { listLogos } from '../activities/logos';
import { registrationRows, sessionsHeld } from '../activities/repository';
import { existingActivity } from '../activities/service';
import { hasCompleted } from '../activities/statistics';
import { readAssociation } from '../association/repository';
import { dayOf, type WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { allocateReference } from '../references/counter';
import { certificatesOf, insertCertificate, presenceIn, presidentName, type StoredCertificate } from './repository';
import { cycleProgress, existingCycle } from './service';

/** What a certificate needs to know of a person in the activity or cycle. */
interface Standing {
  displayName: string;
  arabicName: string | null;
  pseudonymous: boolean;
  attended: boolean;
  completed: boolean;
}

interface Subject {
  title: string;
  /** The activity itself, or the cycle's modules in teaching order. */
  activities: { id: string; title: string }[];
  people: Map<string, Standing>;
}

function subjectOf(db: Db, input: CertificateIssueInput, year: number): Subject {
  if (input.subject === 'activity') {
    const activity = existingActivity(db, input.subjectId);
    const held = sessionsHeld(db, activity.id);
    const people = new Map(
      registrationRows(db, activity.id, year).map((r) => [
        r.beneficiaryId,
        { ...r, attended: r.presentCount > 0, completed: hasCompleted(r.presentCount, held, activity.completionThreshold) },
      ]),
    );
    return { title: activity.title, activities: [{ id: activity.id, title: activity.title }], people };
  }
  const cycle = existingCycle(db, input.subjectId);
  const activities = cycle.activityIds.map((id) => ({ id, title: existingActivity(db, id).title }));
  return { title: cycle.title, activities, people: new Map(cycleProgress(db, cycle, year).map((p) => [p.beneficiaryId, p])) };
}

function refusal(standing: Standing | undefined, kind: CertificateKind): ErrorCode | null {
  if (!standing) return 'not_registered';
  if (kind === 'completion' && !standing.completed) return 'not_completed';
  if (kind === 'participation' && !standing.attended) return 'not_attended';
  if (standing.pseudonymous) return 'certificate_needs_name';
  return null;
}

/** Each activity the person was present at, then the whole: first and last day, minutes summed. */
function coursesOf(db: Db, subject: Subject, beneficiaryId: string): { course: CertificateCourse; modules: CertificateCourse[] } {
  const modules = subject.activities.flatMap((a) => {
    const presence = presenceIn(db, a.id, beneficiaryId);
    return presence ? [{ title: a.title, firstPresentOn: presence.first, lastPresentOn: presence.last, minutes: presence.minutes }] : [];
  });
  const course: CertificateCourse = {
    title: subject.title,
    firstPresentOn: modules.map((m) => m.firstPresentOn).sort()[0],
    lastPresentOn: modules.map((m) => m.lastPresentOn).sort().at(-1) ?? '',
    minutes: modules.reduce((sum, m) => sum + m.minutes, 0),
  };
  return { course, modules };
}

/**
 * The certificates of these people: those already issued come back as they were (number and date),
 * the others get the next CERT-YYYY-NNNNN of the year. Anyone not entitled refuses the whole batch,
 * at their position in `beneficiaryIds`.
 */
export function issueCertificates(input: CertificateIssueInput) {
  return (tx: WriteTx): CertificateBatch => {
    const year = Number(tx.at.slice(0, 4));
    const subject = subjectOf(tx.db, input, year);
    const issued = certificatesOf(tx.db, input.subject, input.subjectId).filter((c) => c.kind === input.kind);
    // A certificate once issued is reprinted as it was, even if attendance was corrected since.
    const problems: [string, ErrorCode][] = [];
    input.beneficiaryIds.forEach((id, i) => {
      const code = issued.some((c) => c.beneficiaryId === id) ? null : refusal(subject.people.get(id), input.kind);
      if (code) problems.push([`beneficiaryIds.${i}`, code]);
    });
    if (problems.length > 0) throw new AppError(problems[0][1], Object.fromEntries(problems));

    const certificates = [...new Set(input.beneficiaryIds)].map((beneficiaryId): CertificateDocument => {
      let stored: StoredCertificate | undefined = issued.find((c) => c.beneficiaryId === beneficiaryId);
      if (!stored) {
        stored = { id: newId(), reference: allocateReference(tx.db, 'CERT', year), kind: input.kind, beneficiaryId, issuedOn: dayOf(tx) };
        insertCertificate(tx.db, { ...stored, subject: input.subject, subjectId: input.subjectId, issuedAt: tx.at, issuedBy: tx.user.id });
      }
      const person = subject.people.get(beneficiaryId) as Standing;
      const { course, modules } = coursesOf(tx.db, subject, beneficiaryId);
      return {
        reference: stored.reference,
        kind: input.kind,
        issuedOn: stored.issuedOn,
        person: { beneficiaryId, displayName: person.displayName, arabicName: person.arabicName },
        subject: input.subject,
        title: subject.title,
        course,
        modules: input.subject === 'cycle' ? modules : [],
      };
    });
    tx.audit(input.subjectId);
    const association = readAssociation(tx.db);
    return {
      association: { name: association?.name ?? '', city: association?.city ?? '', logo: listLogos(tx.db).association },
      president: presidentName(tx.db),
      certificates,
    };
  };
}
