import type { Recognizer } from '../nlu';

/** States a case can be in, as the store names them. */
export type CaseStateName =
  | 'RECIBIDO'
  | 'PENDIENTE_EMPLEADOR'
  | 'EN_REVISION'
  | 'REQUIERE_INFORMACION'
  | 'APROBADO'
  | 'NEGADO'
  | 'CERRADO';

/** Kinds of trámite the store records. */
export type CaseTypeName = 'RELIQUIDACION' | 'REINSERCION' | 'CLAVE';

/** What a citizen may see of a case: its current state, when it was reached and the note for the citizen. */
export interface CaseStatusView {
  numero: string;
  tipo: CaseTypeName;
  estado: CaseStateName;
  fecha: Date;
  nota?: string;
}

/** Read access to cases for citizens: a case is returned only when the identification matches its owner. */
export interface CaseReader {
  findCaseForCitizen(options: { numero: string; identificacion: string }): Promise<CaseStatusView | undefined>;
}

/** Outcome of counting one more use of a limited action. */
export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Shared fixed-window limiter for anything guessable (case look-ups, recovery starts). */
export interface RateLimiter {
  hit(options: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitDecision>;
}

/** A recovery question, in the order they are asked. */
export type RecoveryQuestionName = 'fecha' | 'empleador' | 'anio' | 'pregunta1' | 'pregunta2';

/** What the citizen is asked during online recovery; it never says whether the person is registered. */
export interface RecoveryChallengeView {
  employerOptions: string[];
  yearOptions: string[];
  personalQuestions: [string, string];
}

/** Online clave recovery (seed 004). Wrong answers are counted in the store, per identification. */
export interface ClaveRecoveryPort {
  isBlocked(identificacion: string): Promise<boolean>;
  startChallenge(identificacion: string): Promise<RecoveryChallengeView>;
  checkAnswer(
    identificacion: string,
    question: RecoveryQuestionName,
    answer: { day: number; month: number } | string,
  ): Promise<{ correct: boolean; failures: number; blocked: boolean }>;
  /** The registered e-mail, masked (m***@example.ec); call only after every answer was right. */
  maskedEmail(identificacion: string): Promise<string | undefined>;
  /** Queues the reset e-mail to the registered address, or to a new one (then the old address is told). */
  sendResetLink(identificacion: string, newEmail?: string): Promise<{ maskedTo: string }>;
}

/** What the first-clave journey may show about a person: contact data masked. */
export interface ClaveRequestView {
  nombres: string;
  condicion: 'AFILIADO_DEPENDENCIA' | 'AFILIADO_CESANTE' | 'AFILIADO_VOLUNTARIO' | 'JUBILADO' | 'PENSIONISTA' | 'MONTEPIO_CONYUGE';
  maskedEmail?: string;
  maskedPhone?: string;
  hasClave: boolean;
  empleador?: string;
  openCase?: { numero: string; estado: CaseStateName };
}

/** A document the citizen can download, as a channel-neutral attachment. */
export interface DownloadableDocument {
  name: string;
  contentType: string;
  url: string;
}

/** First-time clave requests (seed 003). */
export interface ClaveRequestPort {
  lookup(identificacion: string): Promise<ClaveRequestView | undefined>;
  /** Files the request (idempotent per person); contact data given only when the registered data is wrong. */
  file(options: { identificacion: string; email?: string; telefono?: string }): Promise<{
    numero: string;
    created: boolean;
    kind: 'employer' | 'print';
    documento?: DownloadableDocument;
  }>;
}

/** Source of the current time; tests pass a fixed clock. */
export type Clock = () => Date;

/** Everything the dialogs need from the outside world, wired once in bot/. */
export interface DialogDependencies {
  recognizer: Recognizer;
  cases: CaseReader;
  rateLimiter: RateLimiter;
  clock: Clock;
  claveRecovery: ClaveRecoveryPort;
  claveRequests: ClaveRequestPort;
}

/** Fails start-up loudly when a dependency is missing, instead of failing on a citizen's turn. */
export function assertDependencies(deps: Partial<DialogDependencies>): asserts deps is DialogDependencies {
  const required: (keyof DialogDependencies)[] = ['recognizer', 'cases', 'rateLimiter', 'clock', 'claveRecovery', 'claveRequests'];
  const missing = required.filter((key) => deps[key] === undefined || deps[key] === null);
  if (missing.length > 0) throw new Error(`Faltan dependencias de los diálogos: ${missing.join(', ')}`);
}
