import { assertDependencies, type Clock, type DialogDependencies } from '../core/ports';
import { createRecognizer, type Recognizer } from '../nlu';
import type { PrismaClient } from '../prisma/client';
import { createStore, type Store } from '../prisma/store';
import { DEMO_FIXTURE } from '../prisma/store/seed';
import { createFilingStore } from '../prisma/store/filing';
import { createSessionStore, type SessionStore } from '../prisma/store/session';
import { createClaveRequestService } from './clave/claveRequestService';
import { createDocumentIntakeService, type AttachmentReader } from './documents/documentIntakeService';
import { DOWNLOADS_PATH } from './downloads';
import type { FileStorage } from './fileStorage';
import type { Logger } from './logger';
import { renderEmail } from './mail/layout';
import { SIGNIN_PATH } from './signin/routes';

/** What the services are built from: the store's client, the server's public origin and the settings that shape them. */
export interface ServicesOptions {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  /** Server secret (APP_SECRET): link tokens and keys are stored as HMACs under it. */
  secret: string;
  /** Public origin used in links (reset page, sign-in page, downloads). */
  publicBaseUrl: string;
  /** Where accepted documents and generated PDFs are kept (never served directly). */
  documents: FileStorage;
  /** Reads an attachment from the channel that received it. */
  readAttachment: AttachmentReader;
  sessionIdleMinutes?: number;
  signInLinkTtlMinutes?: number;
  /** scrypt cost (log2 N) for new claves; tests lower it. */
  scryptLogN?: number;
  /** An already trained recognizer (tests share one); trained here otherwise. */
  recognizer?: Recognizer;
}

/** The services every channel and the HTTP pages share, built once: the dialogs' ports and the stores behind them. */
export interface Services {
  deps: DialogDependencies;
  store: Store;
  sessions: SessionStore;
}

/**
 * Builds the dialogs' dependencies and the stores behind them, the one wiring used by bot/app.ts and by the tests'
 * harness. Fails at once when a dependency is missing, never on a citizen's turn.
 */
export function createServices(options: ServicesOptions): Services {
  const { prisma, clock, logger, publicBaseUrl } = options;
  const store = createStore(prisma, {
    clock,
    secret: options.secret,
    distractorEmployers: DEMO_FIXTURE.empleadoresDistractores,
    resetUrl: (token) => `${publicBaseUrl}/clave/nueva?token=${encodeURIComponent(token)}`,
    render: renderEmail,
  });
  const sessions = createSessionStore(prisma, {
    clock,
    secret: options.secret,
    idleMinutes: options.sessionIdleMinutes,
    linkTtlMinutes: options.signInLinkTtlMinutes,
    signInUrl: (token) => `${publicBaseUrl}${SIGNIN_PATH}?t=${encodeURIComponent(token)}`,
    scryptLogN: options.scryptLogN,
  });
  const deps: Partial<DialogDependencies> = {
    session: sessions,
    filing: createFilingStore(prisma, { clock, toMessage: store.toMessage }),
    documents: createDocumentIntakeService({ prisma, storage: options.documents, readAttachment: options.readAttachment, clock, logger }),
    claveRequests: createClaveRequestService({
      prisma,
      store,
      documents: options.documents,
      clock,
      downloadUrl: (token) => `${publicBaseUrl}${DOWNLOADS_PATH}/${token}`,
    }),
    recognizer: options.recognizer ?? createRecognizer(),
    cases: store.cases,
    rateLimiter: store.rateLimiter,
    claveRecovery: store.claveRecovery,
    clock,
  };
  assertDependencies(deps);
  return { deps, store, sessions };
}
