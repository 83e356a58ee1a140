import type { CaseStateName, FilingTypeName } from '../../../core/domain/cases';
import { FINAL_CASE_STATES } from '../../../core/domain/cases';
import type { PrismaClient } from '../../client';
import type { Condicion, PensionSeguro, PensionTipo, Prisma } from '../../generated/client';

/** A client or an open transaction: every read here also runs inside the filing transaction. */
export type FilingDb = PrismaClient | Prisma.TransactionClient;

/** The afiliado row fields the eligibility rules read; nothing secret. */
export interface FilingCandidateRow {
  id: string;
  nombres: string;
  apellidos: string;
  cedula: string | null;
  codigoExtranjero: string | null;
  condicion: Condicion;
  pensionSeguro: PensionSeguro | null;
  pensionTipo: PensionTipo | null;
  aportesPendientesCentavos: number;
  email: string | null;
  provincia: string | null;
}

/** The person who may file, and their newest open case of that type, if any. */
export interface FilingCandidate {
  person: FilingCandidateRow;
  openCase?: { id: string; numero: string; estado: CaseStateName };
}

/** The rows a filing of `tipo` is judged on; undefined when the afiliado does not exist. */
export async function findFilingCandidate(
  db: FilingDb,
  options: { afiliadoId: string; tipo: FilingTypeName },
): Promise<FilingCandidate | undefined> {
  const p = await db.afiliado.findUnique({
    where: { id: options.afiliadoId },
    select: {
      id: true,
      nombres: true,
      apellidos: true,
      cedula: true,
      codigoExtranjero: true,
      condicion: true,
      pensionSeguro: true,
      pensionTipo: true,
      aportesPendientesCentavos: true,
      email: true,
      provincia: true,
      cases: {
        where: { tipo: options.tipo, estado: { notIn: [...FINAL_CASE_STATES] } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { id: true, numero: true, estado: true },
      },
    },
  });
  if (!p) return undefined;
  const { cases, ...person } = p;
  return cases[0] ? { person, openCase: cases[0] } : { person };
}
