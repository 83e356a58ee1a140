import type { IntentName, Recognizer } from '../../nlu';
import { startsJourney } from '../shared/newQuestion';

/** Confidence each part of a two-question message needs before it counts as a question of its own. */
const PART_MIN_SCORE = 0.7;

/** Splits a message at question marks, full stops and joining words ("… y también …", "… además …"). */
function parts(text: string): string[] {
  return text
    .split(
      /[?¿.;]|\s(?:y\s+tambi[eé]n|adem[aá]s|y\s+otra\s+cosa|y\s+otra\s+pregunta)\s|\sy\s(?=(?:c[oó]mo|qu[eé]|cu[aá]nto|cu[aá]ndo|d[oó]nde|en\s+qu[eé])\s)/i,
    )
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 2);
}

/**
 * The two different journeys a message asks for ("requisitos de la reliquidación y en qué va mi trámite"), in the
 * order asked, or undefined when it asks one thing. Each part must be understood on its own with confidence. A
 * message of one part cannot ask two things, so it is not classified again (the turn has classified it already).
 */
export function twoQuestions(text: string, recognizer: Recognizer): [IntentName, IntentName] | undefined {
  const split = parts(text);
  if (split.length < 2) return undefined;
  const found: IntentName[] = [];
  for (const part of split) {
    const nlu = recognizer.recognize(part);
    const counts = nlu.status === 'ok' && nlu.score >= PART_MIN_SCORE && (startsJourney(nlu.intent) || nlu.intent === 'contacto');
    if (counts && !found.includes(nlu.intent)) found.push(nlu.intent);
  }
  return found.length >= 2 ? [found[0], found[1]] : undefined;
}
