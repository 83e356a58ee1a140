import type { HandoffPort } from '../../core/usecases/handoff/ports';
import { createLeaveMessage, createRequestHandoff } from '../../core/usecases/handoff/requestHandoff';
import type { HandoffBotDeps } from './deps';

/**
 * The dialogs' HandoffPort: the request use case with the channel's redacted transcript added, and, for a new
 * request, the queue card posted in the call-centre channel (a Teams failure is logged; the citizen stays queued and
 * the card can be seen again from the queue worker's retry).
 */
export function createHandoffPort(deps: HandoffBotDeps): HandoffPort {
  const request = createRequestHandoff(deps);
  const leave = createLeaveMessage(deps);
  return {
    schedule: deps.schedule,
    leaveMessage: leave,
    async request(options) {
      const transcript = await deps.transcript(options.conversation);
      const outcome = await request({ ...options, transcript });
      if (outcome.kind === 'closed') return outcome;
      const { handoff, position, created } = outcome;
      if (created) await postCard(deps, handoff.id);
      return { kind: 'queued', handoffId: handoff.id, position, created, transcript: handoff.transcript };
    },
  };
}

/** Posts the queue card of a waiting handoff that has none yet; false when Teams could not be reached. */
export async function postCard(deps: HandoffBotDeps, handoffId: string): Promise<boolean> {
  if (!deps.desk) return true;
  const handoff = await deps.records.find(handoffId);
  if (!handoff || handoff.cardActivityId || handoff.estado !== 'EN_COLA') return true;
  try {
    const card = await deps.desk.postQueueCard(handoff, await deps.maskedIdentification(handoff.afiliadoId));
    await deps.records.setCard({ handoffId, ...card });
    return true;
  } catch (error) {
    deps.logger.warn('handoff_card_not_posted', { handoffId, error: String(error) });
    return false;
  }
}
