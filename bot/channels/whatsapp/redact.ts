import { REDACTED_TEXT } from '../../../dialogs/shared/sensitive';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/**
 * A stored Cloud API message with every text the user chose or typed replaced by REDACTED_TEXT: the text body, the
 * id and title of a tapped button or list row (security answers are offered as lists), a template quick reply, a caption.
 */
export function redactedMessage(message: Json): Json {
  const copy = JSON.parse(JSON.stringify(message)) as Json;
  if (copy.type === 'text') copy.text = { body: REDACTED_TEXT };
  if (copy.type === 'interactive') {
    const interactive = obj(copy.interactive);
    for (const key of ['button_reply', 'list_reply']) {
      if (interactive[key]) interactive[key] = { id: REDACTED_TEXT, title: REDACTED_TEXT };
    }
    if (interactive.nfm_reply) interactive.nfm_reply = { response_json: '{}', body: REDACTED_TEXT };
  }
  if (copy.type === 'button') copy.button = { text: REDACTED_TEXT, payload: REDACTED_TEXT };
  for (const key of ['image', 'document']) {
    const media = obj(copy[key]);
    if (typeof media.caption === 'string') media.caption = REDACTED_TEXT;
  }
  return copy;
}
