import type { CaseStateName, EligibilityView, FilingProfile, FilingTypeName, IneligibilityReason } from '../../../core/ports';
import { maskEmail } from '../../../core/domain/masking';
import type { PrismaClient } from '../../client';
import type { Condicion, PensionTipo, Prisma } from '../../generated/client';

/** A client or an open transaction: every read here also runs inside the filing transaction. */
export type FilingDb = PrismaClient | Prisma.TransactionClient;

/** States after which a case is no longer open: a new case of the same type may be filed. */
export const FINAL_CASE_STATES: readonly CaseStateName[] = ['APROBADO', 'NEGADO', 'CERRADO'];

/** Conditions of people who receive a pension. */
const CONDICIONES_PENSIONISTA: readonly Condicion[] = ['JUBILADO', 'PENSIONISTA', 'MONTEPIO_CONYUGE'];
/** Seed 000: prestaciones de vejez, invalidez o muerte of the Seguro General. */
const TIPOS_RELIQUIDACION: readonly PensionTipo[] = ['VEJEZ', 'INVALIDEZ', 'MUERTE'];

/** The person a filing is for: what the filing needs, nothing secret. */
export interface FilingPerson {
  id: string;
  nombres: string;
  apellidos: string;
  email?: string;
  provincia?: string;
  pensionTipo?: PensionTipo;
}

/** Eligibility with the person it was read for (undefined when the afiliado does not exist). */
export interface EligibilityReading {
  view: EligibilityView;
  person?: FilingPerson;
  openCase?: { id: string; numero: string; estado: CaseStateName };
}

/** The dedup key that allows one open case per type and person: `RELIQUIDACION:<afiliadoId>`. */
export function openCaseKey(options: { tipo: FilingTypeName; afiliadoId: string }): string {
  return `${options.tipo}:${options.afiliadoId}`;
}

/** Masks a cédula or código for display, keeping the first two and the last two characters: 09******15. */
export function maskIdentificacion(value: string): string {
  if (value.length <= 4) return '****';
  return `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}

function personalReason(
  tipo: FilingTypeName,
  p: { condicion: Condicion; pensionSeguro: string | null; pensionTipo: PensionTipo | null; aportesPendientesCentavos: number; email: string | null },
): IneligibilityReason | undefined {
  if (!CONDICIONES_PENSIONISTA.includes(p.condicion) || !p.pensionSeguro || !p.pensionTipo) return 'NO_PENSIONISTA';
  if (tipo === 'RELIQUIDACION') {
    if (p.pensionSeguro !== 'SEGURO_GENERAL' || !TIPOS_RELIQUIDACION.includes(p.pensionTipo)) return 'SEGURO_DISTINTO';
    if (p.aportesPendientesCentavos > 0) return 'APORTES_PENDIENTES';
    if (!p.email?.trim()) return 'SIN_CORREO';
    return undefined;
  }
  if (p.pensionSeguro !== 'RIESGOS_DEL_TRABAJO') return 'SEGURO_DISTINTO';
  if (p.pensionTipo !== 'INCAPACIDAD_PERMANENTE_TOTAL') return 'INCAPACIDAD_NO_TOTAL';
  return undefined;
}

/**
 * Whether a person may file a trámite: seed 000 for reliquidación (pensionista of the Seguro General by vejez,
 * invalidez or muerte, no pending contributions, an e-mail on record), seed 002 for reinserción (Riesgos del
 * Trabajo, incapacidad permanente total). An open case of the same type comes first: CASO_ABIERTO with its number.
 */
export async function readEligibility(db: FilingDb, options: { afiliadoId: string; tipo: FilingTypeName }): Promise<EligibilityReading> {
  const p = await db.afiliado.findUnique({
    where: { id: options.afiliadoId },
    include: {
      cases: {
        where: { tipo: options.tipo, estado: { notIn: [...FINAL_CASE_STATES] } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { id: true, numero: true, estado: true },
      },
    },
  });
  if (!p) return { view: { eligible: false, reason: 'NO_PENSIONISTA' } };
  const person: FilingPerson = {
    id: p.id,
    nombres: p.nombres,
    apellidos: p.apellidos,
    email: p.email?.trim() || undefined,
    provincia: p.provincia ?? undefined,
    pensionTipo: p.pensionTipo ?? undefined,
  };
  const open = p.cases[0];
  if (open) {
    return { view: { eligible: false, reason: 'CASO_ABIERTO', openCase: { numero: open.numero, estado: open.estado } }, person, openCase: open };
  }
  const reason = personalReason(options.tipo, p);
  if (reason) return { view: { eligible: false, reason }, person };
  const identificacion = p.cedula ?? p.codigoExtranjero ?? '';
  const profile: FilingProfile = {
    nombres: p.nombres,
    apellidos: p.apellidos,
    identificacionMasked: maskIdentificacion(identificacion),
    tipoIdentificacion: p.cedula ? 'cedula' : 'codigo',
    pensionTipo: p.pensionTipo ?? undefined,
    maskedEmail: person.email ? maskEmail(person.email) : undefined,
    provincia: person.provincia,
  };
  return { view: { eligible: true, profile }, person };
}
