import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import restify from 'restify';
import { createTurnErrorHandler } from '../../bot/adapter';
import { signInBindingOf } from '../../bot/channels';
import { createBotFrameworkChannel } from '../../bot/channels/botframework';
import { createDirectLineChannel } from '../../bot/channels/directline';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { IessBot } from '../../bot/iessBot';
import { silentLogger, type Logger } from '../../bot/logger';
import { createConversationContinuer, signInContinuation } from '../../bot/signin/continuation';
import { registerSignInRoutes, type SignInRoutesDependencies } from '../../bot/signin/routes';
import { registerWebChatPage } from '../../bot/web';
import type { Clock } from '../../core/ports';
import { isCancelled } from '../../dialogs/shared/interruptibleDialog';
import {
  SIGNIN_DIALOG,
  SignInDialog,
  type SignInDependencies,
  type SignInOptions,
  type SignInResult,
} from '../../dialogs/signin/signInDialog';
import { seedDemoData } from '../../prisma/store/seed';
import { createSessionStore, type SessionStore } from '../../prisma/store/session';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FIXED_NOW, TEST_SECRET, testRecognizer } from '../helpers/dialogHarness';

/** Why the test host asks for sign-in. */
export const HOST_MOTIVO = 'Para mostrarle sus trámites necesito saber quién es usted.';

/** What the host says once sign-in ended. */
export const hostSays = (result: unknown): string =>
  isCancelled(result) ? 'anfitrión: cancelado' : `anfitrión: ingresó ${(result as SignInResult | undefined)?.citizen?.nombres ?? 'nadie'}`;

/** A minimal root dialog standing in for the main dialog: any message begins sign-in, then it reports the result. */
export class SignInHost extends ComponentDialog {
  constructor(deps: SignInDependencies) {
    super('anfitrion');
    this.addDialog(new SignInDialog(deps));
    this.addDialog(
      new WaterfallDialog('anfitrionPasos', [
        async (step: WaterfallStepContext): Promise<DialogTurnResult> =>
          step.context.activity.type === 'message'
            ? step.beginDialog(SIGNIN_DIALOG, { motivo: HOST_MOTIVO } satisfies SignInOptions)
            : step.endDialog(),
        async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
          await step.context.sendActivity(hostSays(step.result));
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'anfitrionPasos';
  }
}

/** A clock the test moves by hand, starting at FIXED_NOW. */
export function manualClock(): { now: Clock; advance: (ms: number) => void } {
  let now = FIXED_NOW.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

/** A seeded database with a session store whose links point at `baseUrl` (set once the server listens). */
export async function createSignInWorld(
  clock: Clock,
): Promise<{ db: TestDatabase; sessions: SessionStore; setBaseUrl: (url: string) => void }> {
  const db = await createTestDatabase();
  await seedDemoData(db.prisma, { scryptLogN: 10 });
  let baseUrl = 'http://127.0.0.1:1';
  const sessions = createSessionStore(db.prisma, {
    clock,
    secret: TEST_SECRET,
    signInUrl: (token) => `${baseUrl}/ingresar?t=${encodeURIComponent(token)}`,
    scryptLogN: 10,
  });
  return {
    db,
    sessions,
    setBaseUrl: (url) => {
      baseUrl = url;
    },
  };
}

/** Starts `server` on a free loopback port and returns its base URL. */
export function listenOnLoopback(server: restify.Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

/** A server with only the sign-in page, for HTTP tests with a stand-in continuation. */
export async function startSignInPage(
  deps: Omit<SignInRoutesDependencies, 'signInBinding'> & Partial<Pick<SignInRoutesDependencies, 'signInBinding'>>,
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = restify.createServer({ name: 'ingresar-prueba', handleUncaughtExceptions: false });
  // Without a binding, whoever opens the link holds the chat (the browser binding has its own tests).
  registerSignInRoutes(server, { signInBinding: async () => true, ...deps });
  const baseUrl = await listenOnLoopback(server);
  return { baseUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A running composition like bot/app.ts: Web Chat page, self-hosted Direct Line, IessBot over the test host, sign-in page. */
export interface SignInApp {
  baseUrl: string;
  db: TestDatabase;
  sessions: SessionStore;
  stop(): Promise<void>;
}

/** Wires the sign-in pieces the way the lead wires them in bot/app.ts, on a free loopback port. */
export async function startSignInApp(options: { clock?: Clock; logger?: Logger } = {}): Promise<SignInApp> {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? silentLogger;
  const { db, sessions, setBaseUrl } = await createSignInWorld(clock);
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const bot = new IessBot({
    conversationState,
    dialog: new SignInHost({ session: sessions, recognizer: testRecognizer() }),
    maxMessageChars: 1000,
  });
  const onTurnError = createTurnErrorHandler({ logger, conversationState });
  const server = restify.createServer({ name: 'iess-prueba-ingreso', handleUncaughtExceptions: false });
  const documents = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-signin-'));
  registerWebChatPage(server);
  const baseUrl = await listenOnLoopback(server);
  setBaseUrl(baseUrl);
  const directLine = createDirectLineChannel({
    prisma: db.prisma,
    logic: (context) => bot.run(context),
    onTurnError,
    attachments: new LocalFolderStorage(documents),
    publicBaseUrl: baseUrl,
    tokenTtlSeconds: 1800,
    logger,
    clock,
    bot: { id: 'iess-asistente', name: 'Asistente IESS' },
  });
  const botFramework = createBotFrameworkChannel({
    credentials: { appId: '', appPassword: '', appTenantId: '', appType: 'MultiTenant' },
    logic: (context) => bot.run(context),
    onTurnError,
  });
  const channels = [directLine, botFramework];
  for (const channel of channels) channel.registerRoutes(server);
  const continueConversation = createConversationContinuer({ channels, logic: signInContinuation(bot) });
  registerSignInRoutes(server, { sessions, continueConversation, signInBinding: signInBindingOf(channels), logger });
  return {
    baseUrl,
    db,
    sessions,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.dispose();
      fs.rmSync(documents, { recursive: true, force: true });
    },
  };
}
