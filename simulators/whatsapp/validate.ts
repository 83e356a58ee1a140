/**
 * The checks Meta's Cloud API applies to a `/messages` request body, as far as this assistant uses it: an invalid
 * body gets the error envelope (code 131009, or 100 for an unknown type) instead of a wamid, as Meta answers.
 */

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Why Meta would refuse `body`, or undefined when it is a valid message. */
export function messageProblem(body: Json): string | undefined {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (body.status === 'read') return str(body.message_id) ? undefined : 'message_id is required';
  if (!str(body.to) && !str(body.recipient)) return 'to or recipient is required';
  switch (body.type) {
    case 'text': {
      const text = str(obj(body.text).body);
      return text.length === 0 || text.length > 4096 ? 'text.body must have 1 to 4096 characters' : undefined;
    }
    case 'template': {
      const template = obj(body.template);
      return str(template.name) && str(obj(template.language).code) ? undefined : 'template.name and template.language.code are required';
    }
    case 'interactive':
      return interactiveProblem(obj(body.interactive));
    default:
      return `unsupported message type ${String(body.type)}`;
  }
}

function uniqueCount(values: string[]): number {
  return new Set(values).size;
}

function interactiveProblem(interactive: Json): string | undefined {
  const bodyText = str(obj(interactive.body).text);
  const action = obj(interactive.action);
  if (interactive.type === 'button') {
    if (bodyText.length === 0 || bodyText.length > 1024) return 'interactive body must have 1 to 1024 characters';
    const buttons = arr(action.buttons).map((b) => obj(obj(b).reply));
    if (buttons.length < 1 || buttons.length > 3) return 'buttons must have 1 to 3 items';
    const titles = buttons.map((b) => str(b.title));
    const ids = buttons.map((b) => str(b.id));
    if (titles.some((t) => t.length === 0 || t.length > 20)) return 'button title must have 1 to 20 characters';
    if (ids.some((i) => i.length === 0 || i.length > 256)) return 'button id must have 1 to 256 characters';
    if (uniqueCount(titles) !== titles.length || uniqueCount(ids) !== ids.length) return 'button titles and ids must be unique';
    return undefined;
  }
  if (interactive.type === 'list') {
    if (bodyText.length === 0 || bodyText.length > 4096) return 'list body must have 1 to 4096 characters';
    const button = str(action.button);
    if (button.length === 0 || button.length > 20) return 'list button must have 1 to 20 characters';
    const rows = arr(action.sections).flatMap((s) => arr(obj(s).rows).map(obj));
    if (rows.length < 1 || rows.length > 10) return 'a list must have 1 to 10 rows';
    if (rows.some((r) => str(r.title).length === 0 || str(r.title).length > 24)) return 'row title must have 1 to 24 characters';
    if (rows.some((r) => str(r.description).length > 72)) return 'row description must have at most 72 characters';
    if (rows.some((r) => str(r.id).length === 0 || str(r.id).length > 200)) return 'row id must have 1 to 200 characters';
    if (uniqueCount(rows.map((r) => str(r.id))) !== rows.length) return 'row ids must be unique';
    return undefined;
  }
  if (interactive.type === 'cta_url') {
    if (bodyText.length === 0 || bodyText.length > 1024) return 'interactive body must have 1 to 1024 characters';
    const parameters = obj(action.parameters);
    const display = str(parameters.display_text);
    if (action.name !== 'cta_url' || display.length === 0 || display.length > 20) return 'display_text must have 1 to 20 characters';
    return URL.canParse(str(parameters.url)) ? undefined : 'url is not valid';
  }
  return `unsupported interactive type ${String(interactive.type)}`;
}
