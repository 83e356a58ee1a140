import type { TurnContext } from 'botbuilder';
import type { NluResult, Recognizer } from '../../nlu';

const NLU_KEY = Symbol('iess.nlu');

/** Classifies the turn's text once and caches the result on the turn, so interruptions and routing agree. */
export function understand(context: TurnContext, recognizer: Recognizer): NluResult {
  const cached = context.turnState.get(NLU_KEY) as NluResult | undefined;
  if (cached) return cached;
  const result = recognizer.recognize(context.activity.text ?? '');
  context.turnState.set(NLU_KEY, result);
  return result;
}
