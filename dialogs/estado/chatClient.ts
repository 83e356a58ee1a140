import type { TurnContext } from 'botbuilder';
import type { RateLimiter } from '../../core/ports';

/**
 * The rate-limit name of whoever holds this chat: the limiter's client name (the browser key of a self-hosted Direct
 * Line chat, else the channel's user id), or the conversation when the limiter has none.
 */
export async function chatClientOf(limiter: RateLimiter, context: TurnContext): Promise<string> {
  const { activity } = context;
  const chat = {
    channelId: activity.channelId ?? 'desconocido',
    conversationId: activity.conversation?.id ?? 'desconocida',
    userId: activity.from?.id ?? 'desconocido',
  };
  return limiter.clientOf ? limiter.clientOf(chat) : `conv:${chat.channelId}:${chat.conversationId}`;
}
