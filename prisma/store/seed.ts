import { normalizeForMatch } from '../../core/domain/text';
import { CASE_PREFIXES } from '../../core/domain/tramites';
import type { PrismaClient } from '../client';
import type { CaseState, CaseType, Condicion, PensionSeguro, PensionTipo } from '../generated/client';
import demo from '../fixtures/demo-afiliados.json';
import { DEFAULT_SCRYPT_LOG_N, hashSecret } from './secrets';
import { seedDemoStaff } from './staff';

/** Shape of prisma/fixtures/demo-afiliados.json (synthetic people and cases). */
export type DemoFixture = typeof demo;

/** The demo fixture shipped with the project (a copy of the shared one; never read from outside at run time). */
export const DEMO_FIXTURE: DemoFixture = demo;

/** Case-number prefix of each kind of trámite (RL-2026-000042), from the trámite registry. */
export function casePrefix(tipo: CaseType): string {
  return CASE_PREFIXES[tipo];
}

/**
 * Loads the demo people and cases into an empty store, hashing claves and security answers. Does nothing
 * when afiliados already exist, so a restart never duplicates or overwrites data.
 */
export async function seedDemoData(
  db: PrismaClient,
  options: { fixture?: DemoFixture; scryptLogN?: number } = {},
): Promise<{ seeded: boolean; afiliados: number; cases: number }> {
  const fixture = options.fixture ?? DEMO_FIXTURE;
  const logN = options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N;
  // The call-centre staff (Teams) are seeded on their own, so a store seeded before they existed gets them too.
  await seedDemoStaff(db);
  if ((await db.afiliado.count()) > 0) return { seeded: false, afiliados: 0, cases: 0 };
  const people = await Promise.all(
    fixture.afiliados.map(async (a) => ({
      a,
      claveHash: 'clave' in a && a.clave ? await hashSecret(a.clave, logN) : undefined,
      answers: await Promise.all(a.preguntasPersonales.map((q) => hashSecret(normalizeForMatch(q.respuesta), logN))),
    })),
  );
  await db.$transaction(async (tx) => {
    for (const { a, claveHash, answers } of people) {
      await tx.afiliado.create({
        data: {
          cedula: 'cedula' in a ? a.cedula : undefined,
          codigoExtranjero: 'codigoExtranjero' in a ? a.codigoExtranjero : undefined,
          nombres: a.nombres,
          apellidos: a.apellidos,
          nacionalidad: 'nacionalidad' in a ? a.nacionalidad : undefined,
          fechaNacimiento: a.fechaNacimiento,
          email: a.email,
          telefono: a.telefono,
          provincia: a.provincia,
          condicion: a.condicion as Condicion,
          pensionSeguro: 'pension' in a ? (a.pension?.seguro as PensionSeguro | undefined) : undefined,
          pensionTipo: 'pension' in a ? (a.pension?.tipo as PensionTipo | undefined) : undefined,
          aportesPendientesCentavos: Math.round(a.aportesPendientes * 100),
          empleadorRuc: 'empleadorActual' in a ? a.empleadorActual?.ruc : undefined,
          empleadorRazonSocial: 'empleadorActual' in a ? a.empleadorActual?.razonSocial : undefined,
          empleadorEmail: 'empleadorActual' in a ? a.empleadorActual?.email : undefined,
          workHistory: { create: a.historiaLaboral.map((h) => ({ empleador: h.empleador, desde: h.desde, hasta: h.hasta })) },
          securityQuestions: {
            create: a.preguntasPersonales.map((q, i) => ({ orden: i + 1, pregunta: q.pregunta, respuestaHash: answers[i] })),
          },
          clave: claveHash ? { create: { hash: claveHash, estado: 'ACTIVA' } } : undefined,
        },
      });
    }
    for (const c of fixture.casos) {
      const owner = await tx.afiliado.findUniqueOrThrow({ where: { cedula: c.cedula } });
      const last = c.historial[c.historial.length - 1];
      await tx.case.create({
        data: {
          numero: c.numero,
          tipo: c.tipo as CaseType,
          estado: last.estado as CaseState,
          afiliadoId: owner.id,
          createdAt: new Date(c.historial[0].fecha),
          history: {
            create: c.historial.map((h) => ({
              estado: h.estado as CaseState,
              fecha: new Date(h.fecha),
              nota: 'nota' in h ? h.nota : undefined,
            })),
          },
        },
      });
      const [, year, seq] = c.numero.split('-');
      const id = { prefijo: casePrefix(c.tipo as CaseType), anio: Number(year) };
      const current = await tx.caseCounter.findUnique({ where: { prefijo_anio: id } });
      const ultimo = Math.max(current?.ultimo ?? 0, Number(seq));
      await tx.caseCounter.upsert({ where: { prefijo_anio: id }, create: { ...id, ultimo }, update: { ultimo } });
    }
  });
  return { seeded: true, afiliados: fixture.afiliados.length, cases: fixture.casos.length };
}
