import { ActivityTypes, type ConversationReference, type TurnContext } from 'botbuilder';
import { SIGNIN_COMPLETED_EVENT } from '../../core/ports';
import type { TurnLogic } from '../channels/directline/adapter';

/** Anything that runs a turn (IessBot). */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/** An adapter able to start a proactive turn in an existing conversation (CloudAdapter, DirectLineAdapter). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void>;
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
 * Continues a conversation on the adapter that owns it: the self-hosted Direct Line adapter for references whose
 * serviceUrl is this server's own Direct Line endpoint, the CloudAdapter (Azure channels, Emulator) otherwise.
 */
export function createConversationContinuer(options: {
  directLine: ProactiveAdapter;
  /** serviceUrl of the self-hosted Direct Line activities: the public base URL without a trailing slash. */
  directLineServiceUrl: string;
  cloudAdapter: ProactiveAdapter;
  appId: string;
  logic: TurnLogic;
}): (reference: Partial<ConversationReference>) => Promise<void> {
  const own = options.directLineServiceUrl.replace(/\/+$/, '');
  return async (reference) => {
    const selfHosted = reference.channelId === 'directline' && (reference.serviceUrl ?? '').replace(/\/+$/, '') === own;
    const adapter = selfHosted ? options.directLine : options.cloudAdapter;
    await adapter.continueConversationAsync(options.appId, reference, options.logic);
  };
}
