import { normalizeForMatch, type Recognizer } from '../../nlu';
import { TRAMITES } from '../../catalog';
import { isTramiteId, isTramiteMention, type TramiteId, type TramiteMention } from '../../core/domain/tramites';

/**
 * A registered trámite, or a mention the NLU found that may name several of them ("clave", when the citizen named
 * the clave without saying which procedure).
 */
export type TramiteChoice = TramiteId | TramiteMention;

/** Narrows a stored or typed value to a {@link TramiteChoice}. */
export function isTramiteChoice(value: string): value is TramiteChoice {
  return isTramiteId(value) || isTramiteMention(value);
}

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
  if (isTramiteId(nlu.intent)) return nlu.intent;
  const entity = nlu.entities.find((e) => e.type === 'tramite');
  return entity && isTramiteMention(entity.value) ? entity.value : undefined;
}
