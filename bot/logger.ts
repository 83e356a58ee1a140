import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** Severity of a log line; lines below the configured level are dropped. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured logger: one JSON line per event, with personal data masked before it is written. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** What every log line written inside one HTTP request or turn carries: its request id. */
export interface LogContext {
  requestId: string;
}

const logContext = new AsyncLocalStorage<LogContext>();

/**
 * Runs `fn` so that every line any logger writes during it, and during everything it awaits, carries `context`
 * (AsyncLocalStorage): one request id joins the lines of a turn across channels, dialogs and the store.
 */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return logContext.run(context, fn);
}

/** The context of the request or turn running now, if any. */
export function currentLogContext(): LogContext | undefined {
  return logContext.getStore();
}

/** Text that replaces a secret field's value. */
export const HIDDEN = '[oculto]';

/** Field names whose value is never written, at any depth (passwords, claves, tokens, security answers...). */
const SECRET_KEYS = /(password|clave|token|secret|respuesta|answer|authorization)/i;

/**
 * The secret fields the code logs today, as pino redact paths (top level and two levels down). pino's redact
 * matches paths, not name patterns, so the formatter below still hides any other key matching SECRET_KEYS.
 */
const SECRET_FIELDS = ['password', 'clave', 'token', 'secret', 'respuesta', 'answer', 'authorization'];
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

/** Masks a cédula or other identifier, keeping the first two and last digit: 17*******3. */
export function maskIdentifier(value: string): string {
  if (value.length <= 3) return '***';
  return `${value.slice(0, 2)}${'*'.repeat(value.length - 3)}${value.slice(-1)}`;
}

/** Masks every 10-digit run (cédulas, phone numbers) and e-mail local parts inside free text. */
export function maskText(text: string): string {
  return text.replace(/\b\d{10,13}\b/g, (m) => maskIdentifier(m)).replace(/\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@/g, '$1***@');
}

/** Hides secret keys, masks free text and reduces errors to name and masked message, at any depth. */
function sanitize(value: unknown, key = ''): unknown {
  if (SECRET_KEYS.test(key)) return HIDDEN;
  if (typeof value === 'string') return maskText(value);
  if (value instanceof Error) return { name: value.name, message: maskText(value.message) };
  if (Array.isArray(value)) return value.map((v) => sanitize(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, k)]));
  }
  return value;
}

/**
 * Creates a pino logger writing JSON lines (`level` as a label, ISO `time`, the `event`, then the fields, in that order) to the
 * given sink, or synchronously to stdout by default.
 */
export function createLogger(level: LogLevel = 'info', sink?: (line: string) => void): Logger {
  const destination: pino.DestinationStream = sink
    ? { write: (chunk: string) => sink(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 1, sync: true });
  const log = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: HIDDEN },
      // No field is pino's error key: pino would copy an `err` field's raw message into the line as `msg`.
      errorKey: '__pinoError',
      // Errors are already reduced to { name, message } by sanitize; pino's own err serializer would add the stack.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => sanitize(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
  const write = (lvl: LogLevel, event: string, fields?: Record<string, unknown>): void => {
    // The event goes first among the fields (pino writes its message key last), as readers of the log expect.
    const context = logContext.getStore();
    log[lvl](context ? { event, requestId: context.requestId, ...fields } : { event, ...fields });
  };
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

/** A logger that writes nothing, for tests that do not inspect logs. */
export const silentLogger: Logger = createLogger('error', () => undefined);
