/**
 * The bodies of Meta's WhatsApp Cloud API `POST /<phone-number-id>/messages` that the renderer emits: text, and the
 * interactive reply-button, list and call-to-action URL messages. Only the fields this assistant uses.
 */

/** Fields every message body has. */
interface MessageBase {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  /** The citizen's WhatsApp id (phone number). */
  to: string;
}

/** A text message; `body` holds at most 4096 characters. */
export interface WhatsAppTextMessage extends MessageBase {
  type: 'text';
  text: { body: string; preview_url: boolean };
}

/** Up to 3 reply buttons under a body of at most 1024 characters. */
export interface WhatsAppButtonMessage extends MessageBase {
  type: 'interactive';
  interactive: {
    type: 'button';
    body: { text: string };
    action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] };
  };
}

/** A list of up to 10 rows behind one button, under a body of at most 4096 characters. */
export interface WhatsAppListMessage extends MessageBase {
  type: 'interactive';
  interactive: {
    type: 'list';
    body: { text: string };
    action: { button: string; sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[] };
  };
}

/** One button that opens a URL, under a body of at most 1024 characters. */
export interface WhatsAppCtaUrlMessage extends MessageBase {
  type: 'interactive';
  interactive: {
    type: 'cta_url';
    body: { text: string };
    action: { name: 'cta_url'; parameters: { display_text: string; url: string } };
  };
}

/** Any message body the renderer emits. */
export type WhatsAppMessage = WhatsAppTextMessage | WhatsAppButtonMessage | WhatsAppListMessage | WhatsAppCtaUrlMessage;

/** Limits of the Cloud API, in characters, as Meta documents them. */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  listBody: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listButton: 20,
  ctaDisplayText: 20,
} as const;
