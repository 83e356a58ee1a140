import path from 'node:path';
import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { MainDialog } from '../dialogs/main/mainDialog';
import type { Clock, ConversationKey } from '../core/ports';
import { createServices } from './services';
import type { Recognizer } from '../nlu';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { seedDemoData } from '../prisma/store/seed';
import { registerResetRoutes } from './clave/resetRoutes';
import { registerDownloads, withTurnConversation } from './downloads';
import { createMailer } from './mail/mailer';
import { OutboxWorker } from './mail/outboxWorker';
import { createTurnErrorHandler } from './adapter';
import type { AppConfig } from './config';
import { attachmentReaderOf, createChannels, signInBindingOf, signInHoldOf, type Channel } from './channels';
import type { WhatsAppChannelOptions } from './channels/whatsapp';
import { LocalFolderStorage } from './fileStorage';
import { IessBot } from './iessBot';
import type { Logger } from './logger';
import { PrismaStorage } from './storage';
import { registerWebChatPage, securityHeaders } from './web';
import { registerSignInRoutes } from './signin/routes';
import { createConversationContinuer, signInContinuation } from './signin/continuation';

/** The running service's parts, for the entry point and for tests that start it on a free port. */
export interface Application {
  server: restify.Server;
  prisma: PrismaClient;
  /** The configured channels, in the order they own conversation references; find one by its `id`. */
  channels: readonly Channel[];
  bot: IessBot;
  outbox: OutboxWorker;
  /** Starts listening; resolves with the base URL actually bound. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Things tests may replace: the clock, the logger, an already trained recognizer, the scrypt cost of seeding. */
export interface ApplicationOverrides {
  logger: Logger;
  clock?: Clock;
  recognizer?: Recognizer;
  /** scrypt cost (log2 N) for seeding and new claves; tests lower it. */
  scryptLogN?: number;
  outboxPollMs?: number;
  /** Tests shorten the WhatsApp channel's polls and back-off. */
  whatsapp?: Pick<WhatsAppChannelOptions, 'sender' | 'processor'>;
}

/** The conversation a turn belongs to (the owner of the download links granted in it). */
function conversationOf(context: TurnContext): ConversationKey | undefined {
  const { channelId, conversation } = context.activity;
  return channelId && conversation?.id ? { channelId, conversationId: conversation.id } : undefined;
}

/** Composition root: reads nothing from the environment, wires every dependency once, fails loudly if one is missing. */
export async function createApplication(config: AppConfig, overrides: ApplicationOverrides): Promise<Application> {
  const { logger } = overrides;
  const clock = overrides.clock ?? (() => new Date());
  const prisma = createPrismaClient(config.databaseUrl);
  if (config.seedDemo) {
    const seeded = await seedDemoData(prisma, { scryptLogN: overrides.scryptLogN });
    if (seeded.seeded) logger.info('demo_data_seeded', { afiliados: seeded.afiliados, cases: seeded.cases });
  }
  const documents = new LocalFolderStorage(path.join(config.documentsDir, 'documentos'));
  const storage = new PrismaStorage(prisma);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const onTurnError = createTurnErrorHandler({ logger, conversationState });
  // The channels run the bot's turns; the bot is built below, before any request can arrive.
  const runBot = (context: TurnContext): Promise<void> => withTurnConversation(conversationOf(context), () => bot.run(context));
  const channels = createChannels({ config, prisma, logic: runBot, onTurnError, logger, clock, whatsapp: overrides.whatsapp });
  const readAttachment = attachmentReaderOf(channels);
  const { deps, store, sessions, newClave } = createServices({
    prisma,
    clock,
    logger,
    secret: config.appSecret,
    publicBaseUrl: config.publicBaseUrl,
    documents,
    readAttachment,
    sessionIdleMinutes: config.sessionIdleMinutes,
    recoveryBlockHours: config.recoveryBlockHours,
    signInLinkTtlMinutes: config.signInLinkTtlMinutes,
    scryptLogN: overrides.scryptLogN,
    recognizer: overrides.recognizer,
  });

  const bot = new IessBot({ conversationState, userState, dialog: new MainDialog(deps), maxMessageChars: config.maxMessageChars });

  const server = restify.createServer({ name: 'iess-asistente', handleUncaughtExceptions: false });
  server.pre(securityHeaders(config.publicBaseUrl));
  for (const channel of channels) channel.registerRoutes(server);
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const healthy = await store.isHealthy();
    res.json(healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable' });
  });
  registerWebChatPage(server);
  registerDownloads(server, { prisma, storage: documents, clock, logger, binding: signInBindingOf(channels) });
  registerResetRoutes(server, { newClave, rateLimiter: store.rateLimiter, logger });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir: config.mailOutboxDir, logger });
  const outbox = new OutboxWorker({ prisma, mailer, from: config.mailFrom, logger, clock, pollIntervalMs: overrides.outboxPollMs });
  registerSignInRoutes(server, {
    sessions,
    logger,
    signInBinding: signInBindingOf(channels),
    signInHold: signInHoldOf(channels),
    continueConversation: createConversationContinuer({
      channels,
      logic: (context) => withTurnConversation(conversationOf(context), () => signInContinuation(bot)(context)),
    }),
  });

  return {
    server,
    prisma,
    channels,
    bot,
    outbox,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          outbox.start();
          for (const channel of channels) channel.start?.();
          const address = server.address();
          resolve(`http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`);
        });
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const channel of channels) await channel.stop?.();
      await outbox.stop();
      await mailer.close();
      await prisma.$disconnect();
    },
  };
}
