import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { OPERATOR } from '../catalog';
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
  /** Seed demo data: always into the default database when empty, otherwise only with SEED_DEMO=true. */
  seedDemo: boolean;
  credentials: BotCredentials;
  /** Whether and how /api/messages is served; `off` unless configured or an app id is set. */
  botFrameworkEndpoint: BotFrameworkEndpoint;
  directLineTokenTtlSeconds: number;
  /** Direct Line tokens (new chats) each client address may take per minute, counted in the shared store. */
  directLineTokensPerMinute: number;
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

/** Integer variables: default, smallest and largest value accepted. */
const INTEGERS = {
  PORT: [3978, 0, 65535],
  DIRECTLINE_TOKEN_TTL_SECONDS: [1800, 60, 86400],
  DIRECTLINE_TOKENS_PER_MINUTE: [30, 1, 10000],
  MAX_MESSAGE_CHARS: [1000, 50, 10000],
  SESSION_IDLE_MINUTES: [15, 1, 1440],
  SIGNIN_LINK_TTL_MINUTES: [10, 1, 60],
  RECOVERY_BLOCK_HOURS: [24, 1, 720],
} as const;

/** Variables that take one of a fixed set of values. */
const CHOICES: Record<string, readonly string[]> = {
  MicrosoftAppType: APP_TYPES,
  LOG_LEVEL: LOG_LEVELS,
  BOTFRAMEWORK_ENDPOINT: ENDPOINTS,
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
    DATABASE_URL: text(DEFAULT_DATABASE_URL).pipe(z.string().startsWith('file:', { error: OPERATOR.databaseUrlSqlite })),
    SEED_DEMO: z.string().optional(),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppTenantId: z.string().default(''),
    MicrosoftAppType: oneOf(APP_TYPES, 'MultiTenant'),
    BOTFRAMEWORK_ENDPOINT: z.preprocess(blank, z.enum(ENDPOINTS).optional()),
    DIRECTLINE_TOKEN_TTL_SECONDS: integer(INTEGERS.DIRECTLINE_TOKEN_TTL_SECONDS),
    DIRECTLINE_TOKENS_PER_MINUTE: integer(INTEGERS.DIRECTLINE_TOKENS_PER_MINUTE),
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
    if (!URL.canParse(publicBaseUrl(env))) fail('PUBLIC_BASE_URL', OPERATOR.publicBaseUrlNoValida(publicBaseUrl(env)));
  });

type ParsedEnv = z.output<typeof envSchema>;

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
    whatsapp: whatsapp.config,
  };
}
