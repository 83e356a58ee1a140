/**
 * Spanish NLU of the IESS assistant: intent classification with calibrated confidence,
 * and entity extraction (trámite, servicio, cédula, foreigner code, case number, date,
 * e-mail, phone, yes/no). See nlu/README.md.
 */
import './env';

export { INTENTS, type IntentName } from './intents';
export type { EntityMatch, EntityType } from './entities/types';
export {
  createRecognizer,
  DEFAULT_MARGIN,
  DEFAULT_THRESHOLD,
  type IntentScore,
  type NluResult,
  type Recognizer,
  type RecognizerOptions,
} from './recognizer';
export { isValidCedula, isValidCodigoExtranjero, parseIdentificacion } from './entities/identificacion';
export { parseCaseNumber } from './entities/caseNumber';
export { parseDayMonth, type DayMonth } from './entities/date';
export { parseYesNo } from './entities/yesNo';
export { parseEmail } from './entities/email';
export { parsePhone } from './entities/phone';
export { normalizeForMatch } from './text/normalize';
export { SERVICIO_IDS, type ServicioId, type TramiteMention } from './text/lexicon';
export { detectPreguntas, employerNotApproving, isInsult, looksEnglish, mentionsJubilado, mentionsRelative } from './text/cues';
