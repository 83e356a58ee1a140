/** Severity of a log line; lines below the configured level are dropped. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured logger: one JSON line per event, with personal data masked before it is written. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEYS = /(password|clave|token|secret|respuesta|answer|authorization)/i;

/** Masks a cédula or other identifier, keeping the first two and last digit: 17*******3. */
export function maskIdentifier(value: string): string {
  if (value.length <= 3) return '***';
  return `${value.slice(0, 2)}${'*'.repeat(value.length - 3)}${value.slice(-1)}`;
}

/** Masks every 10-digit run (cédulas, phone numbers) and e-mail local parts inside free text. */
export function maskText(text: string): string {
  return text
    .replace(/\b\d{10,13}\b/g, (m) => maskIdentifier(m))
    .replace(/\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@/g, '$1***@');
}

function sanitize(value: unknown, key = ''): unknown {
  if (SECRET_KEYS.test(key)) return '[oculto]';
  if (typeof value === 'string') return maskText(value);
  if (value instanceof Error) return { name: value.name, message: maskText(value.message) };
  if (Array.isArray(value)) return value.map((v) => sanitize(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, k)]));
  }
  return value;
}

/** Creates a logger writing JSON lines to the given sink (stdout by default). */
export function createLogger(level: LogLevel = 'info', sink: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const write = (lvl: LogLevel, event: string, fields?: Record<string, unknown>): void => {
    if (ORDER[lvl] < ORDER[level]) return;
    const safe = fields ? (sanitize(fields) as Record<string, unknown>) : {};
    sink(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...safe }));
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
