import type { ConversationReferenceJson } from '../../core/ports';
import type { StaffDirectory, StaffMember } from '../../core/usecases/agents/ports';
import type { PrismaClient } from '../client';
import type { StaffRole } from '../generated/client';
import demo from '../fixtures/demo-agentes.json';

/** Shape of prisma/fixtures/demo-agentes.json (synthetic call-centre staff). */
export type DemoStaffFixture = typeof demo;

/** The demo staff shipped with the project (a copy of the shared fixture). */
export const DEMO_STAFF: DemoStaffFixture = demo;

const SELECT = { id: true, aadObjectId: true, tenantId: true, nombre: true, correo: true, rol: true, active: true } as const;

/** The staff row of an Entra ID object id, or undefined. */
export async function findStaffByAadObjectId(db: PrismaClient, aadObjectId: string): Promise<StaffMember | undefined> {
  const row = await db.staff.findUnique({ where: { aadObjectId }, select: SELECT });
  return row ?? undefined;
}

/** Stores the agent's personal-chat reference when it differs from the one kept (one read, a write only on change). */
export async function recordPersonalReference(db: PrismaClient, staffId: string, reference: ConversationReferenceJson): Promise<void> {
  const text = JSON.stringify(reference);
  const row = await db.staff.findUnique({ where: { id: staffId }, select: { personalReference: true } });
  if (row && row.personalReference !== text) await db.staff.update({ where: { id: staffId }, data: { personalReference: text } });
}

/** The agent's personal-chat reference, or undefined when the agent never wrote to the bot. */
export async function readPersonalReference(db: PrismaClient, staffId: string): Promise<ConversationReferenceJson | undefined> {
  const row = await db.staff.findUnique({ where: { id: staffId }, select: { personalReference: true } });
  if (!row?.personalReference) return undefined;
  return JSON.parse(row.personalReference) as ConversationReferenceJson;
}

/** Loads the demo staff (agents and supervisor) into an empty staff table; does nothing when staff exist. */
export async function seedDemoStaff(db: PrismaClient, fixture: DemoStaffFixture = DEMO_STAFF): Promise<number> {
  if ((await db.staff.count()) > 0) return 0;
  await db.$transaction(
    fixture.agentes.map((a) =>
      db.staff.create({
        data: { aadObjectId: a.aadObjectId, tenantId: fixture.tenant.id, nombre: a.nombre, correo: a.correo, rol: a.rol as StaffRole },
      }),
    ),
  );
  return fixture.agentes.length;
}

/** The StaffDirectory port over the store. */
export function createStaffDirectory(db: PrismaClient): StaffDirectory {
  return {
    findStaffByAadObjectId: (aadObjectId) => findStaffByAadObjectId(db, aadObjectId),
    recordPersonalReference: (staffId, reference) => recordPersonalReference(db, staffId, reference),
    personalReferenceOf: (staffId) => readPersonalReference(db, staffId),
  };
}
