import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../client';

/** Wrong codes a pending sign-in accepts before it is dropped. */
export const WA_SIGNIN_CODE_MAX_ATTEMPTS = 5;

/** A code of six digits; only its HMAC under the server secret is kept. */
function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function hashCode(secret: string, conversationKey: string, code: string): string {
  return createHmac('sha256', secret).update(`${conversationKey}\n${code}`).digest('hex');
}

/**
 * Moves a just-opened session of a WhatsApp conversation into a pending sign-in with a fresh code, in one
 * transaction: the chat is not signed in until the code comes back from that same chat. Returns the code, to be
 * shown once on the sign-in page; undefined when no session was there to hold.
 */
export async function holdWaSignIn(
  db: PrismaClient,
  options: { conversationKey: string; reference: string; secret: string; now: Date; ttlMinutes: number },
): Promise<string | undefined> {
  const code = newCode();
  return db.$transaction(async (tx) => {
    const session = await tx.citizenSession.findUnique({ where: { conversationKey: options.conversationKey } });
    if (!session) return undefined;
    await tx.citizenSession.delete({ where: { conversationKey: options.conversationKey } });
    const data = {
      codeHash: hashCode(options.secret, options.conversationKey, code),
      afiliadoId: session.afiliadoId,
      reference: options.reference,
      expiresAt: new Date(options.now.getTime() + options.ttlMinutes * 60_000),
      attempts: 0,
      createdAt: options.now,
    };
    await tx.waSignInCode.upsert({
      where: { conversationKey: options.conversationKey },
      create: { conversationKey: options.conversationKey, ...data },
      update: data,
    });
    return code;
  });
}

/** Outcome of a code sent in a WhatsApp chat. */
export type WaCodeOutcome = { ok: true; reference: string } | { ok: false; reason: 'none' | 'wrong' | 'expired' };

/** Whether a chat has a sign-in waiting for its code, expired or not (so a six-digit message is taken as the code). */
export async function hasPendingWaSignIn(db: PrismaClient, options: { conversationKey: string }): Promise<boolean> {
  const row = await db.waSignInCode.findUnique({ where: { conversationKey: options.conversationKey }, select: { expiresAt: true } });
  return row !== null;
}

/**
 * Checks a code sent from the chat of `conversationKey`. The right code within its minutes opens the session
 * (same transaction) and returns the reference to continue; a wrong one counts, and the fifth drops the sign-in.
 */
export async function confirmWaSignIn(
  db: PrismaClient,
  options: { conversationKey: string; code: string; secret: string; now: Date },
): Promise<WaCodeOutcome> {
  return db.$transaction(async (tx) => {
    const row = await tx.waSignInCode.findUnique({ where: { conversationKey: options.conversationKey } });
    if (!row) return { ok: false, reason: 'none' } as const;
    if (row.expiresAt <= options.now) {
      await tx.waSignInCode.delete({ where: { conversationKey: options.conversationKey } });
      return { ok: false, reason: 'expired' } as const;
    }
    const given = Buffer.from(hashCode(options.secret, options.conversationKey, options.code.trim()));
    const expected = Buffer.from(row.codeHash);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      if (row.attempts + 1 >= WA_SIGNIN_CODE_MAX_ATTEMPTS)
        await tx.waSignInCode.delete({ where: { conversationKey: options.conversationKey } });
      else await tx.waSignInCode.update({ where: { conversationKey: options.conversationKey }, data: { attempts: { increment: 1 } } });
      return { ok: false, reason: 'wrong' } as const;
    }
    await tx.waSignInCode.delete({ where: { conversationKey: options.conversationKey } });
    await tx.citizenSession.upsert({
      where: { conversationKey: options.conversationKey },
      create: { conversationKey: options.conversationKey, afiliadoId: row.afiliadoId, createdAt: options.now, lastSeenAt: options.now },
      update: { afiliadoId: row.afiliadoId, lastSeenAt: options.now },
    });
    return { ok: true, reference: row.reference } as const;
  });
}
