import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, type Activity, type Middleware } from 'botbuilder';
import { DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { encode } from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { createDocumentIntakeService } from '../../bot/documents/documentIntakeService';
import type { AttachmentContent } from '../../bot/channels/directline';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { silentLogger } from '../../bot/logger';
import {
  DOCUMENTO,
  MENU_OPCIONES,
  MSG,
  PROVINCIAS,
  REINSERCION,
  REINSERCION_BASE_LEGAL,
  REINSERCION_NO_ELEGIBLE,
  REINSERCION_PRESENCIAL,
} from '../../catalog';
import type { SignedInCitizen } from '../../core/ports';
import { checkDetalle, DETALLE_MAX_CHARS, parseConfirmacion } from '../../dialogs/reinsercion/answers';
import { editDistance, matchProvincia } from '../../dialogs/reinsercion/provincia';
import { ReinsercionDialog, type ReinsercionOptions, type ReinsercionResult } from '../../dialogs/reinsercion/reinsercionDialog';
import { CANCELLED } from '../../dialogs/shared/interruptibleDialog';
import { playConversation, type BotLine, type Turn } from '../helpers/conversation';
import { createTestFiling } from '../helpers/db';
import { directLineReader } from '../helpers/documentFiles';
import { createDialogWorld, FIXED_NOW, type DialogWorld } from '../helpers/dialogHarness';

const CONVERSATION = 'conv-reinsercion';
const DETALLE = 'Quiero volver a trabajar como bodeguero en una ferretería de Ambato.';
const asking = (pedido: string): BotLine => ({
  text: [pedido, DOCUMENTO.comoAdjuntar, DOCUMENTO.reglas].join('\n'),
  options: [DOCUMENTO.despues],
});
const PROVINCIA: BotLine = { text: REINSERCION.pedirProvincia, options: PROVINCIAS };
const CONFIRMAR: BotLine = { text: REINSERCION.confirmar, options: [REINSERCION.si, REINSERCION.no] };
const CIERRE = `${REINSERCION.seguimiento}\n${REINSERCION_BASE_LEGAL}`;

/** What the citizen attaches, by the word the tables write in `user`. */
type Upload = { bytes: Buffer; name: string; type: string };

/** A DialogTestClient whose citizen can attach files: a `user` text naming an upload sends it instead of text. */
class ChatWithFiles extends DialogTestClient {
  constructor(
    dialog: Dialog,
    options: ReinsercionOptions,
    private readonly uploads: Map<string, Upload>,
    private readonly channel: Map<string, AttachmentContent>,
  ) {
    const inConversation: Middleware = {
      onTurn: async (context, next) => {
        context.activity.conversation.id = CONVERSATION;
        await next();
      },
    };
    super('directline', dialog, options, [inConversation], new ConversationState(new MemoryStorage()));
  }

  override sendActivity(activity: Partial<Activity> | string): Promise<unknown> {
    const file = typeof activity === 'string' ? this.uploads.get(activity) : undefined;
    if (!file) return super.sendActivity(activity);
    const contentUrl = `http://127.0.0.1:1/v3/directline/attachments/adjunto${String(this.channel.size).padStart(12, '0')}`;
    this.channel.set(contentUrl, { bytes: file.bytes, contentType: file.type, name: file.name, conversationId: CONVERSATION });
    return super.sendActivity({ type: 'message', attachments: [{ contentType: file.type, contentUrl, name: file.name }] });
  }
}

describe('ReinsercionDialog', () => {
  let world: DialogWorld;
  let root: string;
  let uploads: Map<string, Upload>;
  const channel = new Map<string, AttachmentContent>();

  async function citizen(where: { cedula: string } | { codigoExtranjero: string }): Promise<SignedInCitizen> {
    const person = await world.db.prisma.afiliado.findFirstOrThrow({ where });
    return { afiliadoId: person.id, nombres: person.nombres };
  }

  function chat(who: SignedInCitizen): ChatWithFiles {
    const filing = createTestFiling(world.db.prisma, () => FIXED_NOW);
    const documents = createDocumentIntakeService({
      prisma: world.db.prisma,
      storage: new LocalFolderStorage(root),
      readAttachment: directLineReader({ readAttachment: async (url) => channel.get(url) }),
      clock: () => FIXED_NOW,
      logger: silentLogger,
    });
    return new ChatWithFiles(
      new ReinsercionDialog({ recognizer: world.deps.recognizer, filing, documents }),
      { citizen: who },
      uploads,
      channel,
    );
  }

  beforeAll(async () => {
    const pdfDoc = await PDFDocument.create();
    pdfDoc.addPage([595, 842]);
    const pdf = Buffer.from(await pdfDoc.save());
    const jpeg = encode({ width: 1200, height: 900, data: Buffer.alloc(1200 * 900 * 4, 0xa0) }, 80).data;
    uploads = new Map([
      ['📎 cedula.pdf', { bytes: pdf, name: 'cedula.pdf', type: 'application/pdf' }],
      ['📎 codigo.pdf', { bytes: pdf, name: 'codigo.pdf', type: 'application/pdf' }],
      ['📎 solicitud.jpg', { bytes: jpeg, name: 'solicitud firmada.jpg', type: 'image/jpeg' }],
      ['📎 solicitud.txt', { bytes: Buffer.from('Solicito la reinsercion'), name: 'solicitud.txt', type: 'text/plain' }],
    ]);
  });
  beforeEach(async () => {
    world = await createDialogWorld();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-reinsercion-'));
  });
  afterEach(async () => {
    await world.db.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const carlosStart = (provincia = 'tungurawa'): Turn[] => [
    {
      user: 'quiero la reinserción',
      bot: [`${REINSERCION.intro('Carlos Andrés')}\n${REINSERCION.necesitara('su cédula')}`, REINSERCION_PRESENCIAL, PROVINCIA],
    },
    { user: provincia, bot: [REINSERCION.pedirDetalle] },
    { user: DETALLE, bot: [asking(REINSERCION.pedidoCedula)] },
    { user: '📎 cedula.pdf', bot: [/^Recibimos su cédula, en PDF de 1 página/, asking(REINSERCION.pedidoSolicitud)] },
  ];
  const carlosResumen = (provincia: string): BotLine =>
    REINSERCION.resumen({
      nombre: 'Carlos Andrés Toapanta Chicaiza',
      identificacion: '18******01',
      provincia,
      detalle: DETALLE,
      documentos: ['su cédula', 'la solicitud de autorización firmada'],
    });
  const result = (client: DialogTestClient): ReinsercionResult => client.dialogTurnResult.result as ReinsercionResult;

  it('Carlos Toapanta files with two valid attachments: one case, both documents in it, the e-mail in the outbox; a second try finds it open', async () => {
    const carlos = await citizen({ cedula: '1849579501' });
    const client = chat(carlos);
    await playConversation(client, [
      ...carlosStart(),
      {
        user: '📎 solicitud.jpg',
        bot: [/^Recibimos su solicitud de autorización, en imagen JPG de 1200 × 900 píxeles/, carlosResumen('Tungurahua'), CONFIRMAR],
      },
      { user: REINSERCION.si, bot: [REINSERCION.presentada('RI-2026-000001', 'c***@example.ec'), CIERRE] },
    ]);
    expect(result(client)).toEqual({ outcome: 'filed', numero: 'RI-2026-000001' });
    const kase = await world.db.prisma.case.findUniqueOrThrow({
      where: { numero: 'RI-2026-000001' },
      include: { documents: true, history: true },
    });
    expect(kase).toMatchObject({
      tipo: 'REINSERCION',
      estado: 'RECIBIDO',
      afiliadoId: carlos.afiliadoId,
      provincia: 'Tungurahua',
      detalle: DETALLE,
    });
    expect(kase.documents.map((d) => [d.tipo, d.mediaType]).sort()).toEqual([
      ['cedula', 'application/pdf'],
      ['solicitud', 'image/jpeg'],
    ]);
    expect(kase.history.map((e) => e.estado)).toEqual(['RECIBIDO']);
    expect((await world.db.prisma.outboxEmail.findMany()).map((m) => [m.to, m.text.includes('RI-2026-000001')])).toEqual([
      ['carlos.toapanta@example.ec', true],
    ]);

    await playConversation(chat(carlos), [
      { user: REINSERCION.si, bot: [REINSERCION.casoAbierto({ numero: 'RI-2026-000001', estado: 'RECIBIDO' })] },
    ]);
    expect(await world.db.prisma.case.count({ where: { tipo: 'REINSERCION', afiliadoId: carlos.afiliadoId } })).toBe(1);
  });

  it.each<[string, (afiliadoId: string) => Promise<unknown>, BotLine, ReinsercionResult['outcome']]>([
    [
      'his incapacity is re-rated as partial',
      (id) => world.db.prisma.afiliado.update({ where: { id }, data: { pensionTipo: 'INCAPACIDAD_PERMANENTE_PARCIAL' } }),
      REINSERCION_NO_ELEGIBLE.INCAPACIDAD_NO_TOTAL,
      'not_eligible',
    ],
    [
      'a document is no longer attachable',
      (id) => world.db.prisma.document.deleteMany({ where: { afiliadoId: id, tipo: 'solicitud' } }),
      REINSERCION.documentosNoUnidos,
      'no_document',
    ],
  ])('between the summary and the "sí", %s: Carlos is told why and nothing is filed', async (_name, change, line, outcome) => {
    const carlos = await citizen({ cedula: '1849579501' });
    const client = chat(carlos);
    await playConversation(client, [
      ...carlosStart(),
      {
        user: '📎 solicitud.jpg',
        bot: [/^Recibimos su solicitud de autorización, en imagen JPG de 1200 × 900 píxeles/, carlosResumen('Tungurahua'), CONFIRMAR],
      },
    ]);
    await change(carlos.afiliadoId);
    await playConversation(client, [{ user: REINSERCION.si, bot: [line] }]);
    expect(result(client)).toEqual({ outcome });
    expect(await world.db.prisma.case.count({ where: { tipo: 'REINSERCION', afiliadoId: carlos.afiliadoId } })).toBe(0);
    expect(await world.db.prisma.outboxEmail.count()).toBe(0);
  });

  it('Valentina Rojas, identified by código, is asked for the código de identificación document instead of a cédula', async () => {
    const client = chat(await citizen({ codigoExtranjero: 'EC-EXT-0045871' }));
    await playConversation(client, [
      {
        user: 'reinserción laboral',
        bot: [
          `${REINSERCION.intro('Valentina')}\n${REINSERCION.necesitara('el documento de su código de identificación')}`,
          REINSERCION_PRESENCIAL,
          PROVINCIA,
        ],
      },
      { user: 'Pichincha', bot: [REINSERCION.pedirDetalle] },
      { user: 'Solicito la autorización para trabajar como asistente contable.', bot: [asking(REINSERCION.pedidoCodigo)] },
      {
        user: '📎 codigo.pdf',
        bot: [/^Recibimos el documento de su código de identificación, en PDF/, asking(REINSERCION.pedidoSolicitud)],
      },
      {
        user: '📎 solicitud.jpg',
        bot: [
          /^Recibimos su solicitud de autorización/,
          /^Revise su solicitud de reinserción laboral:\n• Solicitante: Valentina Rojas Pérez \(EC\*{10}71\)\n• Provincia: Pichincha\n/,
          CONFIRMAR,
        ],
      },
      { user: 'sí', bot: [REINSERCION.presentada('RI-2026-000001', 'v***@example.ec'), CIERRE] },
    ]);
    const kase = await world.db.prisma.case.findUniqueOrThrow({ where: { numero: 'RI-2026-000001' }, include: { documents: true } });
    expect(kase.documents.map((d) => d.tipo).sort()).toEqual(['codigo_extranjero', 'solicitud']);
  });

  it.each<[string, { cedula: string }, string]>([
    ['Patricia Flores (incapacidad parcial)', { cedula: '1002136172' }, REINSERCION_NO_ELEGIBLE.INCAPACIDAD_NO_TOTAL],
    ['José Cedeño (jubilado del Seguro General)', { cedula: '0939336715' }, REINSERCION_NO_ELEGIBLE.SEGURO_DISTINTO],
    ['María Guamán (afiliada, no pensionista)', { cedula: '1744180744' }, REINSERCION_NO_ELEGIBLE.NO_PENSIONISTA],
  ])('%s is refused with the reason in plain words, and nothing is filed', async (_name, who, message) => {
    const client = chat(await citizen(who));
    await playConversation(client, [{ user: 'quiero la reinserción', bot: [message] }]);
    expect(result(client)).toEqual({ outcome: 'not_eligible' });
    expect(await world.db.prisma.case.count({ where: { createdAt: FIXED_NOW } })).toBe(0);
  });

  it.each<[string, Turn[], ReinsercionResult['outcome'] | 'cancelled']>([
    [
      'a province not in the list is asked again; "santo domingo" is understood',
      [
        carlosStart()[0],
        { user: 'Quito', bot: [{ text: REINSERCION.provinciaNoEncontrada, options: PROVINCIAS }] },
        { user: 'santo domingo', bot: [REINSERCION.pedirDetalle] },
      ],
      'cancelled',
    ],
    [
      'three provinces not in the list end the journey',
      [
        carlosStart()[0],
        { user: 'Quito', bot: [REINSERCION.provinciaNoEncontrada] },
        { user: 'Lima', bot: [REINSERCION.provinciaNoEncontrada] },
        { user: 'Bogotá', bot: [MSG.demasiadosIntentos] },
      ],
      'invalid_input',
    ],
    [
      'help at the province shows the journey help and asks again',
      [carlosStart()[0], { user: 'ayuda', bot: [REINSERCION.ayuda, PROVINCIA] }],
      'cancelled',
    ],
    [
      'a detail too short or too long is asked again',
      [
        ...carlosStart().slice(0, 2),
        { user: 'trabajo', bot: [REINSERCION.detalleInvalido] },
        { user: 'x'.repeat(DETALLE_MAX_CHARS + 1), bot: [REINSERCION.detalleInvalido] },
        { user: DETALLE, bot: [asking(REINSERCION.pedidoCedula)] },
      ],
      'cancelled',
    ],
    [
      'without the cédula nothing is filed',
      [
        ...carlosStart().slice(0, 3),
        { user: DOCUMENTO.despues, bot: [DOCUMENTO.sinDocumento('cedula', 'despues'), REINSERCION.faltaDocumento('su cédula')] },
      ],
      'no_document',
    ],
    [
      'without a valid solicitud after three tries nothing is filed',
      [
        ...carlosStart(),
        { user: '📎 solicitud.txt', bot: [/^Su archivo es un archivo de texto\./] },
        { user: 'ya va', bot: [DOCUMENTO.sinArchivo] },
        {
          user: '📎 solicitud.txt',
          bot: [
            /^Su archivo es un archivo de texto\./,
            DOCUMENTO.sinDocumento('solicitud', 'intentos'),
            REINSERCION.faltaDocumento('la solicitud de autorización firmada'),
          ],
        },
      ],
      'no_document',
    ],
    [
      'declining the summary files nothing',
      [
        ...carlosStart(),
        { user: '📎 solicitud.jpg', bot: [/^Recibimos/, carlosResumen('Tungurahua'), CONFIRMAR] },
        { user: 'tal vez', bot: [{ text: REINSERCION.confirmarSiNo, options: [REINSERCION.si, REINSERCION.no] }] },
        { user: REINSERCION.no, bot: [REINSERCION.noPresentada] },
      ],
      'declined',
    ],
  ])('%s', async (_name, turns, outcome) => {
    const client = chat(await citizen({ cedula: '1849579501' }));
    await playConversation(client, turns);
    if (outcome === 'cancelled') {
      await playConversation(client, [{ user: 'cancelar', bot: [{ text: MSG.cancelado, options: MENU_OPCIONES }] }]);
      expect(client.dialogTurnResult.result).toEqual(CANCELLED);
    } else {
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
      expect(result(client)).toEqual({ outcome });
    }
    expect(await world.db.prisma.case.count({ where: { tipo: 'REINSERCION', createdAt: FIXED_NOW } })).toBe(0);
    expect(await world.db.prisma.document.count({ where: { caseId: { not: null } } })).toBe(0);
  });

  it('cancelling while a document is asked for ends the whole journey', async () => {
    const client = chat(await citizen({ cedula: '1849579501' }));
    await playConversation(client, [...carlosStart().slice(0, 3), { user: 'cancelar', bot: [MSG.cancelado] }]);
    expect(client.dialogTurnResult).toMatchObject({ status: DialogTurnStatus.complete, result: CANCELLED });
  });

  it('tells the seed 002 in-person alternative and legal basis', () => {
    expect(REINSERCION_PRESENCIAL).toMatch(/cualquier Centro de Atención Universal del país, a la ventanilla de gestión documental/);
    expect(REINSERCION_PRESENCIAL).toMatch(/sin sacar turno en línea/);
    expect(REINSERCION_PRESENCIAL).toMatch(/lunes a viernes, de 8:00 a 17:00/);
    expect(REINSERCION_BASE_LEGAL).toBe(
      'Base legal: Reglamento del Seguro General de Riesgos del Trabajo (513), Capítulo XII, artículos 58 al 61; y Ley de Seguridad Social, artículo 155.',
    );
    expect(REINSERCION.pedidoSolicitud).toMatch(
      /nombre completo, su número de identificación, su firma, su correo electrónico y sus números de contacto/,
    );
  });
});

describe('reinserción answers (pure validators)', () => {
  it('lists the 24 provinces of Ecuador, each once', () => {
    expect(PROVINCIAS).toHaveLength(24);
    expect(new Set(PROVINCIAS).size).toBe(24);
  });

  it.each<[string, string | undefined]>([
    ['Pichincha', 'Pichincha'],
    ['1', 'Azuay'],
    ['24', 'Zamora Chinchipe'],
    ['galapagos', 'Galápagos'],
    ['LOS RIOS', 'Los Ríos'],
    ['tungurawa', 'Tungurahua'],
    ['pichicha', 'Pichincha'],
    ['sucumbios', 'Sucumbíos'],
    ['santo domingo', 'Santo Domingo de los Tsáchilas'],
    ['provincia del Guayas', 'Guayas'],
    ['en el oro por favor', 'El Oro'],
    ['morona', 'Morona Santiago'],
    ['cañar', 'Cañar'],
    ['canar', 'Cañar'],
    ['santa', 'Santa Elena'],
    ['Quito', undefined],
    ['santo', 'Santo Domingo de los Tsáchilas'],
    ['san', undefined],
    ['los', undefined],
    ['', undefined],
    ['25', undefined],
  ])('matchProvincia(%j) is %j', (text, expected) => {
    expect(matchProvincia(text)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['pichincha', 'pichincha', 0],
    ['pichicha', 'pichincha', 1],
    ['tungurawa', 'tungurahua', 2],
    ['loja', 'ojla', 2],
    ['azuya', 'azuay', 1],
  ])('editDistance(%j, %j) is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each<[string, string, ReturnType<typeof checkDetalle>]>([
    ['spaces and line breaks collapsed', '  Quiero   volver\na trabajar ', { ok: true, value: 'Quiero volver a trabajar' }],
    ['one word is too short', 'trabajo', { ok: false, problem: 'corto' }],
    ['exactly the maximum', 'x'.repeat(DETALLE_MAX_CHARS), { ok: true, value: 'x'.repeat(DETALLE_MAX_CHARS) }],
    ['one character over the maximum', 'x'.repeat(DETALLE_MAX_CHARS + 1), { ok: false, problem: 'largo' }],
  ])('checkDetalle: %s', (_label, text, expected) => {
    expect(checkDetalle(text)).toEqual(expected);
  });

  it.each<[string, boolean | undefined]>([
    [REINSERCION.si, true],
    ['si', true],
    ['sí, claro', true],
    [REINSERCION.no, false],
    ['no gracias', false],
    ['tal vez', undefined],
  ])('parseConfirmacion(%j) is %j', (text, expected) => {
    expect(parseConfirmacion(text, { si: REINSERCION.si, no: REINSERCION.no })).toBe(expected);
  });
});
