import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import { parseDayMonth, parseEmail, parseIdentificacion, parseYesNo } from '../../nlu';
import { matchOption } from '../shared/choices';
import { markSensitiveInput } from '../shared/sensitive';

/** Prompt ids of the recovery journey. */
export const PROMPTS = {
  identificacion: 'recuperarIdPrompt',
  fecha: 'recuperarFechaPrompt',
  opcion: 'recuperarOpcionPrompt',
  libre: 'recuperarLibrePrompt',
  siNo: 'recuperarSiNoPrompt',
  correo: 'recuperarCorreoPrompt',
} as const;

/** Format errors are re-asked this many times; they are never counted as wrong answers. */
export const MAX_FORMAT_ATTEMPTS = 3;

type Parse = (text: string, prompt: PromptValidatorContext<string>) => unknown;

function prompt(id: string, parse: Parse, sensitive = false): TextPrompt {
  return new TextPrompt(id, async (p) => {
    if (sensitive) markSensitiveInput(p.context);
    return parse(p.recognized.value ?? '', p) !== undefined || p.attemptCount >= MAX_FORMAT_ATTEMPTS;
  });
}

/** The journey's prompts: each validator only checks the form of the answer, never its truth; security answers are marked for redaction. */
export function recoveryPrompts(): TextPrompt[] {
  return [
    prompt(PROMPTS.identificacion, (t) => parseIdentificacion(t)),
    prompt(PROMPTS.fecha, (t) => parseDayMonth(t), true),
    prompt(
      PROMPTS.opcion,
      (t, p) =>
        matchOption(
          t,
          (p.options.choices ?? []).map((c) => (typeof c === 'string' ? c : c.value)),
        ),
      true,
    ),
    prompt(PROMPTS.libre, (t) => (t.trim().length > 0 && t.length <= 200 ? t : undefined), true),
    prompt(PROMPTS.siNo, (t) => parseYesNo(t) ?? (/^no,? usar otro/i.test(t.trim()) ? false : undefined)),
    prompt(PROMPTS.correo, (t) => parseEmail(t)),
  ];
}
