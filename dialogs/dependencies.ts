import type { Recognizer } from '../nlu';
import type {
  CaseReader,
  ClaveRecoveryPort,
  ClaveRequestPort,
  Clock,
  DocumentIntakePort,
  FilingPort,
  RateLimiter,
  SessionPort,
} from '../core/ports';
import type { HandoffPort } from '../core/usecases/handoff/ports';
import type { ComplaintPort } from '../core/usecases/registerComplaint';
import type { TopicPort } from '../core/usecases/conversationTopic';

/** Everything the dialogs need from the outside world, wired once in bot/. */
export interface DialogDependencies {
  recognizer: Recognizer;
  cases: CaseReader;
  rateLimiter: RateLimiter;
  clock: Clock;
  claveRecovery: ClaveRecoveryPort;
  claveRequests: ClaveRequestPort;
  session: SessionPort;
  filing: FilingPort;
  documents: DocumentIntakePort;
  /** Human handoff: queue the conversation for an agent, or leave a message out of hours. */
  handoff: HandoffPort;
  /** Complaints registered from the chat (dialogs/quejas). */
  complaints: ComplaintPort;
  /** The topic of each conversation, for follow-up questions. */
  topics: TopicPort;
}

/** Fails start-up loudly when a dependency is missing, instead of failing on a citizen's turn. */
export function assertDependencies(deps: Partial<DialogDependencies>): asserts deps is DialogDependencies {
  const required: (keyof DialogDependencies)[] = [
    'recognizer',
    'cases',
    'rateLimiter',
    'clock',
    'claveRecovery',
    'claveRequests',
    'session',
    'filing',
    'documents',
    'handoff',
    'complaints',
    'topics',
  ];
  const missing = required.filter((key) => deps[key] === undefined || deps[key] === null);
  if (missing.length > 0) throw new Error(`Missing dialog dependencies: ${missing.join(', ')}`);
}
