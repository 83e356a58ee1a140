import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, type Activity, type Middleware } from 'botbuilder';
import { DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { encode } from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { createDocumentIntakeService } from '../../bot/documents/documentIntakeService';
import { UNREADABLE_ATTACHMENT_MESSAGE, DOCUMENTO, MENU_OPCIONES, MSG } from '../../catalog';
import { MIN_IMAGE_HEIGHT, MIN_IMAGE_WIDTH } from '../../core/documents';
import type { AttachmentContent } from '../../bot/channels/directline';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { silentLogger } from '../../bot/logger';
import { DocumentoDialog, MAX_INTENTOS_DOCUMENTO, type DocumentoOptions } from '../../dialogs/documentos/documentoDialog';
import { classifyDocumentTurn, type DocumentTurn } from '../../dialogs/documentos/documentTurn';
import { CANCELLED } from '../../dialogs/shared/interruptibleDialog';
import { playConversation, type BotLine, type Turn } from '../helpers/conversation';
import { directLineReader } from '../helpers/documentFiles';
import { createDialogWorld, FIXED_NOW, type DialogWorld } from '../helpers/dialogHarness';

const CONVERSATION = 'conv-documento';
const PEDIDO = 'Adjunte su cédula, escaneada o fotografiada.';
const ASK: BotLine = { text: [PEDIDO, DOCUMENTO.comoAdjuntar, DOCUMENTO.reglas].join('\n'), options: [DOCUMENTO.despues] };
const retry = (text: string | RegExp): BotLine => ({ text, options: [DOCUMENTO.despues] });

/** What the citizen attaches, by the word the tables write in `user` (one file or several). */
type Upload = { bytes: Buffer; name: string; type: string; conversation?: string }[];

/** A DialogTestClient whose citizen can attach files: a `user` text naming an upload sends it instead of text. */
class ChatWithFiles extends DialogTestClient {
  constructor(
    dialog: Dialog,
    options: DocumentoOptions,
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
    const upload = typeof activity === 'string' ? this.uploads.get(activity) : undefined;
    if (!upload) return super.sendActivity(activity);
    const attachments = upload.map((file) => {
      const contentUrl = `http://127.0.0.1:1/v3/directline/attachments/adjunto${String(this.channel.size).padStart(12, '0')}`;
      this.channel.set(contentUrl, {
        bytes: file.bytes,
        contentType: file.type,
        name: file.name,
        conversationId: file.conversation ?? CONVERSATION,
      });
      return { contentType: file.type, contentUrl, name: file.name };
    });
    return super.sendActivity({ type: 'message', attachments });
  }
}

describe('DocumentoDialog', () => {
  let world: DialogWorld;
  let root: string;
  let carlosId: string;
  let uploads: Map<string, Upload>;
  const channel = new Map<string, AttachmentContent>();

  const chat = (options: Partial<DocumentoOptions> = {}): ChatWithFiles => {
    const documents = createDocumentIntakeService({
      prisma: world.db.prisma,
      storage: new LocalFolderStorage(root),
      readAttachment: directLineReader({ readAttachment: async (url) => channel.get(url) }),
      clock: () => FIXED_NOW,
      logger: silentLogger,
    });
    const dialog = new DocumentoDialog({ recognizer: world.deps.recognizer, documents });
    return new ChatWithFiles(dialog, { afiliadoId: carlosId, purpose: 'cedula', pedido: PEDIDO, ...options }, uploads, channel);
  };

  beforeAll(async () => {
    const pdfDoc = await PDFDocument.create();
    pdfDoc.addPage([595, 842]);
    const pdf = Buffer.from(await pdfDoc.save());
    const jpeg = encode({ width: 800, height: 600, data: Buffer.alloc(800 * 600 * 4, 0x90) }, 80).data;
    uploads = new Map<string, Upload>([
      ['📎 cedula.pdf', [{ bytes: pdf, name: 'cedula.pdf', type: 'application/pdf' }]],
      ['📎 cedula.jpg', [{ bytes: jpeg, name: 'cedula.jpg', type: 'image/jpeg' }]],
      ['📎 nota.pdf (texto)', [{ bytes: Buffer.from('mi cédula es 1849579501\n'), name: 'nota.pdf', type: 'application/pdf' }]],
      ['📎 pdf cortado', [{ bytes: pdf.subarray(0, 200), name: 'cedula.pdf', type: 'application/pdf' }]],
      [
        '📎 dos archivos',
        [
          { bytes: pdf, name: 'a.pdf', type: 'application/pdf' },
          { bytes: jpeg, name: 'b.jpg', type: 'image/jpeg' },
        ],
      ],
      ['📎 de otra conversación', [{ bytes: pdf, name: 'cedula.pdf', type: 'application/pdf', conversation: 'conv-ajena' }]],
    ]);
  });
  beforeEach(async () => {
    world = await createDialogWorld();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-documento-'));
    carlosId = (await world.db.prisma.afiliado.findUniqueOrThrow({ where: { cedula: '1849579501' } })).id;
  });
  afterEach(async () => {
    await world.db.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const RECIBIDO_PDF = /^Recibimos su cédula, en PDF de 1 página \(1 KB\)\.$/;
  const RECIBIDO_JPG = /^Recibimos su cédula, en imagen JPG de 800 × 600 píxeles \(\d+ KB\)\.$/;
  const NO_ES_PDF = /^Su archivo termina en \.pdf, pero en realidad es un archivo de texto\./;
  const CORTADO = /^No pudimos abrir su PDF: está dañado o incompleto/;

  it.each<[string, Turn[], 'documento' | 'ninguno']>([
    [
      'takes a PDF at the first try',
      [
        { user: 'empezar', bot: [ASK] },
        { user: '📎 cedula.pdf', bot: [RECIBIDO_PDF] },
      ],
      'documento',
    ],
    [
      'reminds how to attach when text comes instead of a file, then takes a JPG',
      [
        { user: 'empezar', bot: [ASK] },
        { user: 'ya le mando', bot: [retry(DOCUMENTO.sinArchivo)] },
        { user: '📎 cedula.jpg', bot: [RECIBIDO_JPG] },
      ],
      'documento',
    ],
    [
      'says why a file was refused and asks again',
      [
        { user: 'empezar', bot: [ASK] },
        { user: '📎 nota.pdf (texto)', bot: [retry(NO_ES_PDF)] },
        { user: '📎 cedula.pdf', bot: [RECIBIDO_PDF] },
      ],
      'documento',
    ],
    [
      'asks for one file at a time and keeps none of several',
      [
        { user: 'empezar', bot: [ASK] },
        { user: '📎 dos archivos', bot: [retry(DOCUMENTO.varios(2))] },
        { user: '📎 cedula.pdf', bot: [RECIBIDO_PDF] },
      ],
      'documento',
    ],
    [
      'refuses a file of another conversation as unreadable',
      [
        { user: 'empezar', bot: [ASK] },
        { user: '📎 de otra conversación', bot: [retry(UNREADABLE_ATTACHMENT_MESSAGE)] },
        { user: '📎 cedula.jpg', bot: [RECIBIDO_JPG] },
      ],
      'documento',
    ],
    [
      `gives up after ${MAX_INTENTOS_DOCUMENTO} turns without a valid file and tells the in-person alternative`,
      [
        { user: 'empezar', bot: [ASK] },
        { user: '📎 pdf cortado', bot: [retry(CORTADO)] },
        { user: 'todavía lo estoy buscando', bot: [retry(DOCUMENTO.sinArchivo)] },
        { user: '📎 nota.pdf (texto)', bot: [{ text: NO_ES_PDF, options: [] }, DOCUMENTO.sinDocumento('cedula', 'intentos')] },
      ],
      'ninguno',
    ],
    [
      'ends without a document when the citizen does not have it',
      [
        { user: 'empezar', bot: [ASK] },
        { user: DOCUMENTO.despues, bot: [DOCUMENTO.sinDocumento('cedula', 'despues')] },
      ],
      'ninguno',
    ],
    [
      'understands "no la tengo" typed',
      [
        { user: 'empezar', bot: [ASK] },
        { user: 'no la tengo', bot: [DOCUMENTO.sinDocumento('cedula', 'despues')] },
      ],
      'ninguno',
    ],
  ])('%s', async (_name, turns, outcome) => {
    const client = chat();
    await playConversation(client, turns);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const documents = await world.db.prisma.document.findMany();
    if (outcome === 'documento') {
      expect(documents).toHaveLength(1);
      expect(client.dialogTurnResult.result).toEqual({ documentId: documents[0].id });
      expect(documents[0]).toMatchObject({ afiliadoId: carlosId, tipo: 'cedula', caseId: null });
    } else {
      expect(documents).toHaveLength(0);
      expect(client.dialogTurnResult.result).toEqual({});
    }
  });

  it('shows its help with the rules and keeps waiting; "cancelar" ends it as cancelled', async () => {
    const client = chat();
    await playConversation(client, [
      { user: 'empezar', bot: [ASK] },
      { user: 'ayuda', bot: [DOCUMENTO.ayuda] },
      { user: 'cancelar', bot: [{ text: MSG.cancelado, options: MENU_OPCIONES }] },
    ]);
    expect(client.dialogTurnResult).toMatchObject({ status: DialogTurnStatus.complete, result: CANCELLED });
    expect(await world.db.prisma.document.count()).toBe(0);
  });

  it('for a document asked for later (complemento), ends with the contact instead of the seed 002 office', async () => {
    const client = chat({ purpose: 'complemento', pedido: 'Adjunte el certificado médico que le pidió el IESS.' });
    await client.sendActivity('empezar');
    await playConversation(client, [{ user: DOCUMENTO.despues, bot: [DOCUMENTO.sinDocumento('complemento', 'despues')] }]);
    expect(DOCUMENTO.sinDocumento('complemento', 'despues')).toBe(
      'Está bien. Puede enviarlo por este chat cuando lo tenga listo. Si necesita ayuda, llame al 593-2-3945666 o escriba a atencionalusuario@iess.gob.ec.',
    );
    expect(DOCUMENTO.sinDocumento('cedula', 'despues')).toMatch(
      /cualquier Centro de Atención Universal del país, a la ventanilla de gestión documental/,
    );
  });

  it('states the same minimum image size the intake checks, and the seed 002 rule on legibility', () => {
    expect(DOCUMENTO.reglas).toContain(`al menos ${MIN_IMAGE_WIDTH} × ${MIN_IMAGE_HEIGHT} píxeles`);
    expect(DOCUMENTO.reglas).toContain('JPG o PDF, de máximo 1 MB');
    expect(DOCUMENTO.reglas).toContain('no se aceptan documentos borrosos, oscuros, cortados, ilegibles o sin firma');
  });
});

describe('classifyDocumentTurn (pure)', () => {
  const pdf = { contentType: 'application/pdf', contentUrl: 'http://x/1', name: 'a.pdf' };
  it.each<[string, Pick<Partial<Activity>, 'text' | 'attachments'>, DocumentTurn]>([
    ['one file, text ignored', { text: 'aquí va', attachments: [pdf] }, { kind: 'archivo', attachment: pdf }],
    [
      'a file without a link is still a file (the intake refuses it)',
      { attachments: [{ contentType: 'image/jpeg' }] },
      { kind: 'archivo', attachment: { contentType: 'image/jpeg', contentUrl: undefined, name: undefined } },
    ],
    ['two files', { attachments: [pdf, pdf] }, { kind: 'varios', count: 2 }],
    [
      'the text copy Teams adds is not a file',
      { text: 'hola', attachments: [{ contentType: 'text/html', content: '<p>hola</p>' }] },
      { kind: 'texto' },
    ],
    ['the button', { text: DOCUMENTO.despues }, { kind: 'despues' }],
    ['"no tengo" typed', { text: 'No tengo la cédula aquí' }, { kind: 'despues' }],
    ['"más tarde" typed', { text: 'se la mando más tarde' }, { kind: 'despues' }],
    ['other text', { text: 'ya mismo' }, { kind: 'texto' }],
    ['nothing at all', {}, { kind: 'texto' }],
  ])('%s', (_name, activity, expected) => {
    expect(classifyDocumentTurn(activity, DOCUMENTO.despues)).toEqual(expected);
  });
});
