import { DirectLineError } from '../../bot/channels/directline/errors';
import { activityId, DirectLineStore, seqOf, TOMBSTONE } from '../../bot/channels/directline/store';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/**
 * The append's seq (issue 14): an instance writes at the watermark it saw last without reading it first; the insert
 * itself checks that guess. Two stores over one database stand for two instances.
 */
describe('DirectLineStore.append: seqs from the guessed watermark, checked by the insert', () => {
  let db: TestDatabase;
  let second: PrismaClient;
  let a: DirectLineStore;
  let b: DirectLineStore;
  const token = (n: string) => ({ tokenHash: `hash-${n}`, expiresAt: new Date('2030-01-01T00:00:00Z') });
  const message = (body: string) => (id: string) => ({ type: 'message', id, text: body });

  beforeAll(async () => {
    db = await createTestDatabase();
    second = createPrismaClient(db.url);
    a = new DirectLineStore(db.prisma);
    b = new DirectLineStore(second);
  });

  afterAll(async () => {
    await second?.$disconnect();
    await db?.dispose();
  });

  /** The live rows (tombstones left out), with each stored activity's own id. */
  async function rowsOf(conversationId: string): Promise<{ id: string; seq: number; text: string }[]> {
    const rows = await db.prisma.dlActivity.findMany({ where: { conversationId, NOT: { json: TOMBSTONE } }, orderBy: { seq: 'asc' } });
    return rows.map((row) => {
      const stored = JSON.parse(row.json) as { id: string; text: string };
      return { id: stored.id, seq: row.seq, text: stored.text };
    });
  }

  it('gives concurrent appends of one conversation on two instances distinct consecutive seqs, each once', async () => {
    const conversationId = await a.createConversation('u1', token('c1'), 'browser');
    const appended = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).append(conversationId, message(`m${i}`))));
    const rows = await rowsOf(conversationId);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.map((row) => row.id)).toEqual(rows.map((row) => activityId(conversationId, row.seq)));
    expect(new Set(rows.map((row) => row.text)).size).toBe(30);
    expect(appended.map((x) => x.seq).sort((x, y) => x - y)).toEqual(rows.map((row) => row.seq));
    for (const x of appended) expect(x.activity.id).toBe(x.id);
    expect((await a.watermarks([conversationId])).get(conversationId)).toBe(30);
  });

  it('appends after what another instance appended meanwhile (a stale guess writes nothing, then retries)', async () => {
    const conversationId = await a.createConversation('u2', token('c2'), 'browser');
    expect((await a.append(conversationId, message('a1'))).seq).toBe(1);
    expect((await b.append(conversationId, message('b2'))).seq).toBe(2);
    expect((await b.append(conversationId, message('b3'))).seq).toBe(3);
    const attachment = { id: 'att-stale-guess-0001', name: 'cedula.pdf', contentType: 'application/pdf', size: 10, storageKey: 'k1' };
    const fourth = await a.append(conversationId, message('a4'), [attachment]);
    expect(fourth).toMatchObject({ seq: 4, id: activityId(conversationId, 4) });
    expect((await rowsOf(conversationId)).map((row) => `${row.seq}:${row.text}`)).toEqual(['1:a1', '2:b2', '3:b3', '4:a4']);
    expect(await db.prisma.dlAttachment.count({ where: { conversationId } })).toBe(1);
  });

  it('never reuses the seq of a removed activity, even when its instance guessed it', async () => {
    const conversationId = await a.createConversation('u3', token('c3'), 'browser');
    await a.append(conversationId, message('one'));
    await b.append(conversationId, message('two'));
    await b.remove(conversationId, activityId(conversationId, 2));
    // a saw 1 last and guesses seq 2: its tombstone still holds it, so the insert refuses it and a retries at 3.
    expect((await a.append(conversationId, message('three'))).seq).toBe(3);
    expect((await rowsOf(conversationId)).map((row) => row.seq)).toEqual([1, 3]);
    expect(await a.find(conversationId, activityId(conversationId, 2))).toBeUndefined();
    expect((await a.list(conversationId, 0)).activities.map((row) => row.seq)).toEqual([1, 3]);
  });

  it('answers 404 for an unknown conversation and for one deleted after its last append', async () => {
    await expect(a.append('no-such-conversation', message('x'))).rejects.toMatchObject({ status: 404 });
    const conversationId = await a.createConversation('u4', token('c4'), 'browser');
    await a.append(conversationId, message('first'));
    await second.dlConversation.delete({ where: { id: conversationId } });
    const failure = await a.append(conversationId, message('late')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DirectLineError);
    expect(failure).toMatchObject({ status: 404 });
    expect(await db.prisma.dlActivity.count({ where: { conversationId } })).toBe(0);
  });

  it('reads no watermark before a usual append: only a missed guess reads it', async () => {
    const conversationId = await a.createConversation('u5', token('c5'), 'browser');
    const reads = jest.spyOn(a as unknown as { readMark: (id: string) => Promise<number> }, 'readMark');
    try {
      for (let i = 0; i < 5; i += 1) await a.append(conversationId, message(`m${i}`));
      expect(reads).not.toHaveBeenCalled();
      await b.append(conversationId, message('other instance'));
      expect((await a.append(conversationId, message('after'))).seq).toBe(7);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('seqOf', () => {
  it.each([
    ['c1|0000002', 2],
    ['c1|0000000', 0],
    ['c1|12345678', 12345678],
    ['c1|2', undefined],
    ['c1|00000002x', undefined],
    ['c2|0000002', undefined],
    ['c1|00000012', undefined],
    ['', undefined],
  ])('reads %j as %p', (id, seq) => {
    expect(seqOf('c1', id)).toBe(seq);
    if (seq !== undefined) expect(activityId('c1', seq)).toBe(id);
  });
});
