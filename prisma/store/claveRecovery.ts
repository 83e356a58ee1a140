import { createHmac } from 'node:crypto';
import { normalizeForMatch } from '../../core/domain/text';
import type { PrismaClient } from '../client';
import { hashSecret, verifySecret } from './secrets';

/** Failed passes through the questions (intentos) per identification before online recovery is blocked (seed 004: 5 intentos). */
export const MAX_RECOVERY_INTENTOS = 5;
/** Hours a block lasts unless an agent lifts it sooner. */
export const DEFAULT_RECOVERY_BLOCK_HOURS = 24;

/** Questions every recovery asks, in order. */
export type RecoveryQuestion = 'fecha' | 'empleador' | 'anio' | 'pregunta1' | 'pregunta2';

/** What the citizen is asked: multiple-choice options and the two personal questions. Holds no answer. */
export interface RecoveryChallenge {
  employerOptions: string[];
  yearOptions: string[];
  personalQuestions: [string, string];
}

/** The answer to one question: a day and month, a chosen option, or free text. */
export type RecoveryAnswer = { day: number; month: number } | string;

/**
 * Settings shared by the recovery functions: the server secret that makes answers for unknown identifications stable,
 * and how many hours a block lasts.
 */
export interface RecoveryContext {
  db: PrismaClient;
  secret: string;
  distractors: readonly string[];
  blockHours: number;
}

let dummyHash: Promise<string> | undefined;

function stable(secret: string, identificacion: string, salt: string): number {
  return createHmac('sha256', secret).update(`${salt}:${identificacion}`).digest().readUInt32BE(0);
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function findAfiliado(db: PrismaClient, identificacion: string) {
  return db.afiliado.findFirst({
    where: { OR: [{ cedula: identificacion }, { codigoExtranjero: identificacion }] },
    include: { workHistory: true, securityQuestions: { orderBy: { orden: 'asc' } } },
  });
}

/** Whether online recovery is blocked for this identification, registered or not: a block ends `blockHours` after it began. */
export async function isRecoveryBlocked(
  db: PrismaClient,
  options: { identificacion: string; now: Date; blockHours: number },
): Promise<boolean> {
  const guard = await db.recoveryGuard.findUnique({ where: { identificador: options.identificacion } });
  return Boolean(guard?.bloqueadoEn && guard.bloqueadoEn.getTime() + options.blockHours * 3_600_000 > options.now.getTime());
}

/**
 * Builds the questions for an identification: the first employer among three others, and the first year among
 * three near it. An unknown identification, or one with no personal questions,
 * gets questions of the same shape (the given usual pair, a stable made-up employer and year derived from the server
 * secret), so the questions never reveal whether the person is registered.
 */
export async function buildRecoveryChallenge(
  ctx: RecoveryContext,
  options: { identificacion: string; now: Date; fallbackQuestions: readonly [string, string] },
): Promise<RecoveryChallenge> {
  const { identificacion } = options;
  const person = await findAfiliado(ctx.db, identificacion);
  const history = person?.workHistory.map((w) => w.empleador) ?? [];
  const pool = ctx.distractors.filter((d) => !history.some((h) => normalizeForMatch(h) === normalizeForMatch(d)));
  const earliest = [...(person?.workHistory ?? [])].sort((a, b) => a.desde.localeCompare(b.desde))[0]?.empleador;
  const real = earliest ?? pool[stable(ctx.secret, identificacion, 'emp') % pool.length];
  const others = shuffle(pool.filter((d) => d !== real)).slice(0, 3);
  const years = person?.workHistory.map((w) => Number(w.desde.slice(0, 4))) ?? [];
  const firstYear = years.length > 0 ? Math.min(...years) : 1975 + (stable(ctx.secret, identificacion, 'anio') % 40);
  const currentYear = options.now.getUTCFullYear();
  const candidates = shuffle(
    Array.from({ length: 13 }, (_, i) => firstYear - 6 + i).filter((y) => y !== firstYear && y <= currentYear),
  ).slice(0, 3);
  const questions =
    person && person.securityQuestions.length >= 2
      ? [person.securityQuestions[0].pregunta, person.securityQuestions[1].pregunta]
      : options.fallbackQuestions;
  return {
    employerOptions: shuffle([real, ...others]),
    yearOptions: [firstYear, ...candidates].sort((a, b) => a - b).map(String),
    personalQuestions: [questions[0], questions[1]],
  };
}

/**
 * Checks one answer and counts nothing: a pass is judged once, at its end (recordRecoveryPass), so no answer's
 * correctness shows on its own. Unknown identifications always fail, after the same work (a slow hash is verified in
 * every personal-question check).
 */
export async function checkRecoveryAnswer(
  ctx: RecoveryContext,
  options: { identificacion: string; question: RecoveryQuestion; answer: RecoveryAnswer; now: Date },
): Promise<{ correct: boolean }> {
  const person = await findAfiliado(ctx.db, options.identificacion);
  return { correct: await isCorrect(person, options.question, options.answer) };
}

async function isCorrect(
  person: Awaited<ReturnType<typeof findAfiliado>>,
  question: RecoveryQuestion,
  answer: RecoveryAnswer,
): Promise<boolean> {
  if (question === 'pregunta1' || question === 'pregunta2') {
    const stored = person?.securityQuestions[question === 'pregunta1' ? 0 : 1]?.respuestaHash;
    dummyHash ??= hashSecret('respuesta-de-relleno');
    const ok = await verifySecret(normalizeForMatch(String(answer)), stored ?? (await dummyHash));
    return ok && stored !== undefined && (person?.securityQuestions.length ?? 0) >= 2;
  }
  if (!person) return false;
  if (question === 'fecha') {
    if (typeof answer === 'string') return false;
    const [, month, day] = person.fechaNacimiento.split('-').map(Number);
    return answer.day === day && answer.month === month;
  }
  if (question === 'empleador') return person.workHistory.some((w) => normalizeForMatch(w.empleador) === normalizeForMatch(String(answer)));
  const years = person.workHistory.map((w) => Number(w.desde.slice(0, 4)));
  return years.length > 0 && String(Math.min(...years)) === String(answer);
}

/** The person's id, names and registered e-mail (ask only after every answer was right); undefined when unknown. */
export async function getRecoveryEmail(
  db: PrismaClient,
  options: { identificacion: string },
): Promise<{ afiliadoId: string; nombres: string; email?: string } | undefined> {
  const person = await db.afiliado.findFirst({
    where: { OR: [{ cedula: options.identificacion }, { codigoExtranjero: options.identificacion }] },
  });
  return person ? { afiliadoId: person.id, nombres: person.nombres, email: person.email ?? undefined } : undefined;
}
