import { normalizeForMatch, parseYesNo, type IntentName, type NluResult, type Recognizer } from '../../nlu';
import { CLARIFY_LABELS, MENU, MSG } from '../../catalog';
import type { ServicioId } from '../../core/domain/servicios';
import { TRAMITE_IDS } from '../../core/domain/tramites';
import { servicioFromLabel } from '../servicios/answer';

/** A main-menu button's meaning: an intent, and for "Mi clave" or "Presentar una solicitud" the family still to be narrowed. */
export interface MenuRoute {
  intent: IntentName;
  /** When set, the button opens `question` among these intents instead of routing at once. */
  choices?: IntentName[];
  question?: string;
  /** "Mis trámites": the signed-in list, never the look-up by case number. */
  misTramites?: boolean;
  /** A tapped service label: the service to answer. */
  servicio?: ServicioId;
}

const MENU_INTENTS: Record<string, MenuRoute> = {
  [normalizeForMatch(MENU.requisitos)]: { intent: 'requisitos' },
  [normalizeForMatch(MENU.estado)]: { intent: 'estado_tramite' },
  [normalizeForMatch(MENU.clave)]: { intent: 'clave_recuperar', choices: ['clave_obtener', 'clave_recuperar'], question: MSG.claveQue },
  [normalizeForMatch(MENU.solicitud)]: { intent: 'reliquidacion', choices: ['reliquidacion', 'reinsercion'], question: MSG.solicitudQue },
  [normalizeForMatch(MENU.misTramites)]: { intent: 'estado_tramite', misTramites: true },
  [normalizeForMatch(MENU.contacto)]: { intent: 'contacto' },
  [normalizeForMatch(CLARIFY_LABELS.queja)]: { intent: 'queja' },
};

/** Trámite labels offered as next steps (for example after a service answer), by normalized label. */
const TRAMITE_LABELS: Readonly<Record<string, MenuRoute>> = Object.fromEntries(
  TRAMITE_IDS.map((id) => [normalizeForMatch(CLARIFY_LABELS[id]), { intent: id }]),
);

/**
 * The route of a main-menu button, a trámite's label ("Obtener mi clave por primera vez") or a service's label
 * ("Préstamo quirografario"), matched exactly so a tap never depends on the classifier.
 */
export function intentFromMenu(text: string): MenuRoute | undefined {
  const normalized = normalizeForMatch(text);
  const route = MENU_INTENTS[normalized] ?? TRAMITE_LABELS[normalized];
  if (route) return route;
  const servicio = servicioFromLabel(text);
  return servicio ? { intent: 'info_servicio', servicio } : undefined;
}

/** The intent the citizen picked among the offered ones; anything else is classified afresh. */
export function intentFromClarification(answer: string, candidates: readonly IntentName[], recognizer: Recognizer): IntentName {
  const normalized = normalizeForMatch(answer);
  const picked = candidates.find((intent) => normalizeForMatch(CLARIFY_LABELS[intent]) === normalized);
  if (picked) return picked;
  const nlu = recognizer.recognize(answer);
  return nlu.status === 'ok' ? nlu.intent : 'fuera_de_dominio';
}

/** Intents that a short answer such as "no gracias" or "ok, chao" should keep, even when it also reads as yes or no. */
const CONVERSATIONAL: readonly IntentName[] = ['saludo', 'despedida', 'agradecimiento', 'ayuda', 'cancelar', 'hablar_agente'];

/**
 * The yes or no of a message that is only an answer ("sí", "dale", "nop") when no question is waiting for one, for
 * example a second tap on a "Sí" button after the journey ended. Undefined when the message says more, or when the
 * classifier is sure it is a greeting, thanks, a goodbye or another conversational intent.
 */
export function bareYesNo(text: string, nlu: NluResult): boolean | undefined {
  const answer = parseYesNo(text);
  if (answer === undefined) return undefined;
  return nlu.status === 'ok' && CONVERSATIONAL.includes(nlu.intent) ? undefined : answer;
}
