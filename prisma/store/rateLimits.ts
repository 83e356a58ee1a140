import { createHash } from 'node:crypto';
import type { RateLimitDecision } from '../../core/ports';
import type { PrismaClient } from '../client';
import { turnSqlOf } from '../turnSql';

const HIT_RATE_COUNTER = `INSERT INTO "RateCounter" ("key", "windowStart", "count") VALUES (?, ?, 1)
  ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + 1 RETURNING "count"`;

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
  // Counted on every message a citizen posts, so a turn statement (prisma/turnSql.ts): one atomic upsert that
  // returns the new count, on SQLite and PostgreSQL alike.
  const [counter] = await turnSqlOf(db).returning<{ count: number | bigint }>(HIT_RATE_COUNTER, [key, windowStart]);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - options.now.getTime()) / 1000);
  return { allowed: Number(counter?.count ?? 1) <= options.limit, retryAfterSeconds };
}

/** The multi-row form of HIT_RATE_COUNTER for `n` keys: one statement, one commit, each counter's new count. */
function hitRateCountersSql(n: number): string {
  const rows = Array.from({ length: n }, () => '(?, ?, 1)').join(', ');
  return `INSERT INTO "RateCounter" ("key", "windowStart", "count") VALUES ${rows}
  ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + 1 RETURNING "key", "count"`;
}

/**
 * Counts one use of each of several limits at once (a posted Direct Line message counts its token's and its
 * conversation's): one upsert statement, so one commit instead of one per limit (issue 14). Each hit is counted,
 * even when another one is over; the decisions come back in the order of `hits`, each as `hitRateLimit` would give
 * it. Keys must differ (a statement cannot update one row twice).
 */
export async function hitRateLimits(
  db: PrismaClient,
  options: { hits: readonly { key: string; limit: number }[]; windowSeconds: number; now: Date },
): Promise<RateLimitDecision[]> {
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(options.now.getTime() / windowMs) * windowMs);
  const keys = options.hits.map((hit) => hashKey(hit.key));
  if (new Set(keys).size !== keys.length) throw new TypeError('hitRateLimits needs distinct keys.');
  if (keys.length === 0) return [];
  const rows = await turnSqlOf(db).returning<{ key: string; count: number | bigint }>(
    hitRateCountersSql(keys.length),
    keys.flatMap((key) => [key, windowStart]),
  );
  const counts = new Map(rows.map((row) => [row.key, Number(row.count)]));
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - options.now.getTime()) / 1000);
  return options.hits.map((hit, i) => ({ allowed: (counts.get(keys[i]) ?? 1) <= hit.limit, retryAfterSeconds }));
}

/**
 * A growing-delay throttle (NIST SP 800-63B §5.2.2, OWASP ASVS 5.0: throttle, never lock): the first `free`
 * consecutive failures cost nothing; after that each failure doubles the wait before the next try, from `baseSeconds`
 * up to `maxSeconds`. Failures older than `forgetSeconds` are forgotten.
 */
export interface ThrottlePolicy {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  forgetSeconds: number;
}

/** Seconds to wait after `failures` consecutive failures under `policy`. */
export function throttleDelaySeconds(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(30, failures - policy.free));
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/**
 * Claims one try of `key`: refused (with the seconds left) while the key's wait lasts; otherwise the try is counted
 * as a failure in advance with a compare-and-set, so parallel tries on several instances cannot slip through one
 * open moment. A try that succeeds gives its count back with `releaseThrottle`.
 */
export async function claimThrottle(
  db: PrismaClient,
  options: { key: string; policy: ThrottlePolicy; now: Date },
): Promise<RateLimitDecision> {
  const { policy, now } = options;
  const key = hashKey(options.key);
  for (let round = 0; round < 5; round += 1) {
    const row = await db.throttleState.findUnique({ where: { key } });
    const stale = !row || now.getTime() - row.updatedAt.getTime() > policy.forgetSeconds * 1000;
    if (row && !stale && row.nextAllowedAt.getTime() > now.getTime()) {
      return { allowed: false, retryAfterSeconds: Math.ceil((row.nextAllowedAt.getTime() - now.getTime()) / 1000) };
    }
    const failures = (stale ? 0 : row.failures) + 1;
    const data = { failures, updatedAt: now, nextAllowedAt: new Date(now.getTime() + throttleDelaySeconds(policy, failures) * 1000) };
    try {
      if (!row) await db.throttleState.create({ data: { key, ...data } });
      else if ((await db.throttleState.updateMany({ where: { key, failures: row.failures, updatedAt: row.updatedAt }, data })).count !== 1)
        continue;
      return { allowed: true, retryAfterSeconds: 0 };
    } catch {
      continue;
    }
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, policy.baseSeconds) };
}

/** Gives back a claimed try that succeeded: `reset` forgets every failure of the key, otherwise only this one. */
export async function releaseThrottle(
  db: PrismaClient,
  options: { key: string; policy: ThrottlePolicy; now: Date; reset?: boolean },
): Promise<void> {
  const key = hashKey(options.key);
  if (options.reset) {
    await db.throttleState.deleteMany({ where: { key } });
    return;
  }
  const row = await db.throttleState.findUnique({ where: { key } });
  if (!row || row.failures === 0) return;
  const failures = row.failures - 1;
  const wait = throttleDelaySeconds(options.policy, failures) * 1000;
  await db.throttleState.updateMany({
    where: { key, failures: row.failures },
    data: { failures, nextAllowedAt: new Date(row.updatedAt.getTime() + wait) },
  });
}

/**
 * A stable name for whoever holds a chat, for limits the chat's journeys keep: a self-hosted Direct Line conversation
 * is named by the hash of its browser key (the same browser across its chats), any other by its channel's user id.
 */
export async function chatClientKey(
  db: PrismaClient,
  options: { channelId: string; conversationId: string; userId: string },
): Promise<string> {
  const row = await db.dlConversation.findUnique({ where: { id: options.conversationId }, select: { browserKeyHash: true } });
  return row?.browserKeyHash ? `browser:${row.browserKeyHash}` : `user:${options.channelId}:${options.userId}`;
}
