import type { TurnContext } from 'botbuilder';
import type { PrismaClient } from '../../../prisma/client';
import type { Logger } from '../../logger';
import { DEFAULT_DIRECTLINE_LIMITS, type DirectLineLimitSettings } from './rateLimit';

/** Where uploaded file bytes live; the Direct Line tables keep only metadata and the storage key. */
export interface AttachmentStore {
  /** Stores the bytes and returns the key to read them back. */
  save(bytes: Buffer): Promise<string>;
  /** Reads back the bytes saved under `storageKey`. */
  read(storageKey: string): Promise<Buffer>;
  /** Deletes what `save` kept (an upload whose other files could not be stored). */
  remove?(storageKey: string): Promise<void>;
}

/** The bot's identity as shown on the activities it sends through this channel. */
export interface BotAccountInfo {
  id: string;
  name: string;
}

/** Settings of the self-hosted Direct Line 3.0 channel. */
export interface DirectLineOptions {
  prisma: PrismaClient;
  /** The bot's turn handler (bot.run). */
  logic: (context: TurnContext) => Promise<void>;
  /** Called when a turn throws; becomes the adapter's onTurnError. */
  onTurnError: (context: TurnContext, error: unknown) => Promise<void>;
  attachments: AttachmentStore;
  /** Public origin of this server (e.g. http://localhost:3978), used for serviceUrl and attachment contentUrl. */
  publicBaseUrl: string;
  /** Lifetime of issued tokens, in seconds (1800 in production). */
  tokenTtlSeconds: number;
  logger: Logger;
  /** Source of the current time; tests pass a fake clock to exercise expiry. */
  clock?: () => Date;
  /** Largest JSON body accepted, in bytes (default 64 KiB); larger bodies get 413. */
  maxJsonBytes?: number;
  /** Largest upload request accepted, in bytes (default 4 MiB); larger requests get 413. */
  maxUploadBytes?: number;
  /** New chats (token requests) allowed per client address and minute: a ceiling for a whole NAT (default 600); beyond, 429. */
  tokenRateLimitPerMinute?: number;
  /** The other shared limits: new chats per browser, messages per conversation and token, refreshes (defaults in rateLimit.ts). */
  limits?: Partial<Omit<DirectLineLimitSettings, 'tokensPerAddress'>>;
  /** The bot account put on activities (default `{ id: 'bot', name: 'Bot' }`). */
  bot?: BotAccountInfo;
}

/** Options with every default applied, shared by the routes and the adapter. */
export interface ResolvedOptions extends Required<Omit<DirectLineOptions, 'logic' | 'onTurnError' | 'limits'>> {
  /** Every shared limit of the channel, with its default. */
  limits: DirectLineLimitSettings;
  /** publicBaseUrl without a trailing slash. */
  baseUrl: string;
  /** The serviceUrl put on every activity (the public base URL). */
  serviceUrl: string;
}

/** Fills in the defaults of the optional settings. */
export function resolveOptions(options: DirectLineOptions): ResolvedOptions {
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  return {
    prisma: options.prisma,
    attachments: options.attachments,
    publicBaseUrl: options.publicBaseUrl,
    tokenTtlSeconds: options.tokenTtlSeconds,
    logger: options.logger,
    clock: options.clock ?? (() => new Date()),
    maxJsonBytes: options.maxJsonBytes ?? 64 * 1024,
    maxUploadBytes: options.maxUploadBytes ?? 4 * 1024 * 1024,
    tokenRateLimitPerMinute: options.tokenRateLimitPerMinute ?? DEFAULT_DIRECTLINE_LIMITS.tokensPerAddress,
    limits: {
      ...DEFAULT_DIRECTLINE_LIMITS,
      ...options.limits,
      tokensPerAddress: options.tokenRateLimitPerMinute ?? DEFAULT_DIRECTLINE_LIMITS.tokensPerAddress,
    },
    bot: options.bot ?? { id: 'bot', name: 'Bot' },
    baseUrl,
    serviceUrl: baseUrl,
  };
}
