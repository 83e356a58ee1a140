import { SmtpMailer } from '../../bot/mail/mailer';
import { renderEmail } from '../../bot/mail/layout';
import { OutboxWorker } from '../../bot/mail/outboxWorker';
import { createLogger, silentLogger } from '../../bot/logger';
import { REDACTED_BODY, enqueueEmail, getOutboxCounts } from '../../prisma/store/outbox';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { freePort, startSmtpServer, type TestSmtpServer } from './smtpTestServer';

const FROM = 'IESS Asistente Virtual <no-responder@iess.gob.ec>';
const FAST = { connectionMs: 2000, greetingMs: 2000, socketMs: 5000 };

function fakeClock(start = '2026-03-02T15:00:00.000Z'): { now: () => Date; advance: (seconds: number) => void } {
  let current = new Date(start).getTime();
  return { now: () => new Date(current), advance: (seconds) => (current += seconds * 1000) };
}

function resetEmail(url = 'https://bot.example.ec/clave/nueva?t=TOKEN-UNICO') {
  const { text, html } = renderEmail({
    title: 'Restablecimiento de su clave',
    paragraphs: ['Estimada Ana Pérez:', 'Use este enlace una sola vez; caduca en 30 minutos.'],
    link: { label: 'Crear nueva clave', url },
  });
  return { to: 'ana.perez@example.ec', subject: 'Su clave del IESS – acción requerida', text, html };
}

describe('SMTP delivery through the outbox worker', () => {
  let db: TestDatabase;
  const servers: TestSmtpServer[] = [];
  const workers: OutboxWorker[] = [];
  const mailers: SmtpMailer[] = [];

  async function server(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
    const started = await startSmtpServer(options);
    servers.push(started);
    return started;
  }
  function mailer(url: string): SmtpMailer {
    const created = new SmtpMailer(url, FAST);
    mailers.push(created);
    return created;
  }
  function worker(options: Omit<ConstructorParameters<typeof OutboxWorker>[0], 'prisma' | 'from' | 'logger'>): OutboxWorker {
    const created = new OutboxWorker({ prisma: db.prisma, from: FROM, logger: silentLogger, ...options });
    workers.push(created);
    return created;
  }

  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(mailers.splice(0).map((m) => m.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await db.dispose();
  });

  it('delivers a queued message to a real SMTP server and redacts it', async () => {
    const smtp = await server();
    const clock = fakeClock();
    await enqueueEmail(db.prisma, { message: resetEmail(), now: clock.now() });
    const result = await worker({ mailer: mailer(`smtp://127.0.0.1:${smtp.port}`), clock: clock.now }).runOnce();
    expect(result).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('Su clave del IESS – acción requerida');
    expect(mail.from?.value[0]?.address).toBe('no-responder@iess.gob.ec');
    expect(Array.isArray(mail.to) ? undefined : mail.to?.value[0]?.address).toBe('ana.perez@example.ec');
    expect(mail.text).toContain('Estimada Ana Pérez:');
    expect(mail.text).toContain('https://bot.example.ec/clave/nueva?t=TOKEN-UNICO');
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain('href="https://bot.example.ec/clave/nueva?t=TOKEN-UNICO"');
    const row = await db.prisma.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ estado: 'ENVIADO', attempts: 0, text: REDACTED_BODY, html: REDACTED_BODY, sentAt: clock.now() });
  });

  it('authenticates with the credentials in the URL', async () => {
    const smtp = await server({ credentials: { user: 'bot', pass: 'p@ss:word' } });
    await mailer(`smtp://bot:${encodeURIComponent('p@ss:word')}@127.0.0.1:${smtp.port}`).send({ from: FROM, ...resetEmail() });
    expect(smtp.received).toHaveLength(1);
    await expect(mailer(`smtp://bot:mala@127.0.0.1:${smtp.port}`).send({ from: FROM, ...resetEmail() })).rejects.toThrow();
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps retrying through an outage and delivers exactly once when the server is back', async () => {
    const port = await freePort();
    const clock = fakeClock();
    const w = worker({ mailer: mailer(`smtp://127.0.0.1:${port}`), clock: clock.now, maxAttempts: 10 });
    await enqueueEmail(db.prisma, { message: resetEmail(), now: clock.now() });

    expect(await w.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    await w.drain();
    clock.advance(30);
    expect(await w.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await db.prisma.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ estado: 'PENDIENTE', attempts: 2 });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(row.text).toContain('TOKEN-UNICO');

    const smtp = await server({ port });
    expect(await w.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    clock.advance(60);
    await w.drain();
    await w.drain();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.text).toContain('TOKEN-UNICO');
    row = await db.prisma.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ estado: 'ENVIADO', attempts: 2, text: REDACTED_BODY });
    expect(await getOutboxCounts(db.prisma)).toEqual({ PENDIENTE: 0, ENVIADO: 1, FALLIDO: 0 });
  });

  it('gives up at once on a recipient the server rejects', async () => {
    const smtp = await server({ rejectRecipient: 'nadie@example.ec' });
    const clock = fakeClock();
    await enqueueEmail(db.prisma, { message: { ...resetEmail(), to: 'nadie@example.ec' }, now: clock.now() });
    const result = await worker({ mailer: mailer(`smtp://127.0.0.1:${smtp.port}`), clock: clock.now }).runOnce();
    expect(result).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await db.prisma.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ estado: 'FALLIDO', attempts: 1, text: REDACTED_BODY, html: REDACTED_BODY });
    expect(row.lastError).toMatch(/550/);
  });

  it('two workers on one database send each message once', async () => {
    const smtp = await server();
    const clock = fakeClock();
    for (let i = 0; i < 12; i += 1) {
      await enqueueEmail(db.prisma, { message: { ...resetEmail(), subject: `Aviso ${i}` }, now: clock.now() });
    }
    const url = `smtp://127.0.0.1:${smtp.port}`;
    const a = worker({ mailer: mailer(url), clock: clock.now, batchSize: 5 });
    const b = worker({ mailer: mailer(url), clock: clock.now, batchSize: 5 });
    await Promise.all([a.drain(), b.drain()]);
    const subjects = smtp.received.map((m) => m.subject);
    expect(subjects).toHaveLength(12);
    expect(new Set(subjects).size).toBe(12);
  });

  it('start() polls in the background and stop() ends it', async () => {
    const smtp = await server();
    const w = worker({ mailer: mailer(`smtp://127.0.0.1:${smtp.port}`), pollIntervalMs: 10 });
    w.start();
    await enqueueEmail(db.prisma, { message: resetEmail(), now: new Date() });
    await smtp.waitFor(1);
    await w.stop();
    expect((await getOutboxCounts(db.prisma)).ENVIADO).toBe(1);
  });

  it('logs a database failure without details and keeps polling', async () => {
    const lines: string[] = [];
    const w = new OutboxWorker({
      prisma: db.prisma,
      from: FROM,
      mailer: mailer('smtp://127.0.0.1:9'),
      logger: createLogger('info', (line) => lines.push(line)),
      pollIntervalMs: 5,
    });
    workers.push(w);
    await db.dispose();
    w.start();
    for (let i = 0; i < 200 && lines.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    await w.stop();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.event).toBe('outbox.batch_failed');
      expect(Object.keys(entry).every((key) => ['code', 'errorName', 'event', 'level', 'time'].includes(key))).toBe(true);
    }
  });
});
