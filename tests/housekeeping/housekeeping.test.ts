import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { Housekeeping, type RetentionSettings } from '../../bot/housekeeping';
import { silentLogger } from '../../bot/logger';
import { REDACTED_BODY } from '../../prisma/store/outbox';
import { seedDemoData } from '../../prisma/store/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const RETENTION: RetentionSettings = {
  sessionIdleMinutes: 15,
  recoveryBlockHours: 24,
  outboxRetentionDays: 30,
  unfiledDocumentHours: 24,
  transcriptRetentionDays: 7,
  conversationStateRetentionDays: 7,
};

describe('housekeeping', () => {
  let db: TestDatabase;
  let root: string;
  let documents: LocalFolderStorage;
  let attachments: LocalFolderStorage;
  let clock: Date;

  function job(): Housekeeping {
    return new Housekeeping({
      prisma: db.prisma,
      documentsRoot: path.join(root, 'documentos'),
      attachmentsRoot: path.join(root, 'directline'),
      retention: RETENTION,
      intervalMinutes: 60,
      logger: silentLogger,
      clock: () => clock,
    });
  }

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-hk-'));
    documents = new LocalFolderStorage(path.join(root, 'documentos'));
    attachments = new LocalFolderStorage(path.join(root, 'directline'));
    clock = NOW;
  });
  afterEach(async () => {
    await db.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('runs once per period across instances, and a crashed holder only delays the next run until its lease ends', async () => {
    const [a, b] = [job(), job()];
    const first = await Promise.all([a.runIfDue(), b.runIfDue()]);
    expect(first.filter((r) => r !== undefined)).toHaveLength(1);
    clock = new Date(NOW.getTime() + 30 * 60_000);
    expect(await Promise.all([a.runIfDue(), b.runIfDue()])).toEqual([undefined, undefined]);
    clock = new Date(NOW.getTime() + 60 * 60_000);
    expect((await Promise.all([a.runIfDue(), b.runIfDue()])).filter((r) => r !== undefined)).toHaveLength(1);

    // An instance died holding the lease: nobody runs until the lease ends, then one does.
    await db.prisma.jobLease.update({
      where: { name: 'housekeeping' },
      data: { holder: 'muerto', nextRunAt: clock, leaseUntil: new Date(clock.getTime() + 30 * 60_000) },
    });
    expect(await a.runIfDue()).toBeUndefined();
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(await b.runIfDue()).toBeDefined();
    const lease = await db.prisma.jobLease.findUniqueOrThrow({ where: { name: 'housekeeping' } });
    expect(JSON.parse(lease.lastResult ?? '{}')).toHaveProperty('rateCounters');
  });

  it('deletes each kind of data past its retention and keeps what is still needed', async () => {
    const p = db.prisma;
    const afiliado = await p.afiliado.findFirstOrThrow({ where: { cedula: '0939336715' } });
    const filedCase = await p.case.findFirstOrThrow();
    const token = (id: string, expiresAt: Date) => ({ tokenHash: id, expiresAt });
    await p.recoveryToken.createMany({
      data: [
        { ...token('rt-old', ago(2 * DAY)), afiliadoId: afiliado.id, email: 'a@iess.gob.ec' },
        { ...token('rt-recent', ago(HOUR)), afiliadoId: afiliado.id, email: 'a@iess.gob.ec' },
      ],
    });
    await p.signInLink.createMany({
      data: [
        { ...token('sl-old', ago(2 * DAY)), conversationKey: 'directline:c', reference: '{}' },
        { ...token('sl-valid', new Date(NOW.getTime() + HOUR)), conversationKey: 'directline:c', reference: '{}' },
      ],
    });
    await p.citizenSession.create({ data: { conversationKey: 'directline:old', afiliadoId: afiliado.id, lastSeenAt: ago(2 * DAY) } });
    await p.citizenSession.create({ data: { conversationKey: 'directline:new', afiliadoId: afiliado.id, lastSeenAt: ago(5 * 60_000) } });

    const mail = { to: 'a@iess.gob.ec', subject: 's', text: 'cuerpo con enlace', html: '<p>enlace</p>' };
    await p.outboxEmail.createMany({
      data: [
        { ...mail, id: 'm-old-sent', estado: 'ENVIADO', createdAt: ago(40 * DAY), text: REDACTED_BODY, html: REDACTED_BODY },
        { ...mail, id: 'm-new-sent', estado: 'ENVIADO', createdAt: ago(DAY) },
        { ...mail, id: 'm-old-pending', estado: 'PENDIENTE', createdAt: ago(40 * DAY) },
      ],
    });

    const doc = async (id: string, createdAt: Date, caseId?: string) => {
      const storageKey = await documents.save(Buffer.from(id));
      await p.document.create({
        data: {
          id,
          afiliadoId: afiliado.id,
          caseId,
          tipo: 'cedula',
          nombreOriginal: 'c.jpg',
          mediaType: 'image/jpeg',
          size: 1,
          sha256: 'x',
          storageKey,
          createdAt,
        },
      });
      return path.join(root, 'documentos', storageKey);
    };
    const oldUnfiled = await doc('d-old-unfiled', ago(2 * DAY));
    const newUnfiled = await doc('d-new-unfiled', ago(HOUR));
    const oldFiled = await doc('d-old-filed', ago(30 * DAY), filedCase.id);

    const conversation = async (id: string, createdAt: Date, lastActivity: Date) => {
      await p.dlConversation.create({ data: { id, userId: 'u', createdAt } });
      await p.dlActivity.create({
        data: { conversationId: id, seq: 1, json: '{"text":"0939336715"}', createdAt: lastActivity },
      });
      await p.dlToken.create({ data: { tokenHash: `t-${id}`, conversationId: id, expiresAt: new Date(NOW.getTime() + HOUR) } });
      const storageKey = await attachments.save(Buffer.from(id));
      await p.dlAttachment.create({
        data: { id: `a-${id}`, conversationId: id, name: 'f.pdf', contentType: 'application/pdf', size: 1, storageKey },
      });
      return path.join(root, 'directline', storageKey);
    };
    const oldFile = await conversation('dl-old', ago(10 * DAY), ago(9 * DAY));
    const liveFile = await conversation('dl-live', ago(10 * DAY), ago(DAY));
    await p.botState.createMany({
      data: [
        { key: 'directline/conversations/dl-old', data: '{}', etag: '1', updatedAt: ago(9 * DAY) },
        { key: 'directline/conversations/dl-live', data: '{}', etag: '1', updatedAt: ago(DAY) },
      ],
    });
    await p.rateCounter.createMany({
      data: [
        { key: 'old', windowStart: ago(3 * DAY), count: 1 },
        { key: 'new', windowStart: ago(HOUR), count: 1 },
      ],
    });
    await p.throttleState.createMany({
      data: [
        { key: 'old', failures: 3, nextAllowedAt: ago(3 * DAY), updatedAt: ago(3 * DAY) },
        { key: 'new', failures: 3, nextAllowedAt: ago(HOUR), updatedAt: ago(HOUR) },
      ],
    });

    await p.recoveryGuard.createMany({
      data: [
        { identificador: 'cero', fallos: 0, updatedAt: ago(HOUR) },
        { identificador: 'tres', fallos: 3, updatedAt: ago(30 * DAY) },
        { identificador: 'bloqueo-vencido', fallos: 5, bloqueadoEn: ago(25 * HOUR), updatedAt: ago(25 * HOUR) },
        { identificador: 'bloqueado', fallos: 5, bloqueadoEn: ago(HOUR), updatedAt: ago(HOUR) },
      ],
    });

    const counts = await job().runIfDue();

    expect(counts).toMatchObject({
      recoveryTokens: 1,
      signInLinks: 1,
      sessions: 1,
      emailBodies: 1,
      emails: 1,
      unfiledDocuments: 1,
      documentFiles: 1,
      directLineConversations: 1,
      attachmentFiles: 1,
      conversationState: 1,
      recoveryGuards: 2,
      rateCounters: 1,
      throttles: 1,
    });
    expect((await p.recoveryGuard.findMany({ orderBy: { identificador: 'asc' } })).map((g) => g.identificador)).toEqual([
      'bloqueado',
      'tres',
    ]);
    expect((await p.recoveryToken.findMany()).map((r) => r.tokenHash)).toEqual(['rt-recent']);
    expect((await p.signInLink.findMany()).map((r) => r.tokenHash)).toEqual(['sl-valid']);
    expect((await p.citizenSession.findMany()).map((r) => r.conversationKey)).toEqual(['directline:new']);
    const emails = await p.outboxEmail.findMany({ orderBy: { id: 'asc' } });
    expect(emails.map((e) => [e.id, e.text])).toEqual([
      ['m-new-sent', REDACTED_BODY],
      ['m-old-pending', 'cuerpo con enlace'],
    ]);
    expect((await p.document.findMany({ orderBy: { id: 'asc' } })).map((d) => d.id)).toEqual(['d-new-unfiled', 'd-old-filed']);
    expect([fs.existsSync(oldUnfiled), fs.existsSync(newUnfiled), fs.existsSync(oldFiled)]).toEqual([false, true, true]);
    expect((await p.dlConversation.findMany()).map((c) => c.id)).toEqual(['dl-live']);
    expect(await p.dlActivity.count({ where: { conversationId: 'dl-old' } })).toBe(0);
    expect(await p.dlToken.count({ where: { conversationId: 'dl-old' } })).toBe(0);
    expect([fs.existsSync(oldFile), fs.existsSync(liveFile)]).toEqual([false, true]);
    expect((await p.botState.findMany()).map((s) => s.key)).toEqual(['directline/conversations/dl-live']);
    expect((await p.rateCounter.findMany()).map((r) => r.key)).toEqual(['new']);
    expect((await p.throttleState.findMany()).map((r) => r.key)).toEqual(['new']);
  });
});
