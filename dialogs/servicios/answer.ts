import { CLARIFY_LABELS, lineaAudiencia, MENU_OPCIONES, SERVICIO_TEXTOS, SERVICIOS } from '../../catalog';
import {
  getServicio,
  grupoDe,
  isServicioId,
  SERVICIOS_REGISTRY,
  type Audiencia,
  type ServicioId,
  type ServicioSiguiente,
} from '../../core/domain/servicios';
import { isTramiteId, type IntentName } from '../../core/domain/tramites';
import { normalizeForMatch, type NluResult } from '../../nlu';

/** What the bot says about a service: the text and the choices (next steps first, then the main menu). */
export interface ServicioAnswer {
  text: string;
  choices: readonly string[];
}

const withMenu = (first: readonly string[]): readonly string[] => [...new Set([...first, ...MENU_OPCIONES])];

function siguienteTexto(audiencia: Audiencia, siguiente: readonly ServicioSiguiente[]): string {
  if (siguiente.includes('clave_obtener')) return SERVICIOS.siguienteClave;
  if (siguiente.includes('clave_recuperar')) return SERVICIOS.siguienteRecuperar;
  return audiencia === 'empleador' ? SERVICIOS.sinSiguienteEmpleador : '';
}

function portalTexto(id: ServicioId, audiencia: Audiencia): string {
  if (id === 'clave_patronal') return SERVICIOS.portalClavePatronal;
  return audiencia === 'empleador' ? SERVICIOS.portalEmpleador : SERVICIOS.portal;
}

/**
 * The specific answer of one service (seed 001): what it does and the seed's facts, where and how it is done, that
 * the seeds say nothing more (with the contact channels), and the bot's own next steps. A family ("préstamos",
 * "certificados") asks which of its members, with their labels as choices.
 */
export function servicioAnswer(id: ServicioId): ServicioAnswer {
  const { audiencia, siguiente } = getServicio(id);
  const grupo = grupoDe(id);
  if (grupo.length > 0) {
    return { text: SERVICIO_TEXTOS[id].texto, choices: withMenu(grupo.map((g) => SERVICIO_TEXTOS[g].etiqueta)) };
  }
  const lines = [SERVICIO_TEXTOS[id].texto, portalTexto(id, audiencia), SERVICIOS.sinMasDetalles, siguienteTexto(audiencia, siguiente)];
  return { text: lines.filter((l) => l !== '').join('\n'), choices: withMenu(siguiente.map((s) => CLARIFY_LABELS[s])) };
}

/** The general answer: the portal line, the services of each audience (from the registry) and which one. */
export function serviciosGeneralAnswer(): ServicioAnswer {
  const audiencias: readonly Audiencia[] = ['afiliado', 'pensionista', 'empleador'];
  const lines = audiencias.map((a) =>
    lineaAudiencia(
      a,
      SERVICIOS_REGISTRY.filter((s) => s.audiencia === a && !('grupo' in s)).map((s) => SERVICIO_TEXTOS[s.id].etiqueta),
    ),
  );
  return { text: [SERVICIOS.general, ...lines, SERVICIOS.generalPregunta].join('\n'), choices: MENU_OPCIONES };
}

const BY_LABEL: ReadonlyMap<string, ServicioId> = new Map(
  SERVICIOS_REGISTRY.map((s) => [normalizeForMatch(SERVICIO_TEXTOS[s.id].etiqueta), s.id] as const),
);

/** The service whose button label is exactly `text` (a tapped choice), so a tap never depends on the classifier. */
export function servicioFromLabel(text: string): ServicioId | undefined {
  return BY_LABEL.get(normalizeForMatch(text));
}

/** Intents that keep their own answer even when the message names a service ("hablar con un agente sobre…"). */
const OWN_ANSWER: readonly IntentName[] = ['estado_tramite', 'despedida', 'cancelar', 'hablar_agente', 'contacto', 'agradecimiento'];

/**
 * The service a message should be answered with: the `servicio` entity (the longest phrase when several, so "soy
 * jubilado y vivo en el exterior" is the aviso de salida del país) when the message names no trámite and its
 * intent is not one that keeps its own answer (for example `info_servicio`, `requisitos`, or an out-of-domain guess
 * for "seguro médico para mi esposa"). A trámite intent keeps its journey, except for an employer service: "olvidé la
 * clave patronal" is not the afiliado's clave.
 */
export function servicioToAnswer(intent: IntentName, nlu: NluResult | undefined): ServicioId | undefined {
  if (!nlu || OWN_ANSWER.includes(intent) || nlu.entities.some((e) => e.type === 'tramite')) return undefined;
  const named = nlu.entities.filter((e) => e.type === 'servicio' && isServicioId(e.value));
  const longest = named.reduce<(typeof named)[number] | undefined>(
    (best, e) => (!best || e.end - e.start > best.end - best.start ? e : best),
    undefined,
  );
  const id = longest !== undefined && isServicioId(longest.value) ? longest.value : undefined;
  if (id === undefined || (isTramiteId(intent) && getServicio(id).audiencia !== 'empleador')) return undefined;
  return id;
}
