/**
 * Acceptance of issue 5 ("Done when") in headless Chromium, through the official Web Chat page of the real server:
 * José Luis Cedeño signs in and files a reliquidación, Carlos Toapanta files a reinserción with two attachments
 * sent with Web Chat's upload button (after a refused one), both see their cases in "Mis trámites", both e-mails are
 * in the outbox, and a double submission makes one case.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  CLARIFY_LABELS,
  DOCUMENTO,
  DOCUMENTO_NOMBRE,
  documentDescription,
  ESTADO_NOMBRE,
  FILING_NOTAS,
  filingConfirmationEmail,
  INGRESAR,
  MENU,
  MIS,
  MSG,
  REINSERCION,
  REINSERCION_BASE_LEGAL,
  REINSERCION_PRESENCIAL,
  RELIQ,
  SIGNIN,
  SIGNIN_MOTIVO,
} from '../../catalog';
import { refusalMessage } from '../../core/documents';
import type { FilingTypeName } from '../../core/ports';
import { maskEmail, maskIdentificacion } from '../../core/domain/masking';
import { DEMO_FIXTURE } from '../../prisma/store/seed';
import { chatButton, launchBrowser } from '../helpers/browser';
import { FIXED_NOW } from '../helpers/dialogHarness';
import { makeJpeg, makePdf, makePng, sha256 } from '../helpers/documentFiles';
import { startTestServer, type TestServer } from '../helpers/server';

/** A demo person as the fixture has them. */
interface DemoPerson {
  cedula: string;
  clave: string;
  nombres: string;
  apellidos: string;
  email: string;
  provincia: string;
  pensionTipo?: string;
}

function person(cedula: string): DemoPerson {
  const a = DEMO_FIXTURE.afiliados.find((x) => x.cedula === cedula);
  if (!a || !('clave' in a) || !a.clave || !a.email) throw new Error(`falta ${cedula} en el fixture`);
  return {
    cedula,
    clave: a.clave,
    nombres: a.nombres,
    apellidos: a.apellidos,
    email: a.email,
    provincia: a.provincia,
    pensionTipo: a.pension?.tipo,
  };
}
const JOSE = person('0939336715');
const CARLOS = person('1849579501');
/** Lifetime of the sign-in link, set on the server and quoted in the chat. */
const LINK_TTL_MINUTES = 10;
const DETALLE = 'Quiero volver a trabajar como bodeguero en una ferretería de Ambato, en horario de medio tiempo.';

/** Web Chat's own label (locale es-ES) for its send button. */
const WEBCHAT_SEND = 'Enviar';

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The texts of the bot's bubbles, as rendered, with whitespace flattened. */
function botTexts(page: Page): Promise<string[]> {
  return page.$$eval('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content', (nodes) =>
    nodes.map((n) => (n as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
  );
}

/** Waits until the bot has said `text` (a whole message) in the page. */
async function botSays(page: Page, text: string): Promise<void> {
  const wanted = flat(text);
  const deadline = Date.now() + 15_000;
  for (;;) {
    if ((await botTexts(page)).includes(wanted)) return;
    if (Date.now() > deadline) throw new Error(`el bot no dijo: ${wanted}\nDijo:\n${(await botTexts(page)).slice(-6).join('\n')}`);
    await page.waitForTimeout(100);
  }
}

/** Taps the newest suggested action (or card button) with that label. */
/** Waits `ms` milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function tap(page: Page, label: string): Promise<void> {
  await chatButton(page, label).click();
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  await box.press('Enter');
}

/** Chooses one file with Web Chat's upload button (its hidden file input) and sends it, as a citizen would. */
async function attach(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.locator('input.webchat__upload-button--file-input').setInputFiles({ name, mimeType, buffer });
  const attached = page.locator('.webchat__attachment-icon--checked');
  await attached.waitFor();
  const uploaded = page
    .waitForResponse((r) => new URL(r.url()).pathname.endsWith('/upload') && r.request().method() === 'POST', { timeout: 10_000 })
    .catch(() => {
      throw new Error(`Web Chat no envió ${name} al endpoint de subida de Direct Line (vea los errores de la página en la última prueba)`);
    });
  await page.getByRole('button', { name: WEBCHAT_SEND, exact: true }).click();
  expect((await uploaded).status()).toBe(200);
  await attached.waitFor({ state: 'detached' });
}

describe('issue 5 in headless Chromium: filing from the official Web Chat page', () => {
  let server: TestServer;
  let browser: Browser;
  let documentsDir: string;
  const problems: string[] = [];

  /** A fresh browser context (its own Direct Line conversation) with the chat open and greeted. */
  async function openChat(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    context.on('page', (p) => {
      p.on('pageerror', (e) => problems.push(`pageerror ${p.url()}: ${e.message}`));
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${p.url()}: ${m.text()}`);
      });
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await botSays(page, MSG.bienvenida);
    return { context, page };
  }

  /** Card button → the IESS page in a new tab → cédula and clave → "Listo" → back in the chat, signed in. */
  async function signIn(context: BrowserContext, page: Page, who: DemoPerson, motivo: string): Promise<void> {
    await botSays(page, SIGNIN.instrucciones(LINK_TTL_MINUTES, motivo));
    const opened = context.waitForEvent('page');
    await tap(page, SIGNIN.boton);
    const tab = await opened;
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/ingresar');
    await tab.getByLabel(INGRESAR.identificacion).fill(who.cedula);
    await tab.getByLabel(INGRESAR.clave, { exact: true }).fill(who.clave);
    await tab.getByRole('button', { name: INGRESAR.boton }).click();
    await tab.getByText(INGRESAR.exito).waitFor();
    await tab.close();
    await botSays(page, SIGNIN.listo(who.nombres));
  }

  /** Every message of every conversation, as the Direct Line channel stored it. */
  async function transcript(): Promise<Array<{ role: string; text: string }>> {
    const rows = await server.app.prisma.dlActivity.findMany();
    return rows
      .map((r) => JSON.parse(r.json) as { type: string; text?: string; from: { role?: string } })
      .filter((a) => a.type === 'message')
      .map((a) => ({ role: a.from.role ?? '', text: a.text ?? '' }));
  }

  /** The citizen's cases of one type, with their documents. */
  async function casesOf(who: DemoPerson, tipo: FilingTypeName) {
    const afiliado = await server.app.prisma.afiliado.findUniqueOrThrow({ where: { cedula: who.cedula } });
    return server.app.prisma.case.findMany({
      where: { afiliadoId: afiliado.id, tipo },
      include: { documents: { orderBy: { tipo: 'asc' } } },
    });
  }

  /** Waits for the case the citizen files from the chat, and checks it is the only one of its type. */
  async function filedCase(who: DemoPerson, tipo: FilingTypeName) {
    const deadline = Date.now() + 15_000;
    let cases = await casesOf(who, tipo);
    while (cases.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      cases = await casesOf(who, tipo);
    }
    expect(cases).toHaveLength(1);
    return cases[0];
  }

  /** The confirmation e-mail in the outbox folder (.eml) and its row, sent by the worker. */
  /** The citizen opens "Mis trámites" and sees the one new case, received today; its confirmation e-mail is in the outbox. */
  async function seesNewCaseAndEmail(page: Page, who: DemoPerson, tipo: FilingTypeName, numero: string): Promise<void> {
    await tap(page, MENU.misTramites);
    await botSays(page, MIS.lista([{ numero, tipo, estado: 'RECIBIDO', fecha: FIXED_NOW, nota: FILING_NOTAS.recibido }], 1));
    await expectConfirmationEmail(who, tipo, numero);
  }

  async function expectConfirmationEmail(who: DemoPerson, tipo: FilingTypeName, numero: string): Promise<void> {
    const content = filingConfirmationEmail({ tipo, nombres: who.nombres, numero, fecha: FIXED_NOW, pensionTipo: who.pensionTipo });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const files = fs.existsSync(server.outboxDir) ? fs.readdirSync(server.outboxDir).filter((f) => f.endsWith('.eml')) : [];
      const mails = await Promise.all(files.map(async (f) => simpleParser(fs.readFileSync(path.join(server.outboxDir, f)))));
      const mail = mails.find((m) => m.subject === content.subject);
      if (mail) {
        expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(who.email);
        expect(flat(mail.text ?? '')).toContain(flat(content.paragraphs[1]));
        break;
      }
      if (Date.now() > deadline) throw new Error(`no llegó al outbox: ${content.subject}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const rows = await server.app.prisma.outboxEmail.findMany({ where: { subject: content.subject } });
    expect(rows.map((r) => [r.to, r.estado])).toEqual([[who.email, 'ENVIADO']]);
  }

  beforeAll(async () => {
    documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-filing-'));
    server = await startTestServer({
      clock: () => FIXED_NOW,
      env: { DOCUMENTS_DIR: documentsDir, SIGNIN_LINK_TTL_MINUTES: String(LINK_TTL_MINUTES) },
    });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (documentsDir) fs.rmSync(documentsDir, { recursive: true, force: true });
  });

  it('José Luis Cedeño signs in, files a reliquidación once (double click, then again), gets the e-mail and sees it in "Mis trámites"', async () => {
    const { context, page } = await openChat();
    await tap(page, MENU.solicitud);
    await botSays(page, MSG.solicitudQue);
    await tap(page, CLARIFY_LABELS.reliquidacion);
    await signIn(context, page, JOSE, SIGNIN_MOTIVO.reliquidacion);
    await botSays(
      page,
      RELIQ.resumen({
        nombres: JOSE.nombres,
        apellidos: JOSE.apellidos,
        identificacionMasked: maskIdentificacion(JOSE.cedula),
        tipoIdentificacion: 'cedula',
        pensionTipo: JOSE.pensionTipo,
        maskedEmail: maskEmail(JOSE.email),
      }),
    );
    await botSays(page, RELIQ.confirmar);
    await chatButton(page, RELIQ.si).dblclick();

    const kase = await filedCase(JOSE, 'RELIQUIDACION');
    expect(kase.numero).toMatch(/^RL-2026-\d{6}$/);
    await botSays(page, RELIQ.presentada(kase.numero, maskEmail(JOSE.email)));
    // Web Chat posts the second tap only after the first one's turn, and on a slow machine it may hide the buttons
    // before the second click lands: then the citizen sends the second "Sí" by typing it. Either way two arrive.
    const taps = async (): Promise<number> => (await transcript()).filter((m) => m.role === 'user' && m.text === RELIQ.si).length;
    const waitForTaps = async (ms: number): Promise<void> => {
      for (const deadline = Date.now() + ms; (await taps()) < 2 && Date.now() < deadline;) await sleep(100);
    };
    await waitForTaps(3_000);
    if ((await taps()) < 2) await send(page, RELIQ.si);
    await waitForTaps(10_000);
    const said = await transcript();
    expect(said.filter((m) => m.role === 'user' && m.text === RELIQ.si)).toHaveLength(2);
    expect(said.filter((m) => m.text.includes(kase.numero))).toHaveLength(1);

    await tap(page, MENU.solicitud);
    await tap(page, CLARIFY_LABELS.reliquidacion);
    await botSays(page, RELIQ.casoAbierto(kase.numero, ESTADO_NOMBRE.RECIBIDO));
    expect((await filedCase(JOSE, 'RELIQUIDACION')).id).toBe(kase.id);

    await seesNewCaseAndEmail(page, JOSE, 'RELIQUIDACION', kase.numero);
    await page.screenshot({ path: '/tmp/iess-filing-jose.png', fullPage: true });
    await context.close();
  }, 60_000);

  it('Carlos Toapanta files a reinserción: a PNG named .jpg is refused, a JPEG cédula and a PDF solicitud are kept', async () => {
    const { context, page } = await openChat();
    await tap(page, MENU.solicitud);
    await tap(page, CLARIFY_LABELS.reinsercion);
    await signIn(context, page, CARLOS, SIGNIN_MOTIVO.reinsercion);
    await botSays(page, [REINSERCION.intro(CARLOS.nombres), REINSERCION.necesitara(DOCUMENTO_NOMBRE.cedula)].join('\n'));
    await botSays(page, REINSERCION_PRESENCIAL);
    await botSays(page, REINSERCION.pedirProvincia);
    await tap(page, CARLOS.provincia);
    await botSays(page, REINSERCION.pedirDetalle);
    await send(page, DETALLE);
    await botSays(page, [REINSERCION.pedidoCedula, DOCUMENTO.comoAdjuntar, DOCUMENTO.reglas].join('\n'));

    await attach(page, 'cedula.jpg', 'image/jpeg', makePng());
    await botSays(page, refusalMessage({ ok: false, problem: 'UNSUPPORTED_TYPE', detected: 'png' }, 'cedula.jpg'));
    const jpeg = makeJpeg(1200, 900);
    await attach(page, 'cedula.jpg', 'image/jpeg', jpeg);
    await botSays(page, [REINSERCION.pedidoSolicitud, DOCUMENTO.comoAdjuntar, DOCUMENTO.reglas].join('\n'));
    const pdf = await makePdf();
    await attach(page, 'solicitud.pdf', 'application/pdf', pdf);
    await botSays(page, REINSERCION.confirmar);
    await botSays(
      page,
      REINSERCION.resumen({
        nombre: `${CARLOS.nombres} ${CARLOS.apellidos}`,
        identificacion: maskIdentificacion(CARLOS.cedula),
        provincia: CARLOS.provincia,
        detalle: DETALLE,
        documentos: [DOCUMENTO_NOMBRE.cedula, DOCUMENTO_NOMBRE.solicitud],
      }),
    );
    await tap(page, REINSERCION.si);

    const kase = await filedCase(CARLOS, 'REINSERCION');
    expect(kase.numero).toMatch(/^RI-2026-\d{6}$/);
    expect([kase.provincia, kase.detalle]).toEqual([CARLOS.provincia, DETALLE]);
    await botSays(page, REINSERCION.presentada(kase.numero, maskEmail(CARLOS.email)));
    await botSays(page, [REINSERCION.seguimiento, REINSERCION_BASE_LEGAL].join('\n'));

    const documents = kase.documents;
    expect(documents.map((d) => [d.tipo, d.mediaType, d.nombreOriginal])).toEqual([
      ['cedula', 'image/jpeg', 'cedula.jpg'],
      ['solicitud', 'application/pdf', 'solicitud.pdf'],
    ]);
    for (const d of documents) {
      expect(d.storageKey).toMatch(/^[a-f0-9]{2}\/[a-f0-9]{32}$/);
      const stored = fs.readFileSync(path.join(documentsDir, 'documentos', d.storageKey));
      expect([d.size, d.sha256]).toEqual([stored.length, sha256(stored)]);
    }
    expect(documents[1]).toMatchObject({ size: pdf.length, sha256: sha256(pdf) });
    const [cedula, solicitud] = documents;
    await botSays(
      page,
      DOCUMENTO.recibido(
        documentDescription('cedula', {
          ok: true,
          kind: 'jpeg',
          mediaType: 'image/jpeg',
          bytes: jpeg,
          size: cedula.size,
          sha256: cedula.sha256,
          width: 1200,
          height: 900,
          safeName: '',
        }),
      ),
    );
    await botSays(
      page,
      DOCUMENTO.recibido(
        documentDescription('solicitud', {
          ok: true,
          kind: 'pdf',
          mediaType: 'application/pdf',
          bytes: pdf,
          size: solicitud.size,
          sha256: solicitud.sha256,
          pages: 1,
          safeName: '',
        }),
      ),
    );
    expect(await server.app.prisma.document.count({ where: { afiliadoId: kase.afiliadoId } })).toBe(2);
    const stored = fs
      .readdirSync(path.join(documentsDir, 'documentos'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    expect(stored.sort()).toEqual(documents.map((d) => d.storageKey.split('/')[1]).sort());
    const everyFile = fs
      .readdirSync(documentsDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    expect(everyFile.filter((n) => /cedula|solicitud|\.(jpg|pdf|png)$/i.test(n))).toEqual([]);

    await seesNewCaseAndEmail(page, CARLOS, 'REINSERCION', kase.numero);
    await page.screenshot({ path: '/tmp/iess-filing-carlos.png', fullPage: true });
    await context.close();
  }, 60_000);

  it('logged no script error, console error or warning in any page', () => {
    expect(problems).toEqual([]);
  });
});
