import { ActivityTypes, type TurnContext } from 'botbuilder';
import { SIGNIN_COMPLETED_EVENT, type ConversationReferenceJson } from '../../core/ports';
import type { Channel, TurnLogic } from '../channels/channel';

/** Anything that runs a turn (IessBot). */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/**
 * The logic of the proactive turn after a sign-in: the adapter's ContinueConversation event becomes the
 * SIGNIN_COMPLETED_EVENT, and the bot runs it, so the waiting dialog continues as the citizen.
 */
export function signInContinuation(bot: TurnRunner): TurnLogic {
  return async (context) => {
    context.activity.type = ActivityTypes.Event;
    context.activity.name = SIGNIN_COMPLETED_EVENT;
    context.activity.value = undefined;
    await bot.run(context);
  };
}

/**
 * Continues a conversation on the channel that owns its reference: the first of `channels` whose `ownsReference`
 * says so (so the list goes from the most specific channel to the catch-all Bot Framework one).
 */
export function createConversationContinuer(options: {
  channels: readonly Pick<Channel, 'id' | 'ownsReference' | 'continueConversation'>[];
  logic: TurnLogic;
}): (reference: ConversationReferenceJson) => Promise<void> {
  return async (reference) => {
    const owner = options.channels.find((channel) => channel.ownsReference(reference));
    if (!owner) throw new Error(`No channel owns conversation references of channel "${reference.channelId ?? ''}"`);
    await owner.continueConversation(reference, options.logic);
  };
}
