/** Streak rule: consecutive local calendar days with at least one scored submission. */
import { daysBetween } from './calendar';

export interface StreakState {
  current: number;
  longest: number;
  lastActiveDay: string | null;
}

/** A player's streak columns as the rules read them. */
export function streakState(row: { current_streak: number; longest_streak: number; last_active_day: string | null }): StreakState {
  return { current: row.current_streak, longest: row.longest_streak, lastActiveDay: row.last_active_day };
}

/** The streak after activity on local day `day`. Days at or before the last active day change nothing. */
export function advanceStreak(state: StreakState, day: string): StreakState {
  if (state.lastActiveDay === null) return { current: 1, longest: Math.max(1, state.longest), lastActiveDay: day };
  const gap = daysBetween(state.lastActiveDay, day);
  if (gap <= 0) return state;
  const current = gap === 1 ? state.current + 1 : 1;
  return { current, longest: Math.max(state.longest, current), lastActiveDay: day };
}

/** The streak as shown today: 0 once a whole local day has passed without activity. */
export function currentStreakOn(state: StreakState, today: string): number {
  if (state.lastActiveDay === null) return 0;
  return daysBetween(state.lastActiveDay, today) <= 1 ? state.current : 0;
}
