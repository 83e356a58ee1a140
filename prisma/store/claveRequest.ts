import { FINAL_CASE_STATES } from '../../core/domain/cases';
import type { PrismaClient } from '../client';
import type { CaseState, Condicion } from '../generated/client';
import { nextCaseNumber } from './caseNumbers';
import type { OutboxMessage } from '../../core/ports';
import { enqueueEmail } from './outbox';

/** What the first-clave journey needs to know about a person. */
export interface ClaveRequestProfile {
  afiliadoId: string;
  nombres: string;
  apellidos: string;
  identificacion: string;
  tipoIdentificacion: 'cedula' | 'codigo_extranjero';
  condicion: Condicion;
  /** ISO calendar date (YYYY-MM-DD): the first-clave journey's proof is its day and month. */
  fechaNacimiento: string;
  email?: string;
  telefono?: string;
  provincia?: string;
  hasClave: boolean;
  empleador?: { razonSocial: string; email?: string };
  openCase?: { numero: string; estado: CaseState };
}

/** The person behind an identification, with their clave and any open clave request. */
export async function findClaveRequestProfile(
  db: PrismaClient,
  options: { identificacion: string },
): Promise<ClaveRequestProfile | undefined> {
  const p = await db.afiliado.findFirst({
    where: { OR: [{ cedula: options.identificacion }, { codigoExtranjero: options.identificacion }] },
    include: { clave: true, cases: { where: { tipo: 'CLAVE', estado: { notIn: [...FINAL_CASE_STATES] } }, take: 1 } },
  });
  if (!p) return undefined;
  return {
    afiliadoId: p.id,
    nombres: p.nombres,
    apellidos: p.apellidos,
    identificacion: p.cedula ?? p.codigoExtranjero ?? options.identificacion,
    tipoIdentificacion: p.cedula ? 'cedula' : 'codigo_extranjero',
    condicion: p.condicion,
    fechaNacimiento: p.fechaNacimiento,
    email: p.email ?? undefined,
    telefono: p.telefono ?? undefined,
    provincia: p.provincia ?? undefined,
    hasClave: p.clave?.estado === 'ACTIVA',
    empleador: p.empleadorRazonSocial ? { razonSocial: p.empleadorRazonSocial, email: p.empleadorEmail ?? undefined } : undefined,
    openCase: p.cases[0] ? { numero: p.cases[0].numero, estado: p.cases[0].estado } : undefined,
  };
}

/**
 * Creates a first-clave request as a CLAVE case in the given first state with its note, the clave row (SOLICITADA)
 * and its e-mails, in one transaction. A person has at most one
 * open request: the dedup key is unique, so a retry or a double click returns the existing case; a finished
 * request frees the key for a new one.
 */
export async function createClaveRequestCase(
  db: PrismaClient,
  options: {
    profile: ClaveRequestProfile;
    email: string;
    telefono: string;
    now: Date;
    estado: CaseState;
    nota: string;
    messages: (numero: string) => OutboxMessage[];
  },
): Promise<{ numero: string; created: boolean; caseId: string }> {
  const { profile, now } = options;
  const dedupKey = `CLAVE:${profile.afiliadoId}`;
  const existing = await db.case.findUnique({ where: { dedupKey } });
  if (existing && FINAL_CASE_STATES.includes(existing.estado)) {
    await db.case.updateMany({ where: { id: existing.id, dedupKey }, data: { dedupKey: null } });
  } else if (existing) {
    return { numero: existing.numero, created: false, caseId: existing.id };
  }
  const { estado, nota } = options;
  try {
    return await db.$transaction(async (tx) => {
      const numero = await nextCaseNumber(tx, { tipo: 'CLAVE', now });
      const created = await tx.case.create({
        data: {
          numero,
          tipo: 'CLAVE',
          estado,
          afiliadoId: profile.afiliadoId,
          provincia: profile.provincia,
          detalle: JSON.stringify({ email: options.email, telefono: options.telefono }),
          dedupKey,
          createdAt: now,
          history: { create: [{ estado, fecha: now, nota }] },
        },
      });
      if (!profile.hasClave) {
        await tx.clave.upsert({
          where: { afiliadoId: profile.afiliadoId },
          create: { afiliadoId: profile.afiliadoId, estado: 'SOLICITADA' },
          update: {},
        });
      }
      for (const message of options.messages(numero)) await enqueueEmail(tx, { message, now });
      return { numero, created: true, caseId: created.id };
    });
  } catch (error) {
    const again = await db.case.findUnique({ where: { dedupKey } });
    if (again) return { numero: again.numero, created: false, caseId: again.id };
    throw error;
  }
}
