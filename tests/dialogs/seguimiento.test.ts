import { MainDialog } from '../../dialogs/main/mainDialog';
import {
  CLARIFY_LABELS,
  CONTACTO_HORARIOS,
  ESTADO,
  FAMILIAR_TRAMITE,
  getTramite,
  IDIOMA,
  MENU_OPCIONES,
  MSG,
  QUEJAS,
  SEGUIMIENTO,
  SEGUIMIENTO_SERVICIO,
  SEGUIMIENTO_TRAMITE,
  SITUACIONES,
} from '../../catalog';
import { servicioAnswer } from '../../dialogs/servicios/answer';
import { createClient, createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation, type BotLine, type Turn } from '../helpers/conversation';

const menu = (text: string): BotLine => ({ text, options: MENU_OPCIONES });
const ALGO_MAS = menu(MSG.algoMas);
const withRequisitos = (text: string): BotLine => ({ text, options: [SEGUIMIENTO.requisitosDe, ...MENU_OPCIONES] });
const requisitos = (id: Parameters<typeof getTramite>[0]): BotLine[] => [...getTramite(id).secciones, ALGO_MAS];
const R = SEGUIMIENTO_TRAMITE.reliquidacion;
const RI = SEGUIMIENTO_TRAMITE.reinsercion;
const DEJAR: BotLine = { text: SEGUIMIENTO.dejarPaso, options: [SEGUIMIENTO.dejarSi, SEGUIMIENTO.dejarNo] };

const FOLLOW_UPS: [string, Turn[]][] = [
  [
    'answers "¿cuánto cuesta?" for the trámite just explained',
    [
      { user: 'requisitos para la reliquidacion', bot: requisitos('reliquidacion') },
      { user: '¿cuánto cuesta?', bot: [withRequisitos(R.costo)] },
      { user: '¿y el horario?', bot: [withRequisitos(R.horario)] },
      { user: '¿se puede hacer en persona?', bot: [withRequisitos(R.presencial)] },
    ],
  ],
  [
    'keeps the topic of the reinserción for every follow-up',
    [
      { user: 'que necesito para la reinsercion laboral', bot: requisitos('reinsercion') },
      { user: '¿y si soy extranjero?', bot: [withRequisitos(RI.extranjero)] },
      { user: '¿qué papeles llevo?', bot: [withRequisitos(RI.documentos)] },
      { user: 'tiene costo?', bot: [withRequisitos(RI.costo)] },
    ],
  ],
  [
    'answers both questions of one message',
    [
      { user: 'requisitos de la reinsercion', bot: requisitos('reinsercion') },
      { user: '¿cuánto cuesta y qué papeles llevo?', bot: [withRequisitos(`${RI.costo}\n\n${RI.documentos}`)] },
    ],
  ],
  ['asks which trámite when no topic is known', [{ user: '¿cuánto cuesta?', bot: [menu(SEGUIMIENTO.sinTema)] }]],
  [
    'answers a follow-up about a portal service',
    [
      {
        user: 'prestamo quirografario',
        bot: [{ text: servicioAnswer('prestamo_quirografario').text, options: servicioAnswer('prestamo_quirografario').choices }],
      },
      { user: '¿tiene costo?', bot: [menu(`Préstamo quirografario\n${SEGUIMIENTO_SERVICIO.costo}`)] },
    ],
  ],
  [
    'opens the requirements of the topic from "Ver los requisitos"',
    [
      { user: '¿cuánto cuesta la reliquidación?', bot: [withRequisitos(R.costo)] },
      { user: SEGUIMIENTO.requisitosDe, bot: requisitos('reliquidacion') },
    ],
  ],
];

const SITUATIONS: [string, Turn[]][] = [
  [
    'explains the employer approval of a first clave (seed 003) and offers a complaint',
    [
      {
        user: 'mi jefe no me aprueba la solicitud de clave',
        bot: [{ text: SITUACIONES.empleador_no_aprueba, options: [CLARIFY_LABELS.queja, ...MENU_OPCIONES] }],
      },
    ],
  ],
  [
    'gives the código de identificación to a foreigner before any sign-in',
    [{ user: 'como hago la reinsercion si soy extranjero y no tengo cedula', bot: [withRequisitos(RI.extranjero)] }],
  ],
  [
    'answers a foreigner without a trámite with the código in general',
    [{ user: 'soy extranjero, no tengo cedula', bot: [menu(SEGUIMIENTO.extranjeroGeneral)] }],
  ],
  [
    'sends jubilados and pensionistas asking for a first clave to an agency (seed 003 note)',
    [
      {
        user: 'soy jubilado y quiero sacar mi clave por primera vez',
        bot: [{ text: SITUACIONES.jubilado_clave, options: [CLARIFY_LABELS.clave_obtener, ...MENU_OPCIONES] }],
      },
    ],
  ],
  [
    'tells someone writing for a relative who must file the reliquidación',
    [
      { user: 'que le suban la pension a mi suegro', bot: [withRequisitos(`${SITUACIONES.familiar}\n${FAMILIAR_TRAMITE.reliquidacion}`)] },
      { user: SEGUIMIENTO.requisitosDe, bot: requisitos('reliquidacion') },
    ],
  ],
  [
    'gives the in-person reinserción without starting the filing',
    [{ user: 'puedo hacer la reinsercion laboral en persona?', bot: [withRequisitos(RI.presencial)] }],
  ],
  [
    'answers which papers to bring with the requirements, instead of starting a form',
    [{ user: 'que papeles llevo para la reinsercion', bot: requisitos('reinsercion') }],
  ],
  ['answers English in English, with the contacts', [{ user: 'Hello, how can I reset my password?', bot: [IDIOMA.ingles] }]],
  ['answers English without a question mark', [{ user: 'hi I need help with my pension please', bot: [IDIOMA.ingles] }]],
];

const WHILE_WAITING: [string, Turn[]][] = [
  [
    'answers a contact question while the case number is asked, then asks again',
    [
      { user: 'estado de mi tramite', bot: [ESTADO.pedirNumero] },
      { user: '¿atienden los sábados?', bot: [`${CONTACTO_HORARIOS}\n${MSG.seguimos}`, ESTADO.pedirNumero] },
      { user: 'RL-2026-000042', bot: [ESTADO.pedirIdentificacion] },
    ],
  ],
  [
    'asks whether to leave the step for a new question, and stays or leaves as told',
    [
      { user: 'estado de mi tramite', bot: [ESTADO.pedirNumero] },
      { user: 'quiero poner una queja por la mala atencion', bot: [DEJAR] },
      { user: SEGUIMIENTO.dejarNo, bot: [MSG.seguimos, ESTADO.pedirNumero] },
      { user: 'quiero poner una queja por la mala atencion', bot: [DEJAR] },
      { user: SEGUIMIENTO.dejarSi, bot: [QUEJAS.acuse, { text: QUEJAS.preguntaRegistrar, options: [QUEJAS.si, QUEJAS.no] }] },
    ],
  ],
  [
    'asks which of two questions comes first',
    [
      {
        user: 'requisitos de la reliquidacion y tambien en que va mi tramite',
        bot: [{ text: SEGUIMIENTO.dosPreguntas, options: [CLARIFY_LABELS.requisitos, CLARIFY_LABELS.estado_tramite, MSG.ningunaOpcion] }],
      },
      { user: CLARIFY_LABELS.estado_tramite, bot: [ESTADO.pedirNumero] },
    ],
  ],
];

describe('follow-ups, situations and new questions in context', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());
  const client = (name: string) => createClient(new MainDialog(world.deps), `seguimiento-${name}`);

  it.each(FOLLOW_UPS)('%s', async (name, turns) => playConversation(client(name), turns));
  it.each(SITUATIONS)('%s', async (name, turns) => playConversation(client(name), turns));
  it.each(WHILE_WAITING)('%s', async (name, turns) => playConversation(client(name), turns));

  it('forgets the topic after 30 minutes', async () => {
    let now = new Date('2026-11-22T10:00:00-05:00');
    const { createTopicMemory } = await import('../../core/usecases/conversationTopic');
    const { createTopicRecords } = await import('../../prisma/store/complaints');
    const memory = createTopicMemory({ records: createTopicRecords(world.db.prisma), clock: () => now });
    await memory.remember('directline:olvido', 'reinsercion');
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await memory.recall('directline:olvido')).toBe('reinsercion');
    now = new Date(now.getTime() + 2 * 60_000);
    expect(await memory.recall('directline:olvido')).toBeUndefined();
  });
});
