import { createHash } from 'node:crypto';
import type { RateLimitDecision } from '../../core/ports';
import type { PrismaClient } from '../client';

/**
 * Counts one use of `key` in the current fixed window, atomically in the store so every instance shares
 * the count, and says whether the use is within `limit`. Keys are stored hashed: they may hold a cédula.
 */
export async function hitRateLimit(
  db: PrismaClient,
  options: { key: string; limit: number; windowSeconds: number; now: Date },
): Promise<RateLimitDecision> {
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(options.now.getTime() / windowMs) * windowMs);
  const key = createHash('sha256').update(options.key).digest('base64url');
  const counter = await db.rateCounter.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
  });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - options.now.getTime()) / 1000);
  return { allowed: counter.count <= options.limit, retryAfterSeconds };
}

/** Deletes windows that ended before `before`; run periodically so the table stays small. */
export async function pruneRateCounters(db: PrismaClient, options: { before: Date }): Promise<number> {
  const { count } = await db.rateCounter.deleteMany({ where: { windowStart: { lt: options.before } } });
  return count;
}
