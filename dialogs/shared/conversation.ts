import type { TurnContext } from 'botbuilder';
import type { ConversationKey } from '../../core/ports';

/** The channel and conversation of the current turn: what sessions and sign-in links are bound to. */
export function conversationKeyOf(context: TurnContext): ConversationKey {
  return { channelId: context.activity.channelId, conversationId: context.activity.conversation.id };
}
