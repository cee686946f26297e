import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beneficiaryInputSchema, DEMO_PASSWORD, type Role, type User } from '../../contract';
import { appendAudit } from '../audit/repository';
import { writeAssociationDetails } from '../association/repository';
import { closeFile, createAssociationFile, fileNameFor } from '../db/association-file';
import { withSlot } from '../db/keyslots';
import { updateTrustedKeys } from '../db/trusted-keys';
import { createSlot } from '../db/slots';
import { newId } from '../ids';
import { createBeneficiary } from '../beneficiaries/service';
import type { WriteTx } from '../context';
import { insertUser } from '../users/repository';
import { addDemoActivities } from './activities';
import { addDemoGrants } from './grants';
import { addDemoCooperatives } from './cooperatives';
import { addDemoEmployment } from './employment';
import { addDemoMembers } from './members';
import { addDemoTreasury } from './treasury';
import { addDemoTrainingCycle } from './training-cycles';
import { addDemoServices } from './services';
import { addDemoMassEvents } from './mass-events';
import { fictitiousBeneficiary } from './beneficiaries';
import { addDemoFollowUp } from './case-follow-up';
import { addDemoCaseLifecycle } from './case-lifecycle';
import { addDemoPartners } from './partners';
import { addDemoIndicatorMeasures } from './reports';
import { fictitiousPerson } from './people';
import { seededRandom } from './random';

export const DEMO_SEED = 20140918;
export const DEMO_ASSOCIATION = { name: 'Association Tadamon Démo', city: 'Oujda' } as const;
export const DEMO_BENEFICIARIES = 150;

/** The first draws of the demo seed: the president, the treasurer and the volunteer. */
function drawStaff(random: () => number): { role: Role; displayName: string }[] {
  return (['president', 'treasurer', 'volunteer'] as const).map((role) => {
    const p = fictitiousPerson(random, 'MA');
    return { role, displayName: `${p.firstName} ${p.lastName}` };
  });
}

export function demoStaff(): { role: Role; displayName: string }[] {
  return drawStaff(seededRandom(DEMO_SEED));
}

export function demoPath(dataDir: string): string {
  return join(dataDir, 'demo', fileNameFor(DEMO_ASSOCIATION.name));
}

/**
 * Builds the demo association from a fixed seed: every staff member signs in with DEMO_PASSWORD.
 * Each area adds its fictitious records here as it lands.
 */
export async function createDemoFile(dataDir: string, options: { nativeBinding?: string; now: Date }): Promise<string> {
  const path = demoPath(dataDir);
  if (existsSync(path)) return path;
  const random = seededRandom(DEMO_SEED);
  const [president, treasurer, volunteer] = drawStaff(random);
  const { file } = await createAssociationFile(
    {
      directory: join(dataDir, 'demo'),
      associationName: DEMO_ASSOCIATION.name,
      city: DEMO_ASSOCIATION.city,
      president: { displayName: president.displayName, password: DEMO_PASSWORD, locale: 'fr' },
    },
    options,
  );
  try {
    const at = options.now.toISOString();
    const others: User[] = [treasurer, volunteer].map((s) => ({
      id: newId(),
      displayName: s.displayName,
      role: s.role,
      locale: 'fr',
      mustChangePassword: false,
      createdAt: at,
    }));
    const slots = await Promise.all(
      others.map((u) =>
        createSlot({
          fileId: file.association.fileId,
          dbKey: file.key,
          generation: file.keyGeneration,
          secret: DEMO_PASSWORD,
          meta: { kind: 'user', userId: u.id, label: u.displayName },
        }),
      ),
    );
    file.db.transaction(() => {
      for (const user of others) {
        insertUser(file.db, user);
        appendAudit(file.db, { at, userId: null, op: 'demo.create', entityId: user.id });
      }
      const tx: WriteTx = { db: file.db, user: others[1], at, audit: () => undefined };
      // Registered one a day over the last months, through the same schema a form goes through.
      for (let i = 0; i < DEMO_BENEFICIARIES; i++) {
        const registeredAt = new Date(options.now.getTime() - (DEMO_BENEFICIARIES - i) * 86_400_000).toISOString();
        createBeneficiary(beneficiaryInputSchema.parse(fictitiousBeneficiary(random, options.now)))({ ...tx, at: registeredAt });
      }
      writeAssociationDetails(file.db, { address: '14, boulevard Mohammed V, quartier Al Qods', registrationNumber: '118/2016' });
      addDemoPartners(file.db, random, at);
      addDemoFollowUp(file.db, random, options.now);
      addDemoCaseLifecycle(tx, options.now);
      addDemoActivities(tx, random, options.now);
      addDemoTrainingCycle(tx, options.now);
      addDemoGrants({ ...tx, user: others[0] }, options.now);
      addDemoMembers(tx, options.now);
      addDemoTreasury({ ...tx, user: others[0] }, options.now);
      addDemoServices({ ...tx, user: others[0] }, options.now);
      addDemoMassEvents(tx, options.now);
      addDemoCooperatives(tx, options.now);
      addDemoEmployment(tx, options.now);
      addDemoIndicatorMeasures(tx);
      updateTrustedKeys(file, (keys) => slots.reduce(withSlot, keys));
    })();
  } finally {
    closeFile(file);
  }
  return path;
}
