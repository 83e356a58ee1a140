import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Root of the project (one level above bot/, also when compiled to dist/bot/). */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Bot Framework app registration; empty appId means local mode (no channel authentication). */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  appTenantId: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/** Every setting of the service, read once at start-up. README lists each variable. */
export interface AppConfig {
  nodeEnv: string;
  port: number;
  host: string;
  publicBaseUrl: string;
  databaseUrl: string;
  /** Seed demo data: always into the default database when empty, otherwise only with SEED_DEMO=true. */
  seedDemo: boolean;
  credentials: BotCredentials;
  directLineTokenTtlSeconds: number;
  maxMessageChars: number;
  documentsDir: string;
  mailOutboxDir: string;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Server secret (HMAC key) shared by every instance; random per process when not set outside production. */
  appSecret: string;
  /** True when APP_SECRET was not set and a random one is in use. */
  appSecretGenerated: boolean;
  /** Minutes without activity after which a citizen signed in to a conversation must sign in again. */
  sessionIdleMinutes: number;
  /** Minutes a sign-in link sent in the chat works (single use). */
  signInLinkTtlMinutes: number;
}

/** Raised when the environment cannot produce a valid configuration; the process must not start. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} debe ser un entero entre ${min} y ${max}; se recibió "${raw}".`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} debe ser uno de ${allowed.join(', ')}; se recibió "${raw}".`);
  }
  return raw as T;
}

/** The default SQLite file, resolved against the project root so every entry point opens the same file. */
export const DEFAULT_DATABASE_URL = `file:${path.join(PROJECT_ROOT, 'data', 'iess.db')}`;

/** Reads and validates the configuration; throws ConfigError on any invalid or unsafe value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const port = integer(env, 'PORT', 3978, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const credentials: BotCredentials = {
    appId: env.MicrosoftAppId ?? '',
    appPassword: env.MicrosoftAppPassword ?? '',
    appTenantId: env.MicrosoftAppTenantId ?? '',
    appType: oneOf(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant'),
  };
  if (nodeEnv === 'production' && !credentials.appId) {
    throw new ConfigError('En producción MicrosoftAppId es obligatorio: el bot no arranca en modo local.');
  }
  if (credentials.appId && credentials.appType !== 'UserAssignedMSI' && !credentials.appPassword) {
    throw new ConfigError('MicrosoftAppPassword es obligatorio cuando se define MicrosoftAppId.');
  }
  if (credentials.appType === 'SingleTenant' && credentials.appId && !credentials.appTenantId) {
    throw new ConfigError('MicrosoftAppTenantId es obligatorio con MicrosoftAppType=SingleTenant.');
  }
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!databaseUrl.startsWith('file:')) {
    throw new ConfigError('DATABASE_URL debe ser una URL file: de SQLite (por ejemplo file:./data/iess.db).');
  }
  const appSecret = env.APP_SECRET ?? '';
  if (appSecret && appSecret.length < 32) throw new ConfigError('APP_SECRET debe tener al menos 32 caracteres.');
  if (nodeEnv === 'production' && !appSecret) throw new ConfigError('En producción APP_SECRET es obligatorio.');
  const publicBaseUrl = (env.PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicBaseUrl);
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL no es una URL válida: "${publicBaseUrl}".`);
  }
  return {
    nodeEnv,
    port,
    host,
    publicBaseUrl,
    databaseUrl,
    seedDemo: env.DATABASE_URL ? env.SEED_DEMO === 'true' : env.SEED_DEMO !== 'false',
    credentials,
    directLineTokenTtlSeconds: integer(env, 'DIRECTLINE_TOKEN_TTL_SECONDS', 1800, 60, 86400),
    maxMessageChars: integer(env, 'MAX_MESSAGE_CHARS', 1000, 50, 10000),
    documentsDir: path.resolve(PROJECT_ROOT, env.DOCUMENTS_DIR || 'data/documents'),
    mailOutboxDir: path.resolve(PROJECT_ROOT, env.MAIL_OUTBOX_DIR || 'data/outbox'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'IESS Asistente Virtual <no-responder@iess.gob.ec>',
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    appSecret: appSecret || randomBytes(32).toString('base64url'),
    appSecretGenerated: !appSecret,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 15, 1, 1440),
    signInLinkTtlMinutes: integer(env, 'SIGNIN_LINK_TTL_MINUTES', 10, 1, 60),
  };
}
