// The store's own tests, unchanged, on PostgreSQL: cases and filing, case counters, the outbox, rate limits and
// throttles, sign-in sessions and links, the recovery guard, downloads, the Bot Framework state with eTags, and the
// Direct Line append (seqs from the guessed watermark).
import './usePostgres';
import '../store/filing.test';
import '../store/prismaStorage.test';
import '../store/turnSql.test';
import '../handoff/handoffStore.test';
import '../store/rateLimits.test';
import '../store/throttle.test';
import '../store/recoveryGuard.test';
import '../store/seed.test';
import '../mail/outbox.test';
import '../signin/session.store.test';
import '../signin/browserBinding.store.test';
import '../documents/downloads.store.test';
import '../bot/tokenRateLimit.test';
import '../directline/store.test';
