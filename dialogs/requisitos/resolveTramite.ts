import { normalizeForMatch, type Recognizer } from '../../nlu';
import { TRAMITES, type TramiteId } from '../../catalog/es-EC/tramites';

/** A trámite, or "clave" when the citizen named the clave without saying which procedure. */
export type TramiteChoice = TramiteId | 'clave';

/**
 * Maps a citizen's answer to a trámite: a button label, its position in the list ("2"), or free text
 * understood by the NLU (typos included). Returns undefined when nothing fits.
 */
export function resolveTramiteChoice(text: string, recognizer: Recognizer): TramiteChoice | undefined {
  const normalized = normalizeForMatch(text);
  if (!normalized) return undefined;
  const byLabel = TRAMITES.find((t) => normalizeForMatch(t.etiqueta) === normalized || normalizeForMatch(t.nombre) === normalized);
  if (byLabel) return byLabel.id;
  const position = Number(normalized);
  if (Number.isInteger(position) && position >= 1 && position <= TRAMITES.length) return TRAMITES[position - 1].id;
  const nlu = recognizer.recognize(text);
  if (nlu.intent === 'clave_obtener' || nlu.intent === 'clave_recuperar') return nlu.intent;
  if (nlu.intent === 'reliquidacion' || nlu.intent === 'reinsercion') return nlu.intent;
  const entity = nlu.entities.find((e) => e.type === 'tramite');
  if (entity?.value === 'reliquidacion' || entity?.value === 'reinsercion' || entity?.value === 'clave') return entity.value;
  return undefined;
}
