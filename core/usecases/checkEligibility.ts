/**
 * Check eligibility (seeds 000 and 002): the rules that decide whether a signed-in citizen may file a reliquidación
 * or a reinserción. The store only returns the rows; the rules live here and run again inside the filing transaction.
 */
import type { CaseStateName, CondicionName, EligibilityView, FilingProfile, FilingTypeName, IneligibilityReason } from '../domain/cases';
import { maskEmail, maskIdentificacion } from '../domain/masking';

/** The afiliado fields the rules read (a store row). */
export interface CandidatePerson {
  id: string;
  nombres: string;
  apellidos: string;
  cedula: string | null;
  codigoExtranjero: string | null;
  condicion: CondicionName;
  pensionSeguro: string | null;
  pensionTipo: string | null;
  aportesPendientesCentavos: number;
  email: string | null;
  provincia: string | null;
}

/** A person and their newest open case of the trámite's type, as the store returns them. */
export interface Candidate {
  person: CandidatePerson;
  openCase?: { id: string; numero: string; estado: CaseStateName };
}

/** Reads the rows the rules need; implemented by prisma/store/filing. */
export interface CandidateReader {
  findFilingCandidate(options: { afiliadoId: string; tipo: FilingTypeName }): Promise<Candidate | undefined>;
}

/** Conditions of people who receive a pension. */
const CONDICIONES_PENSIONISTA: readonly CondicionName[] = ['JUBILADO', 'PENSIONISTA', 'MONTEPIO_CONYUGE'];
/** Seed 000: prestaciones de vejez, invalidez o muerte of the Seguro General. */
const TIPOS_RELIQUIDACION: readonly string[] = ['VEJEZ', 'INVALIDEZ', 'MUERTE'];

/** Why this person may not file `tipo` (open cases aside), or undefined when they may. */
export function ineligibilityReason(tipo: FilingTypeName, p: CandidatePerson): IneligibilityReason | undefined {
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
export function judgeEligibility(tipo: FilingTypeName, candidate: Candidate | undefined): EligibilityView {
  if (!candidate) return { eligible: false, reason: 'NO_PENSIONISTA' };
  const { person: p, openCase } = candidate;
  if (openCase) return { eligible: false, reason: 'CASO_ABIERTO', openCase: { numero: openCase.numero, estado: openCase.estado } };
  const reason = ineligibilityReason(tipo, p);
  if (reason) return { eligible: false, reason };
  const email = p.email?.trim() || undefined;
  const profile: FilingProfile = {
    nombres: p.nombres,
    apellidos: p.apellidos,
    identificacionMasked: maskIdentificacion(p.cedula ?? p.codigoExtranjero ?? ''),
    tipoIdentificacion: p.cedula ? 'cedula' : 'codigo',
    pensionTipo: p.pensionTipo ?? undefined,
    maskedEmail: email ? maskEmail(email) : undefined,
    provincia: p.provincia ?? undefined,
  };
  return { eligible: true, profile };
}

/** FilingPort.checkEligibility: reads the candidate rows and applies the rules. */
export function createCheckEligibility(options: { records: CandidateReader }) {
  return async (request: { afiliadoId: string; tipo: FilingTypeName }): Promise<EligibilityView> =>
    judgeEligibility(request.tipo, await options.records.findFilingCandidate(request));
}
