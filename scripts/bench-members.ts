// Part of `npm run bench` (scripts/bench.ts): members and dues at the scale of a large association —
// 3,000 members, five years of dues, about 12,000 payments with their receipts — in an encrypted file.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { duesPaymentInputSchema, memberInputSchema, memberSearchSchema, type MemberCategory } from '../electron/contract';
import type { SignedInContext, WriteTx } from '../electron/core/context';
import { closeFile, createAssociationFile } from '../electron/core/db/association-file';
import { fictitiousPerson } from '../electron/core/demo/people';
import { seededRandom } from '../electron/core/demo/random';
import { duesStatus, recordPayment, setFees } from '../electron/core/members/dues';
import { getMemberDetail, listMembers, saveMember } from '../electron/core/members/service';
import { percentile, timedRuns } from './bench-stats';

export interface MembersBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 3_000);
const YEARS = 5;

export async function benchMembers(dir: string, now: Date): Promise<MembersBenchResult[]> {
  const { file } = await createAssociationFile(
    { directory: join(dir, 'members'), associationName: 'Bench members', city: 'Oujda', president: { displayName: 'P', password: 'bench password 2026', locale: 'fr' } },
    { now },
  );
  try {
    const { db } = file;
    const random = seededRandom(11);
    const thisYear = now.getUTCFullYear();
    const user = db.prepare('SELECT id, display_name AS displayName, role, locale, created_at AS createdAt FROM users LIMIT 1').get() as WriteTx['user'];
    const tx: WriteTx = { db, user: { ...user, mustChangePassword: false }, at: now.toISOString(), audit: () => undefined };
    const ctx = { now: () => now, session: { file } } as unknown as SignedInContext;

    const fillStart = performance.now();
    const ids: string[] = [];
    db.transaction(() => {
      for (let y = thisYear - YEARS + 1; y <= thisYear; y++) setFees({ year: y, amounts: { standard: 10_000, student: 5_000 } })(tx);
      for (let i = 0; i < MEMBERS; i++) {
        const p = fictitiousPerson(random, 'MA');
        const category: MemberCategory = random() < 0.2 ? 'student' : 'standard';
        const joined = `${thisYear - Math.floor(random() * YEARS)}-01-15`;
        ids.push(saveMember(memberInputSchema.parse({ firstName: p.firstName, lastName: p.lastName, sex: p.sex, joinDate: joined, category }))(tx).id);
      }
    })();
    // Each payment in its own transaction, as the dispatcher runs `dues.pay`: the receipt number is allocated inside it.
    const payTimes: number[] = [];
    for (let y = thisYear - YEARS + 1; y <= thisYear; y++) {
      for (const id of ids) {
        if (random() < 0.2) continue;
        const input = duesPaymentInputSchema.parse({ memberId: id, year: y, date: `${y}-03-01`, amount: 5_000, method: 'cash', confirmOverpayment: true });
        const start = performance.now();
        try {
          db.transaction(() => recordPayment(input)(tx))();
        } catch {
          // A member who joined after that year owes nothing: the payment is an overpayment, confirmed above.
        }
        payTimes.push(performance.now() - start);
      }
    }
    const payments = (db.prepare('SELECT count(*) AS n FROM member_payments').get() as { n: number }).n;
    console.log(`filled ${MEMBERS} members and ${payments} payments over ${YEARS} years (encrypted) in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);

    const status = timedRuns(20, () => duesStatus(ctx, thisYear));
    const list = timedRuns(20, (i) => listMembers(ctx, memberSearchSchema.parse({ query: i % 2 ? '' : 'el', year: thisYear, limit: 100 })));
    const detail = timedRuns(50, (i) => getMemberDetail(ctx, ids[(i * 37) % ids.length]));
    return [
      { name: `dues payment with its receipt number, median (${payments} receipts in the file)`, value: percentile(payTimes, 50), unit: 'ms', target: 20 },
      { name: 'dues payment with its receipt number, p95', value: percentile(payTimes, 95), unit: 'ms', target: 50 },
      { name: `unpaid and partly paid lists of a year (${MEMBERS} members), median`, value: percentile(status, 50), unit: 'ms', target: 200 },
      { name: 'members list page with the year’s dues (search or not), median', value: percentile(list, 50), unit: 'ms', target: 200 },
      { name: 'member page with balances and payments, median', value: percentile(detail, 50), unit: 'ms', target: 50 },
    ];
  } finally {
    closeFile(file);
  }
}
