import type { Activity } from 'botbuilder';
import { carriesClave } from '../../../dialogs/shared/claveInChat';
import { isSensitiveInput, REDACTED_TEXT } from '../../../dialogs/shared/sensitive';
import type { Logger } from '../../logger';
import { inboundActivity, validateInbound, type ChannelInfo } from './activity';
import type { DirectLineAdapter, TurnLogic } from './adapter';
import { DirectLineError } from './errors';
import type { DirectLineStore, NewAttachment } from './store';
import type { ConversationTurns } from './serial';
import type { Grant } from './tokens';

/** What posting an activity needs: where to store it, how to run the bot's turn and how to redact it. */
export interface TurnRunner {
  store: DirectLineStore;
  /** Replaces the stored text of an inbound activity the dialogs marked as a security answer. */
  redact: (activity: Partial<Activity>) => Promise<void>;
  adapter: DirectLineAdapter;
  logic: TurnLogic;
  channel: ChannelInfo;
  clock: () => Date;
  logger: Logger;
  /** The conversation streams of this instance: a turn holds what they send until it ends (streaming.ts). */
  streams: { hold(conversationId: string): () => void };
  /** One turn at a time per conversation on this instance (serial.ts). */
  turns: ConversationTurns;
}

/**
 * Runs a turn; a failure that onTurnError did not absorb becomes 502 BotError (the activity stays stored).
 * When the dialogs marked the message as a security answer, the channel redacts it before clients poll it again.
 */
export async function runTurn(runner: TurnRunner, activity: Partial<Activity>): Promise<void> {
  const conversationId = activity.conversation?.id;
  let sensitive = false;
  try {
    await runner.adapter.processActivity(activity, async (context) => {
      await runner.logic(context);
      sensitive = isSensitiveInput(context);
    });
  } catch (error) {
    runner.logger.error('directline.turn_failed', { conversationId, error });
    throw new DirectLineError(502, 'BotError', 'The bot failed to process the activity.');
  }
  if (sensitive) await runner.redact(activity);
}

/**
 * Stores a client's activity as the token's user (with any uploaded files' metadata, in the same transaction),
 * then runs the bot's turn, after any turn of the conversation still running on this instance; resolves with the activity id once the bot's replies are stored. A message that carries
 * a clave (the rule the dialogs use, dialogs/shared/claveInChat.ts) is stored already redacted, so not even a poll
 * during the turn or a turn that fails can read it; the bot's turn still gets the text, to warn the citizen.
 */
export async function postActivity(
  runner: TurnRunner,
  grant: Grant,
  body: unknown,
  attachments: NewAttachment[] = [],
  attachmentList?: Activity['attachments'],
): Promise<string> {
  const valid = validateInbound(body);
  return inTurn(runner, grant.conversationId, () => storeAndRun(runner, valid, grant, attachments, attachmentList));
}

/**
 * Runs `work` as the conversation's turn on this instance: after any turn of it still running (serial.ts), with its
 * streams held, so what the turn stores reaches them together when it ends (streaming.ts).
 */
export function inTurn<T>(runner: Pick<TurnRunner, 'turns' | 'streams'>, conversationId: string, work: () => Promise<T>): Promise<T> {
  return runner.turns.run(conversationId, async () => {
    const release = runner.streams.hold(conversationId);
    try {
      return await work();
    } finally {
      release();
    }
  });
}

/** The body of {@link postActivity}, while the conversation's streams are held. */
async function storeAndRun(
  runner: TurnRunner,
  valid: ReturnType<typeof validateInbound>,
  grant: Grant,
  attachments: NewAttachment[],
  attachmentList: Activity['attachments'],
): Promise<string> {
  const { conversationId, userId } = grant;
  let received: Partial<Activity> | undefined;
  const stored = await runner.store.append(
    conversationId,
    (id) => {
      const activity = inboundActivity(valid, id, conversationId, userId, runner.channel, runner.clock());
      received = attachmentList ? { ...activity, attachments: attachmentList } : activity;
      return carriesClave(received.text ?? '') ? { ...received, text: REDACTED_TEXT } : received;
    },
    attachments,
  );
  runner.logger.info('directline.activity_received', {
    conversationId,
    type: stored.activity.type,
    attachments: attachments.length,
  });
  await runTurn(runner, received ?? stored.activity);
  return stored.id;
}
