/**
 * Follow-up questions about a trámite or service the conversation is already about ("¿cuánto cuesta?", "¿y si soy
 * extranjero?"), and the situations the journeys alone would miss (issue 10). Names only; the answers are in the
 * catalog (catalog/es-EC/seguimiento.ts).
 */

/** What a follow-up asks about a topic. */
export const PREGUNTA_TIPOS = ['costo', 'horario', 'extranjero', 'documentos', 'presencial'] as const;

/** One kind of follow-up question. */
export type PreguntaTipo = (typeof PREGUNTA_TIPOS)[number];

/** Situations answered before any journey starts. */
export type Situacion = 'empleador_no_aprueba' | 'jubilado_clave' | 'familiar';
