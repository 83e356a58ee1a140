import type { CaseHistoryView, CaseStateName, CaseStatusView, CondicionName, EligibilityView, FilingTypeName } from './domain/cases';

export type {
  CaseEventView,
  CaseHistoryView,
  CaseStateName,
  CaseStatusView,
  CaseTypeName,
  CondicionName,
  EligibilityView,
  FilingProfile,
  FilingTypeName,
  IdentificationKind,
  IneligibilityReason,
} from './domain/cases';

/** Read access to cases for citizens: a case is returned only when the identification matches its owner. */
export interface CaseReader {
  findCaseForCitizen(options: { numero: string; identificacion: string }): Promise<CaseStatusView | undefined>;
}

/** Outcome of counting one more use of a limited action. */
export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Shared fixed-window limiter for anything guessable (case look-ups, recovery starts). */
export interface RateLimiter {
  hit(options: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitDecision>;
  /**
   * A stable name for whoever holds a chat, to limit per client rather than per conversation: the browser key of a
   * self-hosted Direct Line chat, else the channel's user id. Absent: callers limit per conversation only.
   */
  clientOf?(chat: { channelId: string; conversationId: string; userId: string }): Promise<string>;
}

/** A recovery question, in the order they are asked. */
export type RecoveryQuestionName = 'fecha' | 'empleador' | 'anio' | 'pregunta1' | 'pregunta2';

/** What the citizen is asked during online recovery; it never says whether the person is registered. */
export interface RecoveryChallengeView {
  employerOptions: string[];
  yearOptions: string[];
  personalQuestions: [string, string];
}

/** How one finished pass through the recovery questions ended for its identification. */
export interface RecoveryPassVerdict {
  blocked: boolean;
  /** Intentos left before the block (0 when blocked). */
  remaining: number;
}

/**
 * Online clave recovery (seed 004). One pass through the questions with any wrong answer is one intento, counted in
 * the store per identification (registered or not) when the pass ends; five block online recovery for a period.
 */
export interface ClaveRecoveryPort {
  isBlocked(identificacion: string): Promise<boolean>;
  startChallenge(identificacion: string): Promise<RecoveryChallengeView>;
  /** Checks one answer; nothing is counted until finishPass. */
  checkAnswer(
    identificacion: string,
    question: RecoveryQuestionName,
    answer: { day: number; month: number } | string,
  ): Promise<{ correct: boolean }>;
  /** Ends a pass: one intento when any answer was wrong; the fifth blocks and tells the owner by e-mail. */
  finishPass(identificacion: string, passed: boolean): Promise<RecoveryPassVerdict>;
  /** The registered e-mail, masked (m***@example.ec); call only after every answer was right. */
  maskedEmail(identificacion: string): Promise<string | undefined>;
  /** Queues the reset e-mail to the registered address, or to a new one (then the old address is told). */
  sendResetLink(identificacion: string, newEmail?: string): Promise<{ maskedTo: string }>;
}

/** What the first-clave journey may show about a person: contact data masked. */
export interface ClaveRequestView {
  nombres: string;
  condicion: CondicionName;
  maskedEmail?: string;
  maskedPhone?: string;
  hasClave: boolean;
  empleador?: string;
  openCase?: { numero: string; estado: CaseStateName };
}

/** A document the citizen can download, as a channel-neutral attachment. */
export interface DownloadableDocument {
  name: string;
  contentType: string;
  url: string;
}

/**
 * First-time clave requests (seed 003). Nothing about a person is returned before the proof: an unknown identification
 * and a wrong birth day and month give the same `undefined`.
 */
export interface ClaveRequestPort {
  /**
   * The proof: the birth day and month (seed 004, step 5). The person, with contact data masked, when the identification
   * exists and the day and month match; else undefined.
   */
  verify(proof: { identificacion: string; day: number; month: number }): Promise<ClaveRequestView | undefined>;
  /** Files the request (idempotent per person); contact data given only when the registered data is wrong. */
  file(options: { identificacion: string; email?: string; telefono?: string }): Promise<{
    numero: string;
    created: boolean;
    kind: 'employer' | 'print';
    documento?: DownloadableDocument;
  }>;
}

/** Identifies one conversation on any channel. */
export interface ConversationKey {
  channelId: string;
  conversationId: string;
}

/**
 * A conversation reference as a channel hands it out and gets it back to continue the conversation proactively:
 * opaque JSON for everything outside bot/ (the store keeps it as text). The Bot Framework's ConversationReference
 * fits it; only the channel that owns the reference reads more than these fields.
 */
export interface ConversationReferenceJson {
  channelId?: string;
  serviceUrl?: string;
  conversation?: { id: string; isGroup?: boolean; conversationType?: string; name?: string; tenantId?: string };
  user?: { id: string; name?: string; role?: string };
  bot?: { id: string; name?: string; role?: string };
  activityId?: string;
  locale?: string;
}

/** Name of the event activity the server sends into a conversation once its citizen has signed in on the web page. */
export const SIGNIN_COMPLETED_EVENT = 'iess/signinCompleted';

/** The citizen signed in to a conversation: enough to greet and to act for them, nothing secret. */
export interface SignedInCitizen {
  afiliadoId: string;
  nombres: string;
}

/** Sign-in for journeys that act for a citizen; the clave is typed only on the bot's own page, never in the chat. */
export interface SessionPort {
  /** The citizen signed in to this conversation; undefined when nobody is or the session went idle. Renews the idle timer. */
  current(conversation: ConversationKey): Promise<SignedInCitizen | undefined>;
  /** A single-use, short-lived link to the sign-in page, bound to this conversation; the reference lets the server continue it. */
  createSignInLink(options: { reference: ConversationReferenceJson }): Promise<{ url: string; expiresInMinutes: number }>;
  /** Ends this conversation's session; false when there was none. */
  signOut(conversation: ConversationKey): Promise<boolean>;
}

/** What a filing journey asks for: who files which trámite, under which request id, with its details and documents. */
export interface FileCaseRequest {
  afiliadoId: string;
  tipo: FilingTypeName;
  requestId: string;
  provincia?: string;
  detalle?: string;
  documentIds?: string[];
}

/** Filing and following trámites for a signed-in citizen. Every method checks the case belongs to `afiliadoId`. */
export interface FilingPort {
  checkEligibility(options: { afiliadoId: string; tipo: FilingTypeName }): Promise<EligibilityView>;
  /**
   * Files the case at most once: the same `requestId`, or an open case of the same type, returns the existing case
   * with `created: false`. The confirmation e-mail is queued in the outbox in the same transaction.
   */
  fileCase(options: FileCaseRequest): Promise<{ numero: string; created: boolean; maskedEmail?: string }>;
  /** The citizen's cases, newest first, each with its latest state, date and note. */
  listCases(options: { afiliadoId: string }): Promise<CaseStatusView[]>;
  getCaseHistory(options: { afiliadoId: string; numero: string }): Promise<CaseHistoryView | undefined>;
  /** Attaches a document to a case in REQUIERE_INFORMACION and moves it back to EN_REVISION; false if not allowed. */
  submitMissingDocument(options: { afiliadoId: string; numero: string; documentId: string }): Promise<boolean>;
}

/** Which requirement an attached document is for; it also names the stored file. */
export type DocumentPurposeName = 'cedula' | 'solicitud' | 'codigo_extranjero' | 'complemento';

/** An attachment as a channel delivers it (Bot Framework shape); the bytes are fetched by the channel layer. */
export interface IncomingAttachment {
  contentType: string;
  contentUrl?: string;
  name?: string;
}

/** The bytes of one attachment as its channel delivered them, with what the client said about them. */
export interface AttachmentBytes {
  bytes: Buffer;
  contentType: string;
  name: string;
}

/**
 * A channel's way to fetch the bytes of an attachment sent in `conversation`. It answers undefined (never throws on
 * purpose) when the attachment is not one it can read or was not sent in that conversation. Web Chat's reader lives
 * in bot/channels/directline; WhatsApp will pass `contentUrl` = the media id and download it from the Graph
 * API, stopping past 1 MB + 1 byte (the size check then refuses it with the right message).
 */
export type AttachmentReader = (attachment: IncomingAttachment, conversation: ConversationKey) => Promise<AttachmentBytes | undefined>;

/** Outcome of receiving one attachment: stored and recorded, or refused with a Spanish message. */
export type DocumentReceipt = { ok: true; documentId: string; descripcion: string } | { ok: false; message: string };

/** Reads, checks (type by bytes, size, legibility) and stores one attachment the citizen sent. */
export interface DocumentIntakePort {
  receive(options: {
    afiliadoId: string;
    purpose: DocumentPurposeName;
    attachment: IncomingAttachment;
    conversation: ConversationKey;
  }): Promise<DocumentReceipt>;
}

/** An e-mail ready for the outbox: the addressee, the subject and the rendered bodies. */
export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Idempotency key: a second message with the same key is ignored, so a retried request mails once. */
  dedupKey?: string;
}

/** Source of the current time; tests pass a fixed clock. */
export type Clock = () => Date;
