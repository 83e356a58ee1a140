import type { Activity } from 'botbuilder';
import { MENU, MSG, SIGNIN } from '../../catalog';
import { REDACTED_TEXT } from '../../dialogs/shared/sensitive';
import { startTestServer, type TestServer } from '../helpers/server';
import { Chat, linkIn, submitSignIn } from '../signin/chat';

/** Who signs in on the page (never in the chat) before a signed-in journey's prompts. */
const PEOPLE = {
  jose: { identificacion: '0939336715', clave: 'Litoral2017' },
  carlos: { identificacion: '1849579501', clave: 'Ambato2015' },
} as const;

/** A prompt of a journey: the messages that reach it, and who signs in on the page when the journey asks. */
interface PromptCase {
  name: string;
  path: string[];
  signIn?: keyof typeof PEOPLE;
  /** The message typed at that prompt; by default a clave of seed 004's form. */
  typed?: (clave: string) => string;
  /** What the re-asked prompt says, when it is not the prompt's last message (the sign-in wait's reminder). */
  reasked?: string;
}

const PROMPTS: PromptCase[] = [
  { name: 'main menu, a bare clave', path: [], reasked: MSG.algoMas },
  { name: 'main menu, "mi clave es …"', path: [], typed: (c) => `mi clave es ${c}`, reasked: MSG.algoMas },
  { name: 'main menu, "la contraseña: …"', path: [], typed: (c) => `la contraseña: ${c}`, reasked: MSG.algoMas },
  { name: 'main menu, a cédula and a clave', path: [], typed: (c) => `0939336715 ${c}`, reasked: MSG.algoMas },
  { name: 'clarification (Mi clave del IESS)', path: ['Mi clave del IESS'] },
  { name: 'estado: case number', path: ['estado de mi trámite'] },
  { name: 'estado: cédula', path: ['estado de mi trámite', 'RL-2026-000042'] },
  { name: 'requisitos: which trámite', path: ['requisitos'] },
  { name: 'first clave: cédula', path: ['quiero sacar mi clave por primera vez'] },
  { name: 'first clave: birth date', path: ['quiero sacar mi clave por primera vez', '1311108789'] },
  { name: 'first clave: yes/no', path: ['quiero sacar mi clave por primera vez', '1311108789', '12/12'] },
  { name: 'first clave: e-mail', path: ['quiero sacar mi clave por primera vez', '1311108789', '12/12', 'no'] },
  { name: 'first clave: phone', path: ['quiero sacar mi clave por primera vez', '1311108789', '12/12', 'no', 'ana.nueva@example.ec'] },
  { name: 'recovery: cédula', path: ['olvidé mi clave'] },
  { name: 'recovery: birth day', path: ['olvidé mi clave', '0939336715'] },
  { name: 'recovery: work question', path: ['olvidé mi clave', '0939336715', '21 de noviembre'] },
  { name: 'recovery: personal question', path: ['olvidé mi clave', '0939336715', '21 de noviembre', 'Pesquera Manabí S.A.', '1976'] },
  { name: 'sign-in wait', path: [MENU.misTramites], reasked: SIGNIN.esperando },
  {
    name: 'sign-in wait, "mi contraseña es …"',
    path: [MENU.misTramites],
    typed: (c) => `mi contraseña es ${c}`,
    reasked: SIGNIN.esperando,
  },
  { name: 'reliquidación: confirmation', path: ['quiero la reliquidación de mi pensión'], signIn: 'jose' },
  { name: 'reinserción: province', path: ['quiero la reinserción laboral'], signIn: 'carlos' },
  {
    name: 'reinserción: province, "mi clave es …"',
    path: ['quiero la reinserción laboral'],
    signIn: 'carlos',
    typed: (c) => `mi clave es ${c}`,
  },
  { name: 'reinserción: detail', path: ['quiero la reinserción laboral', 'Tungurahua'], signIn: 'carlos' },
];

const texts = (activities: Activity[]): string[] => activities.map((a) => a.text ?? '');

describe('claves never kept from the chat: a clave typed at any prompt is refused, warned about and stored nowhere', () => {
  let server: TestServer;
  beforeAll(async () => {
    // One client opens some 35 chats here: more than the 30 a minute a single address may open by default.
    server = await startTestServer({ env: { DIRECTLINE_TOKENS_PER_MINUTE: '1000' } });
  });
  afterAll(async () => server?.stop());

  /** Walks `path`, signing in on the page when the journey sends the card; returns the last prompt's text. */
  async function reach(chat: Chat, c: PromptCase): Promise<string> {
    let last = texts(await chat.start());
    for (const text of c.path) {
      const replies = await chat.say(text);
      last = texts(replies);
      if (c.signIn && replies.some((a) => (a.attachments ?? []).length > 0)) {
        const res = await submitSignIn(linkIn(replies), { ...PEOPLE[c.signIn], cookie: chat.cookie });
        expect(res.status).toBe(200);
        last = texts(await chat.poll());
      }
    }
    return last[last.length - 1];
  }

  it.each(PROMPTS.map((c, i) => [c.name, c, `Secreta${4000 + i}x`] as const))('%s', async (_name, c, clave) => {
    const chat = new Chat(server.baseUrl);
    const prompt = await reach(chat, c);
    const replies = texts(await chat.say((c.typed ?? ((k: string) => k))(clave)));
    expect(replies[0]).toBe(SIGNIN.noEscribaClave);
    expect(replies.filter((t) => t === SIGNIN.noEscribaClave)).toHaveLength(1);
    expect(replies[replies.length - 1]).toBe(c.reasked ?? prompt);

    const transcript = (await server.db.prisma.dlActivity.findMany({ where: { conversationId: chat.id } })).map((r) => r.json);
    expect(transcript.join('\n')).not.toContain(clave);
    expect(transcript.join('\n')).toContain(REDACTED_TEXT);
    const state = (await server.db.prisma.botState.findMany()).map((r) => r.data).join('\n');
    expect(state).not.toContain(clave);
    expect(JSON.stringify(await chat.all())).not.toContain(clave);
  });

  it.each([
    ['a case number', ['estado de mi trámite'], 'RL-2026-000042'],
    ['a código', ['estado de mi trámite', 'RL-2026-000042'], 'EC-EXT-0045871'],
    ['a cédula', ['olvidé mi clave'], '0939336715'],
    ['an e-mail', ['quiero sacar mi clave por primera vez', '1311108789', '12/12', 'no'], 'ana.nueva2026@example.ec'],
    ['a phone', ['quiero sacar mi clave por primera vez', '1311108789', '12/12', 'no', 'ana.nueva@example.ec'], '0991234567'],
    ['a date', [], '21/11/1976'],
    ['"mi clave es incorrecta"', [], 'mi clave es incorrecta'],
    ['normal words', [], 'requisitos para la reliquidación'],
  ])('does not take %s for a clave', async (_name, path, text) => {
    const chat = new Chat(server.baseUrl);
    await chat.start();
    for (const step of path) await chat.say(step);
    expect(texts(await chat.say(text))).not.toContain(SIGNIN.noEscribaClave);
    const transcript = (await server.db.prisma.dlActivity.findMany({ where: { conversationId: chat.id } })).map((r) => r.json);
    expect(transcript.join('\n')).toContain(JSON.stringify(text).slice(1, -1));
  });
});
