import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ActivityTypes, ConversationState, type TurnContext } from 'botbuilder';
import { ComponentDialog, runDialog, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DirectLine, type Activity, type Message } from 'botframework-directlinejs';
import { encode } from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import restify from 'restify';
import type { Subscription } from 'rxjs/Subscription';
import { createDocumentIntakeService, directLineAttachmentReader } from '../../bot/documents/documentIntakeService';
import { UNREADABLE_ATTACHMENT_MESSAGE } from '../../bot/documents/intake';
import { registerDirectLine, type DirectLineAdapter } from '../../bot/directline';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { silentLogger } from '../../bot/logger';
import { renderEmail } from '../../bot/mail/layout';
import { PrismaStorage } from '../../bot/storage';
import { DOCUMENTO, REINSERCION } from '../../dialogs/catalog/reinsercion';
import type { SignedInCitizen } from '../../dialogs/ports';
import { ReinsercionDialog, REINSERCION_DIALOG } from '../../dialogs/reinsercion/reinsercionDialog';
import { createStore } from '../../prisma/store';
import { createFilingStore } from '../../prisma/store/filing';
import { DEMO_FIXTURE, seedDemoData } from '../../prisma/store/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FIXED_NOW, TEST_SECRET, testRecognizer } from '../helpers/dialogHarness';
import { fetchAjax, newToken, NoWebSocket, waitFor } from '../directline/helpers';

// ---- Files ----------------------------------------------------------------------------------------

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 3, 0x20, 0, 0, 2, 0x58, 8, 0, 0, 0, 0])),
  pngChunk('IDAT', deflateSync(Buffer.alloc(801 * 600, 0))),
  pngChunk('IEND', Buffer.alloc(0)),
]);
const GPS = 'GPS 1°14\'S 78°37\'W Ambato';
const JPEG_WITH_EXIF = ((): Buffer => {
  const jpeg = encode({ width: 1200, height: 900, data: Buffer.alloc(1200 * 900 * 4, 0xa0) }, 80).data;
  const payload = Buffer.concat([Buffer.from('Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08', 'latin1'), Buffer.from(GPS, 'utf8')]);
  const app1 = Buffer.from([0xff, 0xe1, 0, 0]);
  app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)]);
})();

// ---- The composition under test: Direct Line endpoint → intake service → reinserción journey -----

/** Stands in for sign-in (another journey): Carlos is already signed in when the reinserción starts. */
class AsCarlos extends ComponentDialog {
  constructor(carlos: SignedInCitizen, reinsercion: ReinsercionDialog) {
    super('asCarlos');
    this.addDialog(reinsercion);
    this.addDialog(new WaterfallDialog('asCarlosSteps', [
      async (step: WaterfallStepContext) => step.beginDialog(REINSERCION_DIALOG, { citizen: carlos }),
      async (step: WaterfallStepContext) => step.endDialog(step.result),
    ]));
    this.initialDialogId = 'asCarlosSteps';
  }
}

interface Service {
  baseUrl: string;
  documentsDir: string;
  close(): Promise<void>;
}

async function startService(db: TestDatabase, carlos: SignedInCitizen): Promise<Service> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-uploads-'));
  const clock = () => FIXED_NOW;
  const store = createStore(db.prisma, { clock, secret: TEST_SECRET, distractorEmployers: DEMO_FIXTURE.empleadoresDistractores, resetUrl: (t) => t, render: renderEmail });
  const state = new ConversationState(new PrismaStorage(db.prisma));
  const dialogState = state.createProperty<DialogState>('DialogState');
  let directLine: DirectLineAdapter | undefined;
  const documents = createDocumentIntakeService({
    prisma: db.prisma,
    storage: new LocalFolderStorage(path.join(documentsDir, 'documentos')),
    readAttachment: directLineAttachmentReader({ readAttachment: async (url) => directLine?.readAttachment(url) }),
    clock,
    logger: silentLogger,
  });
  const filing = createFilingStore(db.prisma, { clock, toMessage: store.toMessage });
  const root = new AsCarlos(carlos, new ReinsercionDialog({ recognizer: testRecognizer(), filing, documents }));
  directLine = registerDirectLine(server, {
    prisma: db.prisma,
    logic: async (context: TurnContext) => {
      if (context.activity.type !== ActivityTypes.Message) return;
      await runDialog(root, context, dialogState);
      await state.saveChanges(context, false);
    },
    onTurnError: async (context, error) => {
      await context.sendActivity(`error: ${String(error)}`);
    },
    attachments: new LocalFolderStorage(path.join(documentsDir, 'directline')),
    publicBaseUrl: baseUrl,
    tokenTtlSeconds: 1800,
    logger: silentLogger,
    clock,
    tokenRateLimitPerMinute: 1000,
  });
  return {
    baseUrl,
    documentsDir,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}

// ---- The test ---------------------------------------------------------------------------------------

describe('uploads from the chat over Direct Line (botframework-directlinejs)', () => {
  let db: TestDatabase;
  let service: Service;
  let directLine: DirectLine;
  let subscription: Subscription;
  let token: string;
  let conversationId: string;
  const received: Activity[] = [];

  const dataUrl = (bytes: Buffer, type: string): string => `data:${type};base64,${bytes.toString('base64')}`;
  /** Posts an activity and returns the texts of the bot's `count` replies to it. */
  async function turn(activity: Partial<Message>, count: number): Promise<string[]> {
    const id = await new Promise<string>((resolve, reject) => {
      directLine.postActivity({ type: 'message', from: { id: 'carlos', role: 'user' }, ...activity } as Message).subscribe({ next: resolve, error: reject });
    });
    return postedReplies(id, count);
  }
  function postedReplies(id: string, count: number): Promise<string[]> {
    return waitFor(() => {
      const replies = received.filter((a): a is Message => a.type === 'message' && (a as Message & { replyToId?: string }).replyToId === id);
      return replies.length >= count ? replies.map((m) => m.text ?? '') : undefined;
    }, 15_000);
  }
  const upload = (bytes: Buffer, name: string, contentType: string, count: number): Promise<string[]> =>
    turn({ attachments: [{ contentType, contentUrl: dataUrl(bytes, contentType), name }] }, count);
  /** Posts JSON straight to the activities route, as a client could with any attachment URL it likes. */
  async function postRaw(body: object, count: number): Promise<string[]> {
    const res = await fetch(`${service.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'carlos' }, ...body }),
    });
    expect(res.status).toBe(200);
    return postedReplies(((await res.json()) as { id: string }).id, count);
  }
  async function startJourney(): Promise<void> {
    expect(await turn({ text: 'quiero la reinserción' }, 3)).toHaveLength(3);
    expect(await turn({ text: 'Tungurahua' }, 1)).toEqual([REINSERCION.pedirDetalle]);
    expect((await turn({ text: 'Quiero volver a trabajar como bodeguero en Ambato.' }, 1))[0]).toMatch(/^Adjunte su cédula/);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    const carlos = await db.prisma.afiliado.findUniqueOrThrow({ where: { cedula: '1849579501' } });
    service = await startService(db, { afiliadoId: carlos.id, nombres: carlos.nombres });
    ({ token, conversationId } = await newToken(service.baseUrl));
    directLine = new DirectLine({
      token,
      domain: `${service.baseUrl}/v3/directline`,
      webSocket: false,
      pollingInterval: 200,
      ajax: fetchAjax as unknown as DirectLine['services']['ajax'],
      WebSocket: NoWebSocket as unknown as typeof WebSocket,
    });
    subscription = directLine.activity$.subscribe((activity) => received.push(activity));
  }, 60_000);
  afterAll(async () => {
    subscription?.unsubscribe();
    directLine?.end();
    await service?.close();
    await db?.dispose();
    if (service) fs.rmSync(service.documentsDir, { recursive: true, force: true });
  });

  it('refuses a PNG renamed .jpg, a 1,048,577-byte file and a truncated PDF, saying why, then gives up with the alternative', async () => {
    await startJourney();
    expect((await upload(PNG, 'cedula.jpg', 'image/jpeg', 1))[0]).toMatch(/^Su archivo termina en \.jpg, pero en realidad es una imagen PNG\./);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_048_577 - 9, 0x20)]);
    expect((await upload(big, 'cedula.pdf', 'application/pdf', 1))[0]).toMatch(/^Su archivo pesa 1025 KB y el máximo permitido es 1 MB/);
    const pdf = Buffer.from(await (await PDFDocument.create()).save());
    expect(await upload(pdf.subarray(0, 300), 'cedula.pdf', 'application/pdf', 3)).toEqual([
      expect.stringMatching(/^No pudimos abrir su PDF: está dañado o incompleto/),
      DOCUMENTO.sinDocumento('cedula', 'intentos'),
      REINSERCION.faltaDocumento('su cédula'),
    ]);
    expect(await db.prisma.document.count()).toBe(0);
  });

  it('refuses a text file declared application/pdf, another conversation\'s file and an attachment without a link; files with two valid ones', async () => {
    await startJourney();
    expect((await upload(Buffer.from('Cédula de Carlos\n'), 'cedula', 'application/pdf', 1))[0]).toMatch(/^Su archivo se envió como un PDF, pero en realidad es un archivo de texto\./);

    const other = await newToken(service.baseUrl);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await (await PDFDocument.create()).save())], { type: 'application/pdf' }), 'ajeno.pdf');
    const uploaded = await fetch(`${service.baseUrl}/v3/directline/conversations/${other.conversationId}/upload?userId=otro`, { method: 'POST', headers: { Authorization: `Bearer ${other.token}` }, body: form });
    expect(uploaded.status).toBe(200);
    const foreign = await db.prisma.dlAttachment.findFirstOrThrow({ where: { conversationId: other.conversationId } });
    const foreignUrl = `${service.baseUrl}/v3/directline/attachments/${foreign.id}`;
    expect(await postRaw({ attachments: [{ contentType: 'application/pdf', contentUrl: foreignUrl, name: 'ajeno.pdf' }] }, 1)).toEqual([UNREADABLE_ATTACHMENT_MESSAGE]);

    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const pdf = Buffer.from(await doc.save());
    expect(await upload(pdf, '../../x.pdf', 'application/pdf', 2)).toEqual([
      `Recibimos su cédula, en PDF de 1 página (${Math.ceil(pdf.length / 1024)} KB).`,
      expect.stringMatching(/^Ahora adjunte la solicitud de autorización/),
    ]);
    expect(await postRaw({ attachments: [{ contentType: 'image/jpeg', name: 'solicitud.jpg' }] }, 1)).toEqual([UNREADABLE_ATTACHMENT_MESSAGE]);
    const [recibido, resumen, confirmar] = await upload(JPEG_WITH_EXIF, 'solicitud.jpg', 'image/jpeg', 3);
    expect(recibido).toMatch(/^Recibimos su solicitud de autorización, en imagen JPG de 1200 × 900 píxeles/);
    expect(resumen).toMatch(/^Revise su solicitud de reinserción laboral:/);
    expect(confirmar).toBe(REINSERCION.confirmar);
    expect((await turn({ text: REINSERCION.si }, 2))[0]).toBe(REINSERCION.presentada('RI-2026-000001', 'c***@example.ec'));

    const kase = await db.prisma.case.findUniqueOrThrow({ where: { numero: 'RI-2026-000001' }, include: { documents: { orderBy: { tipo: 'asc' } } } });
    expect(kase.documents.map((d) => [d.tipo, d.nombreOriginal, d.mediaType])).toEqual([
      ['cedula', 'x.pdf', 'application/pdf'],
      ['solicitud', 'solicitud.jpg', 'image/jpeg'],
    ]);
    const storage = new LocalFolderStorage(path.join(service.documentsDir, 'documentos'));
    for (const d of kase.documents) {
      expect(d.storageKey).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
      const bytes = await storage.read(d.storageKey);
      expect([bytes.length, bytes.includes(GPS)]).toEqual([d.size, false]);
    }
    expect(fs.existsSync(path.join(service.documentsDir, 'x.pdf'))).toBe(false);
    expect(await db.prisma.document.count({ where: { caseId: null } })).toBe(0);
    expect((await db.prisma.outboxEmail.findMany()).map((m) => m.to)).toEqual(['carlos.toapanta@example.ec']);
  });
});
