import type { PrismaClient } from '../client';

/** What a queued WhatsApp request is: a free-form message, an approved template, or a read receipt + typing indicator. */
export type WaOutboundKind = 'message' | 'template' | 'read';

/** A queued request leased by one worker. */
export interface ClaimedWaOutbound {
  id: number;
  waUser: string;
  kind: WaOutboundKind;
  body: string;
  attempts: number;
}

/** What replaces a body once sent or abandoned: a body may hold a single-use sign-in or download link. */
export const WA_REDACTED_BODY = '{}';

/** Queues requests for `waUser`, in order; they are sent one at a time per user, oldest first. */
export async function enqueueWaOutbound(
  db: PrismaClient,
  options: { waUser: string; items: readonly { kind: WaOutboundKind; body: string }[]; now: Date },
): Promise<number[]> {
  const ids: number[] = [];
  await db.$transaction(async (tx) => {
    for (const item of options.items) {
      const row = await tx.waOutbound.create({
        data: { waUser: options.waUser, kind: item.kind, body: item.body, nextAttemptAt: options.now, createdAt: options.now },
        select: { id: true },
      });
      ids.push(row.id);
    }
  });
  return ids;
}

/**
 * Leases up to `limit` due requests, at most one per user and only a user's oldest waiting one (so a message in
 * back-off holds the ones after it and the user reads them in order). Each lease is a compare-and-set that pushes
 * nextAttemptAt `leaseSeconds` ahead, so several instances can share the queue.
 */
export async function claimDueWaOutbound(
  db: PrismaClient,
  options: { now: Date; limit: number; leaseSeconds: number },
): Promise<ClaimedWaOutbound[]> {
  const candidates = await db.waOutbound.findMany({
    where: { estado: 'PENDIENTE', nextAttemptAt: { lte: options.now } },
    orderBy: { id: 'asc' },
    take: options.limit * 4,
  });
  const leaseUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000);
  const users = new Set<string>();
  const claimed: ClaimedWaOutbound[] = [];
  for (const row of candidates) {
    if (claimed.length >= options.limit || users.has(row.waUser)) continue;
    users.add(row.waUser);
    const earlier = await db.waOutbound.findFirst({
      where: { waUser: row.waUser, estado: 'PENDIENTE', id: { lt: row.id } },
      select: { id: true },
    });
    if (earlier) continue;
    const { count } = await db.waOutbound.updateMany({
      where: { id: row.id, estado: 'PENDIENTE', attempts: row.attempts, nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: leaseUntil },
    });
    if (count === 1) {
      claimed.push({ id: row.id, waUser: row.waUser, kind: row.kind as WaOutboundKind, body: row.body, attempts: row.attempts });
    }
  }
  return claimed;
}

/** Records the request as accepted by Meta, with the wamid it returned; the body (maybe a link) is dropped. */
export async function markWaOutboundSent(db: PrismaClient, options: { id: number; wamid?: string; now: Date }): Promise<void> {
  await db.waOutbound.updateMany({
    where: { id: options.id, estado: 'PENDIENTE' },
    data: { estado: 'ENVIADO', wamid: options.wamid ?? null, sentAt: options.now, body: WA_REDACTED_BODY, lastError: null },
  });
}

/** Records a failed attempt: `retryAt` schedules another one, none abandons the request (FALLIDO, body dropped). */
export async function markWaOutboundFailed(
  db: PrismaClient,
  options: { id: number; error: string; errorCode?: number; retryAt?: Date },
): Promise<void> {
  const common = { attempts: { increment: 1 }, lastError: options.error.slice(0, 500), errorCode: options.errorCode ?? null };
  await db.waOutbound.updateMany({
    where: { id: options.id, estado: 'PENDIENTE' },
    data: options.retryAt ? { ...common, nextAttemptAt: options.retryAt } : { ...common, estado: 'FALLIDO', body: WA_REDACTED_BODY },
  });
}

/** Applies a status callback (sent, delivered, read, failed) to the request Meta knows as `wamid`; false if unknown. */
export async function applyWaStatus(
  db: PrismaClient,
  options: { wamid: string; status: string; at: Date; error?: string; errorCode?: number },
): Promise<boolean> {
  const failed = options.status === 'failed';
  const { count } = await db.waOutbound.updateMany({
    where: { wamid: options.wamid },
    data: {
      status: options.status,
      statusAt: options.at,
      ...(failed ? { estado: 'FALLIDO', lastError: options.error?.slice(0, 500) ?? null, errorCode: options.errorCode ?? null } : {}),
    },
  });
  return count > 0;
}

/** True when a request is due now (the worker polls again at once instead of waiting). */
export async function hasDueWaOutbound(db: PrismaClient, options: { now: Date }): Promise<boolean> {
  const row = await db.waOutbound.findFirst({ where: { estado: 'PENDIENTE', nextAttemptAt: { lte: options.now } }, select: { id: true } });
  return row !== null;
}
