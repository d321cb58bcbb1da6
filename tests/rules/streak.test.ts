/** The streak rule on local calendar days, without a database. */
import { advanceStreak, currentStreakOn, streakState } from '../../server/rules/streak';

const start = { current: 0, longest: 0, lastActiveDay: null };

test('consecutive days count up, the same day twice changes nothing, a gap restarts at 1 and keeps the longest', () => {
  const d1 = advanceStreak(start, '2026-03-01');
  const d2 = advanceStreak(d1, '2026-03-02');
  expect(advanceStreak(d2, '2026-03-02')).toBe(d2);
  const d3 = advanceStreak(d2, '2026-03-03');
  expect(d3).toEqual({ current: 3, longest: 3, lastActiveDay: '2026-03-03' });
  expect(advanceStreak(d3, '2026-03-05')).toEqual({ current: 1, longest: 3, lastActiveDay: '2026-03-05' });
});

test('a day before the last active day (a clock that stepped back) changes nothing', () => {
  const s = { current: 2, longest: 4, lastActiveDay: '2026-03-10' };
  expect(advanceStreak(s, '2026-03-09')).toBe(s);
});

test('the shown streak is 0 once a whole local day passed without activity', () => {
  const s = { current: 5, longest: 5, lastActiveDay: '2026-03-10' };
  expect([currentStreakOn(s, '2026-03-10'), currentStreakOn(s, '2026-03-11'), currentStreakOn(s, '2026-03-12')]).toEqual([5, 5, 0]);
  expect(currentStreakOn(start, '2026-03-12')).toBe(0);
});

test('a player row maps to the streak state the rules read', () => {
  expect(streakState({ current_streak: 2, longest_streak: 7, last_active_day: '2026-01-31' })).toEqual({
    current: 2,
    longest: 7,
    lastActiveDay: '2026-01-31'
  });
});
