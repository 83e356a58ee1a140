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

/** Source of the current time; tests pass a fixed clock. */
export type Clock = () => Date;

/** Everything the dialogs need from the outside world, wired once in bot/. */
export interface DialogDependencies {
  recognizer: Recognizer;
  cases: CaseReader;
  rateLimiter: RateLimiter;
  clock: Clock;
}

/** Fails start-up loudly when a dependency is missing, instead of failing on a citizen's turn. */
export function assertDependencies(deps: Partial<DialogDependencies>): asserts deps is DialogDependencies {
  const required: (keyof DialogDependencies)[] = ['recognizer', 'cases', 'rateLimiter', 'clock'];
  const missing = required.filter((key) => deps[key] === undefined || deps[key] === null);
  if (missing.length > 0) throw new Error(`Faltan dependencias de los diálogos: ${missing.join(', ')}`);
}
