import { moveDeskCase } from '../../prisma/store/agentCases';
import { listAuditEntries } from '../../prisma/store/audit';
import { seedDemoData } from '../../prisma/store/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const NOW = new Date('2026-12-01T15:00:00.000Z');
const NUMERO = 'RL-2026-000042';

/** Two agents pressing buttons on the same card at once: the store lets exactly one move through. */
describe('agent case moves in the store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
  });
  afterAll(() => db.dispose());

  it('moves once when two moves from the same card race; the other is stale with the winner state', async () => {
    const staff = await db.prisma.staff.findMany({ orderBy: { aadObjectId: 'asc' }, take: 2 });
    const base = { numero: NUMERO, desde: 'EN_REVISION' as const, version: 2, now: NOW };
    const results = await Promise.all([
      moveDeskCase(db.prisma, { ...base, hacia: 'APROBADO', staffId: staff[0].id, autor: staff[0].nombre }),
      moveDeskCase(db.prisma, {
        ...base,
        hacia: 'NEGADO',
        nota: 'Motivo para el ciudadano.',
        staffId: staff[1].id,
        autor: staff[1].nombre,
      }),
    ]);
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['moved', 'stale']);
    const winner = results.find((r) => r.outcome === 'moved');
    const loser = results.find((r) => r.outcome === 'stale');
    const row = await db.prisma.case.findUniqueOrThrow({ where: { numero: NUMERO }, include: { history: true } });
    expect(row.history).toHaveLength(3);
    expect(winner && 'view' in winner && winner.view.estado).toBe(row.estado);
    expect(loser && 'view' in loser && loser.view.estado).toBe(row.estado);
    const moves = await listAuditEntries(db.prisma, { subjectType: 'case', subjectId: NUMERO });
    expect(moves.filter((e) => e.action === 'case.move' && e.outcome === 'ok')).toHaveLength(1);
  });

  it('answers not_found for an unknown case and writes nothing', async () => {
    const staff = await db.prisma.staff.findFirstOrThrow();
    const result = await moveDeskCase(db.prisma, {
      numero: 'RL-2099-000001',
      desde: 'EN_REVISION',
      version: 1,
      hacia: 'APROBADO',
      staffId: staff.id,
      autor: staff.nombre,
      now: NOW,
    });
    expect(result).toEqual({ outcome: 'not_found' });
  });
});
