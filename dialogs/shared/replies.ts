import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';

/**
 * Builds a plain-text message, optionally with quick replies. Suggested actions are the channel-neutral
 * form: each channel layer (Web Chat, WhatsApp, Teams) renders them its own way.
 */
export function reply(text: string, options: readonly string[] = []): Partial<Activity> {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text, textFormat: 'plain', inputHint: 'acceptingInput' };
  if (options.length > 0) {
    const actions: CardAction[] = options.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
    activity.suggestedActions = { actions, to: [] };
    activity.inputHint = 'expectingInput';
  }
  return activity;
}
