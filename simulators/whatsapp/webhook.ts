import { createHmac, randomBytes } from 'node:crypto';

/**
 * Meta's side of the webhook: builders of the `whatsapp_business_account` payloads in their real shapes (messages
 * with contacts, status callbacks, batched entries), the `X-Hub-Signature-256` signature over the exact raw bytes,
 * and a POST to the bot. Shared by the tests and the simulator page.
 */

/** JSON object as it travels on the wire. */
export type Json = Record<string, unknown>;

/** A WhatsApp user as Meta describes them in `contacts[]`: a wa_id (phone) and/or a business-scoped user_id. */
export interface WaUser {
  waId?: string;
  userId?: string;
  name: string;
}

/** A fresh message id in Meta's style. */
export function newWamid(): string {
  return `wamid.${randomBytes(18).toString('base64url')}`;
}

function sender(user: WaUser): Json {
  return { ...(user.waId ? { from: user.waId } : {}), ...(user.userId ? { from_user_id: user.userId } : {}) };
}

/** A message of `type` from `user` with the type's own object (text, interactive, image, document…). */
export function userMessage(user: WaUser, type: string, content: Json, at = new Date()): Json {
  return { ...sender(user), id: newWamid(), timestamp: String(Math.floor(at.getTime() / 1000)), type, ...content };
}

/** A text message. */
export function textMessage(user: WaUser, body: string, at?: Date): Json {
  return userMessage(user, 'text', { text: { body } }, at);
}

/** A tap on a reply button (`id` is the button id the bot sent). */
export function buttonReply(user: WaUser, id: string, title: string, at?: Date): Json {
  return userMessage(user, 'interactive', { interactive: { type: 'button_reply', button_reply: { id, title } } }, at);
}

/** A choice in a list message. */
export function listReply(user: WaUser, id: string, title: string, at?: Date): Json {
  return userMessage(user, 'interactive', { interactive: { type: 'list_reply', list_reply: { id, title } } }, at);
}

/** An image or document the user sent (the media id comes from the fake Graph API's `addMedia`). */
export function mediaMessage(
  user: WaUser,
  kind: 'image' | 'document',
  media: { id: string; mimeType: string; sha256: string; filename?: string },
  at?: Date,
): Json {
  const object: Json = { id: media.id, mime_type: media.mimeType, sha256: media.sha256 };
  if (kind === 'document' && media.filename) object.filename = media.filename;
  return userMessage(user, kind, { [kind]: object }, at);
}

/** One `changes[]` item carrying messages from users (with their contacts) to the business number. */
export function messagesChange(phoneNumberId: string, users: readonly WaUser[], messages: readonly Json[]): Json {
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '593999000000', phone_number_id: phoneNumberId },
      contacts: users.map((u) => ({
        profile: { name: u.name },
        ...(u.waId ? { wa_id: u.waId } : {}),
        ...(u.userId ? { user_id: u.userId } : {}),
      })),
      messages,
    },
  };
}

/** One `changes[]` item with a status callback for a message the bot sent. */
export function statusChange(
  phoneNumberId: string,
  status: { wamid: string; status: 'sent' | 'delivered' | 'read' | 'failed'; recipient: string; errors?: Json[] },
): Json {
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '593999000000', phone_number_id: phoneNumberId },
      statuses: [
        {
          id: status.wamid,
          status: status.status,
          timestamp: String(Math.floor(Date.now() / 1000)),
          recipient_id: status.recipient,
          ...(status.errors ? { errors: status.errors } : {}),
        },
      ],
    },
  };
}

/** The webhook envelope: one entry per WhatsApp Business Account, each with its changes. */
export function envelope(entries: readonly (readonly Json[])[]): Json {
  return { object: 'whatsapp_business_account', entry: entries.map((changes) => ({ id: '102290129340398', changes })) };
}

/** `sha256=<hex HMAC-SHA256(appSecret, raw body)>`, as Meta sends it in X-Hub-Signature-256. */
export function signBody(appSecret: string, raw: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}

/** Posts a webhook delivery to the bot: the exact bytes, signed (or with `signature` as given, to test refusals). */
export async function deliverWebhook(
  webhookUrl: string,
  appSecret: string,
  payload: Json | Buffer,
  options: { signature?: string | null } = {},
): Promise<{ status: number; body: string }> {
  const raw = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload), 'utf8');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const signature = options.signature === undefined ? signBody(appSecret, raw) : options.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  const response = await fetch(webhookUrl, { method: 'POST', headers, body: new Uint8Array(raw) });
  return { status: response.status, body: await response.text() };
}
