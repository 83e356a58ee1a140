import { isWithinHandoffHours, nextOpening, type HandoffSchedule } from '../../domain/handoffHours';
import type { Clock } from '../../ports';
import type { HandoffRecords, HandoffView, NewCallback, NewHandoff } from './ports';

/** What asking for a person gave: a place in the queue, or the hours when nobody is answering. */
export type HandoffRequestOutcome =
  { kind: 'queued'; handoff: HandoffView; position: number; created: boolean } | { kind: 'closed'; opensAt: Date };

/** What the request and message use cases are built from. */
export interface HandoffUseCaseOptions {
  records: HandoffRecords;
  clock: Clock;
  schedule: HandoffSchedule;
  /** Minutes in the queue before the citizen is offered to leave a message. */
  queueTimeoutMinutes: number;
}

/**
 * "Hablar con un agente": inside the configured hours the conversation is queued (once: asking again gives the same
 * place); outside them nothing is queued and the citizen gets the hours and can leave a message.
 */
export function createRequestHandoff(options: HandoffUseCaseOptions): (request: NewHandoff) => Promise<HandoffRequestOutcome> {
  return async (request) => {
    const now = options.clock();
    const existing = await options.records.findForConversation(request.conversation);
    if (!existing || existing.estado === 'TERMINADA') {
      if (!isWithinHandoffHours(options.schedule, now)) return { kind: 'closed', opensAt: nextOpening(options.schedule, now) };
    }
    const offerDueAt = new Date(now.getTime() + options.queueTimeoutMinutes * 60_000);
    const { handoff, created } = await options.records.open({ ...request, now, offerDueAt });
    const position = (await options.records.position(handoff.id)) ?? 0;
    return { kind: 'queued', handoff, position, created };
  };
}

/** A message left for a call back: agents see it from the next opening (the next working day when out of hours). */
export function createLeaveMessage(options: Pick<HandoffUseCaseOptions, 'records' | 'clock' | 'schedule'>) {
  return async (message: NewCallback): Promise<{ id: string; dueAt: Date }> => {
    const now = options.clock();
    const dueAt = nextOpening(options.schedule, now);
    const { id } = await options.records.createCallback({ ...message, now, dueAt });
    return { id, dueAt };
  };
}

/** Longest message a citizen may leave for a call back (longer ones are cut). */
export const MAX_CALLBACK_CHARS = 1000;
