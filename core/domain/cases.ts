/**
 * Domain names of cases and filing: states, ineligibility reasons, identification kinds, conditions and the views a
 * citizen may see. Imports nothing of the project but the trámite registry.
 */
import type { CaseTypeName, FiledCaseTypeName } from './tramites';

export type { CaseTypeName } from './tramites';

/** States a case can be in, as the store names them. */
export type CaseStateName = 'RECIBIDO' | 'PENDIENTE_EMPLEADOR' | 'EN_REVISION' | 'REQUIERE_INFORMACION' | 'APROBADO' | 'NEGADO' | 'CERRADO';

/** States after which a case is no longer open: a new case of the same type may be filed. */
export const FINAL_CASE_STATES: readonly CaseStateName[] = ['APROBADO', 'NEGADO', 'CERRADO'];

/** True when a case in this state is still open (not approved, denied or closed). */
export function isOpenCaseState(estado: CaseStateName): boolean {
  return !FINAL_CASE_STATES.includes(estado);
}

/** The trámites a signed-in citizen can file from the chat. */
export type FilingTypeName = FiledCaseTypeName;

/** Why a citizen may not file a trámite, each explained in plain Spanish by the journey. */
export type IneligibilityReason =
  'NO_PENSIONISTA' | 'SEGURO_DISTINTO' | 'APORTES_PENDIENTES' | 'SIN_CORREO' | 'INCAPACIDAD_NO_TOTAL' | 'CASO_ABIERTO';

/** How a person is identified: an Ecuadorian cédula or the IESS código for foreigners. */
export type IdentificationKind = 'cedula' | 'codigo';

/** A person's condition towards the IESS, as the store records it. */
export type CondicionName =
  'AFILIADO_DEPENDENCIA' | 'AFILIADO_CESANTE' | 'AFILIADO_VOLUNTARIO' | 'JUBILADO' | 'PENSIONISTA' | 'MONTEPIO_CONYUGE';

/** Which insurance pays a pension. */
export type PensionSeguroName = 'SEGURO_GENERAL' | 'RIESGOS_DEL_TRABAJO';

/** The dedup key that allows one open case per type and person: `RELIQUIDACION:<afiliadoId>`. */
export function openCaseKey(options: { tipo: CaseTypeName; afiliadoId: string }): string {
  return `${options.tipo}:${options.afiliadoId}`;
}

/** What a citizen may see of a case: its current state, when it was reached and the note for the citizen. */
export interface CaseStatusView {
  numero: string;
  tipo: CaseTypeName;
  estado: CaseStateName;
  fecha: Date;
  nota?: string;
}

/** One state change of a case as the citizen sees it. */
export interface CaseEventView {
  estado: CaseStateName;
  fecha: Date;
  nota?: string;
}

/** A case with its whole history and the documents attached to it (names and dates only). */
export interface CaseHistoryView extends CaseStatusView {
  creado: Date;
  eventos: CaseEventView[];
  documentos: { tipo: string; fecha: Date }[];
}

/** What a filing journey may show of the citizen: names, masked contact data, pension. */
export interface FilingProfile {
  nombres: string;
  apellidos: string;
  /** Masked cédula or código (e.g. 09******15). */
  identificacionMasked: string;
  tipoIdentificacion: IdentificationKind;
  pensionTipo?: string;
  maskedEmail?: string;
  provincia?: string;
}

/** Outcome of the eligibility check of one trámite. */
export type EligibilityView =
  | { eligible: true; profile: FilingProfile }
  | { eligible: false; reason: IneligibilityReason; openCase?: { numero: string; estado: CaseStateName } };

/** Which requirement an attached document is for; it also names the stored file. */
export type DocumentPurposeName = 'cedula' | 'solicitud' | 'codigo_extranjero' | 'complemento';

/** What a file is, judged by its bytes; only `pdf` and `jpeg` are accepted, the rest explain a refusal. */
export type DetectedKind =
  'pdf' | 'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'avif' | 'tiff' | 'bmp' | 'video' | 'docx' | 'zip' | 'doc' | 'text' | 'unknown';

/** Why a document was refused. */
export type IntakeProblem =
  'EMPTY' | 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'PDF_UNREADABLE' | 'PDF_ENCRYPTED' | 'PDF_NO_PAGES' | 'IMAGE_UNREADABLE' | 'IMAGE_TOO_SMALL';

/** The facts of a refused document that its refusal explains (`claimed`: what the client said it was). */
export interface DocumentRefusalFacts {
  problem: IntakeProblem;
  detected?: DetectedKind;
  claimed?: DetectedKind;
  size?: number;
  width?: number;
  height?: number;
}

/** The facts of an accepted document that the chat describes. */
export interface AcceptedDocumentFacts {
  kind: 'pdf' | 'jpeg';
  size: number;
  width?: number;
  height?: number;
  pages?: number;
}

/** The states an agent can move a case to from the Teams case desk. */
export type AgentTargetState = 'EN_REVISION' | 'REQUIERE_INFORMACION' | 'APROBADO' | 'NEGADO';

/**
 * The moves an agent may make, as data: from each state, the states it may go to. Final states go nowhere; a case
 * is approved or denied only from revisión; requiere información goes back to revisión once the citizen answers.
 */
export const AGENT_CASE_TRANSITIONS: Readonly<Record<CaseStateName, readonly AgentTargetState[]>> = {
  RECIBIDO: ['EN_REVISION', 'REQUIERE_INFORMACION'],
  PENDIENTE_EMPLEADOR: ['EN_REVISION'],
  EN_REVISION: ['REQUIERE_INFORMACION', 'APROBADO', 'NEGADO'],
  REQUIERE_INFORMACION: ['EN_REVISION'],
  APROBADO: [],
  NEGADO: [],
  CERRADO: [],
};

/** Target states whose move needs a note written for the citizen (what is missing, or why it was denied). */
export const NOTE_REQUIRED_STATES: readonly AgentTargetState[] = ['REQUIERE_INFORMACION', 'NEGADO'];

/** True when an agent may move a case from `from` to `to`. */
export function isAllowedAgentMove(from: CaseStateName, to: string): to is AgentTargetState {
  return (AGENT_CASE_TRANSITIONS[from] as readonly string[]).includes(to);
}
