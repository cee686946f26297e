import { duesPaymentInputSchema, memberInputSchema, todayIso, type MemberCategory, type MemberRole, type User } from '../../contract';
import { insertRegistration, upsertMark } from '../activities/repository';
import { saveActivity, saveSession } from '../activities/service';
import type { WriteTx } from '../context';
import { recordPayment, setFees } from '../members/dues';
import { saveMember } from '../members/service';
import { fictitiousPerson } from './people';
import { pick, seededRandom } from './random';

/** Its own seed: adding members leaves the other areas' demo records as they were. */
const MEMBERS_SEED = 61207;
const DEMO_MEMBERS = 40;

const BOARD: MemberRole[] = ['president', 'vice_president', 'treasurer', 'secretary', 'board_member', 'board_member', 'board_member'];

const isoDaysBefore = (now: Date, days: number) => todayIso(new Date(now.getTime() - days * 86_400_000));

/**
 * About forty members over two years of dues: most paid, some in part, some not at all; a few
 * linked to their beneficiary record; last year's general assembly with its attendance.
 */
export function addDemoMembers(tx: WriteTx, now: Date): void {
  const random = seededRandom(MEMBERS_SEED);
  const thisYear = now.getUTCFullYear();
  const lastYear = thisYear - 1;
  const treasurer = tx.db.prepare("SELECT * FROM users WHERE role = 'treasurer' LIMIT 1").get() as
    | { id: string; display_name: string; locale: User['locale']; created_at: string }
    | undefined;
  const collector: WriteTx = treasurer
    ? { ...tx, user: { ...tx.user, id: treasurer.id, displayName: treasurer.display_name, role: 'treasurer' } }
    : tx;
  for (const year of [lastYear, thisYear]) {
    setFees({ year, amounts: { standard: 10_000, student: 5_000, unemployed: 5_000, honorary: 0 } })(tx);
  }

  // A few members are also beneficiaries: their member record uses the names of their beneficiary record.
  const beneficiaries = tx.db
    .prepare("SELECT id, sex, personal_json FROM beneficiaries WHERE personal_json IS NOT NULL AND archived_at IS NULL ORDER BY created_at LIMIT 20")
    .all() as { id: string; sex: 'female' | 'male'; personal_json: string }[];

  // The president and the treasurer of the board are the demo's staff of the same roles.
  const staffNames = new Map(
    (tx.db.prepare("SELECT role, display_name FROM users WHERE role IN ('president', 'treasurer')").all() as { role: string; display_name: string }[]).map(
      (u) => [u.role, u.display_name],
    ),
  );
  const members = [];
  for (let i = 0; i < DEMO_MEMBERS; i += 1) {
    const drawn = fictitiousPerson(random, random() < 0.8 ? 'MA' : undefined);
    const staffName = BOARD[i] === 'president' || BOARD[i] === 'treasurer' ? staffNames.get(BOARD[i]) : undefined;
    const [first, ...rest] = staffName?.split(' ') ?? [];
    const p = staffName ? { ...drawn, firstName: first, lastName: rest.join(' '), arabicName: null, sex: 'female' as const } : drawn;
    const linked = i >= 12 && i < 12 + beneficiaries.length ? beneficiaries[i - 12] : undefined;
    const personal = linked ? (JSON.parse(linked.personal_json) as { firstName: string; lastName: string; arabicName?: string }) : undefined;
    const joinedDaysAgo = i < 30 ? 400 + Math.floor(random() * 1500) : 20 + Math.floor(random() * 300);
    const category: MemberCategory = i === 0 ? 'standard' : random() < 0.15 ? pick(random, ['student', 'unemployed'] as const) : random() < 0.04 ? 'honorary' : 'standard';
    const resigned = i === 35 || i === 36;
    const role: MemberRole = BOARD[i] ?? (random() < 0.2 ? 'volunteer' : 'member');
    const member = saveMember(
      memberInputSchema.parse({
        firstName: personal?.firstName ?? p.firstName,
        lastName: personal?.lastName ?? p.lastName,
        arabicName: personal ? (personal.arabicName ?? null) : p.arabicName,
        sex: linked?.sex ?? p.sex,
        phones: random() < 0.8 ? [`06${String(Math.floor(random() * 1e8)).padStart(8, '0')}`] : [],
        joinDate: isoDaysBefore(now, joinedDaysAgo),
        category,
        role,
        status: resigned ? 'resigned' : 'active',
        statusDate: resigned ? isoDaysBefore(now, 60) : null,
        mandateStart: BOARD[i] ? `${lastYear}-03-15` : null,
        mandateEnd: BOARD[i] ? `${lastYear + 3}-03-14` : null,
        beneficiaryId: linked?.id ?? null,
      }),
    )({ ...tx, at: new Date(now.getTime() - joinedDaysAgo * 86_400_000).toISOString() });
    members.push({ member, category });
  }

  // Payments in date order, so receipt numbers follow the calendar as they would at the desk.
  const payments: { memberId: string; year: number; date: string; amount: number }[] = [];
  const today = todayIso(now);
  for (const { member, category } of members) {
    const fee = category === 'standard' ? 10_000 : category === 'honorary' ? 0 : 5_000;
    if (fee === 0 || member.status === 'resigned') continue;
    for (const year of [lastYear, thisYear]) {
      if (Number(member.joinDate.slice(0, 4)) > year) continue;
      const roll = random();
      const share = year === lastYear ? (roll < 0.8 ? 1 : roll < 0.9 ? 0.5 : 0) : roll < 0.55 ? 1 : roll < 0.7 ? 0.5 : 0;
      if (share === 0) continue;
      const month = String(1 + Math.floor(random() * (year === thisYear ? now.getUTCMonth() + 1 : 12))).padStart(2, '0');
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
      const date = `${year}-${month}-${day}` > today ? today : `${year}-${month}-${day}`;
      payments.push({ memberId: member.id, year, date, amount: fee * share });
    }
  }
  payments.sort((a, b) => a.date.localeCompare(b.date));
  for (const p of payments) {
    recordPayment(duesPaymentInputSchema.parse({ ...p, method: random() < 0.8 ? 'cash' : 'bank_transfer' }))({ ...collector, at: `${p.date}T10:00:00.000Z` });
  }

  // Last year's general assembly: members who are beneficiaries signed the attendance sheet.
  const assemblyDate = `${lastYear}-06-20`;
  const assembly = saveActivity({
    title: `Assemblée générale ordinaire ${lastYear}`,
    type: 'general_assembly',
    theme: 'sociocultural_integration',
    place: "Siège de l'association",
    startDate: assemblyDate,
    endDate: assemblyDate,
    completionThreshold: 75,
  })({ ...tx, at: `${assemblyDate}T08:00:00.000Z` });
  const session = saveSession({ now: () => now }, { activityId: assembly.id, date: assemblyDate, startTime: '10:00', endTime: '13:00' })(tx);
  for (const b of beneficiaries) {
    insertRegistration(tx.db, { activityId: assembly.id, beneficiaryId: b.id, at: tx.at, walkIn: false });
    upsertMark(tx.db, { sessionId: session.id, beneficiaryId: b.id, status: 'present', at: tx.at, userId: tx.user.id });
  }
}
