import type { CaseReader, Clock, RateLimiter } from '../../dialogs/ports';
import type { PrismaClient } from '../client';
import { findCaseForCitizen } from './cases';
import { hitRateLimit } from './rateLimits';

/** The store's implementations of the dialogs' ports, over one Prisma client. */
export interface Store {
  cases: CaseReader;
  rateLimiter: RateLimiter;
  /** True when the database answers a trivial query. */
  isHealthy(): Promise<boolean>;
}

/** Binds the data-access functions to a client and a clock. */
export function createStore(db: PrismaClient, clock: Clock): Store {
  return {
    cases: { findCaseForCitizen: (options) => findCaseForCitizen(db, options) },
    rateLimiter: { hit: (options) => hitRateLimit(db, { ...options, now: clock() }) },
    async isHealthy() {
      try {
        await db.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}
