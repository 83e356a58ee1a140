import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { renderSolicitudClavePdf } from '../../bot/documents/solicitudClavePdf';
import { registerDownloads } from '../../bot/downloads';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { createLogger } from '../../bot/logger';
import { createDownload } from '../../prisma/store/downloads';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { freePort } from '../helpers/server';

const START = new Date('2026-11-22T10:00:00-05:00');
const INVALID = 'Este enlace ya no es válido. Vuelva a pedir el documento en el chat.';

describe('GET /descargas/:token', () => {
  let db: TestDatabase;
  let server: restify.Server;
  let baseUrl: string;
  let folder: string;
  let storage: LocalFolderStorage;
  let now = START;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-downloads-'));
    storage = new LocalFolderStorage(folder);
    server = restify.createServer({ handleUncaughtExceptions: false });
    registerDownloads(server, { prisma: db.prisma, storage, clock: () => now, logger: createLogger('debug', (l) => logLines.push(l)) });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  beforeEach(() => {
    now = START;
  });

  async function grant(bytes: Buffer, nombre: string, ttlSeconds = 3600): Promise<string> {
    const created = await createDownload(db.prisma, {
      save: (b) => storage.save(b),
      bytes,
      nombre,
      mediaType: 'application/pdf',
      tipo: 'SOLICITUD_CLAVE',
      ttlSeconds,
      now,
    });
    return created.token;
  }

  async function expectInvalidPage(response: Response): Promise<string> {
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBeNull();
    const body = await response.text();
    expect(body).toContain(INVALID);
    return body;
  }

  it('serves the exact bytes as an attachment that is never cached', async () => {
    const pdf = await renderSolicitudClavePdf({
      numero: 'CL-2026-000001',
      fecha: START,
      nombres: 'María Fernanda',
      apellidos: 'Guamán Lema',
      identificacion: '1744180744',
      tipoIdentificacion: 'cedula',
      condicion: 'Afiliado(a) en relación de dependencia',
      email: 'maria.guaman@example.ec',
      telefono: '+593991234501',
      empleador: 'Textiles Andinos S.A.',
      documentos: ['Original y copia a color de la cédula.'],
      notas: [],
    });
    const token = await grant(pdf, 'Solicitud de clave – María (CL-2026-000001).pdf');
    const response = await fetch(`${baseUrl}/descargas/${token}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Solicitud de clave _ Maria (CL-2026-000001).pdf"; filename*=UTF-8''Solicitud%20de%20clave%20%E2%80%93%20Mar%C3%ADa%20%28CL-2026-000001%29.pdf`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('answers expired, unknown and malformed tokens with the same page', async () => {
    const token = await grant(Buffer.from('%PDF-1.3 x'), 'solicitud.pdf', 3600);
    now = new Date(START.getTime() + 59 * 60_000);
    expect((await fetch(`${baseUrl}/descargas/${token}`)).status).toBe(200);
    now = new Date(START.getTime() + 61 * 60_000);
    const expired = await expectInvalidPage(await fetch(`${baseUrl}/descargas/${token}`));
    const unknown = await expectInvalidPage(await fetch(`${baseUrl}/descargas/${Buffer.alloc(32, 1).toString('base64url')}`));
    const malformed = await expectInvalidPage(await fetch(`${baseUrl}/descargas/no-es-un-token`));
    expect(unknown).toBe(expired);
    expect(malformed).toBe(expired);
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('answers 500 without the file name when the stored bytes are gone', async () => {
    const created = await createDownload(db.prisma, {
      save: (b) => storage.save(b),
      bytes: Buffer.from('%PDF-1.3 y'),
      nombre: 'perdido.pdf',
      mediaType: 'application/pdf',
      tipo: 'SOLICITUD_CLAVE',
      ttlSeconds: 600,
      now,
    });
    const { storageKey } = await db.prisma.document.findUniqueOrThrow({ where: { id: created.documentId } });
    fs.rmSync(path.join(folder, storageKey));
    const response = await fetch(`${baseUrl}/descargas/${created.token}`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.text()).toContain('No pudimos entregar el documento');
    expect(logLines.join('\n')).not.toContain(created.token);
  });
});
