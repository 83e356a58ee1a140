/**
 * Each Cloud API limit at the limit and one over it, judged by the fake Graph API's own copy of Meta's checks
 * (simulators/whatsapp/validate.ts): the renderer never emits a message Meta would refuse.
 */
import { renderWhatsApp } from '../../bot/channels/whatsapp/render';
import type { WhatsAppMessage } from '../../bot/channels/whatsapp/types';
import type { OutboundMessage } from '../../core/domain/outbound';
import { messageProblem } from '../../simulators/whatsapp/validate';

const TO = '593991234567';
const word = (n: number, c = 'a'): string => c.repeat(n);
const msg = (text: string, choices: string[] = [], extra: Partial<OutboundMessage> = {}): OutboundMessage => ({ text, choices, ...extra });
const kinds = (out: WhatsAppMessage[]): string[] => out.map((m) => (m.type === 'text' ? 'text' : m.interactive.type));
const firstInteractive = (out: WhatsAppMessage[]) => out.find((m) => m.type === 'interactive');

describe('WhatsApp renderer at and over each limit', () => {
  it.each<[string, OutboundMessage, string[]]>([
    ['text of 4096 characters', msg(word(4096)), ['text']],
    ['text of 4097 characters', msg(word(4097)), ['text', 'text']],
    ['text of 4096 code units ending in an emoji pair at the cut', msg(`${word(4095)}😀`), ['text', 'text']],
    ['a button body of 1024 characters', msg(word(1024), ['Sí', 'No']), ['button']],
    ['a button body of 1025 characters', msg(word(1025), ['Sí', 'No']), ['text', 'button']],
    ['three buttons', msg('Elija', ['A', 'B', 'C']), ['button']],
    ['four choices', msg('Elija', ['A', 'B', 'C', 'D']), ['list']],
    [
      'ten list rows',
      msg(
        'Elija',
        Array.from({ length: 10 }, (_, i) => `Fila ${i}`),
      ),
      ['list'],
    ],
    [
      'eleven choices',
      msg(
        'Elija',
        Array.from({ length: 11 }, (_, i) => `Fila ${i}`),
      ),
      ['text'],
    ],
    ['a list body of 4096 characters', msg(word(4096), ['A', 'B', 'C', 'D']), ['list']],
    ['a list body of 4097 characters', msg(word(4097), ['A', 'B', 'C', 'D']), ['text', 'list']],
    ['a choice of 256 characters as a button id', msg('Elija', [word(256)]), ['button']],
    ['a choice of 257 characters (too long for a button id, fits no row id)', msg('Elija', [word(257)]), ['text']],
    [
      'a cta_url body of 1025 characters',
      msg(word(1025), [], { link: { url: 'https://www.iess.gob.ec/', label: 'Abrir' } }),
      ['text', 'cta_url'],
    ],
  ])('%s: every body valid', (_name, message, expected) => {
    const out = renderWhatsApp(message, TO);
    expect(out.map((m) => messageProblem(m as unknown as Record<string, unknown>))).toEqual(out.map(() => undefined));
    expect(kinds(out)).toEqual(expected);
    expect(
      out
        .map((m) => (m.type === 'text' ? m.text.body : m.interactive.body.text))
        .join('')
        .replace(/\s/g, ''),
    ).toContain(message.text.replace(/\s/g, '').slice(-50));
  });

  it.each<[string, string, number, boolean]>([
    ['button title of 20', word(20, 'b'), 20, false],
    ['button title of 21', word(21, 'b'), 20, true],
  ])('%s', (_name, choice, max, shortened) => {
    const out = renderWhatsApp(msg('Elija', [choice, 'Otra']), TO);
    const m = firstInteractive(out);
    if (m?.type !== 'interactive' || m.interactive.type !== 'button') throw new Error('expected buttons');
    const button = m.interactive.action.buttons[0].reply;
    expect(button.title.length).toBeLessThanOrEqual(max);
    expect(button.title.endsWith('…')).toBe(shortened);
    expect(button.id).toBe(choice);
  });

  it.each<[string, string, boolean]>([
    ['row title of 24', `${word(24, 'c')}`, false],
    ['row title of 25', `${word(25, 'c')}`, true],
  ])('%s', (_name, choice, shortened) => {
    const out = renderWhatsApp(msg('Elija', [choice, 'B', 'C', 'D']), TO);
    const m = firstInteractive(out);
    if (m?.type !== 'interactive' || m.interactive.type !== 'list') throw new Error('expected a list');
    const row = m.interactive.action.sections[0].rows[0];
    expect(row.title.length).toBeLessThanOrEqual(24);
    expect(row.title.endsWith('…')).toBe(shortened);
    expect(row.id).toBe(choice);
    expect(row.description === undefined).toBe(!shortened);
  });

  it.each<[string, string, boolean]>([
    ['link label of 20', word(20, 'd'), false],
    ['link label of 21', word(21, 'd'), true],
  ])('%s', (_name, label, shortened) => {
    const out = renderWhatsApp(msg('Abra', [], { link: { url: 'https://www.iess.gob.ec/', label } }), TO);
    const m = firstInteractive(out);
    if (m?.type !== 'interactive' || m.interactive.type !== 'cta_url') throw new Error('expected cta_url');
    expect(m.interactive.action.parameters.display_text.length).toBeLessThanOrEqual(20);
    expect(m.interactive.action.parameters.display_text.endsWith('…')).toBe(shortened);
    expect(messageProblem(m as unknown as Record<string, unknown>)).toBeUndefined();
  });
});
