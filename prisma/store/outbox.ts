import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../client';
import type { Prisma } from '../generated/client';

import type { OutboxMessage } from '../../core/ports';
import { isUniqueViolation } from './filing/errors';

/** An e-mail to queue: the addressee, the subject and the same content as plain text and HTML (declared in core). */
export type { OutboxMessage } from '../../core/ports';

/** A message leased by one worker, with the attempts already spent on it. */
export interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/** Delivery state of an outbox row. */
export type OutboxEstado = 'PENDIENTE' | 'ENVIADO' | 'FALLIDO';

/** What replaces text and html once a message is delivered or abandoned: bodies carry single-use links. */
export const REDACTED_BODY = '[contenido eliminado]';

/** First retry delay; each further failure doubles it. */
export const BACKOFF_BASE_SECONDS = 30;
/** Longest wait between two attempts. */
export const BACKOFF_MAX_SECONDS = 3600;
const MAX_ERROR_CHARS = 500;

/** Seconds to wait after the given number of failed attempts (1 → 30 s, 2 → 60 s, … capped at 1 h). */
export function backoffSeconds(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.min(exponent, 20));
}

/**
 * Writes a message into the outbox inside the caller's transaction, so the e-mail exists exactly when the
 * state change it reports is committed. A repeated dedupKey is a no-op and returns false. The keyed path
 * is an upsert (INSERT … ON CONFLICT on SQLite and PostgreSQL), so a duplicate never aborts the caller's transaction.
 */
export async function enqueueEmail(
  tx: Prisma.TransactionClient | PrismaClient,
  options: { message: OutboxMessage; now: Date },
): Promise<boolean> {
  const { message, now } = options;
  const id = randomUUID();
  const data = {
    id,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    nextAttemptAt: now,
    createdAt: now,
  };
  if (message.dedupKey === undefined) {
    await tx.outboxEmail.create({ data });
    return true;
  }
  try {
    const row = await tx.outboxEmail.upsert({
      where: { dedupKey: message.dedupKey },
      create: { ...data, dedupKey: message.dedupKey },
      update: {},
      select: { id: true },
    });
    return row.id === id;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Leases up to `limit` due messages to the calling worker. Each row is taken with a compare-and-set update
 * (same estado, attempts and nextAttemptAt as read) that pushes nextAttemptAt `leaseSeconds` ahead, so a
 * second worker on the same database either loses the race or no longer sees the row as due.
 */
export async function claimDueEmails(
  db: PrismaClient,
  options: { now: Date; limit: number; leaseSeconds: number },
): Promise<ClaimedEmail[]> {
  if (options.limit <= 0) return [];
  const candidates = await db.outboxEmail.findMany({
    where: { estado: 'PENDIENTE', nextAttemptAt: { lte: options.now } },
    orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
    take: options.limit,
    select: { id: true, to: true, subject: true, text: true, html: true, attempts: true, nextAttemptAt: true },
  });
  const leaseUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000);
  const claimed: ClaimedEmail[] = [];
  for (const row of candidates) {
    const { count } = await db.outboxEmail.updateMany({
      where: { id: row.id, estado: 'PENDIENTE', attempts: row.attempts, nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: leaseUntil },
    });
    if (count === 1) {
      claimed.push({ id: row.id, to: row.to, subject: row.subject, text: row.text, html: row.html, attempts: row.attempts });
    }
  }
  return claimed;
}

/** Records a delivery and redacts the bodies: their single-use links must not outlive the sending. */
export async function markEmailSent(db: PrismaClient, options: { id: string; now: Date }): Promise<void> {
  await db.outboxEmail.updateMany({
    where: { id: options.id, estado: 'PENDIENTE' },
    data: { estado: 'ENVIADO', sentAt: options.now, text: REDACTED_BODY, html: REDACTED_BODY, lastError: null },
  });
}

/**
 * Records a failed attempt. Below `maxAttempts` the message waits an exponential back-off and returns
 * 'retry'; at `maxAttempts` it becomes FALLIDO with its bodies redacted and returns 'failed'. A message
 * already delivered or abandoned (for example by a worker whose lease outlived this one) is left as it is.
 */
export async function markEmailFailed(
  db: PrismaClient,
  options: { id: string; now: Date; error: string; maxAttempts: number },
): Promise<'retry' | 'failed'> {
  const lastError = options.error.slice(0, MAX_ERROR_CHARS);
  for (;;) {
    const row = await db.outboxEmail.findUnique({ where: { id: options.id }, select: { estado: true, attempts: true } });
    if (!row) throw new Error(`OutboxEmail ${options.id} does not exist.`);
    if (row.estado !== 'PENDIENTE') return row.estado === 'FALLIDO' ? 'failed' : 'retry';
    const attempts = row.attempts + 1;
    const final = attempts >= options.maxAttempts;
    const data: Prisma.OutboxEmailUpdateManyMutationInput = final
      ? { attempts, lastError, estado: 'FALLIDO', text: REDACTED_BODY, html: REDACTED_BODY }
      : { attempts, lastError, nextAttemptAt: new Date(options.now.getTime() + backoffSeconds(attempts) * 1000) };
    const { count } = await db.outboxEmail.updateMany({
      where: { id: options.id, estado: 'PENDIENTE', attempts: row.attempts },
      data,
    });
    if (count === 1) return final ? 'failed' : 'retry';
  }
}

/** Number of messages in each state, for health checks and operators. */
export async function getOutboxCounts(db: PrismaClient): Promise<Record<OutboxEstado, number>> {
  const groups = await db.outboxEmail.groupBy({ by: ['estado'], _count: { _all: true } });
  const counts: Record<OutboxEstado, number> = { PENDIENTE: 0, ENVIADO: 0, FALLIDO: 0 };
  for (const group of groups) counts[group.estado] = group._count._all;
  return counts;
}

/** True when at least one PENDIENTE message is due at `now` (not waiting for a back-off or a lease). */
export async function hasDueEmails(db: PrismaClient, options: { now: Date }): Promise<boolean> {
  const row = await db.outboxEmail.findFirst({
    where: { estado: 'PENDIENTE', nextAttemptAt: { lte: options.now } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Gives back leases a stopping worker still holds: each message still PENDIENTE with the attempts it had when claimed
 * becomes due at `now`, so another worker can take it at once. A message recorded meanwhile is left as it is.
 */
export async function releaseEmailLeases(
  db: PrismaClient,
  options: { leases: readonly { id: string; attempts: number }[]; now: Date },
): Promise<number> {
  let released = 0;
  for (const lease of options.leases) {
    const { count } = await db.outboxEmail.updateMany({
      where: { id: lease.id, estado: 'PENDIENTE', attempts: lease.attempts },
      data: { nextAttemptAt: options.now },
    });
    released += count;
  }
  return released;
}
