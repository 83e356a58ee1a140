import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { createApplication, type Application } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { CLARIFY_LABELS, INGRESAR, MENU, MSG, RECUPERAR, RELIQ, SIGNIN } from '../../catalog';
import { maskEmail } from '../../core/domain/masking';
import { createPrismaClient } from '../../prisma/client';
import { seedDemoData } from '../../prisma/store/seed';
import { testRecognizer } from '../helpers/dialogHarness';
import { startNginx, type NginxBalancer } from '../helpers/nginx';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';
import { freePort } from '../helpers/server';
import { Chat, linkIn, submitSignIn } from '../signin/chat';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017', email: 'jose.cedeno@example.ec' };
const LUIS = '0713578797';
const SECRET = 'multi-instance-secret-0123456789abcdef';

/** One instance: the whole service (createApplication) on its own loopback port, its own folders, the shared database. */
interface Instance {
  app: Application;
  port: number;
  folder: string;
  /** Requests this instance served, by path. */
  served: string[];
}

/**
 * Loads the demo people once, before the instances start (as a deployment seeds once). The seed is one transaction
 * with Prisma's 5 s limit, which a heavily loaded machine can pass: a timed-out try leaves nothing, so it is retried.
 */
async function seedOnce(url: string): Promise<void> {
  const client = createPrismaClient(url);
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await seedDemoData(client, { scryptLogN: 10 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } finally {
    await client.$disconnect();
  }
}

describe('two instances behind nginx (round robin) on one PostgreSQL', () => {
  let cluster: PostgresCluster;
  let nginx: NginxBalancer;
  const instances: Instance[] = [];
  const texts = (activities: Activity[]): string[] => activities.map((a) => a.text ?? '');
  const servedBoth = (pathPart: string): boolean => instances.every((i) => i.served.some((p) => p.includes(pathPart)));
  const emails = (): string[] =>
    instances.flatMap((i) => {
      const dir = path.join(i.folder, 'outbox');
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
    });
  const until = async <T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const value = await check();
      if (value !== undefined) return value;
    }
    throw new Error('timed out');
  };
  const prisma = () => instances[0].app.prisma;

  beforeAll(async () => {
    cluster = await startPostgres();
    const url = await cluster.createMigratedDatabase('iess');
    await seedOnce(url);
    const ports = [await freePort(), await freePort()];
    const balancerPort = await freePort();
    const publicBaseUrl = `http://127.0.0.1:${balancerPort}`;
    for (const [index, port] of ports.entries()) {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), `iess-instance-${index}-`));
      const config = loadConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: url,
        SEED_DEMO: 'false',
        APP_SECRET: SECRET,
        PUBLIC_BASE_URL: publicBaseUrl,
        TRUSTED_PROXIES: '127.0.0.1',
        DOCUMENTS_DIR: folder,
        MAIL_OUTBOX_DIR: path.join(folder, 'outbox'),
      });
      const app = await createApplication(config, { logger: silentLogger, recognizer: testRecognizer(), scryptLogN: 10, outboxPollMs: 50 });
      const served: string[] = [];
      app.server.pre((req, _res, next) => {
        served.push(req.url ?? '');
        next();
      });
      await app.listen();
      instances.push({ app, port, folder, served });
    }
    nginx = await startNginx(ports, balancerPort);
  }, 240_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const instance of instances) {
      await instance.app.close();
      fs.rmSync(instance.folder, { recursive: true, force: true });
    }
    await cluster?.stop();
  }, 60_000);

  it('nginx alternates between the two instances', async () => {
    const before = instances.map((i) => i.served.length);
    for (let n = 0; n < 4; n += 1) expect((await fetch(`${nginx.baseUrl}/healthz`)).status).toBe(200);
    expect(instances.map((i, k) => i.served.length - before[k])).toEqual([2, 2]);
  });

  it('a web-chat conversation continues on either instance, each reply once', async () => {
    const chat = new Chat(nginx.baseUrl);
    expect(texts(await chat.start())).toEqual([MSG.bienvenida]);
    const replies = [];
    for (const text of ['requisitos para la reliquidación', 'teléfono del IESS', 'qué necesito para la reinserción laboral']) {
      replies.push(texts(await chat.say(text)));
    }
    expect(replies.every((r) => r.length > 0)).toBe(true);
    expect(servedBoth(`/conversations/${chat.id}/activities`)).toBe(true);
    const stored = (await chat.all()).filter((a) => a.type === 'message');
    const ids = stored.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stored.filter((a) => a.from.role === 'user')).toHaveLength(3);
  });

  it('a sign-in on the page continues the chat, and a reliquidación is filed once with one e-mail', async () => {
    const chat = new Chat(nginx.baseUrl);
    await chat.start();
    await chat.say(MENU.solicitud);
    const card = await chat.say(CLARIFY_LABELS.reliquidacion);
    const link = linkIn(card);
    expect(link.startsWith(`${nginx.baseUrl}/ingresar?t=`)).toBe(true);
    const page = await submitSignIn(link, { identificacion: JOSE.cedula, clave: JOSE.clave, cookie: chat.cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(INGRESAR.exito);
    // The instance that served the page continues the chat proactively: wait until the summary asks to confirm.
    const continued: string[] = [];
    await until(async () => {
      continued.push(...texts(await chat.poll()));
      return continued.includes(RELIQ.confirmar) ? true : undefined;
    });
    expect(continued[0]).toBe(SIGNIN.listo('José Luis'));
    expect(continued).toContain(RELIQ.confirmar);
    // The citizen answers "Sí" twice (a double tap): one case, one confirmation e-mail.
    const filed = texts(await chat.say(RELIQ.si));
    await chat.say(RELIQ.si);
    const afiliado = await prisma().afiliado.findUniqueOrThrow({ where: { cedula: JOSE.cedula } });
    const cases = await prisma().case.findMany({ where: { afiliadoId: afiliado.id, tipo: 'RELIQUIDACION' } });
    expect(cases).toHaveLength(1);
    expect(filed).toContain(RELIQ.presentada(cases[0].numero, maskEmail(JOSE.email)));
    const sent = await until(async () => {
      const rows = await prisma().outboxEmail.findMany({ where: { to: JOSE.email } });
      return rows.length > 0 && rows.every((r) => r.estado === 'ENVIADO') ? rows : undefined;
    });
    expect(sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(emails().filter((eml) => eml.includes(cases[0].numero))).toHaveLength(1);
    expect(await prisma().citizenSession.count({ where: { afiliadoId: afiliado.id } })).toBe(1);
  });

  it('five failed recovery passes on alternating instances block Luis once, with one e-mail', async () => {
    const endings: string[] = [];
    for (let pass = 0; pass < 5; pass += 1) {
      const chat = new Chat(nginx.baseUrl);
      await chat.start();
      await chat.say('olvidé mi clave');
      await chat.say(LUIS);
      let replies = await chat.say('1 de enero');
      for (let step = 0; step < 8 && !texts(replies).includes(MSG.algoMas); step += 1) {
        const offered = replies.flatMap((a) => a.suggestedActions?.actions ?? []);
        replies = await chat.say(offered.length > 0 ? String(offered[0].value) : 'nada');
      }
      endings.push(texts(replies)[0]);
    }
    expect(endings).toEqual([4, 3, 2, 1].map((n) => RECUPERAR.noCoincide(n)).concat([RECUPERAR.bloqueada]));
    expect(await prisma().recoveryGuard.findUnique({ where: { identificador: LUIS } })).toMatchObject({ fallos: 5 });
    const blocked = await until(async () => {
      const rows = await prisma().outboxEmail.findMany({ where: { to: 'luis.romero@example.ec' } });
      return rows.length > 0 && rows.every((r) => r.estado === 'ENVIADO') ? rows : undefined;
    });
    expect(blocked).toHaveLength(1);
    const sixth = new Chat(nginx.baseUrl);
    await sixth.start();
    await sixth.say('recuperar clave');
    expect(texts(await sixth.say(LUIS))).toEqual([RECUPERAR.bloqueada, MSG.algoMas]);
  });

  it('the limits are counted once for both instances, per browser, not per nginx address', async () => {
    const first = new Chat(nginx.baseUrl);
    await first.start();
    const statuses: number[] = [];
    for (let n = 0; n < 10; n += 1) {
      const res = await fetch(`${nginx.baseUrl}/api/directline/token`, { method: 'POST', headers: { Cookie: first.cookie ?? '' } });
      statuses.push(res.status);
    }
    // Ten new chats per browser and minute (the first chat included), whichever instance answers.
    expect(statuses.filter((s) => s === 200)).toHaveLength(9);
    expect(statuses[9]).toBe(429);
    // Another citizen behind the same address (nginx's, forwarded) is not held back.
    expect(texts(await new Chat(nginx.baseUrl).start())).toEqual([MSG.bienvenida]);
    expect(servedBoth('/api/directline/token')).toBe(true);
  });

  it('every e-mail was written once, by one instance', () => {
    const subjects = emails().map((eml) => /^Subject: (.*)$/m.exec(eml)?.[1] ?? '');
    expect(subjects.length).toBeGreaterThanOrEqual(2);
    const ids = emails().map((eml) => /^Message-ID: (.*)$/im.exec(eml)?.[1] ?? '');
    expect(new Set(ids).size).toBe(ids.length);
  });
});
