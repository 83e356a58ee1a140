import { normalizeForMatch } from '../../nlu';

/** Id of the step that waits for the sign-in on the web page. */
export const SIGNIN_WAIT_DIALOG = 'signInWait';

const RESEND = /\b(otro|nuevo|reenvi\w*|envie|enviar|mande)\b.*\b(enlace|link)\b|^reenviar\b/;

/**
 * True when a message asks the sign-in wait for a new link ("mándeme un nuevo enlace"). Pure, so the journeys'
 * interruption check can leave such a message to the wait instead of reading it as a new question.
 */
export function isResendRequest(text: string): boolean {
  return RESEND.test(normalizeForMatch(text));
}
