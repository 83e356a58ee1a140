import { renderWhatsApp, choiceForm, type WhatsAppChoiceForm } from '../../bot/channels/whatsapp/render';
import { splitText, shorten } from '../../bot/channels/whatsapp/text';
import { WHATSAPP_LIMITS, type WhatsAppMessage } from '../../bot/channels/whatsapp/types';
import { CANAL_WHATSAPP, MENU_OPCIONES, MSG, SIGNIN } from '../../catalog';
import type { OutboundMessage } from '../../core/domain/outbound';

const TO = '593991234567';
const choices = (n: number): string[] => Array.from({ length: n }, (_, i) => `Opción ${i + 1}`);
const msg = (text: string, options: readonly string[] = [], extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  text,
  choices: options,
  ...extra,
});

/** Checks every documented limit of every emitted body, so no test can pass with an invalid message. */
function expectValid(messages: WhatsAppMessage[]): void {
  for (const m of messages) {
    expect(m).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: TO });
    if (m.type === 'text') {
      expect(m.text.body.length).toBeGreaterThan(0);
      expect(m.text.body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.textBody);
      continue;
    }
    const body = m.interactive.body.text;
    expect(body.length).toBeGreaterThan(0);
    if (m.interactive.type === 'button') {
      const { buttons } = m.interactive.action;
      expect(body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.interactiveBody);
      expect(buttons.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.buttons);
      expect(new Set(buttons.map((b) => b.reply.title)).size).toBe(buttons.length);
      for (const b of buttons) {
        expect(b.reply.title.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.buttonTitle);
        expect(b.reply.id.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.buttonId);
      }
    } else if (m.interactive.type === 'list') {
      const rows = m.interactive.action.sections.flatMap((s) => s.rows);
      expect(body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.listBody);
      expect(rows.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.listRows);
      expect(m.interactive.action.button.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.listButton);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      for (const r of rows) {
        expect(r.title.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowTitle);
        expect((r.description ?? '').length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowDescription);
        expect(r.id.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowId);
      }
    } else {
      expect(body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.interactiveBody);
      expect(m.interactive.action.parameters.display_text.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.ctaDisplayText);
    }
  }
}

/** A compact picture of what was emitted: "text", "button:3", "list:6", "cta_url". */
function shape(messages: WhatsAppMessage[]): string[] {
  return messages.map((m) => {
    if (m.type === 'text') return 'text';
    if (m.interactive.type === 'button') return `button:${m.interactive.action.buttons.length}`;
    if (m.interactive.type === 'list') return `list:${m.interactive.action.sections.flatMap((s) => s.rows).length}`;
    return 'cta_url';
  });
}

describe('WhatsApp renderer: neutral message → Cloud API /messages bodies within their limits', () => {
  it.each<[string, OutboundMessage, string[]]>([
    ['plain text', msg(MSG.saludo), ['text']],
    ['one choice → reply button', msg('¿Continuamos?', ['Sí']), ['button:1']],
    ['three choices → three reply buttons', msg('Elija', choices(3)), ['button:3']],
    ['four choices → a list', msg('Elija', choices(4)), ['list:4']],
    ['the six-option main menu → a list of six rows', msg(MSG.saludo, MENU_OPCIONES), ['list:6']],
    ['ten choices → a list of ten rows', msg('Elija', choices(10)), ['list:10']],
    ['eleven choices → numbered text', msg('Elija', choices(11)), ['text']],
    [
      'three choices whose short titles collide → a list',
      msg('Elija', ['Reliquidación de pensión A', 'Reliquidación de pensión B', 'Otra']),
      ['list:3'],
    ],
    [
      'sign-in → a cta_url button',
      msg(SIGNIN.instrucciones(10), [], { signIn: { url: 'https://x/ingresar?t=a', label: SIGNIN.boton, cardText: SIGNIN.textoTarjeta } }),
      ['cta_url'],
    ],
    [
      'a link with choices → cta_url, then buttons',
      msg('Descargue', ['Listo'], { link: { url: 'https://x/d', label: 'Descargar la solicitud impresa' } }),
      ['cta_url', 'button:1'],
    ],
    ['5000 characters of text → two texts', msg('palabra '.repeat(625)), ['text', 'text']],
    [
      'a 2000-character question with buttons → text, then buttons with the rest',
      msg('palabra '.repeat(250), ['Sí', 'No']),
      ['text', 'button:2'],
    ],
  ])('%s', (_name, message, expected) => {
    const out = renderWhatsApp(message, TO);
    expectValid(out);
    expect(shape(out)).toEqual(expected);
  });

  it('keeps the full choice text in the row id and the list button label from the catalog', () => {
    const long = 'Quiero saber los requisitos de la reliquidación de mi pensión de jubilación';
    const [list] = renderWhatsApp(msg('Elija', [long, ...choices(3)]), TO);
    if (list.type !== 'interactive' || list.interactive.type !== 'list') throw new Error('expected a list');
    const [row] = list.interactive.action.sections[0].rows;
    expect(row).toEqual({ id: long, title: shorten(long, 24), description: shorten(long, 72) });
    expect(row.title.endsWith('…')).toBe(true);
    expect(list.interactive.action.button).toBe(CANAL_WHATSAPP.verOpciones);
  });

  it('numbers more than ten choices in the text, each full', () => {
    const [text] = renderWhatsApp(msg('Elija', choices(12)), TO);
    expect(text).toMatchObject({ type: 'text', text: { body: expect.stringContaining('12. Opción 12') } });
  });

  it.each<[string, readonly string[], WhatsAppChoiceForm]>([
    ['none', [], 'none'],
    ['3 short', choices(3), 'buttons'],
    ['4', choices(4), 'list'],
    ['a 201-character choice among two: fits a button id (≤ 256)', ['x'.repeat(201), 'b'], 'buttons'],
    ['a 201-character choice among four: too long for a row id (≤ 200)', ['x'.repeat(201), ...choices(3)], 'numbered'],
    ['a 257-character choice: too long for any id', ['x'.repeat(257), 'b'], 'numbered'],
  ])('choiceForm: %s', (_name, options, expected) => {
    expect(choiceForm(options)).toBe(expected);
  });
});

describe('WhatsApp text helpers', () => {
  it.each<[string, string, number, string[]]>([
    ['fits', 'hola', 10, ['hola']],
    ['at a line break', 'uno dos\ntres cuatro', 12, ['uno dos', 'tres cuatro']],
    ['at a space', 'uno dos tres', 8, ['uno dos', 'tres']],
    ['a word longer than the limit', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['never inside a surrogate pair', '😀😀😀', 3, ['😀', '😀', '😀']],
    ['never inside a grapheme (e + combining accent)', 'cafe\u0301e\u0301', 5, ['cafe\u0301', 'e\u0301']],
  ])('splitText %s', (_name, text, max, expected) => {
    const parts = splitText(text, max);
    expect(parts).toEqual(expected);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(max);
  });

  it.each<[string, number, string]>([
    ['Consultar estado', 20, 'Consultar estado'],
    ['Requisitos de un trámite', 20, 'Requisitos de un…'],
    ['Superlargapalabrasinespacios', 10, 'Superlarg…'],
    ['😀😀😀😀😀😀', 6, '😀😀…'],
  ])('shorten(%j, %d)', (label, max, expected) => {
    expect(shorten(label, max)).toBe(expected);
    expect(shorten(label, max).length).toBeLessThanOrEqual(max);
  });
});
