import path from 'node:path';
import { ConversationState, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { MainDialog } from '../dialogs/main/mainDialog';
import type { Clock, ConversationKey } from '../core/ports';
import { createServices } from './services';
import { createRecognizer, type Recognizer } from '../nlu';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { seedDemoData } from '../prisma/store/seed';
import { tuneSqlite } from '../prisma/sqliteTuning';
import { startSqliteCheckpointer } from '../prisma/checkpointer';
import { registerResetRoutes } from './clave/resetRoutes';
import { registerDownloads, withTurnConversation } from './downloads';
import { createMailer } from './mail/mailer';
import { OutboxWorker } from './mail/outboxWorker';
import { createTurnErrorHandler } from './adapter';
import { trustForwardedFor } from './channels/directline/http';
import type { AppConfig } from './config';
import { attachmentReaderOf, createChannels, signInBindingOf, signInHoldOf, type Channel } from './channels';
import type { WhatsAppChannelOptions } from './channels/whatsapp';
import { createFileStorage } from './fileStorage';
import { IessBot } from './iessBot';
import type { Logger } from './logger';
import { PrismaStorage } from './storage';
import { registerWebChatPage, securityHeaders } from './web';
import { registerSignInRoutes } from './signin/routes';
import { createConversationContinuer, signInContinuation } from './signin/continuation';
import type { AgentFeature } from './agents/feature';
import { AgentRouter, TEAMS_CHANNEL_ID } from './agents/router';
import { createAuditLog } from '../prisma/store/audit';
import { createStaffDirectory } from '../prisma/store/staff';
import { createDeskCaseStore } from '../prisma/store/agentCases';
import { createCaseDeskFeature } from './agents/caseDesk';
import { AGENT_DOCUMENT_LINK_MINUTES, agentDocumentLinks, registerAgentDocumentRoutes } from './agents/documentRoutes';
import { handoffHosting } from './handoff/hosting';
import type { HandoffParts } from './handoff/wiring';
import { createCaseNotifications, type CaseNotifications } from './notifications/wiring';
import { PROJECT_ROOT } from './config';
import { registerHealthRoutes, registerMetricsRoute } from './health';
import { Housekeeping } from './housekeeping';
import { countHttpRefusals, instrumentRateLimiter, instrumentRecognizer, measureTurn, registerOutboxMetrics } from './instrumentation';
import { InFlightRequests } from './lifecycle';
import { createMetrics, type Metrics } from './metrics';
import { requestContext } from './requestContext';
import { registerTurnQueueMetric, TurnPacer } from './turnPacer';

/** The running service's parts, for the entry point and for tests that start it on a free port. */
export interface Application {
  server: restify.Server;
  prisma: PrismaClient;
  /** The configured channels, in the order they own conversation references; find one by its `id`. */
  channels: readonly Channel[];
  bot: IessBot;
  outbox: OutboxWorker;
  /** Human handoff: the citizen gate, the agent feature and the queue worker. */
  handoff: HandoffParts;
  /** Case notifications: the worker and the sign-in hook that records where to reach a citizen. */
  notifications: CaseNotifications;
  /** The Prometheus registry behind /metrics; features register their metrics on it (bot/metrics.ts). */
  metrics: Metrics;
  /** The scheduled prune of data past its retention (runs on the instance holding its lease). */
  housekeeping: Housekeeping;
  /** HTTP requests in flight; refuses new ones once the service stops. */
  inFlight: InFlightRequests;
  /** Starts listening; resolves with the base URL actually bound. */
  listen(): Promise<string>;
  /**
   * Stops cleanly: new requests get 503, requests in flight (turns) finish for up to `drainMs` (default 7 s), the
   * outbox gives back its leases, housekeeping stops, then the listener, the mailer and the database close.
   */
  close(options?: { drainMs?: number }): Promise<void>;
}

/** Things tests may replace: the clock, the logger, an already trained recognizer, the scrypt cost of seeding. */
export interface ApplicationOverrides {
  logger: Logger;
  clock?: Clock;
  recognizer?: Recognizer;
  /** scrypt cost (log2 N) for seeding and new claves; tests lower it. */
  scryptLogN?: number;
  outboxPollMs?: number;
  /** How often housekeeping looks whether a run is due (default: a tenth of its interval). */
  housekeepingCheckMs?: number;
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
  const tuned = await tuneSqlite(prisma, config.databaseUrl, config.sqliteJournalMode, config.sqliteBusyTimeoutMs);
  // --- SQLite checkpoints on a worker thread (prisma/checkpointer.ts), once the WAL settings are in place ---
  const checkpointer = tuned
    ? startSqliteCheckpointer({
        prisma,
        databaseUrl: config.databaseUrl,
        journalMode: config.sqliteJournalMode,
        intervalMs: config.sqliteCheckpointIntervalMs,
        logger,
      })
    : undefined;
  if (config.seedDemo) {
    const seeded = await seedDemoData(prisma, { scryptLogN: overrides.scryptLogN });
    if (seeded.seeded) logger.info('demo_data_seeded', { afiliados: seeded.afiliados, cases: seeded.cases });
  }
  const documents = createFileStorage({
    provider: config.databaseProvider,
    prisma,
    folder: path.join(config.documentsDir, 'documentos'),
  });
  const storage = new PrismaStorage(prisma);
  const conversationState = new ConversationState(storage);
  const onTurnError = createTurnErrorHandler({ logger, conversationState });
  const metrics = createMetrics();
  const inFlight = new InFlightRequests();
  // The channels run the bot's turns; the bot is built below, before any request can arrive.
  // Microsoft Teams is the call-centre staff's side: its activities go to the agent router, never to the citizens' bot.
  // While a citizen's conversation has an open handoff, the handoff gate answers instead of the bot.
  // Every turn of a signed-in citizen (a WhatsApp sign-in completes in such a turn) records where to notify them.
  const citizenTurn = async (context: TurnContext): Promise<void> => {
    if (!(await handoff.gate.handle(context))) await bot.run(context);
  };
  // Turns start one per event-loop iteration, in arrival order, so a burst cannot starve new connections (bot/turnPacer.ts).
  const pacer = new TurnPacer();
  registerTurnQueueMetric(metrics, pacer);
  const runBot = (context: TurnContext): Promise<void> =>
    measureTurn(metrics, context.activity.channelId, () =>
      pacer.run(() =>
        context.activity.channelId === TEAMS_CHANNEL_ID
          ? agentRouter.run(context)
          : withTurnConversation(conversationOf(context), () => notifications.recordingContact(citizenTurn)(context)),
      ),
    );
  const channels = createChannels({ config, prisma, logic: runBot, onTurnError, logger, clock, whatsapp: overrides.whatsapp });
  const readAttachment = attachmentReaderOf(channels);
  const { deps, store, sessions, newClave, handoff } = createServices({
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
    // The NLU model from the build (nlu/model/), or trained here when it is missing or stale: the log says which.
    recognizer: instrumentRecognizer(
      overrides.recognizer ?? createRecognizer({ onModel: (source) => logger.info('nlu_model', { source }) }),
      metrics,
    ),
    handoff: handoffHosting({ config, prisma, channels }),
  });
  instrumentRateLimiter(store.rateLimiter, metrics);

  const bot = new IessBot({ conversationState, dialog: new MainDialog(deps), maxMessageChars: config.maxMessageChars });

  // --- agents' side (Teams): the features the router offers each staff activity to, in order ---
  const staffDirectory = createStaffDirectory(prisma);
  const auditLog = createAuditLog(prisma);
  const agentDocuments = { prisma, storage: documents, clock, logger, publicBaseUrl: config.publicBaseUrl };
  const agentFeatures: AgentFeature[] = [
    handoff.feature,
    createCaseDeskFeature({
      store: createDeskCaseStore(prisma),
      audit: auditLog,
      staff: staffDirectory,
      recovery: store.recovery,
      clock,
      documentLink: agentDocumentLinks(agentDocuments),
      linkMinutes: AGENT_DOCUMENT_LINK_MINUTES,
    }),
  ];
  const agentRouter = new AgentRouter({
    tenantId: config.teamsTenantId,
    staff: staffDirectory,
    audit: auditLog,
    features: agentFeatures,
    logger,
    clock,
    maxMessageChars: config.maxMessageChars,
  });

  const server = restify.createServer({ name: 'iess-asistente', handleUncaughtExceptions: false });
  // Idle keep-alive sockets outlive a balancer's (nginx, cloud LBs keep them about 60 s): a socket the server closes
  // while a client reuses it is a reset request. close() still ends every socket at once.
  server.server.keepAliveTimeout = 65_000;
  server.server.headersTimeout = 66_000;
  server.pre(requestContext());
  server.pre(securityHeaders(config.publicBaseUrl));
  trustForwardedFor(server, config.trustedProxies);
  server.pre(inFlight.middleware());
  for (const channel of channels) channel.registerRoutes(server);
  registerHealthRoutes(server, {
    prisma,
    // Each provider has its own migration folder (README, "PostgreSQL and several instances").
    migrationsDir: path.join(PROJECT_ROOT, 'prisma', ...(config.databaseProvider === 'postgresql' ? ['postgresql'] : []), 'migrations'),
    stopping: () => inFlight.isStopping(),
    logger,
  });
  registerMetricsRoute(server, { metrics, token: config.metricsToken });
  countHttpRefusals(server, metrics);
  registerOutboxMetrics(metrics, { prisma, clock });
  registerWebChatPage(server);
  registerDownloads(server, { prisma, storage: documents, clock, logger, binding: signInBindingOf(channels) });
  registerAgentDocumentRoutes(server, agentDocuments);
  registerResetRoutes(server, { newClave, rateLimiter: store.rateLimiter, logger });
  const notifications = createCaseNotifications({
    prisma,
    clock,
    logger,
    channels: () => channels,
    sessions,
    template: config.whatsapp?.notificationTemplate,
    pollMs: overrides.outboxPollMs,
  });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir: config.mailOutboxDir, logger });
  const deliveries = metrics.counter({
    name: 'iess_outbox_deliveries_total',
    help: 'E-mail delivery attempts by outcome: sent, retried (SMTP failed, will retry) or failed (given up).',
    labelNames: ['outcome'],
  });
  const outbox = new OutboxWorker({
    prisma,
    mailer,
    from: config.mailFrom,
    logger,
    clock,
    pollIntervalMs: overrides.outboxPollMs,
    onDelivery: (outcome) => deliveries.inc({ outcome }),
  });
  const housekeeping = new Housekeeping({
    prisma,
    documentsRoot: path.join(config.documentsDir, 'documentos'),
    attachmentsRoot: path.join(config.documentsDir, 'directline'),
    intervalMinutes: config.housekeepingIntervalMinutes,
    retention: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      recoveryBlockHours: config.recoveryBlockHours,
      outboxRetentionDays: config.outboxRetentionDays,
      unfiledDocumentHours: config.unfiledDocumentHours,
      transcriptRetentionDays: config.transcriptRetentionDays,
      conversationStateRetentionDays: config.conversationStateRetentionDays,
    },
    logger,
    clock,
    checkEveryMs: overrides.housekeepingCheckMs,
  });
  registerSignInRoutes(server, {
    sessions,
    logger,
    signInBinding: signInBindingOf(channels),
    signInHold: signInHoldOf(channels),
    continueConversation: createConversationContinuer({
      channels,
      logic: notifications.recordingContact((context) =>
        withTurnConversation(conversationOf(context), () => signInContinuation(bot)(context)),
      ),
    }),
  });

  return {
    server,
    prisma,
    channels,
    bot,
    outbox,
    handoff,
    notifications,
    metrics,
    housekeeping,
    inFlight,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          outbox.start();
          handoff.worker.start();
          notifications.worker.start();
          housekeeping.start();
          for (const channel of channels) channel.start?.();
          const address = server.address();
          resolve(`http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`);
        });
      }),
    async close(options = {}) {
      inFlight.stop();
      const drained = await inFlight.idle(options.drainMs ?? 7000);
      if (!drained) logger.warn('stop_requests_abandoned', { inFlight: inFlight.size });
      for (const channel of channels) await channel.stop?.();
      await outbox.stop({ timeoutMs: 1000 });
      await handoff.worker.stop();
      await notifications.worker.stop();
      await housekeeping.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
      await mailer.close();
      await checkpointer?.stop();
      await prisma.$disconnect();
    },
  };
}
