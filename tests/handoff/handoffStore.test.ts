import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createHandoffRecords } from '../../prisma/store/handoff';
import type { HandoffRecords } from '../../core/usecases/handoff/ports';

const NOW = new Date('2026-12-02T15:00:00Z');
const conv = (id: string) => ({ channelId: 'directline', conversationId: id });
const ref = (id: string) => ({ channelId: 'directline', conversation: { id }, serviceUrl: 'http://127.0.0.1:1' });
const agentRef = { channelId: 'msteams', conversation: { id: 'a:personal-x' }, serviceUrl: 'http://127.0.0.1:2' };

let db: TestDatabase;
let records: HandoffRecords;

async function queue(id: string, minutesAgo = 0) {
  const at = new Date(NOW.getTime() - minutesAgo * 60_000);
  const offerDueAt = new Date(at.getTime() + 5 * 60_000);
  return (await records.open({ conversation: conv(id), reference: ref(id), transcript: [], now: at, offerDueAt })).handoff;
}

describe('handoff store', () => {
  // Inside the describe, so the PostgreSQL suite (tests/postgres/store.test.ts) can import this file with others.
  beforeEach(async () => {
    db = await createTestDatabase();
    records = createHandoffRecords(db.prisma);
  });
  afterEach(() => db.dispose());

  it('keeps one open handoff per conversation and numbers the queue', async () => {
    const a = await queue('a', 3);
    const b = await queue('b', 2);
    const again = await records.open({ conversation: conv('a'), reference: ref('a'), transcript: [], now: NOW, offerDueAt: NOW });
    expect(again).toEqual({ handoff: expect.objectContaining({ id: a.id }), created: false });
    expect(await records.position(a.id)).toBe(1);
    expect(await records.position(b.id)).toBe(2);
    await records.end({ handoffId: a.id, by: 'ciudadano', now: NOW, survey: true });
    expect(await records.position(a.id)).toBeUndefined();
    expect(await records.position(b.id)).toBe(1);
  });

  it('gives a handoff to one agent only when two take it at once', async () => {
    const h = await queue('race');
    const results = await Promise.all(
      ['s1', 's2'].map((staffId) => records.take({ handoffId: h.id, staffId, nombre: staffId, agentReference: agentRef, now: NOW })),
    );
    expect(results.filter((r) => r.taken)).toHaveLength(1);
    const loser = results.find((r) => !r.taken);
    const winner = results.find((r) => r.taken);
    expect(loser).toEqual({ taken: false, current: expect.objectContaining({ estado: 'TOMADA' }) });
    expect(loser && !loser.taken && loser.current?.agentStaffId).toBe(winner && winner.taken && winner.handoff.agentStaffId);
  });

  it('ends once, then asks the satisfaction question once', async () => {
    const h = await queue('end');
    expect(await records.end({ handoffId: h.id, by: 'agente', now: NOW, survey: true })).toBe(true);
    expect(await records.end({ handoffId: h.id, by: 'ciudadano', now: NOW, survey: true })).toBe(false);
    expect(await records.findForConversation(conv('end'))).toEqual(expect.objectContaining({ estado: 'TERMINADA', surveyPending: true }));
    expect(await records.recordSatisfaction({ handoffId: h.id, puntaje: 5, now: NOW })).toBe(true);
    expect(await records.recordSatisfaction({ handoffId: h.id, puntaje: 1, now: NOW })).toBe(false);
    expect(await records.findForConversation(conv('end'))).toBeUndefined();
    expect(await db.prisma.handoffSatisfaction.findMany()).toEqual([expect.objectContaining({ handoffId: h.id, puntaje: 5 })]);
    // A new request in the same conversation opens a new handoff.
    expect(
      (await records.open({ conversation: conv('end'), reference: ref('end'), transcript: [], now: NOW, offerDueAt: NOW })).created,
    ).toBe(true);
  });

  it('claims a timed-out waiting handoff once, even with two workers', async () => {
    const old = await queue('old', 10);
    await queue('new', 1);
    const [first, second] = await Promise.all([records.claimTimedOut({ now: NOW }), records.claimTimedOut({ now: NOW })]);
    expect([...first, ...second].map((h) => h.id)).toEqual([old.id]);
    expect(await records.claimTimedOut({ now: NOW })).toEqual([]);
    // "Seguir esperando" makes the offer again later, once.
    expect(await records.keepWaiting({ handoffId: old.id, offerDueAt: new Date(NOW.getTime() + 60_000) })).toBe(true);
    expect(await records.claimTimedOut({ now: NOW })).toEqual([]);
    const later = new Date(NOW.getTime() + 61_000);
    expect((await records.claimTimedOut({ now: later })).map((h) => h.id)).toEqual([old.id]);
  });
});
