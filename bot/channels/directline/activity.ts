import type { Activity, ChannelAccount } from 'botbuilder';
import { badArgument } from './errors';
import { isRecord } from './http';

/** Path under which uploaded files are served. */
export const ATTACHMENTS_PATH = '/v3/directline/attachments';

/** Activity types a client may post; anything else is rejected with 400. */
const ACCEPTED_TYPES = new Set(['message', 'event']);

/** Where the channel is reached and who the bot is, for stamping activities. */
export interface ChannelInfo {
  serviceUrl: string;
  bot: { id: string; name: string };
}

/** The public URL of an uploaded file. */
export function attachmentUrl(baseUrl: string, attachmentId: string): string {
  return `${baseUrl}${ATTACHMENTS_PATH}/${attachmentId}`;
}

/** The bot account, with role "bot" so Web Chat renders its activities on the bot's side. */
export function botAccount(channel: ChannelInfo): ChannelAccount {
  return { id: channel.bot.id, name: channel.bot.name, role: 'bot' };
}

/** Checks that a client's activity is a JSON object of an accepted type (400 otherwise). */
export function validateInbound(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw badArgument('The activity must be a JSON object.');
  if (typeof body.type !== 'string' || !ACCEPTED_TYPES.has(body.type)) {
    throw badArgument('Only "message" and "event" activities can be posted.');
  }
  return body;
}

/**
 * Builds the stored form of a client's activity: everything the client sent (text, value, channelData with
 * clientActivityID...) with the identity fields forced: `from.id` is the token's user whatever the client said.
 */
export function inboundActivity(
  body: Record<string, unknown>,
  id: string,
  conversationId: string,
  userId: string,
  channel: ChannelInfo,
  now: Date,
): Partial<Activity> {
  const from = isRecord(body.from) ? body.from : {};
  const name = typeof from.name === 'string' ? from.name.slice(0, 256) : undefined;
  return {
    ...(body as Partial<Activity>),
    id,
    channelId: 'directline',
    serviceUrl: channel.serviceUrl,
    timestamp: now,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: userId, name: name ?? '', role: 'user' },
    recipient: botAccount(channel),
  };
}

/** The conversationUpdate that tells the bot the bot and the user joined, so it can greet. */
export function conversationUpdate(
  id: string,
  conversationId: string,
  userId: string,
  channel: ChannelInfo,
  now: Date,
  locale: string | undefined,
): Partial<Activity> {
  const user: ChannelAccount = { id: userId, name: '', role: 'user' };
  return {
    type: 'conversationUpdate',
    id,
    channelId: 'directline',
    serviceUrl: channel.serviceUrl,
    timestamp: now,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: user,
    recipient: botAccount(channel),
    membersAdded: [botAccount(channel), user],
    ...(locale ? { locale } : {}),
  };
}
