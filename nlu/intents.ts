import type { IntentName } from '../core/domain/tramites';

/** Names of the intents the classifier returns: the conversational ones and one per registered trámite. */
export type { IntentName };

/** Every intent, in a stable order (the class order of the model). tests/nlu checks it holds every trámite id. */
export const INTENTS: readonly IntentName[] = [
  'saludo',
  'despedida',
  'agradecimiento',
  'ayuda',
  'cancelar',
  'hablar_agente',
  'clave_obtener',
  'clave_recuperar',
  'requisitos',
  'reliquidacion',
  'reinsercion',
  'estado_tramite',
  'info_servicio',
  'contacto',
  'fuera_de_dominio',
];

/** Narrows a string to an intent name (used when reading the JSON data files). */
export function isIntentName(name: string): name is IntentName {
  return (INTENTS as readonly string[]).includes(name);
}
