/**
 * The whole agent flow of issue 12 in real Chromium: a signed-in citizen in the official Web Chat asks for a person,
 * a fake-Teams agent takes the queue card, they chat both ways, the agent finds the citizen's case with the search
 * message extension and moves it to "requiere información"; the citizen reads the agent and then the notification
 * in the web chat, the e-mail is written by the outbox, and the audit table has every step.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HANDOFF, HANDOFF_AGENTE, INGRESAR, MENU, MSG, NOTIFICACIONES, SIGNIN, TIPO_NOMBRE } from '../../catalog';
import {
  postToBot,
  startFakeTeamsConnector,
  teamsCardAction,
  teamsChannelConversation,
  teamsInvoke,
  teamsMessage,
  type FakeTeamsConnector,
  type Json,
} from '../../simulators/teams/fakeConnector';
import { chatButton, launchBrowser } from '../helpers/browser';
import { DEMO_TEAMS_TENANT_ID, startTestServer, type TestServer } from '../helpers/server';
import { cardActions, STAFF } from '../teams/teamsDriver';

/** Wednesday 2 December 2026, 10:00 in Guayaquil (inside the default hours), moving on in real time. */
const START = new Date('2026-12-02T15:00:00Z').getTime();
const BOOT = Date.now();
const clock = (): Date => new Date(START + (Date.now() - BOOT));
const QUEUE_CHANNEL = '19:cola-call-center@thread.tacv2';
/** Demo citizen 2314944220 (prisma/fixtures/demo-afiliados.json), owner of case RL-2026-000042 (en revisión). */
const DIEGO = { cedula: '2314944220', clave: 'Tsachila2014', nombres: 'Diego Fernando', email: 'diego.yanez@example.ec' };
const NUMERO = 'RL-2026-000042';
const andrea = STAFF.andrea;

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  await box.press('Enter');
}

/** Waits until an .eml file in `dir` contains every text (the outbox worker writes them). */
async function emlContaining(dir: string, texts: string[], timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    for (const file of files) {
      const body = fs.readFileSync(path.join(dir, file), 'utf8');
      if (texts.every((t) => body.includes(t))) return body;
    }
    if (Date.now() > until) throw new Error(`no e-mail containing ${JSON.stringify(texts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('whole agent flow: web chat in Chromium ↔ fake-Teams agent, case move, notification and e-mail', () => {
  let server: TestServer;
  let teams: FakeTeamsConnector;
  let browser: Browser;
  let context: BrowserContext;
  let chat: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    teams = await startFakeTeamsConnector();
    server = await startTestServer({
      clock,
      env: { TEAMS_HANDOFF_CHANNEL_ID: QUEUE_CHANNEL, TEAMS_HANDOFF_SERVICE_URL: teams.serviceUrl },
    });
    browser = await launchBrowser();
    context = await browser.newContext();
    chat = await context.newPage();
    chat.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    chat.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await chat.goto(`${server.baseUrl}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await teams?.close();
  });

  it('signs in, asks for a person, is attended, and is notified of the case move in the chat and by e-mail', async () => {
    const url = `${server.baseUrl}/api/messages`;
    // 1. The citizen signs in from the chat, on the IESS page in a new tab.
    await chat.getByText(MSG.bienvenida).first().waitFor({ timeout: 20_000 });
    await chatButton(chat, MENU.misTramites).click();
    const opened = context.waitForEvent('page');
    await chatButton(chat, SIGNIN.boton).click({ timeout: 15_000 });
    const signIn = await opened;
    await signIn.getByLabel(INGRESAR.identificacion).fill(DIEGO.cedula);
    await signIn.getByLabel(INGRESAR.clave, { exact: true }).fill(DIEGO.clave);
    await signIn.getByRole('button', { name: INGRESAR.boton }).click();
    await signIn.getByText(INGRESAR.exito).waitFor();
    await signIn.close();
    await chat.getByText(SIGNIN.listo(DIEGO.nombres)).first().waitFor({ timeout: 15_000 });

    // 2. In hours: queued, with the position.
    await send(chat, 'quiero hablar con un agente');
    await chat.getByText(HANDOFF.enCola(1)).first().waitFor({ timeout: 15_000 });

    // 3. The queue card in the call-centre channel shows the masked identification, never the cédula.
    const card = await teams.waitFor((r) => r.conversationId === QUEUE_CHANNEL && r.operation !== 'update');
    expect(JSON.stringify(card.activity)).toContain('23******20');
    expect(JSON.stringify(card.activity)).not.toContain(DIEGO.cedula);
    const take = cardActions(((card.activity.attachments as Json[])[0] as Json).content).find((a) => a.verb === 'handoff.tomar');
    const handoffId = String((take?.data as Json | undefined)?.handoffId ?? '');
    expect(handoffId).not.toBe('');
    const taken = await postToBot(
      url,
      teamsCardAction(
        teams.serviceUrl,
        andrea,
        'handoff.tomar',
        { handoffId },
        teamsChannelConversation(QUEUE_CHANNEL, DEMO_TEAMS_TENANT_ID),
      ),
    );
    expect(taken.body).toEqual(expect.objectContaining({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' }));
    await chat.getByText(HANDOFF.tomada(andrea.name)).first().waitFor({ timeout: 15_000 });
    const agentChat = teams.conversations.find((c) => JSON.stringify(c.request).includes(andrea.aadObjectId))?.id ?? '';
    expect(agentChat).not.toBe('');

    // 4. Both ways: the citizen's words reach the agent's chat, the agent's reach the web chat.
    await send(chat, 'Quiero saber cómo va mi reliquidación');
    await teams.waitFor(
      (r) => r.conversationId === agentChat && r.activity.text === HANDOFF_AGENTE.ciudadanoDice('Quiero saber cómo va mi reliquidación'),
    );
    expect((await postToBot(url, teamsMessage(teams.serviceUrl, andrea, 'Buenos días, reviso su trámite.'))).status).toBe(200);
    await chat.getByText(HANDOFF.agenteDice(andrea.name, 'Buenos días, reviso su trámite.')).first().waitFor({ timeout: 15_000 });

    // 5. The agent finds the case with the search message extension and moves it, with what is missing.
    const found = await postToBot(
      url,
      teamsInvoke(teams.serviceUrl, andrea, 'composeExtension/query', {
        commandId: 'buscarTramite',
        parameters: [{ name: 'busqueda', value: DIEGO.cedula }],
      }),
    );
    const results = ((found.body as Json).composeExtension as Json).attachments as Json[];
    const summary = results.find((a) => JSON.stringify(a.preview).includes(NUMERO))?.content;
    const view = cardActions(summary).find((a) => a.verb === 'caso.ver');
    const viewed = await postToBot(
      url,
      teamsCardAction(teams.serviceUrl, andrea, 'caso.ver', (view?.data as Json | undefined) ?? { numero: NUMERO }),
    );
    expect(viewed.body).toEqual(expect.objectContaining({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' }));
    const caseCard = (viewed.body as Json).value;
    const move = cardActions(caseCard).find((a) => a.verb === 'caso.mover' && (a.data as Json).hacia === 'REQUIERE_INFORMACION');
    expect(move).toBeDefined();
    const nota = 'Certificado de su último empleador con las fechas de trabajo.';
    const moved = await postToBot(url, teamsCardAction(teams.serviceUrl, andrea, 'caso.mover', { ...(move?.data as Json), nota }));
    expect(moved.body).toEqual(expect.objectContaining({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' }));
    expect((await server.app.prisma.case.findUniqueOrThrow({ where: { numero: NUMERO } })).estado).toBe('REQUIERE_INFORMACION');

    // 6. The citizen reads the notification in the open web chat, and the e-mail goes out once.
    const facts = { numero: NUMERO, tipo: TIPO_NOMBRE.RELIQUIDACION, estado: 'REQUIERE_INFORMACION' as const, nota };
    await server.app.notifications.worker.tick();
    const firstLine = NOTIFICACIONES.chat(facts).split('\n')[0];
    await chat.getByText(firstLine, { exact: false }).first().waitFor({ timeout: 15_000 });
    await chat.getByText(`Lo que falta: ${nota}`, { exact: false }).first().waitFor();
    const eml = await emlContaining(server.outboxDir, [`To: ${DIEGO.email}`, NUMERO]);
    expect(eml).not.toContain(DIEGO.clave);
    await server.app.notifications.worker.tick();
    const event = await server.app.prisma.caseEvent.findFirstOrThrow({ where: { nota } });
    const notices = await server.app.prisma.caseNotification.findMany({ where: { caseEventId: event.id }, orderBy: { canal: 'asc' } });
    expect(notices.map((n) => [n.canal, n.estado])).toEqual([
      ['chat:directline', 'ENVIADA'],
      ['email', 'ENVIADA'],
    ]);

    // 7. The agent ends; the bot asks once and resumes.
    await postToBot(url, teamsMessage(teams.serviceUrl, andrea, 'terminar'));
    await chat.getByText(HANDOFF.encuesta).first().waitFor({ timeout: 15_000 });
    await send(chat, '4');
    await chat.getByText(HANDOFF.gracias).first().waitFor({ timeout: 15_000 });
    await chat.screenshot({ path: '/tmp/iess-agent-flow.png', fullPage: true });

    // 8. Every step is in the audit table, with the agent.
    const staff = await server.app.prisma.staff.findFirstOrThrow({ where: { aadObjectId: andrea.aadObjectId } });
    const audit = await server.app.prisma.auditEntry.findMany({ where: { staffId: staff.id }, orderBy: { at: 'asc' } });
    const steps = audit.map((e) => `${e.action}:${e.outcome}`);
    expect(steps).toEqual(expect.arrayContaining(['handoff.take:ok', 'handoff.message:ok', 'case.move:ok', 'handoff.end:ok']));
    expect(audit.find((e) => e.action === 'case.move')).toMatchObject({ subjectType: 'case', subjectId: NUMERO });
    expect(JSON.stringify(audit)).not.toContain(DIEGO.clave);
  }, 120_000);

  it('logged no script or policy errors in the chat page', () => {
    expect(problems).toEqual([]);
  });
});
