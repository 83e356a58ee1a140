import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDocumentIntakeService, DOCUMENT_UPLOAD_LIMIT, type AttachmentReader } from '../../bot/documents/documentIntakeService';
import { UNREADABLE_ATTACHMENT_MESSAGE, uploadLimitMessage } from '../../catalog';
import { MIN_IMAGE_HEIGHT, MIN_IMAGE_WIDTH } from '../../core/documents';
import type { AttachmentContent } from '../../bot/channels/directline';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { createLogger } from '../../bot/logger';
import type { ConversationKey, DocumentIntakePort, DocumentPurposeName, DocumentReceipt, IncomingAttachment } from '../../core/ports';
import { attachDocumentsToCase, cleanDocumentName, findCitizenDocument } from '../../prisma/store/documents';
import { seedDemoData } from '../../prisma/store/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FIXED_NOW } from '../helpers/dialogHarness';
import {
  directLineReader,
  makeJpeg,
  makeJpegWithExif,
  makeOversizedFile,
  makePdf,
  makePng,
  makeTextFile,
  makeTruncatedPdf,
  readerByChannel,
  sha256,
} from '../helpers/documentFiles';

const GPS = "GPS 0°10'S 78°29'W casa de Carlos";

// ---- A Direct Line channel in memory: files uploaded to conversations ---------------------------

const CONV: ConversationKey = { channelId: 'directline', conversationId: 'conv-carlos' };
const OTHER: ConversationKey = { channelId: 'directline', conversationId: 'conv-otra' };

class UploadedFiles {
  private readonly files = new Map<string, AttachmentContent>();
  private next = 0;

  /** Uploads a file to a conversation and returns the attachment the bot receives. */
  upload(bytes: Buffer, name: string, contentType: string, conversation: ConversationKey = CONV): IncomingAttachment {
    const contentUrl = `http://127.0.0.1:1/v3/directline/attachments/archivo${String(this.next++).padStart(12, '0')}`;
    this.files.set(contentUrl, { bytes, name, contentType, conversationId: conversation.conversationId });
    return { contentType, contentUrl, name };
  }

  async readAttachment(contentUrl: string): Promise<AttachmentContent | undefined> {
    return this.files.get(contentUrl);
  }
}

describe('document intake service', () => {
  let db: TestDatabase;
  let root: string;
  let storage: LocalFolderStorage;
  let uploads: UploadedFiles;
  let logs: string[];
  let carlosId: string;
  let valentinaId: string;

  const service = (
    overrides: { readAttachment?: AttachmentReader; uploadLimit?: { limit: number; windowSeconds: number } } = {},
  ): DocumentIntakePort =>
    createDocumentIntakeService({
      prisma: db.prisma,
      storage,
      readAttachment: overrides.readAttachment ?? directLineReader(uploads),
      clock: () => FIXED_NOW,
      logger: createLogger('debug', (line) => logs.push(line)),
      uploadLimit: overrides.uploadLimit,
    });
  const receive = (
    attachment: IncomingAttachment,
    purpose: DocumentPurposeName = 'cedula',
    conversation = CONV,
  ): Promise<DocumentReceipt> => service().receive({ afiliadoId: carlosId, purpose, attachment, conversation });
  const storedFiles = (): string[] =>
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-intake-'));
    storage = new LocalFolderStorage(path.join(root, 'documentos'));
    uploads = new UploadedFiles();
    logs = [];
    carlosId = (await db.prisma.afiliado.findUniqueOrThrow({ where: { cedula: '1849579501' } })).id;
    valentinaId = (await db.prisma.afiliado.findUniqueOrThrow({ where: { codigoExtranjero: 'EC-EXT-0045871' } })).id;
  });
  afterEach(async () => {
    await db.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each<[string, () => Promise<{ bytes: Buffer; name: string; type: string }>, RegExp]>([
    [
      'a PNG renamed .jpg',
      async () => ({ bytes: makePng(), name: 'cedula.jpg', type: 'image/jpeg' }),
      /^Su archivo termina en \.jpg, pero en realidad es una imagen PNG\. Conviértala a JPG o guárdela como PDF\. Envíelo en formato JPG o PDF, de máximo 1 MB/,
    ],
    [
      'a 1,048,577-byte file',
      async () => ({ bytes: makeOversizedFile(), name: 'cedula.pdf', type: 'application/pdf' }),
      /^Su archivo pesa 1025 KB y el máximo permitido es 1 MB \(1024 KB\)\./,
    ],
    [
      'a truncated PDF',
      async () => ({ bytes: await makeTruncatedPdf(), name: 'cedula.pdf', type: 'application/pdf' }),
      /^No pudimos abrir su PDF: está dañado o incompleto/,
    ],
    [
      'a text file declared application/pdf',
      async () => ({ bytes: makeTextFile('Cédula 1849579501\n'), name: 'cedula', type: 'application/pdf' }),
      /^Su archivo se envió como un PDF, pero en realidad es un archivo de texto\. Necesitamos el documento escaneado o fotografiado/,
    ],
    [
      'an image too small to read',
      async () => ({ bytes: makeJpeg(500, 300), name: 'cedula.jpg', type: 'image/jpeg' }),
      new RegExp(
        `^Su imagen mide 500 × 300 píxeles y es demasiado pequeña para leerse\\. Necesitamos al menos ${MIN_IMAGE_WIDTH} × ${MIN_IMAGE_HEIGHT} píxeles\\.`,
      ),
    ],
    [
      'an empty file',
      async () => ({ bytes: Buffer.alloc(0), name: 'cedula.pdf', type: 'application/pdf' }),
      /^El archivo llegó vacío \(0 bytes\)\./,
    ],
  ])('refuses %s, says what was wrong and what to send instead, and stores nothing', async (_name, build, expected) => {
    const file = await build();
    const receipt = await receive(uploads.upload(file.bytes, file.name, file.type));
    expect(receipt).toEqual({ ok: false, message: expect.stringMatching(expected) });
    expect(receipt.ok || receipt.message).toMatch(/JPG o PDF, de máximo 1 MB, completo, legible/);
    expect(await db.prisma.document.count()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it.each<[string, () => { attachment: IncomingAttachment; conversation: ConversationKey }]>([
    [
      'an attachment without contentUrl',
      () => ({ attachment: { contentType: 'application/pdf', name: 'cedula.pdf' }, conversation: CONV }),
    ],
    [
      'an unknown URL',
      () => ({
        attachment: {
          contentType: 'application/pdf',
          contentUrl: 'http://127.0.0.1:1/v3/directline/attachments/noexiste0000000',
          name: 'x.pdf',
        },
        conversation: CONV,
      }),
    ],
    [
      'a file uploaded to another conversation',
      () => ({ attachment: uploads.upload(Buffer.from('%PDF-1.4\n%%EOF\n'), 'x.pdf', 'application/pdf', OTHER), conversation: CONV }),
    ],
    [
      'a Direct Line file claimed from another channel',
      () => ({
        attachment: uploads.upload(Buffer.from('%PDF-1.4\n%%EOF\n'), 'x.pdf', 'application/pdf'),
        conversation: { channelId: 'whatsapp', conversationId: CONV.conversationId },
      }),
    ],
  ])('refuses %s with a clear message, never a crash', async (_name, make) => {
    const { attachment, conversation } = make();
    expect(await receive(attachment, 'cedula', conversation)).toEqual({ ok: false, message: UNREADABLE_ATTACHMENT_MESSAGE });
    expect(await db.prisma.document.count()).toBe(0);
  });

  it('refuses an attachment whose channel fails to read it, and logs the failure without the file', async () => {
    const failing: AttachmentReader = async () => {
      throw new Error('Graph API 500');
    };
    const receipt = await service({ readAttachment: failing }).receive({
      afiliadoId: carlosId,
      purpose: 'cedula',
      attachment: { contentType: 'image/jpeg', contentUrl: 'x' },
      conversation: CONV,
    });
    expect(receipt).toEqual({ ok: false, message: UNREADABLE_ATTACHMENT_MESSAGE });
    expect(logs.some((l) => l.includes('document.read_failed') && l.includes('Graph API 500'))).toBe(true);
  });

  it('stores a PDF named ../../x.pdf under a server-generated name, with size and sha256 recorded, and no case yet', async () => {
    const pdf = await makePdf();
    const receipt = await receive(uploads.upload(pdf, '../../x.pdf', 'application/pdf'), 'solicitud');
    if (!receipt.ok) throw new Error(receipt.message);
    expect(receipt.descripcion).toBe(`su solicitud de autorización, en PDF de 1 página (${Math.ceil(pdf.length / 1024)} KB)`);
    const row = await db.prisma.document.findUniqueOrThrow({ where: { id: receipt.documentId } });
    expect(row).toMatchObject({
      afiliadoId: carlosId,
      caseId: null,
      tipo: 'solicitud',
      nombreOriginal: 'x.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      createdAt: FIXED_NOW,
    });
    expect(row.storageKey).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
    expect(await storage.read(row.storageKey)).toEqual(pdf);
    expect(storedFiles()).toEqual([row.storageKey.split('/')[1]]);
    expect(fs.existsSync(path.join(root, 'documentos', '..', '..', 'x.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'x.pdf'))).toBe(false);
  });

  it('strips EXIF from an accepted JPEG and records the sha256 and size of the bytes actually stored', async () => {
    const original = makeJpegWithExif(GPS, 800, 600);
    expect(original.includes(GPS)).toBe(true);
    const receipt = await receive(uploads.upload(original, 'IMG_0001.JPG', 'image/jpeg'));
    if (!receipt.ok) throw new Error(receipt.message);
    expect(receipt.descripcion).toMatch(/^su cédula, en imagen JPG de 800 × 600 píxeles \(\d+ KB\)$/);
    const row = await db.prisma.document.findUniqueOrThrow({ where: { id: receipt.documentId } });
    const stored = await storage.read(row.storageKey);
    expect(stored.includes(GPS)).toBe(false);
    expect(stored.includes('Exif')).toBe(false);
    expect(row).toMatchObject({
      mediaType: 'image/jpeg',
      size: stored.length,
      sha256: sha256(stored),
      nombreOriginal: 'IMG_0001.JPG',
      tipo: 'cedula',
    });
    expect(stored.length).toBeLessThan(original.length);
  });

  it('accepts a complemento (a document asked for later) and the código de identificación of a foreigner', async () => {
    const pdf = await makePdf();
    const intake = service();
    const complemento = await intake.receive({
      afiliadoId: carlosId,
      purpose: 'complemento',
      attachment: uploads.upload(pdf, 'a.pdf', 'application/pdf'),
      conversation: CONV,
    });
    const codigo = await intake.receive({
      afiliadoId: valentinaId,
      purpose: 'codigo_extranjero',
      attachment: uploads.upload(makeJpeg(900, 600), 'b.jpg', 'image/jpeg'),
      conversation: CONV,
    });
    expect([complemento.ok && complemento.descripcion, codigo.ok && codigo.descripcion]).toEqual([
      `su documento, en PDF de 1 página (${Math.ceil(pdf.length / 1024)} KB)`,
      expect.stringMatching(/^el documento de su código de identificación, en imagen JPG de 900 × 600 píxeles/),
    ]);
    expect((await db.prisma.document.findMany({ orderBy: { tipo: 'asc' } })).map((d) => [d.tipo, d.afiliadoId])).toEqual([
      ['codigo_extranjero', valentinaId],
      ['complemento', carlosId],
    ]);
  });

  it('limits the files a citizen may send per hour, for that citizen only, and logs no file name or cédula', async () => {
    const pdf = await makePdf();
    const intake = service({ uploadLimit: { limit: 2, windowSeconds: 3600 } });
    const send = (afiliadoId: string): Promise<DocumentReceipt> =>
      intake.receive({
        afiliadoId,
        purpose: 'cedula',
        attachment: uploads.upload(pdf, '1849579501-cedula.pdf', 'application/pdf'),
        conversation: CONV,
      });
    const results = [await send(carlosId), await send(carlosId), await send(carlosId), await send(valentinaId)];
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(results[2]).toEqual({ ok: false, message: uploadLimitMessage(60) });
    expect(uploadLimitMessage(60)).toBe(
      'Recibimos muchos archivos suyos en la última hora. Por su seguridad, espere 60 minutos antes de enviar otro.',
    );
    expect(await db.prisma.document.count()).toBe(3);
    expect(logs.join('\n')).not.toMatch(/1849579501|cedula\.pdf/);
    expect(DOCUMENT_UPLOAD_LIMIT).toEqual({ limit: 20, windowSeconds: 3600 });
  });

  it('lets another channel (WhatsApp media fetched by id) feed the same intake through a reader per channel', async () => {
    const media = new Map([['wamid-media-1', { bytes: await makePdf(), contentType: 'application/pdf', name: 'cedula.pdf' }]]);
    const whatsapp: AttachmentReader = async (attachment) => (attachment.contentUrl ? media.get(attachment.contentUrl) : undefined);
    const readAttachment = readerByChannel({ directline: directLineReader(uploads), whatsapp });
    const intake = service({ readAttachment });
    const fromWhatsapp = await intake.receive({
      afiliadoId: carlosId,
      purpose: 'cedula',
      attachment: { contentType: 'application/pdf', contentUrl: 'wamid-media-1' },
      conversation: { channelId: 'whatsapp', conversationId: '593991234504' },
    });
    const fromTeams = await intake.receive({
      afiliadoId: carlosId,
      purpose: 'cedula',
      attachment: { contentType: 'application/pdf', contentUrl: 'wamid-media-1' },
      conversation: { channelId: 'msteams', conversationId: 'x' },
    });
    expect([fromWhatsapp.ok, fromTeams]).toEqual([true, { ok: false, message: UNREADABLE_ATTACHMENT_MESSAGE }]);
  });
});

describe('document store functions', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
  });
  afterEach(async () => db.dispose());

  it.each<[string, string | undefined, string]>([
    ['a path that climbs folders', '../../x.pdf', 'x.pdf'],
    ['a Windows path', 'C:\\Users\\carlos\\cédula.jpg', 'cédula.jpg'],
    ['a right-to-left override', 'fdp\u202e.exe', 'fdp.exe'],
    ['control characters', 'a\u0000b\nc.pdf', 'abc.pdf'],
    ['only dots', '..', 'documento'],
    ['an empty name', '', 'documento'],
    ['no name at all', undefined, 'documento'],
    ['a 254-character name', `${'n'.repeat(250)}.pdf`, 'n'.repeat(200)],
  ])('cleans the client file name: %s', (_label, name, expected) => {
    expect(cleanDocumentName(name)).toBe(expected);
  });

  it("attaches to a case only the citizen's own documents not yet in a case, and finds only their own", async () => {
    const people = await db.prisma.afiliado.findMany({
      where: { cedula: { in: ['1849579501', '1002136172'] } },
      orderBy: { cedula: 'desc' },
    });
    const [carlos, patricia] = people;
    const doc = (afiliadoId: string, storageKey: string) =>
      db.prisma.document.create({
        data: { afiliadoId, tipo: 'cedula', nombreOriginal: 'c.pdf', mediaType: 'application/pdf', size: 1, sha256: 'x', storageKey },
      });
    const mine = await doc(carlos.id, 'k1');
    const theirs = await doc(patricia.id, 'k2');
    const kase = await db.prisma.case.findFirstOrThrow({ where: { afiliadoId: patricia.id } });
    const own = await db.prisma.case.create({
      data: { numero: 'RI-2026-999999', tipo: 'REINSERCION', estado: 'RECIBIDO', afiliadoId: carlos.id },
    });
    expect(await attachDocumentsToCase(db.prisma, { afiliadoId: carlos.id, caseId: own.id, documentIds: [mine.id, theirs.id] })).toBe(1);
    expect(await attachDocumentsToCase(db.prisma, { afiliadoId: carlos.id, caseId: kase.id, documentIds: [mine.id] })).toBe(0);
    expect(await attachDocumentsToCase(db.prisma, { afiliadoId: carlos.id, caseId: own.id, documentIds: [] })).toBe(0);
    expect(await findCitizenDocument(db.prisma, { afiliadoId: carlos.id, documentId: mine.id })).toMatchObject({
      id: mine.id,
      caseId: own.id,
      tipo: 'cedula',
    });
    expect(await findCitizenDocument(db.prisma, { afiliadoId: carlos.id, documentId: theirs.id })).toBeUndefined();
  });
});
