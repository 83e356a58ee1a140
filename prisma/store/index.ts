import type { CaseReader, RateLimiter } from '../../core/ports';
import type { PrismaClient } from '../client';
import { findCaseForCitizen } from './cases';
import {
  buildRecoveryChallenge,
  checkRecoveryAnswer,
  DEFAULT_RECOVERY_BLOCK_HOURS,
  getRecoveryEmail,
  isRecoveryBlocked,
  type RecoveryContext,
} from './claveRecovery';
import { checkResetToken, completeReset, issueResetLink } from './claveReset';
import { chatClientKey, hitRateLimit } from './rateLimits';
import { recordRecoveryPass, unblockRecovery } from './recoveryGuard';

export { RESET_TOKEN_TTL_SECONDS } from './claveReset';

/** What the store needs beyond the client: the clock, the server secret and the distractor employers. */
export interface StoreOptions {
  clock: () => Date;
  secret: string;
  distractorEmployers: readonly string[];
  /** scrypt cost (log2 N) for new claves; tests lower it. */
  scryptLogN?: number;
  /** Hours an online-recovery block lasts (default 24) unless an agent lifts it sooner. */
  recoveryBlockHours?: number;
}

/**
 * The store's rows and writes over one Prisma client: case look-ups, the shared rate limiter, recovery and reset
 * records, health. No copy and no e-mail rendering: the use cases in core/usecases pass them in.
 */
export function createStore(db: PrismaClient, options: StoreOptions) {
  const { clock } = options;
  const blockHours = options.recoveryBlockHours ?? DEFAULT_RECOVERY_BLOCK_HOURS;
  const ctx: RecoveryContext = { db, secret: options.secret, distractors: options.distractorEmployers, blockHours };
  const cases: CaseReader = { findCaseForCitizen: (o) => findCaseForCitizen(db, o) };
  const rateLimiter: RateLimiter = { hit: (o) => hitRateLimit(db, { ...o, now: clock() }), clientOf: (o) => chatClientKey(db, o) };
  return {
    cases,
    rateLimiter,
    recovery: {
      isRecoveryBlocked: (o: { identificacion: string; now: Date }) => isRecoveryBlocked(db, { ...o, blockHours }),
      buildRecoveryChallenge: (o: Parameters<typeof buildRecoveryChallenge>[1]) => buildRecoveryChallenge(ctx, o),
      checkRecoveryAnswer: (o: Parameters<typeof checkRecoveryAnswer>[1]) => checkRecoveryAnswer(ctx, o),
      recordRecoveryPass: (o: Omit<Parameters<typeof recordRecoveryPass>[1], 'blockHours'>) => recordRecoveryPass(db, { ...o, blockHours }),
      /** Lifts a block (the call-centre agent's action, after checking the person's identity). */
      unblockRecovery: (o: { identificacion: string }) => unblockRecovery(db, { ...o, now: clock() }),
      getRecoveryEmail: (o: { identificacion: string }) => getRecoveryEmail(db, o),
      issueResetLink: (o: Parameters<typeof issueResetLink>[1]) => issueResetLink(db, o),
    },
    reset: {
      checkResetToken: (o: Parameters<typeof checkResetToken>[1]) => checkResetToken(db, o),
      completeReset: (o: Omit<Parameters<typeof completeReset>[1], 'scryptLogN'>) =>
        completeReset(db, { ...o, scryptLogN: options.scryptLogN }),
    },
    /** True when the database answers a trivial query. */
    async isHealthy(): Promise<boolean> {
      try {
        await db.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The store's rows and writes, as createStore builds them. */
export type Store = ReturnType<typeof createStore>;
