import {
  CLARIFY_LABELS,
  FAMILIAR_TRAMITE,
  MENU_OPCIONES,
  SEGUIMIENTO,
  SEGUIMIENTO_SERVICIO,
  SEGUIMIENTO_TRAMITE,
  SERVICIO_TEXTOS,
  SITUACIONES,
} from '../../catalog';
import { isServicioId, type ServicioId } from '../../core/domain/servicios';
import { isTramiteId, type IntentName, type TramiteId } from '../../core/domain/tramites';
import {
  detectPreguntas,
  employerNotApproving,
  isInsult,
  mentionsJubilado,
  mentionsRelative,
  normalizeForMatch,
  type NluResult,
} from '../../nlu';

/** What a conversation is about, as the topic memory keeps it: a trámite id, or `servicio:<id>`. */
export type Topic = { tramite: TramiteId } | { servicio: ServicioId };

const SERVICIO_PREFIX = 'servicio:';

/** The stored form of a topic. */
export function topicKey(topic: Topic): string {
  return 'tramite' in topic ? topic.tramite : `${SERVICIO_PREFIX}${topic.servicio}`;
}

/** A stored topic read back; undefined for anything unknown (an id removed since). */
export function parseTopic(value: string | undefined): Topic | undefined {
  if (!value) return undefined;
  if (isTramiteId(value)) return { tramite: value };
  const servicio = value.startsWith(SERVICIO_PREFIX) ? value.slice(SERVICIO_PREFIX.length) : '';
  return isServicioId(servicio) ? { servicio } : undefined;
}

/** An answer given in context, with its choices and the topic to remember after it. */
export interface InContextAnswer {
  text: string;
  choices: readonly string[];
  topic?: Topic;
}

/** Intents whose messages are never follow-ups: "me atendieron mal en la ventanilla" is a complaint. */
const NOT_FOLLOW_UP: readonly IntentName[] = ['queja', 'estado_tramite', 'cancelar', 'despedida', 'agradecimiento'];

/** The trámite a message names itself: its intent, or a `tramite` entity that names exactly one. */
export function tramiteNamed(nlu: NluResult): TramiteId | undefined {
  if (isTramiteId(nlu.intent)) return nlu.intent;
  const value = nlu.entities.find((e) => e.type === 'tramite')?.value;
  return value !== undefined && isTramiteId(value) ? value : undefined;
}

function servicioNamed(nlu: NluResult): ServicioId | undefined {
  const value = nlu.entities.find((e) => e.type === 'servicio')?.value;
  return value !== undefined && isServicioId(value) ? value : undefined;
}

const withMenu = (first: readonly string[]): readonly string[] => [...new Set([...first, ...MENU_OPCIONES])];
const OBTAIN_WORDS = ['primera', 'sacar', 'saco', 'obtener', 'nueva', 'generar', 'solicitar'];

/** The situations of issue 10 that the journeys alone would miss, before any journey starts. */
function situationAnswer(text: string, nlu: NluResult): InContextAnswer | undefined {
  const tramite = tramiteNamed(nlu);
  const mentionsClave = tramite === 'clave_obtener' || nlu.entities.some((e) => e.type === 'tramite' && e.value === 'clave');
  if (employerNotApproving(text) && (mentionsClave || normalizeForMatch(text).includes('solicitud'))) {
    return { text: SITUACIONES.empleador_no_aprueba, choices: withMenu([CLARIFY_LABELS.queja]), topic: { tramite: 'clave_obtener' } };
  }
  const words = normalizeForMatch(text).split(' ');
  const obtaining = tramite === 'clave_obtener' || (mentionsClave && words.some((w) => OBTAIN_WORDS.includes(w)));
  if (mentionsJubilado(text) && obtaining) {
    return { text: SITUACIONES.jubilado_clave, choices: withMenu([CLARIFY_LABELS.clave_obtener]), topic: { tramite: 'clave_obtener' } };
  }
  if (tramite && mentionsRelative(text) && !servicioNamed(nlu) && detectPreguntas(text).length === 0) {
    return {
      text: `${SITUACIONES.familiar}\n${FAMILIAR_TRAMITE[tramite]}`,
      choices: withMenu([SEGUIMIENTO.requisitosDe]),
      topic: { tramite },
    };
  }
  return undefined;
}

/**
 * The answer to a message in the context of the conversation, or undefined to route it as usual: first the situations
 * (an employer who does not approve the first clave, a pensioner asking for a first clave, a relative), then
 * follow-up questions ("¿cuánto cuesta?", "¿y si soy extranjero?", "¿qué papeles llevo?", "¿se puede en persona?")
 * about the trámite or service the message names, or else the one the conversation is about. A message with two such
 * questions gets both answers.
 */
export function inContextAnswer(text: string, nlu: NluResult, remembered: Topic | undefined): InContextAnswer | undefined {
  if ((nlu.status === 'ok' && NOT_FOLLOW_UP.includes(nlu.intent)) || isInsult(text)) return undefined;
  const situation = situationAnswer(text, nlu);
  if (situation) return situation;
  const tipos = detectPreguntas(text);
  if (tipos.length === 0) return undefined;
  const tramite = tramiteNamed(nlu);
  const servicio = servicioNamed(nlu);
  if (servicio && !tramite) return undefined;
  if (tramite && nlu.status === 'ok' && nlu.intent === 'requisitos' && tipos.every((t) => t === 'documentos')) return undefined;
  const topic: Topic | undefined = tramite ? { tramite } : remembered;
  if (!topic) {
    if (tipos.includes('extranjero')) return { text: SEGUIMIENTO.extranjeroGeneral, choices: MENU_OPCIONES };
    return tipos.includes('horario') ? undefined : { text: SEGUIMIENTO.sinTema, choices: MENU_OPCIONES };
  }
  if ('tramite' in topic) {
    const texts = [...new Set(tipos.map((t) => SEGUIMIENTO_TRAMITE[topic.tramite][t]))];
    return { text: texts.join('\n\n'), choices: withMenu([SEGUIMIENTO.requisitosDe]), topic };
  }
  const texts = [...new Set(tipos.map((t) => SEGUIMIENTO_SERVICIO[t]))];
  return { text: [SERVICIO_TEXTOS[topic.servicio].etiqueta, ...texts].join('\n'), choices: MENU_OPCIONES, topic };
}
