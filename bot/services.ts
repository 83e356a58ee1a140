import { type Clock } from '../core/ports';
import { assertDependencies, type DialogDependencies } from '../dialogs/dependencies';
import { createFiling } from '../core/usecases/filing';
import { createRecoverClave } from '../core/usecases/recoverClave';
import { createRequestFirstClave } from '../core/usecases/requestFirstClave';
import { createSetNewClave, type NewClavePort } from '../core/usecases/setNewClave';
import { createRecognizer, type Recognizer } from '../nlu';
import type { PrismaClient } from '../prisma/client';
import { createStore, RESET_TOKEN_TTL_SECONDS, type Store } from '../prisma/store';
import { DEFAULT_RECOVERY_BLOCK_HOURS } from '../prisma/store/claveRecovery';
import { createClaveRequestCase, findClaveRequestProfile } from '../prisma/store/claveRequest';
import { createDownload } from '../prisma/store/downloads';
import { createFilingRecords } from '../prisma/store/filing';
import { DEMO_FIXTURE } from '../prisma/store/seed';
import { createSessionStore, type SessionStore } from '../prisma/store/session';
import { createDocumentIntakeService, type AttachmentReader } from './documents/documentIntakeService';
import { renderSolicitudClavePdf } from './documents/solicitudClavePdf';
import { DOWNLOADS_PATH, currentTurnConversation } from './downloads';
import type { FileStorage } from './fileStorage';
import type { Logger } from './logger';
import { renderEmail } from './mail/layout';
import { SIGNIN_PATH } from './signin/routes';
import { createHandoff, standaloneHandoffHosting, type HandoffHosting, type HandoffParts } from './handoff/wiring';
import { createRegisterComplaint } from '../core/usecases/registerComplaint';
import { createTopicMemory } from '../core/usecases/conversationTopic';
import { createComplaintRecords, createTopicRecords } from '../prisma/store/complaints';

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
  /** Hours an online clave-recovery block lasts unless an agent lifts it sooner (default 24). */
  recoveryBlockHours?: number;
  /** An already trained recognizer (tests share one); trained here otherwise. */
  recognizer?: Recognizer;
  /** Human handoff hosting (settings, channels, Teams desk); without it: default hours, no Teams, no proactive turns. */
  handoff?: HandoffHosting;
}

/** The services every channel and the HTTP pages share, built once: the dialogs' ports and the stores behind them. */
export interface Services {
  deps: DialogDependencies;
  store: Store;
  sessions: SessionStore;
  /** The new-clave page's use case: check a reset link, set the clave and queue the confirmation. */
  newClave: NewClavePort;
  /** Human handoff: the citizen gate, the agent feature and the queue worker (the dialogs' port is in `deps`). */
  handoff: HandoffParts;
}

/**
 * Builds the use cases from the stores and ports, the one wiring used by bot/app.ts and by the tests' harness.
 * Fails at once when a dependency is missing, never on a citizen's turn.
 */
export function createServices(options: ServicesOptions): Services {
  const { prisma, clock, logger, publicBaseUrl } = options;
  const render = renderEmail;
  const store = createStore(prisma, {
    clock,
    secret: options.secret,
    distractorEmployers: DEMO_FIXTURE.empleadoresDistractores,
    scryptLogN: options.scryptLogN,
    recoveryBlockHours: options.recoveryBlockHours,
  });
  const sessions = createSessionStore(prisma, {
    clock,
    secret: options.secret,
    idleMinutes: options.sessionIdleMinutes,
    linkTtlMinutes: options.signInLinkTtlMinutes,
    signInUrl: (token) => `${publicBaseUrl}${SIGNIN_PATH}?t=${encodeURIComponent(token)}`,
    scryptLogN: options.scryptLogN,
  });
  const claveRequests = createRequestFirstClave({
    records: {
      findClaveRequestProfile: (o) => findClaveRequestProfile(prisma, o),
      createClaveRequestCase: (o) => createClaveRequestCase(prisma, o),
      createDownload: (o) =>
        createDownload(prisma, { ...o, conversation: currentTurnConversation(), save: (bytes) => options.documents.save(bytes) }),
    },
    clock,
    render,
    renderSolicitud: renderSolicitudClavePdf,
    downloadUrl: (token) => `${publicBaseUrl}${DOWNLOADS_PATH}/${token}`,
  });
  const claveRecovery = createRecoverClave({
    records: store.recovery,
    clock,
    render,
    resetUrl: (token) => `${publicBaseUrl}/clave/nueva?token=${encodeURIComponent(token)}`,
    linkMinutes: RESET_TOKEN_TTL_SECONDS / 60,
    blockHours: options.recoveryBlockHours ?? DEFAULT_RECOVERY_BLOCK_HOURS,
  });
  const documents = createDocumentIntakeService({
    prisma,
    storage: options.documents,
    readAttachment: options.readAttachment,
    clock,
    logger,
  });
  const handoff = createHandoff({ prisma, clock, logger, documents, hosting: options.handoff ?? standaloneHandoffHosting() });
  const deps: Partial<DialogDependencies> = {
    session: sessions,
    filing: createFiling({ records: createFilingRecords(prisma), clock, render }),
    documents,
    handoff: handoff.port,
    claveRequests,
    recognizer: options.recognizer ?? createRecognizer(),
    cases: store.cases,
    rateLimiter: store.rateLimiter,
    claveRecovery,
    clock,
    complaints: createRegisterComplaint({ records: createComplaintRecords(prisma), clock }),
    topics: createTopicMemory({ records: createTopicRecords(prisma), clock }),
  };
  assertDependencies(deps);
  return { deps, store, sessions, newClave: createSetNewClave({ records: store.reset, clock, render }), handoff };
}
