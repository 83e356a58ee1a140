import { ActionTypes, ActivityTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { OutboundMessage } from '../../core/domain/outbound';

/** Key under `channelData` where an outgoing activity carries its {@link OutboundMessage}; renderers remove it. */
export const OUTBOUND_KEY = 'iessOutbound';

/**
 * The generic Bot Framework form of a neutral message: the text, an imBack suggested action for every choice and a
 * SigninCard for a sign-in request. It is what Web Chat shows, and what any adapter without a renderer (tests'
 * TestAdapter) sends; each channel's renderer starts again from the neutral message instead.
 */
export function genericActivity(message: OutboundMessage): Partial<Activity> {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: message.text, textFormat: 'plain', inputHint: 'acceptingInput' };
  if (message.choices.length > 0) {
    const actions: CardAction[] = message.choices.map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
    activity.suggestedActions = { actions, to: [] };
    activity.inputHint = 'expectingInput';
  }
  const attachments: Attachment[] = [];
  if (message.signIn) attachments.push(CardFactory.signinCard(message.signIn.label, message.signIn.url, message.signIn.cardText));
  if (attachments.length > 0) activity.attachments = attachments;
  return activity;
}

/** An activity that carries `message` twice: in its generic form and, under {@link OUTBOUND_KEY}, as the neutral model. */
export function outboundActivity(message: OutboundMessage): Partial<Activity> {
  return { ...genericActivity(message), channelData: { [OUTBOUND_KEY]: message } };
}

/**
 * Builds a plain-text message, optionally with quick replies. The dialogs say only what to offer; each channel's
 * renderer (Web Chat, Teams, WhatsApp) turns the neutral message into its own form.
 */
export function reply(text: string, options: readonly string[] = []): Partial<Activity> {
  return outboundActivity({ text, choices: [...options] });
}

/** The neutral message an outgoing activity carries, if any. */
export function outboundOf(activity: Partial<Activity>): OutboundMessage | undefined {
  const data: unknown = activity.channelData;
  if (typeof data !== 'object' || data === null || !(OUTBOUND_KEY in data)) return undefined;
  return (data as Record<string, OutboundMessage | undefined>)[OUTBOUND_KEY];
}

/** The activity without the neutral message (channelData dropped when nothing else is in it). */
export function withoutOutbound(activity: Partial<Activity>): Partial<Activity> {
  if (outboundOf(activity) === undefined) return activity;
  const rest: Record<string, unknown> = { ...(activity.channelData as Record<string, unknown>) };
  delete rest[OUTBOUND_KEY];
  const copy: Partial<Activity> = { ...activity, channelData: rest };
  if (Object.keys(rest).length === 0) delete copy.channelData;
  return copy;
}
