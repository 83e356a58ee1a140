import type { OutboxMessage } from '../../core/ports';
import type { PrismaClient } from '../client';
import { MAX_RECOVERY_INTENTOS } from './claveRecovery';
import { enqueueEmail } from './outbox';

/** How a pass through the recovery questions ended for its identification. */
export interface RecoveryPassVerdict {
  blocked: boolean;
  /** Intentos left before the block (0 when blocked). */
  remaining: number;
}

/** Forgets the intentos of a block that began `blockHours` ago or earlier. */
async function expireBlock(db: PrismaClient, options: { identificacion: string; now: Date; blockHours: number }): Promise<void> {
  const endedBefore = new Date(options.now.getTime() - options.blockHours * 3_600_000);
  await db.recoveryGuard.updateMany({
    where: { identificador: options.identificacion, bloqueadoEn: { lte: endedBefore } },
    data: { fallos: 0, bloqueadoEn: null, updatedAt: options.now },
  });
}

/** Adds one intento to an unblocked identification, never past the limit; registered or not (the row is keyed by the identification only). */
async function addIntento(db: PrismaClient, identificador: string, now: Date): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    const { count } = await db.recoveryGuard.updateMany({
      where: { identificador, bloqueadoEn: null, fallos: { lt: MAX_RECOVERY_INTENTOS } },
      data: { fallos: { increment: 1 }, updatedAt: now },
    });
    if (count === 1 || (await db.recoveryGuard.count({ where: { identificador } })) === 1) return;
    try {
      await db.recoveryGuard.create({ data: { identificador, fallos: 1, updatedAt: now } });
      return;
    } catch {
      continue;
    }
  }
}

/**
 * Judges one finished pass through the questions (seed 004: "tiene 5 intentos"): a pass with any wrong answer is one
 * intento, a right pass forgets the intentos. The fifth failed intento blocks online recovery and, in the same
 * transaction, queues `composeBlocked` to the owner's registered e-mail (once, by the one call that sets the block).
 * Unknown identifications are counted the same way, so the chat's messages never tell them apart.
 */
export async function recordRecoveryPass(
  db: PrismaClient,
  options: {
    identificacion: string;
    passed: boolean;
    now: Date;
    blockHours: number;
    composeBlocked: (person: { nombres: string; email: string }) => OutboxMessage;
  },
): Promise<RecoveryPassVerdict> {
  const { identificacion: identificador, now } = options;
  await expireBlock(db, options);
  if (options.passed)
    await db.recoveryGuard.updateMany({ where: { identificador, bloqueadoEn: null }, data: { fallos: 0, updatedAt: now } });
  else await addIntento(db, identificador, now);
  const guard = await db.recoveryGuard.findUnique({ where: { identificador } });
  const fallos = guard?.fallos ?? 0;
  if (guard?.bloqueadoEn) return { blocked: true, remaining: 0 };
  if (fallos < MAX_RECOVERY_INTENTOS) return { blocked: false, remaining: MAX_RECOVERY_INTENTOS - fallos };
  await db.$transaction(async (tx) => {
    const { count } = await tx.recoveryGuard.updateMany({ where: { identificador, bloqueadoEn: null }, data: { bloqueadoEn: now } });
    if (count !== 1) return;
    const person = await tx.afiliado.findFirst({ where: { OR: [{ cedula: identificador }, { codigoExtranjero: identificador }] } });
    if (person?.email) await enqueueEmail(tx, { message: options.composeBlocked({ nombres: person.nombres, email: person.email }), now });
  });
  return { blocked: true, remaining: 0 };
}

/**
 * Lifts a block and forgets the intentos, as a call-centre agent does after checking the person's identity (the agent
 * side is built with Teams). True when there was a block to lift.
 */
export async function unblockRecovery(db: PrismaClient, options: { identificacion: string; now: Date }): Promise<boolean> {
  const { count } = await db.recoveryGuard.updateMany({
    where: { identificador: options.identificacion, bloqueadoEn: { not: null } },
    data: { fallos: 0, bloqueadoEn: null, updatedAt: options.now },
  });
  return count === 1;
}
