import { z } from 'zod';
import { HANDOFF_OPERADOR } from '../../catalog';
import { DEFAULT_HANDOFF_SCHEDULE, parseTimeOfDay, type HandoffSchedule } from '../../core/domain/handoffHours';
import { isLoopbackUrl } from '../channels/botframework/validate';

/** The handoff and case-notification settings (README, "Human handoff" and "Case notifications"). */
export interface HandoffConfig {
  schedule: HandoffSchedule;
  /** Minutes in the queue before the citizen is offered to leave a message (1–240). */
  queueTimeoutMinutes: number;
  /** The Teams channel of the call-centre team where queue cards are posted; absent: no cards (protocol events only). */
  teamsQueue?: { channelId: string; serviceUrl: string };
}

const blank = (value: unknown): unknown => (value === '' ? undefined : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The environment variables of the handoff, merged into bot/config.ts's schema. */
export const HANDOFF_ENV = {
  HANDOFF_DAYS: z.preprocess(blank, z.string().default('1,2,3,4,5')),
  HANDOFF_OPEN: z.preprocess(blank, z.string().default('08:00')),
  HANDOFF_CLOSE: z.preprocess(blank, z.string().default('17:00')),
  HANDOFF_HOLIDAYS: z.preprocess(blank, z.string().default('')),
  HANDOFF_TIME_ZONE: z.preprocess(blank, z.string().default(DEFAULT_HANDOFF_SCHEDULE.timeZone)),
  HANDOFF_QUEUE_TIMEOUT_MINUTES: z.preprocess(blank, z.coerce.number().int().min(1).max(240).default(10)),
  TEAMS_HANDOFF_CHANNEL_ID: z.preprocess(blank, z.string().optional()),
  TEAMS_HANDOFF_SERVICE_URL: z.preprocess(blank, z.string().optional()),
};

type HandoffEnv = z.output<z.ZodObject<typeof HANDOFF_ENV>>;

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Adds one refusal per invalid handoff variable; `local` is true in the Bot Framework's local mode. */
export function checkHandoffEnv(env: HandoffEnv, local: boolean, fail: (variable: string, message: string) => void): void {
  const days = list(env.HANDOFF_DAYS);
  if (days.length === 0 || days.some((d) => !/^[1-7]$/.test(d))) fail('HANDOFF_DAYS', HANDOFF_OPERADOR.dias(env.HANDOFF_DAYS));
  const open = parseTimeOfDay(env.HANDOFF_OPEN);
  const close = parseTimeOfDay(env.HANDOFF_CLOSE);
  if (open === undefined) fail('HANDOFF_OPEN', HANDOFF_OPERADOR.hora('HANDOFF_OPEN', env.HANDOFF_OPEN));
  if (close === undefined) fail('HANDOFF_CLOSE', HANDOFF_OPERADOR.hora('HANDOFF_CLOSE', env.HANDOFF_CLOSE));
  if (open !== undefined && close !== undefined && open >= close) fail('HANDOFF_OPEN', HANDOFF_OPERADOR.horario);
  if (list(env.HANDOFF_HOLIDAYS).some((d) => !DATE.test(d))) fail('HANDOFF_HOLIDAYS', HANDOFF_OPERADOR.feriados(env.HANDOFF_HOLIDAYS));
  if (!validTimeZone(env.HANDOFF_TIME_ZONE)) fail('HANDOFF_TIME_ZONE', HANDOFF_OPERADOR.zonaHoraria(env.HANDOFF_TIME_ZONE));
  const url = env.TEAMS_HANDOFF_SERVICE_URL;
  if (env.TEAMS_HANDOFF_CHANNEL_ID && !url) fail('TEAMS_HANDOFF_SERVICE_URL', HANDOFF_OPERADOR.canalSinUrl);
  if (url) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || !/^https?:$/.test(parsed.protocol)) fail('TEAMS_HANDOFF_SERVICE_URL', HANDOFF_OPERADOR.urlNoValida(url));
    else if (local && !isLoopbackUrl(parsed)) fail('TEAMS_HANDOFF_SERVICE_URL', HANDOFF_OPERADOR.urlNoLocal);
  }
}

/** The validated handoff settings (call after checkHandoffEnv passed). */
export function handoffConfig(env: HandoffEnv): HandoffConfig {
  return {
    schedule: {
      days: list(env.HANDOFF_DAYS).map(Number),
      openMinute: parseTimeOfDay(env.HANDOFF_OPEN) ?? DEFAULT_HANDOFF_SCHEDULE.openMinute,
      closeMinute: parseTimeOfDay(env.HANDOFF_CLOSE) ?? DEFAULT_HANDOFF_SCHEDULE.closeMinute,
      holidays: list(env.HANDOFF_HOLIDAYS),
      timeZone: env.HANDOFF_TIME_ZONE,
    },
    queueTimeoutMinutes: env.HANDOFF_QUEUE_TIMEOUT_MINUTES,
    teamsQueue:
      env.TEAMS_HANDOFF_CHANNEL_ID && env.TEAMS_HANDOFF_SERVICE_URL
        ? { channelId: env.TEAMS_HANDOFF_CHANNEL_ID, serviceUrl: env.TEAMS_HANDOFF_SERVICE_URL }
        : undefined,
  };
}
