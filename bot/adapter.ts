import type { ConversationState, TurnContext } from 'botbuilder';
import { MSG, OPERACIONES } from '../catalog';
import { reply } from '../dialogs/shared/replies';
import { AppError, errorCode } from './errors';
import type { Logger } from './logger';

/** Prisma codes for a database that cannot be reached, timed out (SQLite busy, pool exhausted) or closed the link. */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1011', 'P1017', 'P2024']);
/** Driver-adapter error kinds with the same meaning (adapter-better-sqlite3, adapter-pg). */
const UNAVAILABLE_KINDS = new Set([
  'SocketTimeout',
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'ConnectionClosed',
  'TooManyConnections',
]);
/** SQLite result codes of a file that is locked, unreadable or gone. */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY|NOTADB|CORRUPT)/;

interface DriverError {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  meta?: { driverAdapterError?: { cause?: DriverError } };
  cause?: unknown;
}

/**
 * True when an error means the store is unavailable rather than that the turn is wrong: Prisma's connection and
 * timeout codes, the driver adapters' error kinds and SQLite's busy/cannot-open codes, looked for down the causes.
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const e = current as DriverError;
    if (e.name === 'PrismaClientInitializationError') return true;
    if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || SQLITE_UNAVAILABLE.test(e.code) || e.code === 'ECONNREFUSED'))
      return true;
    if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.originalCode === 'string' && SQLITE_UNAVAILABLE.test(e.originalCode)) return true;
    current = e.meta?.driverAdapterError?.cause ?? e.cause;
  }
  return false;
}

/**
 * Handler for any error that escapes a turn: logs its code (never the message text) and apologises in Spanish.
 * When the store is unavailable the apology says to come back in a few minutes and the conversation's state is left
 * alone (it is intact, only unreachable: the dialog resumes where it was once the store answers). Any other error
 * clears the conversation's dialog state so the next message starts cleanly instead of failing again.
 */
export function createTurnErrorHandler(options: { logger: Logger; conversationState: ConversationState }) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const unavailable = isStoreUnavailable(error);
    const code = unavailable ? 'STORE_UNAVAILABLE' : errorCode(error);
    options.logger.error('turn_error', {
      code,
      channel: context.activity.channelId,
      conversation: context.activity.conversation?.id,
      error:
        error instanceof Error
          ? { name: error.name, message: error.message, stack: error.stack?.split('\n').slice(0, 4).join(' | ') }
          : String(error),
    });
    if (!unavailable) {
      try {
        await options.conversationState.delete(context);
      } catch (stateError) {
        options.logger.error('turn_error_state_reset_failed', { code: errorCode(stateError) });
      }
    }
    try {
      const userMessage = unavailable
        ? OPERACIONES.servicioNoDisponible
        : error instanceof AppError && error.userMessage
          ? error.userMessage
          : MSG.error;
      await context.sendActivity(reply(userMessage));
    } catch (sendError) {
      options.logger.error('turn_error_reply_failed', { code: isStoreUnavailable(sendError) ? 'STORE_UNAVAILABLE' : errorCode(sendError) });
    }
  };
}
