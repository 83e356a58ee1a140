import { BotAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { TurnLogic } from './channel';

/** The claims identity a caller may pass instead of an app id (the SDK's own parameter type). */
export type ClaimsIdentityLike = Exclude<Parameters<BotAdapter['continueConversationAsync']>[0], string>;

/**
 * Base of the self-hosted channels' adapters (Direct Line, WhatsApp): the SDK's two proactive entry points (the legacy
 * `continueConversation` and every overload of `continueConversationAsync`) resolved once here, so each channel only
 * says which ContinueConversation event starts a proactive turn in the conversation of a reference.
 */
export abstract class ProactiveAdapter extends BotAdapter {
  /** The ContinueConversation event for the conversation of `reference`; throws when the reference is not this channel's. */
  protected abstract continueEvent(reference: Partial<ConversationReference>): Promise<Partial<Activity>>;

  /** Proactive turn in an existing conversation (legacy signature). */
  override async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    await this.continueConversationAsync('', reference, logic);
  }

  /** Proactive turn: `logic` runs with the channel's ContinueConversation event; what it sends goes to that conversation. */
  override async continueConversationAsync(
    botAppIdOrClaims: string | ClaimsIdentityLike,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('continueConversationAsync: logic is required.');
    const context = new TurnContext(this, await this.continueEvent(reference));
    if (typeof botAppIdOrClaims !== 'string') context.turnState.set(this.BotIdentityKey, botAppIdOrClaims);
    await this.runMiddleware(context, logic);
  }
}
