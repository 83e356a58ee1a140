import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SmtpMailer } from '../../bot/mail/mailer';
import { OutboxWorker } from '../../bot/mail/outboxWorker';
import { createLogger } from '../../bot/logger';
import { enqueueEmail } from '../../prisma/store/outbox';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmtpServer } from '../mail/smtpTestServer';

const FROM = 'IESS Asistente Virtual <no-responder@iess.gob.ec>';
const MESSAGE = { to: 'ana.perez@example.ec', subject: 'Prueba', text: 'Texto', html: '<p>Texto</p>' };

describe('stopping while an SMTP server hangs', () => {
  let db: TestDatabase;
  let silent: net.Server;
  const sockets: net.Socket[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    // Accepts connections and never says a word: the SMTP greeting never comes.
    silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
    await db.dispose();
  });

  it('gives the lease back on stop, so another instance sends the message at once and nothing is lost', async () => {
    await enqueueEmail(db.prisma, { message: MESSAGE, now: new Date() });
    const lines: string[] = [];
    const hanging = new SmtpMailer(`smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, {
      connectionMs: 1500,
      greetingMs: 1500,
      socketMs: 1500,
    });
    const stopping = new OutboxWorker({
      prisma: db.prisma,
      mailer: hanging,
      from: FROM,
      logger: createLogger('warn', (l) => lines.push(l)),
    });
    const batch = stopping.runOnce();
    while (sockets.length === 0) await new Promise((r) => setTimeout(r, 20));
    const leased = await db.prisma.outboxEmail.findFirstOrThrow();
    expect(leased.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 60_000); // the 300 s lease

    await stopping.stop({ timeoutMs: 300 });
    const released = await db.prisma.outboxEmail.findFirstOrThrow();
    expect({ estado: released.estado, attempts: released.attempts }).toEqual({ estado: 'PENDIENTE', attempts: 0 });
    expect(released.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(lines.map((l) => JSON.parse(l) as { event: string; released: number })).toEqual([
      expect.objectContaining({ event: 'outbox.leases_released', released: 1 }),
    ]);

    const smtp = await startSmtpServer();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { connectionMs: 2000, greetingMs: 2000, socketMs: 5000 });
    const other = new OutboxWorker({ prisma: db.prisma, mailer, from: FROM, logger: createLogger('error', () => undefined) });
    try {
      expect(await other.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(smtp.received.map((m) => m.subject)).toEqual(['Prueba']);
    } finally {
      for (const socket of sockets.splice(0)) socket.destroy();
      await batch.catch(() => undefined);
      await hanging.close();
      await mailer.close();
      await smtp.close();
    }
  }, 30_000);
});
