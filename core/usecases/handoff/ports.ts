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
  open(options: NewHandoff & { now: Date }): Promise<{ handoff: HandoffView; created: boolean }>;
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
  /** Ends an open handoff; false when it had already ended. The satisfaction question becomes pending. */
  end(options: { handoffId: string; by: 'ciudadano' | 'agente' | 'sistema'; now: Date }): Promise<boolean>;
  /** The handoff an agent is attending now (the latest taken, still open). */
  findActiveForAgent(staffId: string): Promise<HandoffView | undefined>;
  /** Handoffs still waiting, oldest first. */
  listWaiting(): Promise<HandoffView[]>;
  /** Claims, once, the waiting handoffs queued before `cutoff` that were not yet offered to leave a message. */
  claimTimedOut(options: { cutoff: Date; now: Date }): Promise<HandoffView[]>;
  setCard(options: { handoffId: string; activityId: string; conversationId: string }): Promise<void>;
  recordSatisfaction(options: { handoffId: string; puntaje: number; now: Date }): Promise<boolean>;
  skipSatisfaction(handoffId: string): Promise<void>;
  createCallback(options: NewCallback & { now: Date; dueAt: Date }): Promise<{ id: string }>;
}

/** Key of a conversation in the store ("<channelId>:<conversationId>"), as the sign-in rows write it. */
export function conversationKeyString(conversation: ConversationKey): string {
  return `${conversation.channelId}:${conversation.conversationId}`;
}
