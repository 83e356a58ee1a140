/** Kinds of entity the NLU extracts. */
export type EntityType =
  'tramite' | 'servicio' | 'cedula' | 'codigo_extranjero' | 'numero_caso' | 'fecha' | 'email' | 'telefono' | 'confirmacion';

/**
 * One entity found in an utterance. `value` is normalised: tramite 'reliquidacion'|'reinsercion'|'clave';
 * servicio its id; cedula the 10 digits; numero_caso like 'RL-2026-000042'; fecha 'MM-DD' or 'YYYY-MM-DD';
 * email lowercased; telefono E.164 '+593…'; confirmacion 'si'|'no'. `start`/`end` index the original text.
 */
export interface EntityMatch {
  type: EntityType;
  value: string;
  text: string;
  start: number;
  end: number;
}

/** A normalised value found at a span of the input, before it becomes an EntityMatch. */
export interface Span<T> {
  value: T;
  start: number;
  end: number;
}
