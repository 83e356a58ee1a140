import { TRAMITE_IDS, type IntentName } from '../core/domain/tramites';

/** Names of the intents the classifier returns: the conversational ones and one per registered trámite. */
export type { IntentName };

/**
 * Every intent, in a stable order (the class order of the model): the conversational ones, with the registry's
 * trámites in registry order after `hablar_agente`, so a new trámite needs no edit here.
 */
export const INTENTS: readonly IntentName[] = [
  'saludo',
  'despedida',
  'agradecimiento',
  'ayuda',
  'cancelar',
  'hablar_agente',
  ...TRAMITE_IDS,
  'requisitos',
  'estado_tramite',
  'info_servicio',
  'contacto',
  'queja',
  'fuera_de_dominio',
];

/** Narrows a string to an intent name (used when reading the JSON data files). */
export function isIntentName(name: string): name is IntentName {
  return (INTENTS as readonly string[]).includes(name);
}
