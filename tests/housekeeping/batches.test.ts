import { retentionCutoffs, type RetentionSettings } from '../../bot/housekeeping';
import { pruneExpiredData } from '../../prisma/store/housekeeping';
import { REDACTED_BODY } from '../../prisma/store/outbox';
import { pruneInBatches, type PruneTally } from '../../prisma/store/pruneBatches';
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
/** More rows past retention than two batches of BATCH, of every kind. */
const BATCH = 20;
const STALE = 45;
const range = (prefix: string, length = STALE) => Array.from({ length }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
/** Web-chat transcripts go a tenth of a batch a statement (2 here, with their activities): 5 take 3 statements. */
const TRANSCRIPTS = 5;

describe('pruneInBatches', () => {
  it('yields to the event loop between statements and stops at the budget', async () => {
    let ticks = 0;
    let ticking = true;
    const tick = (): void => {
      ticks += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    const tally: PruneTally = { counts: {}, batches: {} };
    // The step resolves at once, as better-sqlite3 does: only an explicit yield lets the ticker run.
    const left = [10, 10, 10, 10, 3];
    await pruneInBatches(tally, 'rows', { batch: 10, maxBatches: 4 }, (batch) => {
      seen.push(ticks);
      return Promise.resolve(Math.min(batch, left.shift() ?? 0));
    });
    await pruneInBatches(tally, 'rest', { batch: 10, maxBatches: 4 }, () => Promise.resolve(left.shift() ?? 0));
    ticking = false;
    expect(tally).toEqual({ counts: { rows: 40, rest: 3 }, batches: { rows: 4, rest: 1 } });
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? Infinity);
  });
});

describe('pruneExpiredData in batches', () => {
  let db: TestDatabase;
  const cut = retentionCutoffs(NOW, RETENTION);

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    const p = db.prisma;
    const afiliado = await p.afiliado.findFirstOrThrow({ where: { cedula: '0939336715' } });
    const filedCase = await p.case.findFirstOrThrow();
    const old = ago(40 * DAY);
    await p.recoveryToken.createMany({
      data: [...range('rt'), 'rt-keep'].map((tokenHash) => ({
        tokenHash,
        afiliadoId: afiliado.id,
        email: 'a@iess.gob.ec',
        expiresAt: tokenHash === 'rt-keep' ? ago(HOUR) : old,
      })),
    });
    await p.signInLink.createMany({
      data: [...range('sl'), 'sl-keep'].map((tokenHash) => ({
        tokenHash,
        conversationKey: 'directline:c',
        reference: '{}',
        expiresAt: tokenHash === 'sl-keep' ? new Date(NOW.getTime() + HOUR) : old,
      })),
    });
    const file = { afiliadoId: afiliado.id, tipo: 'cedula', nombreOriginal: 'c.jpg', mediaType: 'image/jpeg', size: 1, sha256: 'x' };
    await p.document.createMany({
      data: [
        ...range('doc').map((id) => ({ ...file, id, storageKey: `k-${id}`, createdAt: ago(2 * DAY) })),
        { ...file, id: 'doc-new', storageKey: 'k-doc-new', createdAt: ago(HOUR) },
        { ...file, id: 'doc-filed', storageKey: 'k-doc-filed', createdAt: old, caseId: filedCase.id },
        { ...file, id: 'doc-granted', storageKey: 'k-doc-granted', createdAt: old },
      ],
    });
    await p.downloadGrant.createMany({
      data: [
        ...range('dg').map((tokenHash) => ({ tokenHash, documentId: 'doc-filed', expiresAt: old })),
        // A valid link keeps its unfiled document; one expired within the grace goes with its document.
        { tokenHash: 'dg-keep', documentId: 'doc-granted', expiresAt: new Date(NOW.getTime() + HOUR) },
        { tokenHash: 'dg-grace', documentId: 'doc-00', expiresAt: ago(HOUR) },
      ],
    });
    await p.dlConversation.createMany({
      data: [...range('dl', TRANSCRIPTS), 'dl-live'].map((id) => ({ id, userId: 'u', createdAt: ago(10 * DAY) })),
    });
    await p.dlActivity.createMany({
      data: [...range('dl', TRANSCRIPTS), 'dl-live'].map((id) => ({
        conversationId: id,
        seq: 1,
        json: '{}',
        createdAt: id === 'dl-live' ? ago(DAY) : ago(9 * DAY),
      })),
    });
    await p.dlAttachment.createMany({
      data: ['dl-00', 'dl-04', 'dl-live'].map((id) => ({
        id: `a-${id}`,
        conversationId: id,
        name: 'f.pdf',
        contentType: 'application/pdf',
        size: 1,
        storageKey: `k-a-${id}`,
      })),
    });
    await p.dlToken.createMany({
      data: [...range('tk'), 'tk-keep'].map((tokenHash) => ({
        tokenHash,
        conversationId: 'dl-live',
        expiresAt: tokenHash === 'tk-keep' ? new Date(NOW.getTime() + HOUR) : old,
      })),
    });
    await p.citizenSession.createMany({
      data: [...range('cs'), 'cs-keep'].map((conversationKey) => ({
        conversationKey,
        afiliadoId: afiliado.id,
        lastSeenAt: conversationKey === 'cs-keep' ? ago(5 * 60_000) : ago(2 * DAY),
      })),
    });
    const mail = { to: 'a@iess.gob.ec', subject: 's' };
    const body = { text: 'cuerpo con enlace', html: '<p>enlace</p>' };
    const redacted = { text: REDACTED_BODY, html: REDACTED_BODY };
    await p.outboxEmail.createMany({
      data: [
        ...range('sent-old').map((id) => ({ ...mail, ...redacted, id, estado: 'ENVIADO' as const, createdAt: old })),
        ...range('sent-new').map((id) => ({ ...mail, ...body, id, estado: 'FALLIDO' as const, createdAt: ago(DAY) })),
        { ...mail, ...body, id: 'pending-old', estado: 'PENDIENTE', createdAt: old },
      ],
    });
    await p.botState.createMany({
      data: [...range('bs'), 'bs-keep'].map((key) => ({
        key,
        data: '{}',
        etag: '1',
        updatedAt: key === 'bs-keep' ? ago(DAY) : ago(9 * DAY),
      })),
    });
    await p.recoveryGuard.createMany({
      data: [
        ...range('rg').map((identificador, i) =>
          i % 2 === 0
            ? { identificador, fallos: 0, updatedAt: ago(HOUR) }
            : { identificador, fallos: 5, bloqueadoEn: ago(25 * HOUR), updatedAt: ago(25 * HOUR) },
        ),
        { identificador: 'rg-tres', fallos: 3, updatedAt: old },
        { identificador: 'rg-bloqueado', fallos: 5, bloqueadoEn: ago(HOUR), updatedAt: ago(HOUR) },
      ],
    });
    await p.throttleState.createMany({
      data: [...range('th'), 'th-keep'].map((key) => ({
        key,
        failures: 3,
        nextAllowedAt: key === 'th-keep' ? ago(HOUR) : ago(3 * DAY),
        updatedAt: key === 'th-keep' ? ago(HOUR) : ago(3 * DAY),
      })),
    });
    await p.rateCounter.createMany({
      data: [
        ...range('rc').map((key) => ({ key, windowStart: ago(3 * DAY), count: 1 })),
        // A key with an ended window and a current one: only the ended one goes.
        { key: 'new', windowStart: ago(3 * DAY), count: 4 },
        { key: 'new', windowStart: ago(HOUR), count: 1 },
      ],
    });
  });
  afterEach(() => db.dispose());

  const KINDS = [
    'recoveryTokens',
    'signInLinks',
    'downloadGrants',
    'directLineTokens',
    'sessions',
    'emailBodies',
    'emails',
    'unfiledDocuments',
    'directLineConversations',
    'conversationState',
    'recoveryGuards',
    'rateCounters',
    'throttles',
  ];
  const each = (value: number) => Object.fromEntries(KINDS.map((kind) => [kind, value]));

  it('prunes more than a batch of each kind over several statements in one run, and keeps what is still needed', async () => {
    const p = db.prisma;
    const result = await pruneExpiredData(p, cut, { batch: BATCH, maxBatches: 100 });

    expect(result.counts).toEqual({ ...each(STALE), directLineConversations: TRANSCRIPTS, rateCounters: STALE + 1 });
    expect(result.batches).toEqual(each(3));
    expect(result.documentFiles.sort()).toEqual(range('doc').map((id) => `k-${id}`));
    expect(result.attachmentFiles.sort()).toEqual(['k-a-dl-00', 'k-a-dl-04']);

    expect((await p.recoveryToken.findMany()).map((r) => r.tokenHash)).toEqual(['rt-keep']);
    expect((await p.signInLink.findMany()).map((r) => r.tokenHash)).toEqual(['sl-keep']);
    expect((await p.downloadGrant.findMany()).map((r) => r.tokenHash)).toEqual(['dg-keep']);
    expect((await p.dlToken.findMany()).map((r) => r.tokenHash)).toEqual(['tk-keep']);
    expect((await p.citizenSession.findMany()).map((r) => r.conversationKey)).toEqual(['cs-keep']);
    expect((await p.document.findMany({ orderBy: { id: 'asc' } })).map((d) => d.id)).toEqual(['doc-filed', 'doc-granted', 'doc-new']);
    expect((await p.dlConversation.findMany()).map((c) => c.id)).toEqual(['dl-live']);
    expect((await p.dlActivity.findMany()).map((a) => `${a.conversationId}|${a.seq}`)).toEqual(['dl-live|1']);
    expect((await p.dlAttachment.findMany()).map((a) => a.id)).toEqual(['a-dl-live']);
    expect((await p.botState.findMany()).map((s) => s.key)).toEqual(['bs-keep']);
    expect((await p.recoveryGuard.findMany({ orderBy: { identificador: 'asc' } })).map((g) => g.identificador)).toEqual([
      'rg-bloqueado',
      'rg-tres',
    ]);
    expect((await p.throttleState.findMany()).map((t) => t.key)).toEqual(['th-keep']);
    expect((await p.rateCounter.findMany()).map((r) => [r.key, r.count])).toEqual([['new', 1]]);
    const emails = await p.outboxEmail.findMany({ orderBy: { id: 'asc' } });
    expect(emails).toHaveLength(STALE + 1);
    expect(emails.filter((e) => e.id.startsWith('sent-new')).every((e) => e.text === REDACTED_BODY && e.html === REDACTED_BODY)).toBe(true);
    expect(emails.find((e) => e.id === 'pending-old')?.text).toBe('cuerpo con enlace');
  });

  it('stops each step at its budget of statements, and the next run removes the rest', async () => {
    const p = db.prisma;
    const first = await pruneExpiredData(p, cut, { batch: BATCH, maxBatches: 2 });
    // The counters' sweep reads keys 20 at a time: 19 and 20 ended windows leave it under its budget of 40 rows, so a
    // third chunk takes the last 7.
    expect(first.counts).toEqual({ ...each(2 * BATCH), directLineConversations: 4, rateCounters: STALE + 1 });
    expect(first.batches).toEqual({ ...each(2), rateCounters: 3 });
    expect(await p.botState.count()).toBe(STALE - 2 * BATCH + 1);

    const second = await pruneExpiredData(p, cut, { batch: BATCH, maxBatches: 2 });
    expect(second.counts).toEqual({ ...each(STALE - 2 * BATCH), directLineConversations: 1, rateCounters: 0 });
    expect(second.batches).toEqual({ ...each(1), rateCounters: 1 });
    expect(first.documentFiles.length + second.documentFiles.length).toBe(STALE);

    const third = await pruneExpiredData(p, cut, { batch: BATCH, maxBatches: 2 });
    expect(third.counts).toEqual({ ...each(0), rateCounters: 0 });
    expect(await p.botState.count()).toBe(1);
  });
});
