import net from 'node:net';
import { SmtpMailer, outboxMessageId } from '../../bot/mail/mailer';
import { OutboxWorker } from '../../bot/mail/outboxWorker';
import { silentLogger } from '../../bot/logger';
import { enqueueEmail, getOutboxCounts } from '../../prisma/store/outbox';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmtpServer, type TestSmtpServer } from './smtpTestServer';

/**
 * A loopback TCP relay in front of the SMTP test server that cuts both connections the first time the server
 * answers the end of DATA: the server has accepted the message, the client never hears it (a lost acknowledgement).
 */
async function startAckDropper(target: number): Promise<{ port: number; close(): Promise<void> }> {
  let dropped = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    let dataEnded = false;
    client.on('data', (chunk: Buffer) => {
      if (chunk.toString('latin1').includes('\r\n.\r\n')) dataEnded = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!dropped && dataEnded && /^250 /m.test(chunk.toString('latin1'))) {
        dropped = true;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('an SMTP acknowledgement lost after DATA was accepted', () => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
    await db.dispose();
  });

  it('is retried by the worker, and both copies carry the same Message-ID of the outbox row', async () => {
    const relay = await startAckDropper(smtp.port);
    let now = new Date('2026-03-02T15:00:00.000Z').getTime();
    const clock = (): Date => new Date(now);
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${relay.port}`, { connectionMs: 2000, greetingMs: 2000, socketMs: 5000 });
    const worker = new OutboxWorker({ prisma: db.prisma, mailer, from: 'IESS <no-responder@iess.gob.ec>', logger: silentLogger, clock });
    try {
      await enqueueEmail(db.prisma, {
        message: { to: 'ana.perez@example.ec', subject: 'Asunto', text: 'Cuerpo', html: '<p>Cuerpo</p>' },
        now: clock(),
      });
      const row = await db.prisma.outboxEmail.findFirstOrThrow();
      expect(await worker.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      now += 3600 * 1000;
      expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(smtp.received).toHaveLength(2);
      const ids = smtp.received.map((mail) => mail.messageId);
      expect(ids).toEqual([outboxMessageId(row.id), outboxMessageId(row.id)]);
      expect(ids[0]).toBe(`<outbox-${row.id}@iess.gob.ec>`);
      expect(await getOutboxCounts(db.prisma)).toMatchObject({ ENVIADO: 1 });
    } finally {
      await worker.stop();
      await mailer.close();
      await relay.close();
    }
  });
});
