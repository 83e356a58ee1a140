import {
  DEFAULT_HANDOFF_SCHEDULE,
  formatTimeOfDay,
  isWithinHandoffHours,
  nextOpening,
  parseTimeOfDay,
} from '../../core/domain/handoffHours';

const withHoliday = { ...DEFAULT_HANDOFF_SCHEDULE, holidays: ['2026-12-25'] };

describe('handoff hours (America/Guayaquil, UTC−5)', () => {
  it.each([
    ['Wednesday 7:59', '2026-12-02T12:59:00Z', false],
    ['Wednesday 8:00', '2026-12-02T13:00:00Z', true],
    ['Wednesday 16:59', '2026-12-02T21:59:00Z', true],
    ['Wednesday 17:00', '2026-12-02T22:00:00Z', false],
    ['Saturday 10:00', '2026-12-05T15:00:00Z', false],
    ['Sunday 10:00', '2026-12-06T15:00:00Z', false],
    ['Friday 25 (holiday) 10:00', '2026-12-25T15:00:00Z', false],
    ['Thursday 24 10:00', '2026-12-24T15:00:00Z', true],
  ])('%s → %s', (_label, at, expected) => {
    expect(isWithinHandoffHours(withHoliday, new Date(at))).toBe(expected);
  });

  it.each([
    ['Wednesday 20:00 → Thursday 8:00', '2026-12-03T01:00:00Z', '2026-12-03T13:00:00.000Z'],
    ['Wednesday 6:30 → same day 8:00', '2026-12-02T11:30:00Z', '2026-12-02T13:00:00.000Z'],
    ['Friday 18:00 → Monday 8:00', '2026-12-05T23:00:00Z', '2026-12-07T13:00:00.000Z'],
    ['Thursday 24 18:00 → Monday 28 (25 is a holiday)', '2026-12-24T23:00:00Z', '2026-12-28T13:00:00.000Z'],
    ['inside hours → now', '2026-12-02T15:00:00Z', '2026-12-02T15:00:00.000Z'],
  ])('next opening: %s', (_label, at, expected) => {
    expect(nextOpening(withHoliday, new Date(at)).toISOString()).toBe(expected);
  });

  it('parses and formats times of day', () => {
    expect(parseTimeOfDay('08:00')).toBe(480);
    expect(parseTimeOfDay('17:30')).toBe(1050);
    expect(parseTimeOfDay('24:00')).toBeUndefined();
    expect(parseTimeOfDay('8h')).toBeUndefined();
    expect(formatTimeOfDay(480)).toBe('8:00');
    expect(formatTimeOfDay(1050)).toBe('17:30');
  });

  it('refuses a schedule with no working day', () => {
    expect(() => nextOpening({ ...DEFAULT_HANDOFF_SCHEDULE, days: [] }, new Date('2026-12-02T01:00:00Z'))).toThrow();
  });
});
