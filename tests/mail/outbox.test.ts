import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import {
  REDACTED_BODY,
  backoffSeconds,
  claimDueEmails,
  enqueueEmail,
  getOutboxCounts,
  markEmailFailed,
  markEmailSent,
  type OutboxMessage,
} from '../../prisma/store/outbox';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const T0 = new Date('2026-03-02T15:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

function message(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    to: 'ana.perez@example.ec',
    subject: 'Restablecimiento de su clave',
    text: 'Enlace: https://bot.example/clave?t=SECRETO',
    html: '<p><a href="https://bot.example/clave?t=SECRETO">Cambiar</a></p>',
    ...overrides,
  };
}

describe('outbox store', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeEach(async () => {
    db = await createTestDatabase();
    prisma = db.prisma;
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, { message: message(), now: T0 });
        throw new Error('cambio de estado fallido');
      }),
    ).rejects.toThrow('cambio de estado fallido');
    expect(await prisma.outboxEmail.count()).toBe(0);
  });

  it('commits with the transaction and starts PENDIENTE, due now', async () => {
    await prisma.$transaction(async (tx) => {
      expect(await enqueueEmail(tx, { message: message(), now: T0 })).toBe(true);
    });
    const row = await prisma.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ estado: 'PENDIENTE', attempts: 0, nextAttemptAt: T0, sentAt: null });
  });

  it('ignores a repeated dedupKey, also inside a transaction that goes on', async () => {
    expect(await enqueueEmail(prisma, { message: message({ dedupKey: 'clave:1' }), now: T0 })).toBe(true);
    const second = await prisma.$transaction(async (tx) => {
      const inserted = await enqueueEmail(tx, { message: message({ dedupKey: 'clave:1', subject: 'otro' }), now: T0 });
      await enqueueEmail(tx, { message: message({ dedupKey: 'clave:2' }), now: T0 });
      return inserted;
    });
    expect(second).toBe(false);
    const rows = await prisma.outboxEmail.findMany({ orderBy: { dedupKey: 'asc' } });
    expect(rows.map((r) => [r.dedupKey, r.subject])).toEqual([
      ['clave:1', 'Restablecimiento de su clave'],
      ['clave:2', 'Restablecimiento de su clave'],
    ]);
  });

  it('claims only due messages and hides them for the lease', async () => {
    await enqueueEmail(prisma, { message: message({ subject: 'ahora' }), now: T0 });
    await enqueueEmail(prisma, { message: message({ subject: 'luego' }), now: at(60) });
    const first = await claimDueEmails(prisma, { now: T0, limit: 10, leaseSeconds: 120 });
    expect(first.map((e) => e.subject)).toEqual(['ahora']);
    expect(await claimDueEmails(prisma, { now: at(30), limit: 10, leaseSeconds: 120 })).toEqual([]);
    const later = await claimDueEmails(prisma, { now: at(90), limit: 10, leaseSeconds: 120 });
    expect(later.map((e) => e.subject)).toEqual(['luego']);
    const expired = await claimDueEmails(prisma, { now: at(120), limit: 10, leaseSeconds: 120 });
    expect(expired.map((e) => e.subject)).toEqual(['ahora']);
  });

  it('never hands the same message to two concurrent claimers', async () => {
    for (let i = 0; i < 20; i += 1) await enqueueEmail(prisma, { message: message({ subject: `m${i}` }), now: T0 });
    const other = createPrismaClient(db.url);
    try {
      const rounds = await Promise.all([
        claimDueEmails(prisma, { now: T0, limit: 15, leaseSeconds: 60 }),
        claimDueEmails(other, { now: T0, limit: 15, leaseSeconds: 60 }),
        claimDueEmails(prisma, { now: T0, limit: 15, leaseSeconds: 60 }),
      ]);
      const rest = await claimDueEmails(other, { now: T0, limit: 20, leaseSeconds: 60 });
      const ids = [...rounds.flat(), ...rest].map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(20);
      expect(await claimDueEmails(prisma, { now: T0, limit: 20, leaseSeconds: 60 })).toEqual([]);
    } finally {
      await other.$disconnect();
    }
  });

  it('a claimer that read stale candidates loses every row to the one that leased them first', async () => {
    for (let i = 0; i < 3; i += 1) await enqueueEmail(prisma, { message: message({ subject: `m${i}` }), now: T0 });
    let winner: Promise<unknown> = Promise.resolve();
    const slow = createPrismaClient(db.url).$extends({
      query: {
        outboxEmail: {
          async findMany({ args, query }) {
            const rows = await query(args);
            winner = claimDueEmails(prisma, { now: T0, limit: 10, leaseSeconds: 60 });
            await winner;
            return rows;
          },
        },
      },
    });
    try {
      const lost = await claimDueEmails(slow as unknown as PrismaClient, { now: T0, limit: 10, leaseSeconds: 60 });
      expect(lost).toEqual([]);
      expect(await winner).toHaveLength(3);
    } finally {
      await slow.$disconnect();
    }
  });

  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [5, 480],
    [6, 960],
    [7, 1920],
    [8, 3600],
    [9, 3600],
    [50, 3600],
  ])('after %i failed attempts waits %i s', (attempts, seconds) => {
    expect(backoffSeconds(attempts)).toBe(seconds);
  });

  it('reschedules with back-off, then gives up at maxAttempts and redacts', async () => {
    await enqueueEmail(prisma, { message: message(), now: T0 });
    const { id } = await prisma.outboxEmail.findFirstOrThrow();
    let now = T0;
    for (let attempt = 1; attempt < 4; attempt += 1) {
      const [claimed] = await claimDueEmails(prisma, { now, limit: 1, leaseSeconds: 10 });
      expect(claimed?.id).toBe(id);
      expect(await markEmailFailed(prisma, { id, now, error: 'ECONNREFUSED', maxAttempts: 4 })).toBe('retry');
      const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ estado: 'PENDIENTE', attempts: attempt, lastError: 'ECONNREFUSED' });
      expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(backoffSeconds(attempt) * 1000);
      expect(row.text).toContain('SECRETO');
      now = row.nextAttemptAt;
    }
    expect(await markEmailFailed(prisma, { id, now, error: 'x'.repeat(2000), maxAttempts: 4 })).toBe('failed');
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ estado: 'FALLIDO', attempts: 4, text: REDACTED_BODY, html: REDACTED_BODY });
    expect(row.lastError?.length).toBe(500);
    expect(await claimDueEmails(prisma, { now: at(86400), limit: 10, leaseSeconds: 10 })).toEqual([]);
  });

  it('marks sent, redacts the bodies and counts by state', async () => {
    await enqueueEmail(prisma, { message: message(), now: T0 });
    await enqueueEmail(prisma, { message: message(), now: T0 });
    await enqueueEmail(prisma, { message: message(), now: T0 });
    const [a, b] = await claimDueEmails(prisma, { now: T0, limit: 2, leaseSeconds: 60 });
    await markEmailSent(prisma, { id: a!.id, now: at(1) });
    await markEmailFailed(prisma, { id: b!.id, now: at(1), error: 'rechazado', maxAttempts: 1 });
    const sent = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: a!.id } });
    expect(sent).toMatchObject({ estado: 'ENVIADO', sentAt: at(1), text: REDACTED_BODY, html: REDACTED_BODY });
    expect(JSON.stringify(await prisma.outboxEmail.findMany({ where: { estado: { not: 'PENDIENTE' } } }))).not.toContain('SECRETO');
    expect(await getOutboxCounts(prisma)).toEqual({ PENDIENTE: 1, ENVIADO: 1, FALLIDO: 1 });
  });

  it('does not undo a delivery when a late failure is reported', async () => {
    await enqueueEmail(prisma, { message: message(), now: T0 });
    const [claimed] = await claimDueEmails(prisma, { now: T0, limit: 1, leaseSeconds: 60 });
    await markEmailSent(prisma, { id: claimed!.id, now: at(1) });
    await markEmailFailed(prisma, { id: claimed!.id, now: at(2), error: 'tarde', maxAttempts: 10 });
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: claimed!.id } })).toMatchObject({ estado: 'ENVIADO', attempts: 0 });
  });
});
