import type { PrismaClient } from '../client';

/** One inbound WhatsApp message as the webhook records it (before answering 200). */
export interface NewWaInbound {
  wamid: string;
  waUser: string;
  /** `wa_id` when Meta gave one (the phone number messages go to). */
  waId?: string;
  /** The message object as Meta sent it, serialised. */
  message: string;
  profileName?: string;
  mediaId?: string;
  receivedAt: Date;
}

/** A recorded inbound message, as the processor reads it. */
export interface WaInboundRow {
  id: number;
  wamid: string;
  waUser: string;
  message: string;
  profileName: string | null;
  attempts: number;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Records inbound messages and their contacts in one transaction, so a delivery is stored whole or not at all.
 * A wamid already recorded (Meta's retry) is skipped: returns the wamids that were new.
 */
export async function recordWaInbound(db: PrismaClient, messages: readonly NewWaInbound[]): Promise<string[]> {
  const fresh: string[] = [];
  for (const message of messages) {
    try {
      await db.$transaction(async (tx) => {
        await tx.waContact.upsert({
          where: { waUser: message.waUser },
          create: { waUser: message.waUser, waId: message.waId ?? null, createdAt: message.receivedAt },
          update: message.waId ? { waId: message.waId } : {},
        });
        await tx.waInbound.create({
          data: {
            wamid: message.wamid,
            waUser: message.waUser,
            message: message.message,
            profileName: message.profileName ?? null,
            mediaId: message.mediaId ?? null,
            receivedAt: message.receivedAt,
          },
        });
      });
      fresh.push(message.wamid);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return fresh;
}

/** Users with messages waiting to be processed, oldest first. */
export async function listWaUsersWithPending(db: PrismaClient, options: { limit: number }): Promise<string[]> {
  const rows = await db.waInbound.findMany({
    where: { estado: 'PENDIENTE' },
    orderBy: { id: 'asc' },
    distinct: ['waUser'],
    take: options.limit,
    select: { waUser: true },
  });
  return rows.map((r) => r.waUser);
}

/** The user's oldest message still waiting, if any: messages are processed strictly in the order they arrived. */
export async function nextWaInbound(db: PrismaClient, options: { waUser: string }): Promise<WaInboundRow | undefined> {
  const row = await db.waInbound.findFirst({
    where: { waUser: options.waUser, estado: 'PENDIENTE' },
    orderBy: { id: 'asc' },
    select: { id: true, wamid: true, waUser: true, message: true, profileName: true, attempts: true },
  });
  return row ?? undefined;
}

/** Marks a message processed (its turn ran) or, after too many failed turns, abandoned. */
export async function finishWaInbound(
  db: PrismaClient,
  options: { id: number; now: Date; estado: 'PROCESADO' | 'FALLIDO'; error?: string },
): Promise<void> {
  await db.waInbound.updateMany({
    where: { id: options.id, estado: 'PENDIENTE' },
    data: { estado: options.estado, processedAt: options.now, lastError: options.error?.slice(0, 500) ?? null },
  });
}

/** Counts one failed turn of a message (it stays PENDIENTE and is tried again); returns the attempts so far. */
export async function failWaInboundAttempt(db: PrismaClient, options: { id: number; error: string }): Promise<number> {
  const row = await db.waInbound.update({
    where: { id: options.id },
    data: { attempts: { increment: 1 }, lastError: options.error.slice(0, 500) },
    select: { attempts: true },
  });
  return row.attempts;
}

/** Replaces the stored message of `wamid` with `message` (a redacted copy): no earlier form survives. */
export async function replaceWaInboundMessage(db: PrismaClient, options: { wamid: string; message: string }): Promise<boolean> {
  const { count } = await db.waInbound.updateMany({ where: { wamid: options.wamid }, data: { message: options.message } });
  return count === 1;
}

/** The stored message of `wamid`, for tests and operators (the transcript). */
export async function findWaInbound(
  db: PrismaClient,
  options: { wamid: string },
): Promise<{ message: string; estado: string } | undefined> {
  const row = await db.waInbound.findUnique({ where: { wamid: options.wamid }, select: { message: true, estado: true } });
  return row ?? undefined;
}

/** Whether `mediaId` arrived in a message of `waUser`: only that chat may read the file. */
export async function waMediaBelongsTo(db: PrismaClient, options: { mediaId: string; waUser: string }): Promise<boolean> {
  const row = await db.waInbound.findFirst({ where: { mediaId: options.mediaId, waUser: options.waUser }, select: { id: true } });
  return row !== null;
}
