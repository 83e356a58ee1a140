import type { TurnSqlParam } from '../turnSql';
import type { RetentionCutoffs } from './housekeeping';

/**
 * One step of the prune that deletes rows of one table by primary key: `where` (with `?` placeholders) says which
 * rows are past retention, `params` gives its values for a run. The SQL is portable (quoted identifiers, `?` numbered
 * for PostgreSQL by prisma/turnSql.ts, `IN (SELECT … LIMIT ?)`). A delete-by-key step's condition has an index
 * (prisma/schema.prisma, "housekeeping"); a sweep's needs only the primary key.
 */
export interface PruneStep {
  name: string;
  table: string;
  key: string;
  where: string;
  params: (cut: RetentionCutoffs) => TurnSqlParam[];
}

const expired = (cut: RetentionCutoffs): TurnSqlParam[] => [cut.expiredBefore];

/** The delete-by-key steps a run takes first, in order: expired token and link hashes. */
export const TOKEN_STEPS: readonly PruneStep[] = [
  { name: 'recoveryTokens', table: 'RecoveryToken', key: 'id', where: '"expiresAt" < ?', params: expired },
  { name: 'signInLinks', table: 'SignInLink', key: 'tokenHash', where: '"expiresAt" < ?', params: expired },
  { name: 'downloadGrants', table: 'DownloadGrant', key: 'tokenHash', where: '"expiresAt" < ?', params: expired },
  { name: 'directLineTokens', table: 'DlToken', key: 'tokenHash', where: '"expiresAt" < ?', params: expired },
];

/** Delivered or abandoned e-mails past retention (after their bodies' redaction); a pending e-mail is never deleted. */
export const OLD_EMAILS_STEP: PruneStep = {
  name: 'emails',
  table: 'OutboxEmail',
  key: 'id',
  where: `"estado" IN ('ENVIADO', 'FALLIDO') AND "createdAt" < ?`,
  params: (cut) => [cut.emailsBefore],
};

/** The delete-by-key steps after the transcripts and the state sweep (then the rate counters, then {@link THROTTLE_STEP}). */
export const STATE_STEPS: readonly PruneStep[] = [
  {
    name: 'recoveryGuards',
    table: 'RecoveryGuard',
    key: 'identificador',
    // Intentos below the block are kept (seed 004 counts them until a right pass); rows with nothing left to count go.
    where: '(("bloqueadoEn" IS NULL AND "fallos" = 0) OR "bloqueadoEn" <= ?)',
    params: (cut) => [cut.recoveryBlocksBefore],
  },
];

/** Throttles not touched since the counters' cut-off; after the rate counters. */
export const THROTTLE_STEP: PruneStep = {
  name: 'throttles',
  table: 'ThrottleState',
  key: 'key',
  where: '"updatedAt" < ?',
  params: (cut) => [cut.countersBefore],
};

/**
 * The statement of a step: at most `LIMIT` rows, found through the condition's index, and the condition checked
 * again on the rows deleted (on PostgreSQL a row changed meanwhile, a session renewed, is then kept).
 */
export function deleteStatement(step: PruneStep, tail = ''): string {
  const { table, key, where } = step;
  return `DELETE FROM "${table}" WHERE ${where} AND "${key}" IN (SELECT "${key}" FROM "${table}" WHERE ${where} LIMIT ?)${tail}`;
}

/** Parameters of {@link deleteStatement}: the condition's twice, then the batch. */
export function deleteParams(step: PruneStep, cut: RetentionCutoffs, batch: number): TurnSqlParam[] {
  const values = step.params(cut);
  return [...values, ...values, batch];
}

const UNREDACTED = `"estado" IN ('ENVIADO', 'FALLIDO') AND "text" <> ?`;
/** Safety net: a delivered or abandoned message whose body was not redacted (written before redaction existed). */
export const REDACT_BODIES = `UPDATE "OutboxEmail" SET "text" = ?, "html" = ? WHERE ${UNREDACTED}
  AND "id" IN (SELECT "id" FROM "OutboxEmail" WHERE ${UNREDACTED} LIMIT ?)`;

const UNFILED = `"caseId" IS NULL AND "createdAt" < ?
  AND NOT EXISTS (SELECT 1 FROM "DownloadGrant" g WHERE g."documentId" = "Document"."id" AND g."expiresAt" > ?)`;
/** Documents never attached to a case and past retention, unless a download link is still valid; keys returned. */
export const DELETE_UNFILED_DOCUMENTS = `DELETE FROM "Document" WHERE ${UNFILED}
  AND "id" IN (SELECT "id" FROM "Document" WHERE ${UNFILED} LIMIT ?) RETURNING "storageKey"`;

/** Direct Line conversations with no activity since the cut-off (created before it). */
export const STALE_CONVERSATIONS = `SELECT "id" FROM "DlConversation" WHERE "createdAt" < ?
  AND NOT EXISTS (SELECT 1 FROM "DlActivity" a WHERE a."conversationId" = "DlConversation"."id" AND a."createdAt" >= ?) LIMIT ?`;

/**
 * Tables pruned by a sweep in key order (prisma/store/pruneBatches.ts `sweepInBatches`): their condition's column is
 * written on every turn (conversation state) or every signed-in turn (the session's last use), and an index on it
 * would cost each such write about 30 µs of CPU (about 40 against about 70 µs a state write, SQLite, 10,000 rows).
 */
export const SESSION_SWEEP: PruneStep = {
  name: 'sessions',
  table: 'CitizenSession',
  key: 'conversationKey',
  where: '"lastSeenAt" < ?',
  params: (cut) => [cut.sessionsIdleBefore],
};

/** Conversation and user state not written since the cut-off; swept like {@link SESSION_SWEEP}. */
export const STATE_SWEEP: PruneStep = {
  name: 'conversationState',
  table: 'BotState',
  key: 'key',
  where: '"updatedAt" < ?',
  params: (cut) => [cut.conversationStateBefore],
};

/**
 * Rate-limit windows that ended before the cut-off; swept like {@link SESSION_SWEEP}: the primary key starts with the
 * counter's key, and an index on the window's start would cost every counted message a second index write.
 */
export const RATE_COUNTER_SWEEP: PruneStep = {
  name: 'rateCounters',
  table: 'RateCounter',
  key: 'key',
  where: '"windowStart" < ?',
  params: (cut) => [cut.countersBefore],
};

/** The last key of the next `LIMIT` keys (after `?` unless `first`), through the primary key's index; null at the end. */
export function chunkEndStatement(step: PruneStep, first: boolean): string {
  const { table, key } = step;
  const after = first ? '' : ` WHERE "${key}" > ?`;
  return `SELECT MAX("${key}") AS "last" FROM (SELECT "${key}" FROM "${table}"${after} ORDER BY "${key}" LIMIT ?) AS "chunk"`;
}

/** Deletes the rows of one chunk (keys after `?` unless `first`, up to `?`) that meet the step's condition. */
export function chunkDeleteStatement(step: PruneStep, first: boolean): string {
  const { table, key, where } = step;
  return `DELETE FROM "${table}" WHERE ${first ? '' : `"${key}" > ? AND `}"${key}" <= ? AND ${where}`;
}

/** `count` placeholders: statements over a list of ids keep one shape per batch size (padded with null). */
export function marks(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
