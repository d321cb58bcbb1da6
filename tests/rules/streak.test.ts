/** The streak rule with freezes (server/rules/streak.ts): pure, no database. */
import { addDays, localDay } from '../../server/rules/calendar';
import {
  advanceStreak,
  MAX_STREAK_FREEZES,
  streakShownOn,
  streakState,
  type StreakState
} from '../../server/rules/streak';

const fresh: StreakState = { current: 0, longest: 0, lastActiveDay: null, freezes: 0 };

/** Plays on each listed day in order; returns every step's state and freezes used. */
function play(days: string[], from: StreakState = fresh) {
  const steps: { day: string; current: number; freezes: number; used: number }[] = [];
  let state = from;
  for (const day of days) {
    const next = advanceStreak(state, day);
    state = next.state;
    steps.push({ day, current: state.current, freezes: state.freezes, used: next.freezesUsed });
  }
  return { state, steps };
}

const run = (start: string, n: number) => Array.from({ length: n }, (_, i) => addDays(start, i));

test('the 7th, 14th and 21st days of a streak each earn a freeze, at most 2 held', () => {
  const { steps } = play(run('2026-01-01', 21));
  expect(steps.map((s) => s.freezes)).toEqual([
    ...Array(6).fill(0),
    ...Array(7).fill(1),
    ...Array(8).fill(MAX_STREAK_FREEZES)
  ]);
  expect(steps.at(-1)).toMatchObject({ current: 21, freezes: 2 });
});

test('a missed day uses a freeze instead of resetting; the frozen day is not counted', () => {
  const { state } = play(run('2026-01-01', 7)); // 7 days: 1 freeze
  const after = advanceStreak(state, '2026-01-09'); // the 8th missed
  expect(after).toEqual({ state: { current: 8, longest: 8, lastActiveDay: '2026-01-09', freezes: 0 }, freezesUsed: 1 });
});

test('two missed days use two freezes; more missed days than freezes reset to 1 and keep the freezes', () => {
  const { state } = play(run('2026-01-01', 14)); // 2 freezes
  expect(advanceStreak(state, '2026-01-17')).toEqual({
    state: { current: 15, longest: 15, lastActiveDay: '2026-01-17', freezes: 0 },
    freezesUsed: 2
  });
  expect(advanceStreak(state, '2026-01-18')).toEqual({
    state: { current: 1, longest: 14, lastActiveDay: '2026-01-18', freezes: 2 },
    freezesUsed: 0
  });
});

test('without a freeze a missed day resets the streak, as before', () => {
  const { steps } = play(['2026-04-01', '2026-04-02', '2026-04-04']);
  expect(steps.map((s) => [s.current, s.used])).toEqual([
    [1, 0],
    [2, 0],
    [1, 0]
  ]);
});

test('the same day again or an earlier local day changes nothing', () => {
  const { state } = play(run('2026-01-01', 7));
  expect(advanceStreak(state, '2026-01-07')).toEqual({ state, freezesUsed: 0 });
  expect(advanceStreak(state, '2026-01-05')).toEqual({ state, freezesUsed: 0 });
});

test('a streak kept by a freeze goes on earning: day 14 after a frozen day earns the next one', () => {
  const days = [...run('2026-01-01', 7), ...run('2026-01-09', 7)]; // the 8th is frozen
  const { state, steps } = play(days);
  expect(steps[7]).toMatchObject({ current: 8, freezes: 0, used: 1 });
  expect(state).toMatchObject({ current: 14, freezes: 1 });
});

test('the shown streak honours freezes and falls to 0 after a missed day with none', () => {
  const noFreeze: StreakState = { current: 5, longest: 5, lastActiveDay: '2026-03-10', freezes: 0 };
  expect(streakShownOn(noFreeze, '2026-03-10')).toEqual({ current: 5, freezes: 0 });
  expect(streakShownOn(noFreeze, '2026-03-11')).toEqual({ current: 5, freezes: 0 }); // today may still come
  expect(streakShownOn(noFreeze, '2026-03-12')).toEqual({ current: 0, freezes: 0 });
  const two = { ...noFreeze, current: 14, freezes: 2 };
  expect(streakShownOn(two, '2026-03-12')).toEqual({ current: 14, freezes: 1 });
  expect(streakShownOn(two, '2026-03-13')).toEqual({ current: 14, freezes: 0 });
  expect(streakShownOn(two, '2026-03-14')).toEqual({ current: 0, freezes: 2 });
  expect(streakShownOn(fresh, '2026-03-14')).toEqual({ current: 0, freezes: 0 });
});

test('local days across the Europe/Berlin spring DST change: a freeze bridges the 23-hour day', () => {
  // Seven evenings at 22:30 local time, 2026-03-22 .. 03-28 (CET, UTC+1), then nothing on Sunday
  // 03-29 (the 23-hour day), then 00:30 CEST on Monday 03-30 (22:30Z on 03-29).
  const tz = 'Europe/Berlin';
  const evenings = run('2026-03-22', 7).map((d) => localDay(tz, new Date(`${d}T21:30:00Z`)));
  expect(evenings).toEqual(run('2026-03-22', 7));
  const { state } = play(evenings);
  const monday = localDay(tz, new Date('2026-03-29T22:30:00Z'));
  expect(monday).toBe('2026-03-30');
  expect(advanceStreak(state, monday)).toMatchObject({ state: { current: 8, freezes: 0 }, freezesUsed: 1 });
});

test('a player row maps to the streak state the rules read', () => {
  expect(
    streakState({ current_streak: 2, longest_streak: 7, last_active_day: '2026-01-31', streak_freezes: 1 })
  ).toEqual({
    current: 2,
    longest: 7,
    lastActiveDay: '2026-01-31',
    freezes: 1
  });
});
