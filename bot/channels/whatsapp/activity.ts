import { ActivityTypes, type Activity } from 'botbuilder';
import { WHATSAPP_NO_ADMITIDO } from '../../../catalog';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Channel id of WhatsApp conversations. */
export const WHATSAPP_CHANNEL_ID = 'whatsapp';
/** contentUrl prefix of a WhatsApp media attachment: `whatsapp-media:<media id>`. */
export const MEDIA_URL_PREFIX = 'whatsapp-media:';
/** Button ids of the notification opt-in question (never a dialog choice). */
export const OPT_IN_IDS = { si: 'iess:avisos:si', no: 'iess:avisos:no' } as const;

/** The stable conversation id of a WhatsApp user. */
export function conversationIdOf(waUser: string): string {
  return `${WHATSAPP_CHANNEL_ID}:${waUser}`;
}

/** The user of a WhatsApp conversation id, or undefined for any other id. */
export function waUserOf(conversationId: string | undefined): string | undefined {
  const prefix = `${WHATSAPP_CHANNEL_ID}:`;
  return conversationId?.startsWith(prefix) && conversationId.length > prefix.length ? conversationId.slice(prefix.length) : undefined;
}

/** What one inbound message asks of the channel. */
export type InboundMeaning =
  | { kind: 'turn'; text: string; attachments: NonNullable<Activity['attachments']> }
  | { kind: 'optIn'; value: boolean }
  | { kind: 'refuse'; text: string };

const NOT_READABLE: Record<string, string> = {
  audio: WHATSAPP_NO_ADMITIDO.audio,
  voice: WHATSAPP_NO_ADMITIDO.audio,
  video: WHATSAPP_NO_ADMITIDO.video,
  sticker: WHATSAPP_NO_ADMITIDO.sticker,
  location: WHATSAPP_NO_ADMITIDO.location,
  contacts: WHATSAPP_NO_ADMITIDO.contacts,
  reaction: WHATSAPP_NO_ADMITIDO.reaction,
};

/**
 * What a Cloud API message means here: text, a tapped button or list row (its id is the full choice text the
 * renderer sent), a template quick reply, an image or document (an attachment read later through the media
 * endpoints), the opt-in answer, or a kind the assistant cannot read (a defined Spanish answer, no dialog turn).
 */
export function meaningOf(message: Json): InboundMeaning {
  const type = str(message.type);
  if (type === 'text') return { kind: 'turn', text: str(obj(message.text).body), attachments: [] };
  if (type === 'interactive') {
    const interactive = obj(message.interactive);
    const reply = obj(interactive.button_reply ?? interactive.list_reply);
    const id = str(reply.id);
    if (id === OPT_IN_IDS.si || id === OPT_IN_IDS.no) return { kind: 'optIn', value: id === OPT_IN_IDS.si };
    if (id) return { kind: 'turn', text: id, attachments: [] };
    return { kind: 'refuse', text: WHATSAPP_NO_ADMITIDO.otro };
  }
  if (type === 'button') {
    const text = str(obj(message.button).text) || str(obj(message.button).payload);
    return text ? { kind: 'turn', text, attachments: [] } : { kind: 'refuse', text: WHATSAPP_NO_ADMITIDO.otro };
  }
  if (type === 'image' || type === 'document') {
    const media = obj(message[type]);
    const id = str(media.id);
    if (!id) return { kind: 'refuse', text: WHATSAPP_NO_ADMITIDO.otro };
    const contentType = str(media.mime_type) || 'application/octet-stream';
    const name = str(media.filename) || (type === 'image' ? 'foto.jpg' : 'documento');
    return { kind: 'turn', text: str(media.caption), attachments: [{ contentType, contentUrl: `${MEDIA_URL_PREFIX}${id}`, name }] };
  }
  return { kind: 'refuse', text: NOT_READABLE[type] ?? WHATSAPP_NO_ADMITIDO.otro };
}

/** The Bot Framework activity of one inbound WhatsApp message (id = wamid). */
export function inboundActivity(options: {
  wamid: string;
  waUser: string;
  profileName?: string | null;
  phoneNumberId: string;
  serviceUrl: string;
  text: string;
  attachments: NonNullable<Activity['attachments']>;
  at: Date;
}): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    id: options.wamid,
    channelId: WHATSAPP_CHANNEL_ID,
    serviceUrl: options.serviceUrl,
    timestamp: options.at,
    locale: 'es-EC',
    text: options.text,
    ...(options.attachments.length > 0 ? { attachments: options.attachments } : {}),
    conversation: { id: conversationIdOf(options.waUser), isGroup: false, conversationType: 'personal', name: '' },
    from: { id: options.waUser, name: options.profileName ?? '', role: 'user' },
    recipient: { id: options.phoneNumberId, name: '', role: 'bot' },
  };
}
