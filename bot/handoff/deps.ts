import type { TurnContext } from 'botbuilder';
import type { HandoffSchedule } from '../../core/domain/handoffHours';
import type { Clock, ConversationReferenceJson, DocumentIntakePort } from '../../core/ports';
import type { AuditLog, StaffDirectory } from '../../core/usecases/agents/ports';
import type { HandoffRecords, HandoffView } from '../../core/usecases/handoff/ports';
import { HANDOFF } from '../../catalog';
import { reply } from '../../dialogs/shared/replies';
import type { Channel, TurnLogic } from '../channels/channel';
import type { Logger } from '../logger';
import type { TeamsHandoffDesk } from './teamsDesk';
import type { TranscriptReader } from './transcript';

/** What the citizen gate, the agent feature and the queue worker share, wired once in bot/services.ts. */
export interface HandoffBotDeps {
  records: HandoffRecords;
  clock: Clock;
  logger: Logger;
  schedule: HandoffSchedule;
  queueTimeoutMinutes: number;
  transcript: TranscriptReader;
  /** The Teams side; absent when no queue channel is configured (the protocol events still go out). */
  desk?: TeamsHandoffDesk;
  /** The masked identification of a signed-in citizen, for the card. */
  maskedIdentification(afiliadoId: string | undefined): Promise<string | undefined>;
  /** The normal document intake: files a citizen sends during a handoff are checked and stored like any other. */
  documents: DocumentIntakePort;
  /** The append-only audit trail (prisma/store/audit.ts): every agent action on a handoff is written there. */
  audit: AuditLog;
  /** Where each agent's personal chat is (recorded by the agent router). */
  staff: Pick<StaffDirectory, 'personalReferenceOf'>;
  /** Continues a citizen's conversation on the channel that owns its reference. */
  continueCitizen(reference: ConversationReferenceJson, logic: TurnLogic): Promise<void>;
}

/** Continues a conversation on the first channel that owns its reference (the order of bot/channels). */
export function citizenContinuer(channels: () => readonly Pick<Channel, 'ownsReference' | 'continueConversation'>[]) {
  return async (reference: ConversationReferenceJson, logic: TurnLogic): Promise<void> => {
    const owner = channels().find((c) => c.ownsReference(reference));
    if (!owner) throw new Error(`No channel owns conversation references of channel "${reference.channelId ?? ''}"`);
    await owner.continueConversation(reference, logic);
  };
}

/** Sends activities into the citizen's conversation, proactively. */
export async function tellCitizen(
  deps: HandoffBotDeps,
  handoff: HandoffView,
  send: (context: TurnContext) => Promise<void>,
): Promise<void> {
  await deps.continueCitizen(handoff.reference, send);
}

/** Updates the queue card, logging (never throwing) when Teams cannot be reached: the citizen's turn must go on. */
export async function refreshCard(deps: HandoffBotDeps, handoffId: string): Promise<void> {
  if (!deps.desk) return;
  const handoff = await deps.records.find(handoffId);
  if (!handoff) return;
  try {
    await deps.desk.updateQueueCard(handoff, await deps.maskedIdentification(handoff.afiliadoId));
  } catch (error) {
    deps.logger.warn('handoff_card_update_failed', { handoffId, error: String(error) });
  }
}

/** Tells every citizen who was behind `left` (taken, or gone) their new place in the queue. */
export async function announcePositions(deps: HandoffBotDeps, left: Pick<HandoffView, 'queuedAt'>): Promise<void> {
  const waiting = await deps.records.listWaiting();
  for (const [index, handoff] of waiting.entries()) {
    if (handoff.queuedAt.getTime() < left.queuedAt.getTime()) continue;
    try {
      await tellCitizen(deps, handoff, async (context) => {
        await context.sendActivity(reply(HANDOFF.posicion(index + 1)));
      });
    } catch (error) {
      deps.logger.warn('handoff_position_not_sent', { handoffId: handoff.id, error: String(error) });
    }
  }
}
