import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { encode } from 'jpeg-js';
import { createDocumentIntakeService, type AttachmentBytes } from '../../bot/documents/documentIntakeService';
import { createLogger } from '../../bot/logger';
import { DOCUMENTO, FILING_NOTAS, MIS, MSG, RELIQ } from '../../catalog';
import { MisTramitesDialog, type MisTramitesOptions } from '../../dialogs/misTramites/misTramitesDialog';
import { acceptsChoice, MAX_CHOICE_ATTEMPTS, readChoice } from '../../dialogs/misTramites/validators';
import type { CaseHistoryView, FilingPort } from '../../core/ports';
import { ReliquidacionDialog } from '../../dialogs/reliquidacion/reliquidacionDialog';
import { playConversation, type BotLine } from '../helpers/conversation';
import { createTestFiling } from '../helpers/db';
import { createDialogWorld, FIXED_NOW, type DialogWorld } from '../helpers/dialogHarness';

const DIEGO = '2314944220';
const RL42 = 'RL-2026-000042';
const PIDE = 'Envíe una copia legible de su cédula, por ambos lados.';
const PIDIO_EN = new Date('2026-11-01T09:00:00-05:00');
const elegir = (numeros: string[], text: string = MIS.elegir): BotLine => ({ text, options: [...numeros, MIS.volver] });
const ACCIONES = [MIS.enviarDocumento, MIS.verOtro, MIS.volver];

const DIEGO_HISTORY: CaseHistoryView = {
  numero: RL42,
  tipo: 'RELIQUIDACION',
  estado: 'REQUIERE_INFORMACION',
  fecha: PIDIO_EN,
  nota: PIDE,
  creado: new Date('2026-10-02T15:04:00-05:00'),
  eventos: [
    { estado: 'RECIBIDO', fecha: new Date('2026-10-02T15:04:00-05:00') },
    {
      estado: 'EN_REVISION',
      fecha: new Date('2026-10-09T09:30:00-05:00'),
      nota: 'Asignado a la Coordinación Provincial de Santo Domingo de los Tsáchilas.',
    },
    { estado: 'REQUIERE_INFORMACION', fecha: PIDIO_EN, nota: PIDE },
  ],
  documentos: [],
};

describe('validators of the "mis trámites" journey', () => {
  const options = [RL42, 'RI-2025-000317', MIS.volver];
  it.each<[string, string | undefined]>([
    [RL42, RL42],
    ['rl-2026-000042', RL42],
    ['el RL-2026-000042 por favor', RL42],
    ['2', 'RI-2025-000317'],
    ['nada mas', MIS.volver],
    ['RL-2026-000099', undefined],
    ['hola', undefined],
  ])('"%s" picks %s', (text, expected) => {
    expect(readChoice(text, options)).toBe(expected);
  });

  it.each<[string, number, boolean]>([
    [RL42, 1, true],
    ['hola', 1, false],
    ['hola', MAX_CHOICE_ATTEMPTS, true],
  ])('"%s" at attempt %i is accepted: %s', (text, attempt, expected) => {
    expect(acceptsChoice(text, options, attempt)).toBe(expected);
  });
});

describe('MisTramitesDialog', () => {
  let world: DialogWorld;
  let filing: FilingPort;
  const files = new Map<string, AttachmentBytes>();
  const deps = () => {
    const documents = createDocumentIntakeService({
      prisma: world.db.prisma,
      storage: world.documents,
      readAttachment: async (attachment) => files.get(attachment.contentUrl ?? ''),
      clock: () => FIXED_NOW,
      logger: createLogger('error', () => undefined),
    });
    return { ...world.deps, filing, documents };
  };
  const start = async (cedula: string): Promise<DialogTestClient> => {
    const a = await world.db.prisma.afiliado.findUniqueOrThrow({ where: { cedula } });
    const options: MisTramitesOptions = { citizen: { afiliadoId: a.id, nombres: a.nombres } };
    return new DialogTestClient('directline', new MisTramitesDialog(deps()), options, [], new ConversationState(new MemoryStorage()));
  };
  const askDiegoForDocument = () =>
    world.db.prisma.case.update({
      where: { numero: RL42 },
      data: { estado: 'REQUIERE_INFORMACION', history: { create: { estado: 'REQUIERE_INFORMACION', fecha: PIDIO_EN, nota: PIDE } } },
    });
  const openDiegoCase = [
    {
      user: 'mis trámites',
      bot: [
        /^Este es su trámite:\n\nReliquidación de pensiones: RL-2026-000042\nEstado: requiere información, desde el 1 de noviembre de 2026\.\nNota: Envíe/,
        elegir([RL42]),
      ],
    },
    { user: RL42, bot: [MIS.historial(DIEGO_HISTORY), { text: MIS.requiereDocumento(PIDE), options: ACCIONES }] },
  ];
  const sendJpeg = async (client: DialogTestClient): Promise<string[]> => {
    files.set('upload-1', {
      bytes: Buffer.from(encode({ width: 800, height: 600, data: Buffer.alloc(800 * 600 * 4, 0x90) }, 80).data),
      contentType: 'image/jpeg',
      name: 'cedula.jpg',
    });
    const first = (await client.sendActivity({
      type: 'message',
      attachments: [{ contentType: 'image/jpeg', contentUrl: 'upload-1', name: 'cedula.jpg' }],
    })) as Partial<Activity>;
    const replies = [first];
    for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next as Partial<Activity>);
    return replies.map((r) => r.text ?? '');
  };

  beforeEach(async () => {
    world = await createDialogWorld();
    filing = createTestFiling(world.db.prisma, () => FIXED_NOW);
  });
  afterEach(async () => world.db.dispose());

  it('María has no cases: she is told so and the journey ends', async () => {
    const client = await start('1744180744');
    await playConversation(client, [{ user: 'mis trámites', bot: [MIS.sinTramites] }]);
    expect(client.dialogTurnResult.result).toEqual({});
  });

  it('Patricia sees her case with its state in plain Spanish, opens it, and ends the journey', async () => {
    const client = await start('1002136172');
    await playConversation(client, [
      {
        user: 'mis trámites',
        bot: [
          /^Este es su trámite:\n\nReinserción laboral: RI-2025-000317\nEstado: negado, desde el 6 de octubre de 2025\.\nNota: La reinserción/,
          elegir(['RI-2025-000317']),
        ],
      },
      {
        user: 'RI-2025-000317',
        bot: [
          /^Trámite RI-2025-000317 \(Reinserción laboral\), presentado el 15 de septiembre de 2025\.\nEstado actual: negado\. Su solicitud no fue aprobada\.\n\nHistorial:\n• 15 de septiembre de 2025: recibido\.\n• 22 de septiembre de 2025: en revisión\.\n• 6 de octubre de 2025: negado\. La reinserción .*\n\nDocumentos: este trámite no tiene documentos adjuntos\.$/,
          elegir(['RI-2025-000317'], MIS.elegirOtro),
        ],
      },
      { user: MIS.volver, bot: [] },
    ]);
    expect(client.dialogTurnResult.result).toEqual({});
  });

  it('"ayuda" explains the list and asks again', async () => {
    await playConversation(await start('1002136172'), [
      { user: 'mis trámites', bot: [/^Este es su trámite/, elegir(['RI-2025-000317'])] },
      { user: 'ayuda', bot: [MIS.ayuda, elegir(['RI-2025-000317'])] },
    ]);
  });

  it('a choice that is not in the list is asked again, then the journey gives up', async () => {
    await playConversation(await start('1002136172'), [
      { user: 'mis trámites', bot: [/^Este es su trámite/, elegir(['RI-2025-000317'])] },
      { user: 'RL-2026-000042', bot: [{ text: MIS.elegirInvalido, options: ['RI-2025-000317', MIS.volver] }] },
      { user: 'el de ayer', bot: [{ text: MIS.elegirInvalido, options: ['RI-2025-000317', MIS.volver] }] },
      { user: 'ese', bot: [MSG.demasiadosIntentos] },
    ]);
  });

  it('José files a reliquidación and then finds it in "mis trámites"', async () => {
    const jose = await world.db.prisma.afiliado.findUniqueOrThrow({ where: { cedula: '0939336715' } });
    const reliq = new DialogTestClient('directline', new ReliquidacionDialog(deps()), {
      citizen: { afiliadoId: jose.id, nombres: jose.nombres },
    });
    await reliq.sendActivity('reliquidación');
    await reliq.sendActivity('sí');
    const client = await start('0939336715');
    await playConversation(client, [
      {
        user: 'mis trámites',
        bot: [
          `Este es su trámite:\n\nReliquidación de pensiones: RL-2026-000043\nEstado: recibido, desde el 22 de noviembre de 2026.\nNota: ${FILING_NOTAS.recibido}`,
          elegir(['RL-2026-000043']),
        ],
      },
    ]);
    expect(RELIQ.presentada('RL-2026-000043')).toContain('mis trámites');
  });

  it('Diego sends the missing document: it is attached, the case goes back to review, and an e-mail is queued', async () => {
    await askDiegoForDocument();
    const client = await start(DIEGO);
    await playConversation(client, [
      ...openDiegoCase,
      {
        user: MIS.enviarDocumento,
        bot: [{ text: [MIS.pedido(PIDE), DOCUMENTO.comoAdjuntar, DOCUMENTO.reglas].join('\n'), options: [DOCUMENTO.despues] }],
      },
    ]);
    const replies = await sendJpeg(client);
    expect(replies).toEqual([expect.stringMatching(/^Recibimos .*JPG de 800 × 600 píxeles/), MIS.documentoAgregado(RL42)]);
    expect(client.dialogTurnResult.result).toEqual({});
    const kase = await world.db.prisma.case.findUniqueOrThrow({
      where: { numero: RL42 },
      include: { documents: true, history: { orderBy: { fecha: 'asc' } } },
    });
    expect(kase.estado).toBe('EN_REVISION');
    expect(kase.documents.map((d) => d.tipo)).toEqual(['complemento']);
    expect(kase.history.at(-1)).toMatchObject({ estado: 'EN_REVISION', nota: FILING_NOTAS.documentoRecibido });
    expect(await world.db.prisma.outboxEmail.findFirstOrThrow()).toMatchObject({
      to: 'diego.yanez@example.ec',
      subject: `IESS: recibimos el documento de su trámite ${RL42}`,
    });
  });

  it('when the case stopped waiting for the document meanwhile, the citizen is told it was not added', async () => {
    await askDiegoForDocument();
    const client = await start(DIEGO);
    await playConversation(client, [...openDiegoCase, { user: MIS.enviarDocumento, bot: [/^Adjunte el documento que le pide el IESS/] }]);
    await world.db.prisma.case.update({ where: { numero: RL42 }, data: { estado: 'EN_REVISION' } });
    expect((await sendJpeg(client)).slice(1)).toEqual([MIS.documentoNoAgregado]);
    expect(await world.db.prisma.document.count({ where: { caseId: { not: null } } })).toBe(0);
  });

  it('Diego does not have the document now: nothing is sent and the case keeps waiting', async () => {
    await askDiegoForDocument();
    await playConversation(await start(DIEGO), [
      ...openDiegoCase,
      { user: MIS.enviarDocumento, bot: [/^Adjunte el documento que le pide el IESS/] },
      { user: DOCUMENTO.despues, bot: [DOCUMENTO.sinDocumento('complemento', 'despues')] },
    ]);
    expect(await world.db.prisma.case.findUniqueOrThrow({ where: { numero: RL42 } })).toMatchObject({ estado: 'REQUIERE_INFORMACION' });
  });

  it.each<[string, string, readonly BotLine[]]>([
    ['"Ver otro trámite" offers the list again', MIS.verOtro, [elegir([RL42], MIS.elegirOtro)]],
    ['"Nada más, gracias" ends the journey', MIS.volver, []],
  ])('from a case that waits for a document, %s', async (_name, user, bot) => {
    await askDiegoForDocument();
    await playConversation(await start(DIEGO), [...openDiegoCase, { user, bot }]);
  });
});
