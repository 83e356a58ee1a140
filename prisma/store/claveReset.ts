import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../client';
import type { OutboxMessage } from '../../core/ports';
import { enqueueEmail } from './outbox';
import { hashSecret } from './secrets';

/** Life of a reset link (seed 004: 15 minutos). */
export const RESET_TOKEN_TTL_SECONDS = 15 * 60;

/** Hash under which a token is stored; the token itself is only ever in the e-mail. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Issues a single-use reset link for a person who passed every question: the token (256 bits) is stored
 * hashed, earlier unused links are voided, and the e-mails are queued in the same transaction. With a new
 * address, the person's e-mail is updated and the previous address is told.
 */
export async function issueResetLink(
  db: PrismaClient,
  options: {
    afiliadoId: string;
    email: string;
    now: Date;
    linkFor: (token: string) => string;
    compose: (link: string) => OutboxMessage;
    notifyPrevious?: (previous: string) => OutboxMessage;
  },
): Promise<{ expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + RESET_TOKEN_TTL_SECONDS * 1000);
  await db.$transaction(async (tx) => {
    const person = await tx.afiliado.findUniqueOrThrow({ where: { id: options.afiliadoId } });
    await tx.recoveryToken.updateMany({ where: { afiliadoId: person.id, usedAt: null }, data: { usedAt: options.now } });
    await tx.recoveryToken.create({
      data: { afiliadoId: person.id, tokenHash: hashToken(token), email: options.email, expiresAt, createdAt: options.now },
    });
    if (person.email && person.email !== options.email) {
      await tx.afiliado.update({ where: { id: person.id }, data: { email: options.email } });
      if (options.notifyPrevious) await enqueueEmail(tx, { message: options.notifyPrevious(person.email), now: options.now });
    }
    await enqueueEmail(tx, { message: options.compose(options.linkFor(token)), now: options.now });
  });
  return { expiresAt };
}

/** The person a link belongs to, only while it is unused and unexpired; unknown, used and expired look alike. */
export async function checkResetToken(db: PrismaClient, options: { token: string; now: Date }): Promise<{ nombres: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(options.token)) return undefined;
  const found = await db.recoveryToken.findUnique({ where: { tokenHash: hashToken(options.token) }, include: { afiliado: true } });
  if (!found || found.usedAt || found.expiresAt <= options.now) return undefined;
  return { nombres: found.afiliado.nombres };
}

/**
 * Sets the new clave through a valid link, exactly once: the link is consumed with a conditional update, the
 * clave stored with scrypt (replacing, so deactivating, the previous one), the failure count cleared and the
 * confirmation e-mail queued, all in one transaction.
 */
export async function completeReset(
  db: PrismaClient,
  options: {
    token: string;
    clave: string;
    now: Date;
    compose: (person: { nombres: string; email: string }) => OutboxMessage;
    scryptLogN?: number;
  },
): Promise<'ok' | 'invalid'> {
  if (!(await checkResetToken(db, options))) return 'invalid';
  const hash = await hashSecret(options.clave, options.scryptLogN);
  return db.$transaction(async (tx) => {
    const tokenHash = hashToken(options.token);
    const consumed = await tx.recoveryToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: options.now } },
      data: { usedAt: options.now },
    });
    if (consumed.count !== 1) return 'invalid' as const;
    const row = await tx.recoveryToken.findUniqueOrThrow({ where: { tokenHash }, include: { afiliado: true } });
    const person = row.afiliado;
    await tx.clave.upsert({
      where: { afiliadoId: person.id },
      create: { afiliadoId: person.id, hash, estado: 'ACTIVA' },
      update: { hash, estado: 'ACTIVA' },
    });
    const identificador = person.cedula ?? person.codigoExtranjero ?? '';
    await tx.recoveryGuard.updateMany({ where: { identificador, bloqueadoEn: null }, data: { fallos: 0 } });
    await enqueueEmail(tx, { message: options.compose({ nombres: person.nombres, email: row.email }), now: options.now });
    return 'ok' as const;
  });
}
