import type { HandoffSchedule } from '../../domain/handoffHours';
import type { ConversationKey, ConversationReferenceJson } from '../../ports';

/** States of a handoff, as the store keeps them. */
export type HandoffEstadoName = 'EN_COLA' | 'TOMADA' | 'TERMINADA';

/** One turn of the transcript shown to agents: who spoke and what, already redacted by the channel. */
export interface TranscriptTurn {
  from: 'ciudadano' | 'asistente';
  text: string;
}

/** A handoff as the use cases and the bot see it. */
export interface HandoffView {
  id: string;
  conversationKey: string;
  channelId: string;
  reference: ConversationReferenceJson;
  afiliadoId?: string;
  tema?: string;
  transcript: TranscriptTurn[];
  estado: HandoffEstadoName;
  queuedAt: Date;
  timeoutOfferedAt?: Date;
  agentStaffId?: string;
  agentNombre?: string;
  agentReference?: ConversationReferenceJson;
  cardActivityId?: string;
  cardConversation?: string;
  surveyPending: boolean;
}

/** What a citizen's request for a person records. */
export interface NewHandoff {
  conversation: ConversationKey;
  reference: ConversationReferenceJson;
  afiliadoId?: string;
  tema?: string;
  transcript: TranscriptTurn[];
}

/** A message left for a call back (out of hours, or after the queue timeout). */
export interface NewCallback {
  conversation: ConversationKey;
  afiliadoId?: string;
  mensaje: string;
}

/**
 * The store side of human handoff: every state lives here so several instances agree. `take` and `end` are
 * compare-and-set updates, so two agents pressing "Tomar" at once give one winner.
 */
export interface HandoffRecords {
  /** Queues the conversation (or returns its open handoff); `offerDueAt` is when the timeout offer becomes due. */
  open(options: NewHandoff & { now: Date; offerDueAt: Date }): Promise<{ handoff: HandoffView; created: boolean }>;
  /** 1 for the first in the queue; undefined when the handoff is no longer waiting. */
  position(handoffId: string): Promise<number | undefined>;
  /** The open handoff of a conversation, or the ended one whose satisfaction question is still pending. */
  findForConversation(conversation: ConversationKey): Promise<HandoffView | undefined>;
  find(handoffId: string): Promise<HandoffView | undefined>;
  take(options: {
    handoffId: string;
    staffId: string;
    nombre: string;
    agentReference: ConversationReferenceJson;
    now: Date;
  }): Promise<{ taken: true; handoff: HandoffView } | { taken: false; current?: HandoffView }>;
  /** Ends an open handoff; false when it had already ended. With `survey`, the satisfaction question becomes pending. */
  end(options: { handoffId: string; by: 'ciudadano' | 'agente' | 'sistema'; now: Date; survey: boolean }): Promise<boolean>;
  /** "Seguir esperando": the timeout offer is made again at `offerDueAt`; false when the handoff no longer waits. */
  keepWaiting(options: { handoffId: string; offerDueAt: Date }): Promise<boolean>;
  /** The handoff an agent is attending now (the latest taken, still open). */
  findActiveForAgent(staffId: string): Promise<HandoffView | undefined>;
  /** Handoffs still waiting, oldest first. */
  listWaiting(): Promise<HandoffView[]>;
  /** Claims, once, the waiting handoffs whose timeout offer is due at `now` and was not made yet. */
  claimTimedOut(options: { now: Date }): Promise<HandoffView[]>;
  setCard(options: { handoffId: string; activityId: string; conversationId: string }): Promise<void>;
  recordSatisfaction(options: { handoffId: string; puntaje: number; now: Date }): Promise<boolean>;
  skipSatisfaction(handoffId: string): Promise<void>;
  createCallback(options: NewCallback & { now: Date; dueAt: Date }): Promise<{ id: string }>;
}

/** Key of a conversation in the store ("<channelId>:<conversationId>"), as the sign-in rows write it. */
export function conversationKeyString(conversation: ConversationKey): string {
  return `${conversation.channelId}:${conversation.conversationId}`;
}

/** What the citizen's request for a person gave, with the transcript the agents will see (for `handoff.initiate`). */
export type HandoffRequestResult =
  | { kind: 'queued'; handoffId: string; position: number; created: boolean; transcript: TranscriptTurn[] }
  | { kind: 'closed'; opensAt: Date };

/**
 * The handoff as the dialogs use it: ask for a person (the bot adds the transcript and posts the queue card) or leave
 * a message for a call back. Every later turn of an open handoff is answered by the bot's handoff gate, not a dialog.
 */
export interface HandoffPort {
  request(options: Omit<NewHandoff, 'transcript'>): Promise<HandoffRequestResult>;
  leaveMessage(message: NewCallback): Promise<{ id: string; dueAt: Date }>;
  /** The configured hours, to tell the citizen. */
  readonly schedule: HandoffSchedule;
}
