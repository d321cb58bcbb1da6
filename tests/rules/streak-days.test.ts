/**
 * The streak rule without a database, with no freezes held (freezes have their own tests in
 * streak.test.ts): advancing on a local day, and the streak shown on a later day.
 */
import { advanceStreak as advanceWithFreezes, streakShownOn, type StreakState } from '../../server/rules/streak';

const state = (current: number, longest: number, lastActiveDay: string | null): StreakState => ({
  current,
  longest,
  lastActiveDay,
  freezes: 0
});
const advanceStreak = (s: StreakState, day: string): StreakState => advanceWithFreezes(s, day).state;
const currentStreakOn = (s: StreakState, today: string): number => streakShownOn(s, today).current;

describe('advanceStreak', () => {
  test('the first active day starts a streak of 1, keeping a longer longest', () => {
    expect(advanceStreak(state(0, 0, null), '2026-06-01')).toEqual(state(1, 1, '2026-06-01'));
    expect(advanceStreak(state(0, 4, null), '2026-06-01')).toEqual(state(1, 4, '2026-06-01'));
  });

  test('the next day adds one and raises the longest only when passed', () => {
    expect(advanceStreak(state(2, 2, '2026-06-01'), '2026-06-02')).toEqual(state(3, 3, '2026-06-02'));
    expect(advanceStreak(state(2, 5, '2026-06-30'), '2026-07-01')).toEqual(state(3, 5, '2026-07-01'));
    expect(advanceStreak(state(9, 9, '2026-12-31'), '2027-01-01')).toEqual(state(10, 10, '2027-01-01'));
  });

  test('the same day or an earlier one (a timezone moved west) changes nothing', () => {
    const s = state(3, 7, '2026-06-10');
    expect(advanceStreak(s, '2026-06-10')).toBe(s);
    expect(advanceStreak(s, '2026-06-09')).toBe(s);
  });

  test('a missed day restarts at 1 and keeps the longest', () => {
    expect(advanceStreak(state(3, 3, '2026-06-01'), '2026-06-03')).toEqual(state(1, 3, '2026-06-03'));
    expect(advanceStreak(state(3, 6, '2026-02-27'), '2026-03-02')).toEqual(state(1, 6, '2026-03-02'));
  });
});

describe('currentStreakOn', () => {
  test('no activity shows 0', () => expect(currentStreakOn(state(0, 0, null), '2026-06-01')).toBe(0));
  test('active today or yesterday shows the streak', () => {
    expect(currentStreakOn(state(4, 4, '2026-06-01'), '2026-06-01')).toBe(4);
    expect(currentStreakOn(state(4, 4, '2026-05-31'), '2026-06-01')).toBe(4);
  });
  test('after a whole missed day it shows 0', () => {
    expect(currentStreakOn(state(4, 4, '2026-05-30'), '2026-06-01')).toBe(0);
    expect(currentStreakOn(state(4, 4, '2025-06-01'), '2026-06-01')).toBe(0);
  });
  test('a last active day after today (a timezone moved west) still shows the streak', () => {
    expect(currentStreakOn(state(2, 2, '2026-06-02'), '2026-06-01')).toBe(2);
  });
});
