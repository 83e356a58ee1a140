import path from 'node:path';
import { ConversationState, UserState, type CloudAdapter, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { MainDialog } from '../dialogs/main/mainDialog';
import type { AttachmentReader, Clock } from '../core/ports';
import { createServices } from './services';
import type { Recognizer } from '../nlu';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { seedDemoData } from '../prisma/store/seed';
import { registerResetRoutes } from './clave/resetRoutes';
import { registerDownloads } from './downloads';
import { createMailer } from './mail/mailer';
import { OutboxWorker } from './mail/outboxWorker';
import { createCloudAdapter, createTurnErrorHandler } from './adapter';
import type { AppConfig } from './config';
import { registerDirectLine, type DirectLineAdapter } from './channels/directline';
import { LocalFolderStorage } from './fileStorage';
import { IessBot } from './iessBot';
import type { Logger } from './logger';
import { PrismaStorage } from './storage';
import { registerWebChatPage } from './web';
import { registerSignInRoutes } from './signin/routes';
import { createConversationContinuer, signInContinuation } from './signin/continuation';

/** The running service's parts, for the entry point and for tests that start it on a free port. */
export interface Application {
  server: restify.Server;
  prisma: PrismaClient;
  cloudAdapter: CloudAdapter;
  directLine: DirectLineAdapter;
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
  // The Direct Line channel is created after the dialogs; its reader is bound when the first file arrives.
  let directLineRef: DirectLineAdapter | undefined;
  // Interim Direct Line reader until bot/channels/ provides one (the channel seam, another branch).
  const readAttachment: AttachmentReader = async (attachment, conversation) => {
    if (conversation.channelId !== 'directline' || !attachment.contentUrl || !directLineRef) return undefined;
    const file = await directLineRef.readAttachment(attachment.contentUrl);
    if (!file || file.conversationId !== conversation.conversationId) return undefined;
    return { bytes: file.bytes, contentType: file.contentType, name: file.name };
  };
  const { deps, store, sessions, newClave } = createServices({
    prisma,
    clock,
    logger,
    secret: config.appSecret,
    publicBaseUrl: config.publicBaseUrl,
    documents,
    readAttachment,
    sessionIdleMinutes: config.sessionIdleMinutes,
    signInLinkTtlMinutes: config.signInLinkTtlMinutes,
    scryptLogN: overrides.scryptLogN,
    recognizer: overrides.recognizer,
  });

  const storage = new PrismaStorage(prisma);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const bot = new IessBot({ conversationState, userState, dialog: new MainDialog(deps), maxMessageChars: config.maxMessageChars });
  const onTurnError = createTurnErrorHandler({ logger, conversationState });

  const cloudAdapter = createCloudAdapter(config.credentials);
  cloudAdapter.onTurnError = onTurnError;

  const server = restify.createServer({ name: 'iess-asistente', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    return next();
  });
  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }),
    async (req: restify.Request, res: restify.Response) => {
      if (!req.is('json') || typeof req.body !== 'object' || req.body === null) {
        res.json(400, { error: { code: 'BadArgument', message: 'Se esperaba una actividad en JSON.' } });
        return;
      }
      await cloudAdapter.process(req, res, (context: TurnContext) => bot.run(context));
    },
  );
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const healthy = await store.isHealthy();
    res.json(healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable' });
  });
  registerWebChatPage(server);
  registerDownloads(server, { prisma, storage: documents, clock, logger });
  registerResetRoutes(server, { newClave, rateLimiter: store.rateLimiter, logger });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir: config.mailOutboxDir, logger });
  const outbox = new OutboxWorker({ prisma, mailer, from: config.mailFrom, logger, clock, pollIntervalMs: overrides.outboxPollMs });
  const directLine = registerDirectLine(server, {
    prisma,
    logic: (context) => bot.run(context),
    onTurnError,
    attachments: new LocalFolderStorage(path.join(config.documentsDir, 'directline')),
    publicBaseUrl: config.publicBaseUrl,
    tokenTtlSeconds: config.directLineTokenTtlSeconds,
    logger,
    clock,
    bot: { id: 'iess-asistente', name: 'Asistente IESS' },
  });
  directLineRef = directLine;
  registerSignInRoutes(server, {
    sessions,
    logger,
    continueConversation: createConversationContinuer({
      directLine,
      directLineServiceUrl: config.publicBaseUrl,
      cloudAdapter,
      appId: config.credentials.appId,
      logic: signInContinuation(bot),
    }),
  });

  return {
    server,
    prisma,
    cloudAdapter,
    directLine,
    bot,
    outbox,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          outbox.start();
          const address = server.address();
          resolve(`http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`);
        });
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await outbox.stop();
      await mailer.close();
      await prisma.$disconnect();
    },
  };
}
