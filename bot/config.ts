import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { checkHandoffEnv, handoffConfig, HANDOFF_ENV, type HandoffConfig } from './handoff/config';
import { OPERACIONES, OPERATOR } from '../catalog';
import { readWhatsAppConfig, type WhatsAppConfig } from './channels/whatsapp/config';

/** Root of the project (one level above bot/, also when compiled to dist/bot/). */
export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Bot Framework app registration; empty appId means local mode (no channel authentication). */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  appTenantId: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/**
 * The Bot Framework endpoint (POST /api/messages): `off` (not listened on), `local` (no app id, Emulator on this
 * machine only: activities whose serviceUrl is not loopback are refused) or `azure` (authenticated by the app id).
 */
export type BotFrameworkEndpoint = 'off' | 'local' | 'azure';

/** Every setting of the service, read once at start-up. README lists each variable. */
export interface AppConfig {
  nodeEnv: string;
  port: number;
  host: string;
  publicBaseUrl: string;
  databaseUrl: string;
  /** The store DATABASE_URL opens: SQLite (one instance) or PostgreSQL (several instances share it). */
  databaseProvider: 'sqlite' | 'postgresql';
  /** SQLite only: `wal` (default) or `delete` (the rollback journal, for file systems without shared memory). */
  sqliteJournalMode: (typeof SQLITE_JOURNAL_MODES)[number];
  /** SQLite only: how long a statement waits for another process's lock; the process stalls meanwhile. */
  sqliteBusyTimeoutMs: number;
  /** SQLite WAL only: ms between checkpoints on a worker thread (prisma/checkpointer.ts); 0 = SQLite's own autocheckpoint. */
  sqliteCheckpointIntervalMs: number;
  /** Seed demo data: always into the default database when empty, otherwise only with SEED_DEMO=true. */
  seedDemo: boolean;
  credentials: BotCredentials;
  /** Whether and how /api/messages is served; `off` unless configured or an app id is set. */
  botFrameworkEndpoint: BotFrameworkEndpoint;
  directLineTokenTtlSeconds: number;
  /** Direct Line tokens (new chats) one client address may take per minute: a ceiling for a whole carrier NAT. */
  directLineTokensPerMinute: number;
  /** New chats one browser (its key cookie) may open per minute. */
  directLineTokensPerBrowserPerMinute: number;
  /** Activities one Direct Line conversation, and one token, may post per minute. */
  directLineMessagesPerMinute: number;
  /** Addresses of the reverse proxies (load balancer) whose X-Forwarded-For names the client; empty: none trusted. */
  trustedProxies: string[];
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
  /** Hours online clave recovery stays blocked after 5 failed intentos (seed 004), unless an agent lifts it sooner. */
  recoveryBlockHours: number;
  /** The Entra ID tenant whose staff may use the agents' side in Teams; unset → every Teams activity is refused. */
  teamsTenantId?: string;
  /** Human handoff hours, queue timeout, Teams queue channel, WhatsApp notification template (bot/handoff/config.ts). */
  handoff: HandoffConfig;
  /** Bearer token for GET /metrics; without one, /metrics answers only direct loopback peers. */
  metricsToken?: string;
  /** Minutes between two housekeeping runs (one instance runs each, by a lease in the store). */
  housekeepingIntervalMinutes: number;
  /** Days a delivered or abandoned e-mail's row (addressee, subject) is kept. */
  outboxRetentionDays: number;
  /** Hours an uploaded document not attached to any case is kept. */
  unfiledDocumentHours: number;
  /** Days a Direct Line transcript is kept after its last activity. */
  transcriptRetentionDays: number;
  /** Days conversation and user state is kept after its last write. */
  conversationStateRetentionDays: number;
  /** The WhatsApp channel (bot/channels/whatsapp/config.ts): set when its four secrets are, else the channel is off. */
  whatsapp?: WhatsAppConfig;
}

/** Raised when the environment cannot produce a valid configuration; the process must not start. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The default SQLite file, resolved against the project root so every entry point opens the same file. */
export const DEFAULT_DATABASE_URL = `file:${path.join(PROJECT_ROOT, 'data', 'iess.db')}`;

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const ENDPOINTS = ['off', 'local', 'azure'] as const;

/** SQLite (`file:`, the embedded default) or PostgreSQL (`postgres://`, `postgresql://`, for several instances). */
const DATABASE_URL_SCHEMES = /^(file:|postgres(ql)?:\/\/)/i;

/** Integer variables: default, smallest and largest value accepted. */
const INTEGERS = {
  PORT: [3978, 0, 65535],
  SQLITE_BUSY_TIMEOUT_MS: [5000, 100, 30000],
  SQLITE_CHECKPOINT_INTERVAL_MS: [250, 0, 60000],
  DIRECTLINE_TOKEN_TTL_SECONDS: [1800, 60, 86400],
  DIRECTLINE_TOKENS_PER_MINUTE: [600, 1, 100000],
  DIRECTLINE_TOKENS_PER_BROWSER_PER_MINUTE: [10, 1, 1000],
  DIRECTLINE_MESSAGES_PER_MINUTE: [30, 1, 1000],
  MAX_MESSAGE_CHARS: [1000, 50, 10000],
  SESSION_IDLE_MINUTES: [15, 1, 1440],
  SIGNIN_LINK_TTL_MINUTES: [10, 1, 60],
  RECOVERY_BLOCK_HOURS: [24, 1, 720],
  HOUSEKEEPING_INTERVAL_MINUTES: [60, 1, 1440],
  OUTBOX_RETENTION_DAYS: [30, 1, 365],
  UNFILED_DOCUMENT_HOURS: [24, 1, 720],
  TRANSCRIPT_RETENTION_DAYS: [7, 1, 365],
  CONVERSATION_STATE_RETENTION_DAYS: [7, 1, 365],
} as const;

/** An Entra ID tenant id (a GUID, any version). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQLite journal modes the service sets at start: write-ahead logging, or the rollback journal for file systems without shared memory (network shares). */
export const SQLITE_JOURNAL_MODES = ['wal', 'delete'] as const;

/** Variables that take one of a fixed set of values. */
const CHOICES: Record<string, readonly string[]> = {
  MicrosoftAppType: APP_TYPES,
  LOG_LEVEL: LOG_LEVELS,
  BOTFRAMEWORK_ENDPOINT: ENDPOINTS,
  SQLITE_JOURNAL_MODE: SQLITE_JOURNAL_MODES,
};

/** An unset or empty variable counts as absent, so its default applies. */
const blank = (value: unknown): unknown => (value === '' ? undefined : value);

const integer = ([fallback, min, max]: readonly [number, number, number]) =>
  z.preprocess(blank, z.coerce.number().int().min(min).max(max).default(fallback));

const oneOf = <T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]) =>
  z.preprocess(blank, z.enum(allowed).default(fallback));

/** A variable whose empty value also means "use the default". */
const text = (fallback: string) => z.preprocess(blank, z.string().default(fallback));

/** The environment variables README lists, each with its default and range. */
const envSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: integer(INTEGERS.PORT),
    HOST: text('0.0.0.0'),
    PUBLIC_BASE_URL: z.preprocess(blank, z.string().optional()),
    DATABASE_URL: text(DEFAULT_DATABASE_URL).pipe(z.string().regex(DATABASE_URL_SCHEMES, { error: OPERATOR.databaseUrlNoValida })),
    SEED_DEMO: z.string().optional(),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppTenantId: z.string().default(''),
    MicrosoftAppType: oneOf(APP_TYPES, 'MultiTenant'),
    BOTFRAMEWORK_ENDPOINT: z.preprocess(blank, z.enum(ENDPOINTS).optional()),
    SQLITE_JOURNAL_MODE: z.preprocess(blank, z.enum(SQLITE_JOURNAL_MODES).default('wal')),
    SQLITE_BUSY_TIMEOUT_MS: integer(INTEGERS.SQLITE_BUSY_TIMEOUT_MS),
    SQLITE_CHECKPOINT_INTERVAL_MS: integer(INTEGERS.SQLITE_CHECKPOINT_INTERVAL_MS),
    DIRECTLINE_TOKEN_TTL_SECONDS: integer(INTEGERS.DIRECTLINE_TOKEN_TTL_SECONDS),
    DIRECTLINE_TOKENS_PER_MINUTE: integer(INTEGERS.DIRECTLINE_TOKENS_PER_MINUTE),
    DIRECTLINE_TOKENS_PER_BROWSER_PER_MINUTE: integer(INTEGERS.DIRECTLINE_TOKENS_PER_BROWSER_PER_MINUTE),
    DIRECTLINE_MESSAGES_PER_MINUTE: integer(INTEGERS.DIRECTLINE_MESSAGES_PER_MINUTE),
    TRUSTED_PROXIES: text('').pipe(
      z.string().refine((list) => list === '' || list.split(',').every((ip) => isIP(ip.trim()) !== 0), {
        error: OPERATOR.trustedProxiesNoValidas,
      }),
    ),
    MAX_MESSAGE_CHARS: integer(INTEGERS.MAX_MESSAGE_CHARS),
    DOCUMENTS_DIR: text('data/documents'),
    MAIL_OUTBOX_DIR: text('data/outbox'),
    SMTP_URL: z.preprocess(blank, z.string().optional()),
    MAIL_FROM: text('IESS Asistente Virtual <no-responder@iess.gob.ec>'),
    LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
    APP_SECRET: z
      .string()
      .default('')
      .refine((s) => s === '' || s.length >= 32, { error: OPERATOR.appSecretCorto }),
    SESSION_IDLE_MINUTES: integer(INTEGERS.SESSION_IDLE_MINUTES),
    SIGNIN_LINK_TTL_MINUTES: integer(INTEGERS.SIGNIN_LINK_TTL_MINUTES),
    RECOVERY_BLOCK_HOURS: integer(INTEGERS.RECOVERY_BLOCK_HOURS),
    TEAMS_TENANT_ID: z.preprocess(blank, z.string().regex(GUID).optional()),
    ...HANDOFF_ENV,
    METRICS_TOKEN: z
      .string()
      .default('')
      .refine((s) => s === '' || s.length >= 32, { error: OPERACIONES.metricsTokenCorto }),
    HOUSEKEEPING_INTERVAL_MINUTES: integer(INTEGERS.HOUSEKEEPING_INTERVAL_MINUTES),
    OUTBOX_RETENTION_DAYS: integer(INTEGERS.OUTBOX_RETENTION_DAYS),
    UNFILED_DOCUMENT_HOURS: integer(INTEGERS.UNFILED_DOCUMENT_HOURS),
    TRANSCRIPT_RETENTION_DAYS: integer(INTEGERS.TRANSCRIPT_RETENTION_DAYS),
    CONVERSATION_STATE_RETENTION_DAYS: integer(INTEGERS.CONVERSATION_STATE_RETENTION_DAYS),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    const fail = (variable: string, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [variable], message });
    };
    const endpoint = botFrameworkEndpoint(env);
    if (endpoint === 'azure' && !env.MicrosoftAppId) fail('MicrosoftAppId', OPERATOR.appIdEnProduccion);
    if (endpoint === 'local' && production) fail('BOTFRAMEWORK_ENDPOINT', OPERATOR.modoLocalEnProduccion);
    if (endpoint === 'local' && env.MicrosoftAppId) fail('BOTFRAMEWORK_ENDPOINT', OPERATOR.modoLocalConAppId);
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      fail('MicrosoftAppPassword', OPERATOR.appPasswordObligatorio);
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      fail('MicrosoftAppTenantId', OPERATOR.tenantObligatorio);
    }
    if (production && !env.APP_SECRET) fail('APP_SECRET', OPERATOR.appSecretEnProduccion);
    // Several instances behind one address: links signed on one must verify on another, and point to the same origin.
    if (databaseProvider(env.DATABASE_URL) === 'postgresql') {
      if (!env.APP_SECRET) fail('APP_SECRET', OPERATOR.appSecretConPostgres);
      if (!env.PUBLIC_BASE_URL) fail('PUBLIC_BASE_URL', OPERATOR.publicBaseUrlConPostgres);
    }
    checkHandoffEnv(env, endpoint === 'local', fail);
    if (!URL.canParse(publicBaseUrl(env))) fail('PUBLIC_BASE_URL', OPERATOR.publicBaseUrlNoValida(publicBaseUrl(env)));
  });

type ParsedEnv = z.output<typeof envSchema>;

/** Which store a DATABASE_URL opens, by its scheme (prisma/client.ts opens the matching client). */
export function databaseProvider(url: string): 'sqlite' | 'postgresql' {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite';
}

/** The endpoint as configured, or by default `azure` with an app id and `off` without one. */
function botFrameworkEndpoint(env: Pick<ParsedEnv, 'BOTFRAMEWORK_ENDPOINT' | 'MicrosoftAppId'>): BotFrameworkEndpoint {
  return env.BOTFRAMEWORK_ENDPOINT ?? (env.MicrosoftAppId ? 'azure' : 'off');
}

function publicBaseUrl(env: Pick<ParsedEnv, 'PUBLIC_BASE_URL' | 'PORT'>): string {
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}

/** The Spanish sentence for one refused variable, naming it and, for ranges and choices, the value received. */
function describe(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const variable = String(issue.path[0] ?? '');
  const received = env[variable] ?? '';
  if (issue.code === 'custom') return issue.message;
  if (variable in INTEGERS) {
    const [, min, max] = INTEGERS[variable as keyof typeof INTEGERS];
    return OPERATOR.entero(variable, min, max, received);
  }
  if (CHOICES[variable]) return OPERATOR.unoDe(variable, CHOICES[variable], received);
  if (variable === 'DATABASE_URL' && issue.code === 'invalid_format') return issue.message;
  return OPERATOR.valorNoValido(variable, received);
}

/** Reads and validates the configuration; throws ConfigError, naming every refused variable, on any invalid or unsafe value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  const whatsapp = readWhatsAppConfig(env);
  if (!parsed.success || whatsapp.problems.length > 0) {
    const issues = parsed.success ? [] : parsed.error.issues.map((issue) => describe(issue, env));
    throw new ConfigError([...new Set([...issues, ...whatsapp.problems])].join(' '));
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: publicBaseUrl(e),
    databaseUrl: e.DATABASE_URL,
    databaseProvider: databaseProvider(e.DATABASE_URL),
    sqliteJournalMode: e.SQLITE_JOURNAL_MODE,
    sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    sqliteCheckpointIntervalMs: e.SQLITE_CHECKPOINT_INTERVAL_MS,
    seedDemo: env.DATABASE_URL ? e.SEED_DEMO === 'true' : e.SEED_DEMO !== 'false',
    credentials: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appTenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
    },
    botFrameworkEndpoint: botFrameworkEndpoint(e),
    directLineTokenTtlSeconds: e.DIRECTLINE_TOKEN_TTL_SECONDS,
    directLineTokensPerMinute: e.DIRECTLINE_TOKENS_PER_MINUTE,
    directLineTokensPerBrowserPerMinute: e.DIRECTLINE_TOKENS_PER_BROWSER_PER_MINUTE,
    directLineMessagesPerMinute: e.DIRECTLINE_MESSAGES_PER_MINUTE,
    trustedProxies: e.TRUSTED_PROXIES.split(',')
      .map((ip) => ip.trim())
      .filter(Boolean),
    maxMessageChars: e.MAX_MESSAGE_CHARS,
    documentsDir: path.resolve(PROJECT_ROOT, e.DOCUMENTS_DIR),
    mailOutboxDir: path.resolve(PROJECT_ROOT, e.MAIL_OUTBOX_DIR),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    appSecret: e.APP_SECRET || randomBytes(32).toString('base64url'),
    appSecretGenerated: !e.APP_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    signInLinkTtlMinutes: e.SIGNIN_LINK_TTL_MINUTES,
    recoveryBlockHours: e.RECOVERY_BLOCK_HOURS,
    teamsTenantId: e.TEAMS_TENANT_ID?.toLowerCase(),
    handoff: handoffConfig(e),
    metricsToken: e.METRICS_TOKEN || undefined,
    housekeepingIntervalMinutes: e.HOUSEKEEPING_INTERVAL_MINUTES,
    outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
    unfiledDocumentHours: e.UNFILED_DOCUMENT_HOURS,
    transcriptRetentionDays: e.TRANSCRIPT_RETENTION_DAYS,
    conversationStateRetentionDays: e.CONVERSATION_STATE_RETENTION_DAYS,
    whatsapp: whatsapp.config,
  };
}
