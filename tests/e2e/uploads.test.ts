import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectLine, type Activity, type Attachment, type Message, type Signin } from 'botframework-directlinejs';
import type { Subscription } from 'rxjs/Subscription';
import {
  UNREADABLE_ATTACHMENT_MESSAGE,
  DOCUMENTO,
  DOCUMENTO_NOMBRE,
  INGRESAR,
  MSG,
  REINSERCION,
  REINSERCION_PRESENCIAL,
  SIGNIN,
  SIGNIN_MOTIVO,
} from '../../catalog';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { DEMO_FIXTURE } from '../../prisma/store/seed';
import { FIXED_NOW } from '../helpers/dialogHarness';
import { makeJpegWithExif, makeOversizedFile, makePdf, makePng, makeTextFile, makeTruncatedPdf } from '../helpers/documentFiles';
import { startTestServer, type TestServer } from '../helpers/server';
import { fetchAjax, NoWebSocket, waitFor } from '../directline/helpers';

const CARLOS = ((): { cedula: string; clave: string; nombres: string } => {
  const a = DEMO_FIXTURE.afiliados.find((x) => x.cedula === '1849579501');
  if (!a || !('clave' in a) || !a.clave) throw new Error('falta Carlos en el fixture');
  return { cedula: '1849579501', clave: a.clave, nombres: a.nombres };
})();
/** Lifetime of the sign-in link, set on the server and quoted in the chat. */
const LINK_TTL_MINUTES = 10;
const GPS = "GPS 1°14'S 78°37'W Ambato";

/** A Direct Line token for a new conversation, with the cookie the token endpoint sets for this "browser", if any. */
async function newConversation(baseUrl: string): Promise<{ token: string; conversationId: string; cookie: string }> {
  const res = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' });
  expect(res.status).toBe(200);
  const { token, conversationId } = (await res.json()) as { token: string; conversationId: string };
  return { token, conversationId, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}

describe('uploads from the chat over Direct Line (botframework-directlinejs), on the real server, after a real sign-in', () => {
  let server: TestServer;
  let documentsDir: string;
  let directLine: DirectLine;
  let subscription: Subscription;
  let chat: { token: string; conversationId: string; cookie: string };
  const received: Activity[] = [];

  const dataUrl = (bytes: Buffer, type: string): string => `data:${type};base64,${bytes.toString('base64')}`;
  const botMessages = (from = 0): Message[] =>
    received.slice(from).filter((a): a is Message => a.type === 'message' && a.from.role !== 'user');
  /** Posts an activity and returns the bot's `count` replies to it. */
  async function turnMessages(activity: Partial<Message>, count: number): Promise<Message[]> {
    const id = await new Promise<string>((resolve, reject) => {
      directLine
        .postActivity({ type: 'message', from: { id: 'carlos', role: 'user' }, ...activity } as Message)
        .subscribe({ next: resolve, error: reject });
    });
    return postedReplies(id, count);
  }
  const turn = async (activity: Partial<Message>, count: number): Promise<string[]> =>
    (await turnMessages(activity, count)).map((m) => m.text ?? '');
  function postedReplies(id: string, count: number): Promise<Message[]> {
    return waitFor(() => {
      const replies = botMessages().filter((m) => (m as Message & { replyToId?: string }).replyToId === id);
      return replies.length >= count ? replies : undefined;
    }, 15_000);
  }
  const upload = (bytes: Buffer, name: string, contentType: string, count: number): Promise<string[]> =>
    turn({ attachments: [{ contentType, contentUrl: dataUrl(bytes, contentType), name }] }, count);
  /** Posts JSON straight to the activities route, as a client could with any attachment URL it likes. */
  async function postRaw(body: object, count: number): Promise<string[]> {
    const res = await fetch(`${server.baseUrl}/v3/directline/conversations/${chat.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${chat.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'carlos' }, ...body }),
    });
    expect(res.status).toBe(200);
    return (await postedReplies(((await res.json()) as { id: string }).id, count)).map((m) => m.text ?? '');
  }
  /** The journey's opening, the same whether it comes as replies or, after sign-in, proactively. */
  const OPENING = [
    [REINSERCION.intro(CARLOS.nombres), REINSERCION.necesitara(DOCUMENTO_NOMBRE.cedula)].join('\n'),
    REINSERCION_PRESENCIAL,
    REINSERCION.pedirProvincia,
  ];
  /** Province and detail, up to the request for the cédula. */
  async function answerForm(): Promise<void> {
    expect(await turn({ text: 'Tungurahua' }, 1)).toEqual([REINSERCION.pedirDetalle]);
    expect(await turn({ text: 'Quiero volver a trabajar como bodeguero en Ambato.' }, 1)).toEqual([
      [REINSERCION.pedidoCedula, DOCUMENTO.comoAdjuntar, DOCUMENTO.reglas].join('\n'),
    ]);
  }

  beforeAll(async () => {
    documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-uploads-'));
    server = await startTestServer({
      clock: () => FIXED_NOW,
      env: { DOCUMENTS_DIR: documentsDir, SIGNIN_LINK_TTL_MINUTES: String(LINK_TTL_MINUTES) },
    });
    chat = await newConversation(server.baseUrl);
    directLine = new DirectLine({
      token: chat.token,
      domain: `${server.baseUrl}/v3/directline`,
      webSocket: false,
      pollingInterval: 200,
      ajax: fetchAjax as unknown as DirectLine['services']['ajax'],
      WebSocket: NoWebSocket as unknown as typeof WebSocket,
    });
    subscription = directLine.activity$.subscribe((activity) => received.push(activity));
    await waitFor(() => (botMessages().length > 0 ? true : undefined), 15_000);
  }, 60_000);
  afterAll(async () => {
    subscription?.unsubscribe();
    directLine?.end();
    await server?.stop();
    if (documentsDir) fs.rmSync(documentsDir, { recursive: true, force: true });
  });

  it('signs Carlos in on the /ingresar page from the card; the journey goes on by itself', async () => {
    const [card] = await turnMessages({ text: 'quiero la reinserción' }, 1);
    expect(card.text).toBe(SIGNIN.instrucciones(LINK_TTL_MINUTES, SIGNIN_MOTIVO.reinsercion));
    const link: unknown = (card.attachments ?? []).find(
      (a: Attachment): a is Signin => a.contentType === 'application/vnd.microsoft.card.signin',
    )?.content.buttons?.[0]?.value;
    expect(typeof link === 'string' && link.startsWith(`${server.baseUrl}/ingresar?t=`)).toBe(true);

    const mark = received.length;
    const page = await fetch(`${server.baseUrl}/ingresar`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(chat.cookie ? { Cookie: chat.cookie } : {}) },
      body: new URLSearchParams({
        t: new URL(String(link)).searchParams.get('t') ?? '',
        identificacion: CARLOS.cedula,
        clave: CARLOS.clave,
      }).toString(),
    });
    expect([page.status, (await page.text()).includes(INGRESAR.exito)]).toEqual([200, true]);
    const proactive = await waitFor(() => (botMessages(mark).length >= 4 ? botMessages(mark) : undefined), 15_000);
    expect(proactive.map((m) => m.text)).toEqual([SIGNIN.listo(CARLOS.nombres), ...OPENING]);
  });

  it('refuses a PNG renamed .jpg, a 1,048,577-byte file and a truncated PDF, saying why, then gives up with the alternative', async () => {
    await answerForm();
    expect((await upload(makePng(), 'cedula.jpg', 'image/jpeg', 1))[0]).toMatch(
      /^Su archivo termina en \.jpg, pero en realidad es una imagen PNG\./,
    );
    expect((await upload(makeOversizedFile(), 'cedula.pdf', 'application/pdf', 1))[0]).toMatch(
      /^Su archivo pesa 1025 KB y el máximo permitido es 1 MB/,
    );
    expect(await upload(await makeTruncatedPdf(), 'cedula.pdf', 'application/pdf', 4)).toEqual([
      expect.stringMatching(/^No pudimos abrir su PDF: está dañado o incompleto/),
      DOCUMENTO.sinDocumento('cedula', 'intentos'),
      REINSERCION.faltaDocumento('su cédula'),
      MSG.algoMas,
    ]);
    expect(await server.app.prisma.document.count()).toBe(0);
  });

  it("refuses a text file declared application/pdf, another conversation's file and an attachment without a link; files with two valid ones", async () => {
    expect(await turn({ text: 'quiero la reinserción' }, 3)).toEqual(OPENING);
    await answerForm();
    expect((await upload(makeTextFile('Cédula de Carlos\n'), 'cedula', 'application/pdf', 1))[0]).toMatch(
      /^Su archivo se envió como un PDF, pero en realidad es un archivo de texto\./,
    );

    const other = await newConversation(server.baseUrl);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await makePdf())], { type: 'application/pdf' }), 'ajeno.pdf');
    const uploaded = await fetch(`${server.baseUrl}/v3/directline/conversations/${other.conversationId}/upload?userId=otro`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${other.token}` },
      body: form,
    });
    expect(uploaded.status).toBe(200);
    const foreign = await server.app.prisma.dlAttachment.findFirstOrThrow({ where: { conversationId: other.conversationId } });
    const foreignUrl = `${server.baseUrl}/v3/directline/attachments/${foreign.id}`;
    expect(await postRaw({ attachments: [{ contentType: 'application/pdf', contentUrl: foreignUrl, name: 'ajeno.pdf' }] }, 1)).toEqual([
      UNREADABLE_ATTACHMENT_MESSAGE,
    ]);

    const pdf = await makePdf();
    expect(await upload(pdf, '../../x.pdf', 'application/pdf', 2)).toEqual([
      `Recibimos su cédula, en PDF de 1 página (${Math.ceil(pdf.length / 1024)} KB).`,
      expect.stringMatching(/^Ahora adjunte la solicitud de autorización/),
    ]);
    expect(await postRaw({ attachments: [{ contentType: 'image/jpeg', name: 'solicitud.jpg' }] }, 1)).toEqual([
      UNREADABLE_ATTACHMENT_MESSAGE,
    ]);
    const [recibido, resumen, confirmar] = await upload(makeJpegWithExif(GPS), 'solicitud.jpg', 'image/jpeg', 3);
    expect(recibido).toMatch(/^Recibimos su solicitud de autorización, en imagen JPG de 1200 × 900 píxeles/);
    expect(resumen).toMatch(/^Revise su solicitud de reinserción laboral:/);
    expect(confirmar).toBe(REINSERCION.confirmar);
    expect((await turn({ text: REINSERCION.si }, 2))[0]).toBe(REINSERCION.presentada('RI-2026-000001', 'c***@example.ec'));

    const kase = await server.app.prisma.case.findUniqueOrThrow({
      where: { numero: 'RI-2026-000001' },
      include: { documents: { orderBy: { tipo: 'asc' } } },
    });
    expect(kase.documents.map((d) => [d.tipo, d.nombreOriginal, d.mediaType])).toEqual([
      ['cedula', 'x.pdf', 'application/pdf'],
      ['solicitud', 'solicitud.jpg', 'image/jpeg'],
    ]);
    const storage = new LocalFolderStorage(path.join(documentsDir, 'documentos'));
    for (const d of kase.documents) {
      expect(d.storageKey).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
      const bytes = await storage.read(d.storageKey);
      expect([bytes.length, bytes.includes(GPS)]).toEqual([d.size, false]);
    }
    expect(fs.existsSync(path.join(documentsDir, 'x.pdf'))).toBe(false);
    expect(await server.app.prisma.document.count({ where: { caseId: null } })).toBe(0);
    expect((await server.app.prisma.outboxEmail.findMany()).map((m) => m.to)).toEqual(['carlos.toapanta@example.ec']);
  });
});
