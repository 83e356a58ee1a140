import { seedDemoData } from '../../prisma/store/seed';
import { DEFAULT_RECOVERY_BLOCK_HOURS, isRecoveryBlocked } from '../../prisma/store/claveRecovery';
import { recordRecoveryPass, unblockRecovery } from '../../prisma/store/recoveryGuard';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const LUIS = '0713578797';
const UNKNOWN = '1714307103';
const HOUR = 3_600_000;
const start = new Date('2026-12-01T12:00:00Z');

describe('recovery intentos (RecoveryGuard)', () => {
  let db: TestDatabase;
  const pass = (identificacion: string, passed: boolean, now = start) =>
    recordRecoveryPass(db.prisma, {
      identificacion,
      passed,
      now,
      blockHours: DEFAULT_RECOVERY_BLOCK_HOURS,
      composeBlocked: (person) => ({ to: person.email, subject: 'bloqueo', text: person.nombres, html: '' }),
    });
  const blocked = (identificacion: string, now = start) =>
    isRecoveryBlocked(db.prisma, { identificacion, now, blockHours: DEFAULT_RECOVERY_BLOCK_HOURS });

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
  });
  afterEach(async () => db.dispose());

  it('five failed passes block; the owner is e-mailed once; a sixth pass changes nothing', async () => {
    const verdicts = [];
    for (let i = 0; i < 6; i += 1) verdicts.push(await pass(LUIS, false));
    expect(verdicts).toEqual([4, 3, 2, 1, 0, 0].map((remaining) => ({ blocked: remaining === 0, remaining })));
    expect(await blocked(LUIS)).toBe(true);
    expect(await db.prisma.outboxEmail.findMany({ select: { to: true, subject: true } })).toEqual([
      { to: 'luis.romero@example.ec', subject: 'bloqueo' },
    ]);
    expect(await pass(LUIS, true)).toEqual({ blocked: true, remaining: 0 });
  });

  it('counts an unknown identification the same way, without creating a person or an e-mail', async () => {
    for (let i = 0; i < 5; i += 1) await pass(UNKNOWN, false);
    expect(await blocked(UNKNOWN)).toBe(true);
    expect(await db.prisma.afiliado.count({ where: { cedula: UNKNOWN } })).toBe(0);
    expect(await db.prisma.outboxEmail.count()).toBe(0);
  });

  it('a right pass forgets earlier intentos', async () => {
    for (let i = 0; i < 4; i += 1) await pass(LUIS, false);
    expect(await pass(LUIS, true)).toEqual({ blocked: false, remaining: 5 });
    expect(await pass(LUIS, false)).toEqual({ blocked: false, remaining: 4 });
  });

  it('counts parallel failed passes exactly and blocks with one e-mail', async () => {
    await Promise.all(Array.from({ length: 8 }, () => pass(LUIS, false)));
    expect(await db.prisma.recoveryGuard.findUnique({ where: { identificador: LUIS } })).toMatchObject({ fallos: 5 });
    expect(await db.prisma.outboxEmail.count()).toBe(1);
  });

  it('lifts the block after the configured hours, with a fresh count', async () => {
    for (let i = 0; i < 5; i += 1) await pass(LUIS, false);
    const almost = new Date(start.getTime() + 24 * HOUR - 1000);
    const after = new Date(start.getTime() + 24 * HOUR);
    expect(await blocked(LUIS, almost)).toBe(true);
    expect(await blocked(LUIS, after)).toBe(false);
    expect(await pass(LUIS, false, after)).toEqual({ blocked: false, remaining: 4 });
    expect(
      await recordRecoveryPass(db.prisma, {
        identificacion: UNKNOWN,
        passed: false,
        now: start,
        blockHours: 1,
        composeBlocked: () => ({ to: 'x@example.ec', subject: '', text: '', html: '' }),
      }),
    ).toEqual({ blocked: false, remaining: 4 });
  });

  it('unblockRecovery lifts a block at once (the agent side), and says false when there was none', async () => {
    for (let i = 0; i < 5; i += 1) await pass(LUIS, false);
    await expect(unblockRecovery(db.prisma, { identificacion: LUIS, now: start })).resolves.toBe(true);
    expect(await blocked(LUIS)).toBe(false);
    expect(await db.prisma.recoveryGuard.findUnique({ where: { identificador: LUIS } })).toMatchObject({ fallos: 0, bloqueadoEn: null });
    await expect(unblockRecovery(db.prisma, { identificacion: LUIS, now: start })).resolves.toBe(false);
    expect(await pass(LUIS, false)).toEqual({ blocked: false, remaining: 4 });
  });
});
