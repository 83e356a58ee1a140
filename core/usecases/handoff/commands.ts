import { HANDOFF_COMANDOS } from '../../../catalog';
import { normalizeForMatch } from '../../domain/text';

const CITIZEN_END = HANDOFF_COMANDOS.ciudadanoTermina;
const AGENT_END = HANDOFF_COMANDOS.agenteTermina;
const KEEP_WAITING = HANDOFF_COMANDOS.seguirEsperando;
const NO_MESSAGE = HANDOFF_COMANDOS.noDejarMensaje;

const matches = (list: readonly string[], text: string): boolean => list.includes(normalizeForMatch(text));

/** "cancelar" / "volver al asistente": the citizen leaves the queue or the conversation with the agent. */
export const isCitizenEndCommand = (text: string): boolean => matches(CITIZEN_END, text);
/** "terminar": the agent hands the citizen back to the assistant. */
export const isAgentEndCommand = (text: string): boolean => matches(AGENT_END, text);
/** "seguir esperando" after the queue timeout offer. */
export const isKeepWaitingCommand = (text: string): boolean => matches(KEEP_WAITING, text);
/** "no, gracias" when asked to leave a message. */
export const isNoMessageCommand = (text: string): boolean => matches(NO_MESSAGE, text);

/** The 1–5 satisfaction answer, or undefined when the text is not one. */
export function parseSatisfaction(text: string): number | undefined {
  const match = /^\s*([1-5])\s*(?:\/\s*5)?\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}
