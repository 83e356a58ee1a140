import { DEMO_FIXTURE, seedDemoData } from '../../prisma/store/seed';
import { verifySecret } from '../../prisma/store/secrets';
import { findCaseForCitizen } from '../../prisma/store/cases';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('demo seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
  });
  afterAll(async () => db.dispose());

  it('loads every demo person and case', async () => {
    expect(await db.prisma.afiliado.count()).toBe(DEMO_FIXTURE.afiliados.length);
    expect(await db.prisma.case.count()).toBe(DEMO_FIXTURE.casos.length);
  });

  it('is idempotent: a second run adds nothing', async () => {
    await expect(seedDemoData(db.prisma, { scryptLogN: 10 })).resolves.toMatchObject({ seeded: false });
    expect(await db.prisma.afiliado.count()).toBe(DEMO_FIXTURE.afiliados.length);
  });

  it('stores security answers and claves only as hashes that verify', async () => {
    const jose = await db.prisma.afiliado.findUniqueOrThrow({
      where: { cedula: '0939336715' },
      include: { securityQuestions: { orderBy: { orden: 'asc' } }, clave: true },
    });
    expect(jose.securityQuestions.map((q) => q.pregunta)).toEqual([
      '¿Cuál es el nombre de su primera mascota?',
      '¿En qué ciudad nació su madre?',
    ]);
    const dump = JSON.stringify(jose);
    expect(dump).not.toContain('Firulais');
    expect(dump).not.toContain('Litoral2017');
    await expect(verifySecret('firulais', jose.securityQuestions[0].respuestaHash)).resolves.toBe(true);
    await expect(verifySecret('Litoral2017', jose.clave?.hash ?? '')).resolves.toBe(true);
    await expect(verifySecret('litoral2017', jose.clave?.hash ?? '')).resolves.toBe(false);
  });

  it('keeps the foreigner identified by código, and case counters past the seeded numbers', async () => {
    expect(await db.prisma.afiliado.findUnique({ where: { codigoExtranjero: 'EC-EXT-0045871' } })).not.toBeNull();
    expect(await db.prisma.caseCounter.findUnique({ where: { prefijo_anio: { prefijo: 'RL', anio: 2026 } } })).toMatchObject({
      ultimo: 42,
    });
  });

  it.each([
    [
      'RL-2026-000042',
      '2314944220',
      { estado: 'EN_REVISION', nota: 'Asignado a la Coordinación Provincial de Santo Domingo de los Tsáchilas.' },
    ],
    ['RI-2025-000317', '1002136172', { estado: 'NEGADO' }],
    ['RL-2026-000042', '0939336715', undefined],
    ['RL-2026-000099', '2314944220', undefined],
  ])('finds case %s for %s only when it is theirs', async (numero, identificacion, expected) => {
    const found = await findCaseForCitizen(db.prisma, { numero, identificacion });
    if (expected === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(expected);
  });
});
