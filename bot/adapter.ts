import type { ConversationState, TurnContext } from 'botbuilder';
import { MSG } from '../catalog';
import { reply } from '../dialogs/shared/replies';
import { AppError, errorCode } from './errors';
import type { Logger } from './logger';

/**
 * Handler for any error that escapes a turn: logs its code (never the message text), apologises in Spanish,
 * and clears the conversation's dialog state so the next message starts cleanly instead of failing again.
 */
export function createTurnErrorHandler(options: { logger: Logger; conversationState: ConversationState }) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const code = errorCode(error);
    options.logger.error('turn_error', {
      code,
      channel: context.activity.channelId,
      conversation: context.activity.conversation?.id,
      error:
        error instanceof Error
          ? { name: error.name, message: error.message, stack: error.stack?.split('\n').slice(0, 4).join(' | ') }
          : String(error),
    });
    try {
      await options.conversationState.delete(context);
    } catch (stateError) {
      options.logger.error('turn_error_state_reset_failed', { code: errorCode(stateError) });
    }
    try {
      const userMessage = error instanceof AppError && error.userMessage ? error.userMessage : MSG.error;
      await context.sendActivity(reply(userMessage));
    } catch (sendError) {
      options.logger.error('turn_error_reply_failed', { code: errorCode(sendError) });
    }
  };
}
