/**
 * Streak rule: consecutive local calendar days with at least one scored submission, bridged by
 * streak freezes. Every 7th day of a streak (7, 14, 21, ...) earns a freeze, at most
 * MAX_STREAK_FREEZES held. A missed day uses one freeze instead of resetting the streak; a gap of
 * more missed days than freezes held resets it to 1 and keeps the freezes. A frozen day keeps the
 * streak alive but does not count as a day of it. Days are the learner's local days
 * (`localDay`), so daylight-saving and timezone rules are those of the calendar.
 */
import { daysBetween } from './calendar';

export const FREEZE_EVERY_DAYS = 7;
export const MAX_STREAK_FREEZES = 2;

export interface StreakState {
  current: number;
  longest: number;
  lastActiveDay: string | null;
  /** Freezes held (0..MAX_STREAK_FREEZES). */
  freezes: number;
}

export interface StreakAdvance {
  state: StreakState;
  /** Freezes this activity used to bridge missed days (0 when none). */
  freezesUsed: number;
}

function continued(state: StreakState, day: string, freezes: number): StreakState {
  const current = state.current + 1;
  const earned = current % FREEZE_EVERY_DAYS === 0 ? 1 : 0;
  return {
    current,
    longest: Math.max(state.longest, current),
    lastActiveDay: day,
    freezes: Math.min(MAX_STREAK_FREEZES, freezes + earned)
  };
}

/** The streak after activity on local day `day`. Days at or before the last active day change nothing. */
export function advanceStreak(state: StreakState, day: string): StreakAdvance {
  if (state.lastActiveDay === null) {
    return {
      state: { current: 1, longest: Math.max(1, state.longest), lastActiveDay: day, freezes: state.freezes },
      freezesUsed: 0
    };
  }
  const gap = daysBetween(state.lastActiveDay, day);
  if (gap <= 0) return { state, freezesUsed: 0 };
  const missed = gap - 1;
  // The next day (no day missed) continues the streak like a bridged gap that uses no freeze.
  if (missed <= state.freezes) return { state: continued(state, day, state.freezes - missed), freezesUsed: missed };
  return {
    state: { current: 1, longest: Math.max(1, state.longest), lastActiveDay: day, freezes: state.freezes },
    freezesUsed: 0
  };
}

export interface StreakShown {
  /** The streak as shown today: 0 once more days were missed than freezes can bridge. */
  current: number;
  /** Freezes still held once those the missed days so far will use are taken off. */
  freezes: number;
}

/** The streak and freezes as shown on local day `today` (no activity today yet counts as no miss). */
export function streakShownOn(state: StreakState, today: string): StreakShown {
  if (state.lastActiveDay === null) return { current: 0, freezes: state.freezes };
  const missed = Math.max(0, daysBetween(state.lastActiveDay, today) - 1);
  if (missed <= state.freezes) return { current: state.current, freezes: state.freezes - missed };
  return { current: 0, freezes: state.freezes };
}

/** A player's streak columns as the rules read them. */
export function streakState(row: {
  current_streak: number;
  longest_streak: number;
  last_active_day: string | null;
  streak_freezes: number;
}): StreakState {
  return {
    current: row.current_streak,
    longest: row.longest_streak,
    lastActiveDay: row.last_active_day,
    freezes: row.streak_freezes
  };
}
