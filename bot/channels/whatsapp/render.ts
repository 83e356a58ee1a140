import type { Activity } from 'botbuilder';
import { CANAL_WHATSAPP } from '../../../catalog';
import type { OutboundLink, OutboundMessage } from '../../../core/domain/outbound';
import { outboundOf } from '../../../dialogs/shared/replies';
import { shorten, splitText } from './text';
import { WHATSAPP_LIMITS as L, type WhatsAppMessage } from './types';

/** How the choices of one message are offered on WhatsApp. */
export type WhatsAppChoiceForm = 'none' | 'buttons' | 'list' | 'numbered';

type Base = Pick<WhatsAppMessage, 'messaging_product' | 'recipient_type' | 'to'>;

const unique = (values: readonly string[]): string[] => [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];

/**
 * The form of a set of choices: up to 3 reply buttons when their shortened titles stay unique, up to 10 list rows,
 * numbered text beyond (or when a choice is too long to travel back in a button or row id).
 */
export function choiceForm(choices: readonly string[]): WhatsAppChoiceForm {
  if (choices.length === 0) return 'none';
  const titles = new Set(choices.map((c) => shorten(c, L.buttonTitle).toLowerCase()));
  if (choices.length <= L.buttons && titles.size === choices.length && choices.every((c) => c.length <= L.buttonId)) return 'buttons';
  if (choices.length <= L.listRows && choices.every((c) => c.length <= L.rowId)) return 'list';
  return 'numbered';
}

/** Text messages for all of `text` but its last part, which `build` turns into the message with a body of `limit`. */
function withBody(base: Base, text: string, limit: number, build: (body: string) => WhatsAppMessage): WhatsAppMessage[] {
  const chunks = splitText(text, L.textBody);
  const last = chunks.pop() ?? '';
  const lastParts = last.length > limit ? splitText(last, limit) : [last];
  const body = lastParts.pop() || CANAL_WHATSAPP.elijaOpcion;
  const leading = [...chunks, ...lastParts].map((b): WhatsAppMessage => ({ ...base, type: 'text', text: { body: b, preview_url: false } }));
  return [...leading, build(body)];
}

function buttons(base: Base, choices: string[]): (body: string) => WhatsAppMessage {
  return (body) => ({
    ...base,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      action: { buttons: choices.map((c) => ({ type: 'reply', reply: { id: c, title: shorten(c, L.buttonTitle) } })) },
    },
  });
}

function list(base: Base, choices: string[]): (body: string) => WhatsAppMessage {
  const rows = choices.map((c) => {
    const title = shorten(c, L.rowTitle);
    return title === c ? { id: c, title } : { id: c, title, description: shorten(c, L.rowDescription) };
  });
  return (body) => ({
    ...base,
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: body },
      action: { button: shorten(CANAL_WHATSAPP.verOpciones, L.listButton), sections: [{ rows }] },
    },
  });
}

function ctaUrl(base: Base, link: OutboundLink): (body: string) => WhatsAppMessage {
  return (body) => ({
    ...base,
    type: 'interactive',
    interactive: {
      type: 'cta_url',
      body: { text: body },
      action: { name: 'cta_url', parameters: { display_text: shorten(link.label, L.ctaDisplayText), url: link.url } },
    },
  });
}

function textOnly(base: Base, text: string): WhatsAppMessage[] {
  return splitText(text, L.textBody).map((body) => ({ ...base, type: 'text', text: { body, preview_url: false } }));
}

function withChoices(base: Base, text: string, choices: string[]): WhatsAppMessage[] {
  switch (choiceForm(choices)) {
    case 'none':
      return textOnly(base, text);
    case 'buttons':
      return withBody(base, text, L.interactiveBody, buttons(base, choices));
    case 'list':
      return withBody(base, text, L.listBody, list(base, choices));
    case 'numbered':
      return textOnly(base, [text, choices.map((c, i) => `${i + 1}. ${c}`).join('\n')].filter((t) => t.length > 0).join('\n\n'));
  }
}

/**
 * Renders a neutral message as the bodies of Meta WhatsApp Cloud API `/messages` requests, in order, each within
 * the API's limits ({@link L}): long text is split on line or word boundaries (never inside a grapheme); ≤ 3
 * choices become reply buttons, 4–10 a list (the six-option main menu is a list), more a numbered text; a sign-in
 * request or link becomes a `cta_url` button (its choices, if any, follow in their own message). Over-long labels are
 * shortened with "…" while the button or row id keeps the full choice text, so the inbound side maps a tap back to
 * the choice. A document request needs nothing more than its text on WhatsApp.
 */
export function renderWhatsApp(message: OutboundMessage, to: string): WhatsAppMessage[] {
  const base: Base = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  const choices = unique(message.choices);
  const link = message.signIn ?? message.link;
  if (!link) return withChoices(base, message.text, choices);
  const cta = withBody(base, message.text, L.interactiveBody, ctaUrl(base, link));
  return choices.length > 0 ? [...cta, ...withChoices(base, CANAL_WHATSAPP.elijaOpcion, choices)] : cta;
}

/** Renders an outgoing activity: its neutral message, or its plain text when it carries none. */
export function renderWhatsAppActivity(activity: Partial<Activity>, to: string): WhatsAppMessage[] {
  return renderWhatsApp(outboundOf(activity) ?? { text: activity.text ?? '', choices: [] }, to);
}
