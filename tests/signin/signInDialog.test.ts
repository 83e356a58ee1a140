import { ConversationState, MemoryStorage, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MENU_OPCIONES, MSG, SIGNIN } from '../../catalog';
import { SIGNIN_COMPLETED_EVENT } from '../../core/ports';
import { isSensitiveInput } from '../../dialogs/shared/sensitive';
import { MAX_SIGNIN_RESENDS, SIGNIN_WAIT_OPTIONS } from '../../dialogs/signin/signInDialog';
import { createSessionStore, type SessionStore } from '../../prisma/store/session';
import { playConversation, type Turn } from '../helpers/conversation';
import { createDialogWorld, FIXED_NOW, TEST_SECRET, type DialogWorld } from '../helpers/dialogHarness';
import { HOST_MOTIVO, hostSays, SignInHost } from './harness';

const CARD = SIGNIN.instrucciones(10, HOST_MOTIVO);
const WAITING = { text: SIGNIN.esperando, options: SIGNIN_WAIT_OPTIONS };
const LISTO = SIGNIN.listo('José Luis');
const HOST_JOSE = hostSays({ citizen: { afiliadoId: 'x', nombres: 'José Luis' } });
const CONVERSATION = 'conv-signin';

/** Markers the test middleware turns into what the server does: the event, or José signing in on the page first. */
const EVENT = '<<evento>>';
const JOSE_SIGNS_IN = '<<José ingresa en la página>>';
const JOSE_SIGNS_IN_NO_EVENT = '<<José ingresa, el evento se pierde, escribe "ya ingresé">>';

describe('SignInDialog', () => {
  let world: DialogWorld;
  let sessions: SessionStore;
  let tokens: string[];
  let sensitive: boolean[];

  const signInJose = async (): Promise<void> => {
    const outcome = await sessions.signInWithLink({
      token: tokens[tokens.length - 1],
      identificacion: '0939336715',
      clave: 'Litoral2017',
      holdsChat: async () => true,
      client: { address: '127.0.0.1' },
    });
    if (!outcome.ok) throw new Error(`José no pudo ingresar: ${outcome.reason}`);
  };

  /** Plays the server's part: a marker becomes José's sign-in on the page and/or the proactive event. */
  const server: Middleware = {
    onTurn: async (context, next) => {
      context.activity.conversation.id = CONVERSATION;
      const text = context.activity.text;
      if (text === JOSE_SIGNS_IN || text === JOSE_SIGNS_IN_NO_EVENT) await signInJose();
      if (text === EVENT || text === JOSE_SIGNS_IN)
        Object.assign(context.activity, { type: 'event', name: SIGNIN_COMPLETED_EVENT, text: undefined });
      if (text === JOSE_SIGNS_IN_NO_EVENT) context.activity.text = 'ya ingresé';
      await next();
      sensitive.push(isSensitiveInput(context));
    },
  };

  const client = (): DialogTestClient =>
    new DialogTestClient(
      'directline',
      new SignInHost({ session: sessions, recognizer: world.deps.recognizer }),
      undefined,
      [server],
      new ConversationState(new MemoryStorage()),
    );

  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());
  beforeEach(async () => {
    await world.db.prisma.citizenSession.deleteMany();
    await world.db.prisma.signInLink.deleteMany();
    await world.db.prisma.rateCounter.deleteMany();
    tokens = [];
    sensitive = [];
    sessions = createSessionStore(world.db.prisma, {
      clock: () => FIXED_NOW,
      secret: TEST_SECRET,
      signInUrl: (token) => {
        tokens.push(token);
        return `https://www.iess.gob.ec/ingresar?t=${token}`;
      },
      scryptLogN: 10,
    });
  });

  const TABLE: [string, Turn[]][] = [
    [
      'sends the card, then continues as José when the server signals the sign-in',
      [
        { user: 'quiero presentar una solicitud', bot: [CARD] },
        { user: JOSE_SIGNS_IN, bot: [LISTO, HOST_JOSE] },
      ],
    ],
    [
      'reminds, with a new link and cancel offered, on any message while waiting',
      [
        { user: 'hola', bot: [CARD] },
        { user: 'el botón no abre nada', bot: [WAITING] },
        { user: 'ok', bot: [WAITING] },
        { user: JOSE_SIGNS_IN, bot: [LISTO, HOST_JOSE] },
      ],
    ],
    [
      'sends another link on request',
      [
        { user: 'hola', bot: [CARD] },
        { user: SIGNIN.otroEnlace, bot: [CARD] },
        { user: 'mándeme un nuevo enlace', bot: [CARD] },
        { user: JOSE_SIGNS_IN, bot: [LISTO, HOST_JOSE] },
      ],
    ],
    [
      'stops resending after three new links',
      [
        { user: 'hola', bot: [CARD] },
        ...Array.from({ length: MAX_SIGNIN_RESENDS }, (): Turn => ({ user: SIGNIN.otroEnlace, bot: [CARD] })),
        { user: SIGNIN.otroEnlace, bot: [{ text: SIGNIN.demasiadosEnlaces, options: [SIGNIN.cancelar] }] },
      ],
    ],
    [
      'cancels from the button',
      [
        { user: 'hola', bot: [CARD] },
        { user: SIGNIN.cancelar, bot: [{ text: MSG.cancelado, options: MENU_OPCIONES }, hostSays({ cancelled: true })] },
      ],
    ],
    [
      'cancels from free text',
      [
        { user: 'hola', bot: [CARD] },
        { user: 'ya no quiero, cancela eso', bot: [MSG.cancelado, hostSays({ cancelled: true })] },
      ],
    ],
    [
      'gives the sign-in help and keeps waiting',
      [
        { user: 'hola', bot: [CARD] },
        { user: 'ayuda', bot: [SIGNIN.ayuda, WAITING] },
      ],
    ],
    [
      'answers a request for an agent and keeps waiting',
      [
        { user: 'hola', bot: [CARD] },
        { user: 'quiero hablar con un asesor', bot: [`${MSG.agente}\n${MSG.seguimos}`, WAITING] },
      ],
    ],
    [
      'warns, without echoing, when the clave is typed in the chat',
      [
        { user: 'hola', bot: [CARD] },
        { user: '0939336715 Litoral2017', bot: [SIGNIN.noEscribaClave, WAITING] },
      ],
    ],
    [
      'finds the session on the next message when the event never arrived',
      [
        { user: 'hola', bot: [CARD] },
        { user: JOSE_SIGNS_IN_NO_EVENT, bot: [LISTO, HOST_JOSE] },
      ],
    ],
    [
      'ignores the event while nobody signed in',
      [
        { user: 'hola', bot: [CARD] },
        { user: EVENT, bot: [] },
        { user: JOSE_SIGNS_IN, bot: [LISTO, HOST_JOSE] },
      ],
    ],
  ];

  it.each(TABLE)('%s', async (_name, turns) => {
    await playConversation(client(), turns);
  });

  it('ends at once with the citizen when the conversation already has a session', async () => {
    await sessions.createSignInLink({
      reference: { channelId: 'directline', conversation: { id: CONVERSATION, isGroup: false, conversationType: 'personal', name: '' } },
    });
    await signInJose();
    await playConversation(client(), [{ user: 'hola', bot: [HOST_JOSE] }]);
    expect(tokens).toHaveLength(1);
  });

  it('sends a SigninCard whose button opens the link bound to this conversation', async () => {
    const reply = (await client().sendActivity('hola')) as Partial<Activity>;
    const [card] = reply.attachments ?? [];
    expect(card).toMatchObject({ contentType: 'application/vnd.microsoft.card.signin', content: { text: SIGNIN.textoTarjeta } });
    expect(card.content.buttons).toEqual([
      expect.objectContaining({ type: 'signin', title: SIGNIN.boton, value: `https://www.iess.gob.ec/ingresar?t=${tokens[0]}` }),
    ]);
    const [link] = await world.db.prisma.signInLink.findMany();
    expect(link.conversationKey).toBe(`directline:${CONVERSATION}`);
    expect(JSON.parse(link.reference)).toMatchObject({ channelId: 'directline', conversation: { id: CONVERSATION } });
    expect(TurnContext.getConversationReference(reply).conversation?.id).toBe(CONVERSATION);
  });

  it('marks only the typed clave as sensitive and never repeats it', async () => {
    const test = client();
    const texts: string[] = [];
    for (const text of ['hola', 'mi clave es Litoral2017', 'ya voy']) {
      let activity = (await test.sendActivity(text)) as Partial<Activity> | undefined;
      while (activity) {
        texts.push(activity.text ?? '');
        activity = test.getNextReply() as Partial<Activity> | undefined;
      }
    }
    expect(sensitive).toEqual([false, true, false]);
    expect(texts.join('\n')).not.toContain('Litoral2017');
  });
});
