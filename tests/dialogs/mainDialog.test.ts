import { MainDialog } from '../../dialogs/main/mainDialog';
import {
  CLARIFY_LABELS,
  describeCase,
  ESTADO,
  getTramite,
  HANDOFF,
  MENU,
  MENU_OPCIONES,
  MSG,
  OBTENER,
  REQUISITOS,
  TRAMITES,
} from '../../catalog';
import { createClient, createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation, type BotLine, type Turn } from '../helpers/conversation';

const menu = (text: string): BotLine => ({ text, options: MENU_OPCIONES });
const sections = (id: Parameters<typeof getTramite>[0]): string[] => getTramite(id).secciones;
const ALGO_MAS = menu(MSG.algoMas);
const JOSE_NO_CASE = '0939336715';
const ROSA = '0145878195';
const DIEGO = '2314944220';
const RL42 =
  'Trámite RL-2026-000042 (Reliquidación de pensiones).\nEstado: en revisión, desde el 9 de octubre de 2026.\n' +
  'Un funcionario del IESS está revisando su solicitud.\nNota: Asignado a la Coordinación Provincial de Santo Domingo de los Tsáchilas.';

const CONVERSATIONS: [string, Turn[]][] = [
  ['greets with the menu', [{ user: 'hola buenos dias', bot: [menu(MSG.saludo)] }]],
  ['gives contacts', [{ user: 'cual es el telefono del iess', bot: [menu(MSG.contacto)] }]],
  [
    'answers thanks and goodbye',
    [
      { user: 'muchas gracias', bot: [menu(MSG.deNada)] },
      { user: 'chao', bot: [MSG.despedida] },
    ],
  ],
  ['says what it can do on ayuda', [{ user: 'ayuda', bot: [menu(MSG.ayuda)] }]],
  ['has nothing to cancel outside a journey', [{ user: 'cancelar', bot: [menu(MSG.nadaQueCancelar)] }]],
  [
    'answers a yes or no that no question was waiting for',
    [
      { user: 'Sí', bot: [menu(MSG.siSinPregunta)] },
      { user: 'dale', bot: [menu(MSG.siSinPregunta)] },
      { user: 'nop', bot: [menu(MSG.noSinPregunta)] },
    ],
  ],
  [
    'keeps thanks and goodbye that also read as yes or no',
    [
      { user: 'no gracias', bot: [menu(MSG.deNada)] },
      { user: 'ok chao', bot: [MSG.despedida] },
    ],
  ],
  ['refuses out-of-domain questions with the menu', [{ user: 'quien gano el partido de futbol ayer', bot: [menu(MSG.fueraDeDominio)] }]],
  [
    'explains reliquidación when named in the question',
    [{ user: 'que requisitos necesito para la reliquidacion de pensiones', bot: [...sections('reliquidacion'), ALGO_MAS] }],
  ],
  [
    'asks which trámite from the menu, then explains reinserción',
    [
      { user: MENU.requisitos, bot: [{ text: REQUISITOS.elegir, options: TRAMITES.map((t) => t.etiqueta) }] },
      { user: 'Reinserción laboral', bot: [...sections('reinsercion'), ALGO_MAS] },
    ],
  ],
  [
    'narrows "mi clave" to first time or recovery',
    [
      {
        user: MENU.clave,
        bot: [{ text: MSG.claveQue, options: [CLARIFY_LABELS.clave_obtener, CLARIFY_LABELS.clave_recuperar, MSG.ningunaOpcion] }],
      },
      { user: CLARIFY_LABELS.clave_obtener, bot: [OBTENER.intro, OBTENER.pedirIdentificacion] },
    ],
  ],
  [
    'explains the clave requirements when asked for them',
    [
      {
        user: 'que requisitos necesito para la clave',
        bot: [{ text: REQUISITOS.elegirClave, options: ['Clave por primera vez', 'Recuperar clave'] }],
      },
      { user: 'la primera vez', bot: [...sections('clave_obtener'), ALGO_MAS] },
    ],
  ],
  [
    'accepts the list position and typos when choosing',
    [
      { user: MENU.requisitos, bot: [{ text: REQUISITOS.elegir, options: TRAMITES.map((t) => t.etiqueta) }] },
      { user: '4', bot: [...sections('clave_recuperar'), ALGO_MAS] },
    ],
  ],
  [
    'gives up politely after three unclear choices',
    [
      { user: MENU.requisitos, bot: [REQUISITOS.elegir] },
      { user: 'xyz', bot: [REQUISITOS.reintentar] },
      { user: 'mmm', bot: [REQUISITOS.reintentar] },
      { user: 'qwerty', bot: [MSG.demasiadosIntentos, ALGO_MAS] },
    ],
  ],
  [
    'reports a case step by step',
    [
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      { user: 'RL-2026-000042', bot: [ESTADO.pedirIdentificacion] },
      { user: DIEGO, bot: [RL42, ALGO_MAS] },
    ],
  ],
  [
    'reports a case given in one message, with a lower-case number',
    [{ user: `como va mi tramite rl-2026-000042 mi cedula es ${DIEGO}`, bot: [RL42, ALGO_MAS] }],
  ],
  [
    'answers a case of someone else exactly like a missing case',
    [
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      { user: 'RL-2026-000042', bot: [ESTADO.pedirIdentificacion] },
      { user: JOSE_NO_CASE, bot: [ESTADO.noEncontrado, ALGO_MAS] },
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      { user: 'RL-2026-000043', bot: [ESTADO.pedirIdentificacion] },
      { user: DIEGO, bot: [ESTADO.noEncontrado, ALGO_MAS] },
    ],
  ],
  [
    're-asks for a malformed number and an invalid cédula',
    [
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      { user: 'el numero 42', bot: [ESTADO.numeroInvalido] },
      { user: 'RI-2025-000317', bot: [ESTADO.pedirIdentificacion] },
      { user: '1714307104', bot: [ESTADO.identificacionInvalida] },
      {
        user: '1002136172',
        bot: [/^Trámite RI-2025-000317 \(Reinserción laboral\)\.\nEstado: negado, desde el 6 de octubre de 2025\./, ALGO_MAS],
      },
    ],
  ],
  [
    'stops after three malformed numbers',
    [
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      { user: 'abc', bot: [ESTADO.numeroInvalido] },
      { user: '123', bot: [ESTADO.numeroInvalido] },
      { user: 'xx-99', bot: [MSG.demasiadosIntentos, ALGO_MAS] },
    ],
  ],
  [
    'cancels a journey at any step',
    [
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      { user: 'cancelar', bot: [menu(MSG.cancelado)] },
      { user: 'hola', bot: [menu(MSG.saludo)] },
    ],
  ],
  [
    'helps inside a journey and asks again',
    [
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      { user: 'ayuda', bot: [/^Escriba el número de su trámite/, ESTADO.pedirNumero] },
    ],
  ],
  [
    'starts the handoff from inside a journey (a Sunday: the hours and a message to leave)',
    [
      { user: MENU.estado, bot: [ESTADO.pedirNumero] },
      {
        user: 'quiero hablar con un agente',
        bot: [HANDOFF.fueraDeHorario('lunes a viernes', '8:00', '17:00'), HANDOFF.pedirMensaje],
      },
      { user: 'No, gracias', bot: [HANDOFF.sinMensaje] },
    ],
  ],
];

describe('MainDialog conversations', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());

  it.each(CONVERSATIONS)('%s', async (_name, turns) => {
    await playConversation(createClient(new MainDialog(world.deps), `conv-${_name}`), turns);
  });

  it('renders the status exactly as the catalog describes it', async () => {
    const found = await world.deps.cases.findCaseForCitizen({ numero: 'RL-2026-000042', identificacion: DIEGO });
    expect(found && describeCase(found)).toBe(RL42);
  });

  it('limits case look-ups per conversation', async () => {
    const client = createClient(new MainDialog(world.deps), 'conv-rate-limit');
    const lookup: Turn = { user: `estado de mi tramite RL-2026-000099 cedula ${ROSA}`, bot: [ESTADO.noEncontrado, ALGO_MAS] };
    await playConversation(
      client,
      Array.from({ length: 10 }, () => lookup),
    );
    await playConversation(client, [{ user: lookup.user, bot: [ESTADO.limite(60), ALGO_MAS] }]);
  });
});
