/**
 * When people answer the chat: working days, opening and closing time, holidays, in one IANA time zone. Pure
 * functions over a configured schedule; the default is the Centros de Atención's hours from seed 002 (lunes a
 * viernes, 8:00 a 17:00), a setting because the seeds give no hours for the call centre itself.
 */

/** A handoff schedule: ISO weekdays (1 = lunes … 7 = domingo), minutes after midnight, holidays as YYYY-MM-DD. */
export interface HandoffSchedule {
  days: readonly number[];
  openMinute: number;
  closeMinute: number;
  holidays: readonly string[];
  timeZone: string;
}

/** Seed 002: Centros de Atención a nivel nacional, de lunes a viernes de 8:00 a 17:00, America/Guayaquil. */
export const DEFAULT_HANDOFF_SCHEDULE: HandoffSchedule = {
  days: [1, 2, 3, 4, 5],
  openMinute: 8 * 60,
  closeMinute: 17 * 60,
  holidays: [],
  timeZone: 'America/Guayaquil',
};

/** A moment seen on the schedule's wall clock. */
interface WallTime {
  date: string;
  weekday: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function wallTime(at: Date, timeZone: string): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: WEEKDAYS[get('weekday')] ?? 0,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** True when `date` (YYYY-MM-DD on the schedule's calendar) is a working day: a listed weekday and not a holiday. */
function isWorkingDay(schedule: HandoffSchedule, wall: WallTime): boolean {
  return schedule.days.includes(wall.weekday) && !schedule.holidays.includes(wall.date);
}

/** True when agents answer at `at`: a working day, from the opening minute up to (not including) the closing one. */
export function isWithinHandoffHours(schedule: HandoffSchedule, at: Date): boolean {
  const wall = wallTime(at, schedule.timeZone);
  return isWorkingDay(schedule, wall) && wall.minute >= schedule.openMinute && wall.minute < schedule.closeMinute;
}

/**
 * The next opening after `at` (the start of the next working period, or `at` itself when inside hours): when agents
 * see a callback request left out of hours. Scans minute-exact, day by day, at most a year ahead.
 */
export function nextOpening(schedule: HandoffSchedule, at: Date): Date {
  if (isWithinHandoffHours(schedule, at)) return at;
  const wall = wallTime(at, schedule.timeZone);
  // Start of today's opening on the wall clock, as an instant: step back to midnight, then forward to the opening.
  let candidate = new Date(at.getTime() + (schedule.openMinute - wall.minute) * 60_000);
  candidate = new Date(Math.floor(candidate.getTime() / 60_000) * 60_000);
  if (candidate.getTime() <= at.getTime()) candidate = new Date(candidate.getTime() + 86_400_000);
  for (let i = 0; i < 370; i++) {
    const w = wallTime(candidate, schedule.timeZone);
    // Correct a drift from a time-zone offset change, then test the day.
    const aligned = new Date(candidate.getTime() + (schedule.openMinute - w.minute) * 60_000);
    if (isWorkingDay(schedule, wallTime(aligned, schedule.timeZone))) return aligned;
    candidate = new Date(aligned.getTime() + 86_400_000);
  }
  throw new Error('handoff schedule has no working day in the next year');
}

/** "HH:MM" → minutes after midnight; undefined when not a valid time of day. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Minutes after midnight → "8:00", "17:30" (as the seeds write hours). */
export function formatTimeOfDay(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
}
