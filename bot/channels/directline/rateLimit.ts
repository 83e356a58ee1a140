import type { Response } from 'restify';
import type { PrismaClient } from '../../../prisma/client';
import type { RateLimitDecision } from '../../../core/ports';
import { hitRateLimit, hitRateLimits } from '../../../prisma/store/rateLimits';
import { DirectLineError } from './errors';

const WINDOW_SECONDS = 60;
const WINDOW_MS = WINDOW_SECONDS * 1000;
const PRUNE_ABOVE = 10_000;

/**
 * Per-key limit of hits per minute. With a Prisma client (`store`), the count lives in the shared `RateCounter`
 * table, so every instance of the service shares one budget per key (`consume`). Without one, it falls back to a
 * fixed-window count in this process's memory, where N instances allow N times the limit.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /**
   * @param perMinute Hits allowed per key and minute.
   * @param clock Source of the current time (tests pass a fake clock to cross a window).
   * @param store The shared store; when omitted (default), counts are kept in process memory.
   */
  constructor(
    private readonly perMinute: number,
    private readonly clock: () => Date,
    private readonly store?: PrismaClient,
  ) {}

  /**
   * Counts one hit for `key` in the shared store (or in memory without one); resolves to the seconds to wait if
   * the limit is exceeded, else 0.
   */
  async consume(key: string): Promise<number> {
    if (!this.store) return this.hit(key);
    const decision = await hitRateLimit(this.store, {
      // The limit is part of the key: a count only means something against the limit it was counted for.
      key: `directline:token:${this.perMinute}:${key}`,
      limit: this.perMinute,
      windowSeconds: WINDOW_SECONDS,
      now: this.clock(),
    });
    return decision.allowed ? 0 : Math.max(1, decision.retryAfterSeconds);
  }

  /**
   * Counts one hit for `key` in process memory only; returns the seconds to wait if the limit is exceeded, else 0.
   * @deprecated Per instance only: use `consume` with a `store` so instances share the count.
   */
  hit(key: string): number {
    const now = this.clock().getTime();
    if (this.windows.size > PRUNE_ABOVE) this.prune(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.perMinute) return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    window.count += 1;
    return 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/**
 * The channel's limits, all counted in the store (RateCounter) so every instance shares them, and shaped so citizens
 * behind one carrier-grade NAT address are not locked out: a new chat is limited per browser (its key cookie) under a
 * high per-address ceiling; what a chat then sends is limited per conversation (all its tokens together).
 */
export interface DirectLineLimitSettings {
  /** New chats (tokens) per client address and minute: a ceiling for a whole NAT, not a per-person limit. */
  tokensPerAddress: number;
  /** New chats per browser (key cookie) and minute; a first visit counts under the key it is given. */
  tokensPerBrowser: number;
  /** Activities posted (messages, uploads) per conversation and minute, whichever of its tokens posts them. */
  messagesPerConversation: number;
  /** Token refreshes per conversation and minute (Web Chat refreshes about every 15 minutes). */
  refreshesPerConversation: number;
}

/** Defaults of the channel's limits (README, DIRECTLINE_* variables). */
export const DEFAULT_DIRECTLINE_LIMITS: DirectLineLimitSettings = {
  tokensPerAddress: 600,
  tokensPerBrowser: 10,
  messagesPerConversation: 30,
  refreshesPerConversation: 6,
};

/** The answer's headers: a refusal sets Retry-After on them. */
type Headers = Pick<Response, 'header'>;

/** Checks the channel's shared limits; each check sets Retry-After and throws a Direct Line 429 when over. */
export class DirectLineLimits {
  constructor(
    private readonly settings: DirectLineLimitSettings,
    private readonly clock: () => Date,
    private readonly store: PrismaClient,
  ) {}

  /**
   * A new chat from `address` in the browser whose key hash is `browserKeyHash` (for a first visit, the key it is
   * about to get): both counters in one statement (one commit); the address's ceiling is decided first.
   */
  async newChat(res: Headers, address: string, browserKeyHash: string): Promise<void> {
    const { tokensPerAddress, tokensPerBrowser } = this.settings;
    await this.countAll(res, 'token', [
      { key: `directline:address:${address}:${tokensPerAddress}`, limit: tokensPerAddress },
      { key: `directline:browser:${browserKeyHash}:${tokensPerBrowser}`, limit: tokensPerBrowser },
    ]);
  }

  /**
   * An activity posted to `conversationId`. One counter: a token belongs to one conversation, so a count per token
   * could never go over before the conversation's, and would cost a second row on every message.
   */
  async message(res: Headers, conversationId: string): Promise<void> {
    const limit = this.settings.messagesPerConversation;
    await this.countAll(res, 'message', [{ key: `directline:conversation:${conversationId}:${limit}`, limit }]);
  }

  /** A token refresh of `conversationId`. */
  async refresh(res: Headers, conversationId: string): Promise<void> {
    await this.count(res, `refresh:${conversationId}`, this.settings.refreshesPerConversation, 'refresh');
  }

  /** Counts every hit in one statement, then refuses at the first one over its limit, in the order given. */
  private async countAll(res: Headers, what: 'token' | 'message', hits: { key: string; limit: number }[]): Promise<void> {
    const decisions = await hitRateLimits(this.store, { hits, windowSeconds: WINDOW_SECONDS, now: this.clock() });
    for (const decision of decisions) refuseOver(res, decision, what);
  }

  private async count(res: Headers, key: string, limit: number, what: 'token' | 'message' | 'refresh'): Promise<void> {
    const decision = await hitRateLimit(this.store, {
      key: `directline:${key}:${limit}`,
      limit,
      windowSeconds: WINDOW_SECONDS,
      now: this.clock(),
    });
    refuseOver(res, decision, what);
  }
}

/** Sets Retry-After and throws the Direct Line 429 when `decision` is over its limit. */
function refuseOver(res: Headers, decision: RateLimitDecision, what: 'token' | 'message' | 'refresh'): void {
  if (decision.allowed) return;
  res.header('Retry-After', String(Math.max(1, decision.retryAfterSeconds)));
  throw new DirectLineError(429, 'TooManyRequests', `Too many ${what} requests; try again later.`);
}
