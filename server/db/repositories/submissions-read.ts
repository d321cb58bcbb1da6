/** Read-side queries over submissions for the views (the life-cycle writes are in submissions.ts). */
import type { Db } from '../database';
import { stmt } from '../statements';

export interface SubmissionRow {
  id: number;
  user_id: number;
  quest_id: number;
  status: 'queued' | 'evaluating' | 'scored' | 'rejected' | 'failed';
  score: number | null;
  passed: number | null;
  xp_awarded: number;
  message: string;
  created_at: string;
  finished_at: string | null;
}

export function recentSubmissions(db: Db, userId: number, limit: number): SubmissionRow[] {
  return stmt(
    db,
    'SELECT id, user_id, quest_id, status, score, passed, xp_awarded, message, created_at, finished_at FROM submissions WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'
  ).all(userId, limit) as SubmissionRow[];
}

/** Scored submissions per quest on one local day, for the daily limits of every quest at once. */
export function scoredCountsOnDay(db: Db, userId: number, localDay: string): Map<number, number> {
  const rows = stmt(
    db,
    "SELECT quest_id, count(*) AS n FROM submissions INDEXED BY submissions_user_day_idx WHERE user_id = ? AND status = 'scored' AND local_day = ? GROUP BY quest_id"
  ).all(userId, localDay) as { quest_id: number; n: number }[];
  return new Map(rows.map((r) => [r.quest_id, r.n]));
}

/** The user's submissions still queued or being evaluated, per quest (few rows: found by the status index). */
export function pendingCounts(db: Db, userId: number): Map<number, number> {
  const rows = stmt(
    db,
    "SELECT quest_id, count(*) AS n FROM submissions WHERE status IN ('queued', 'evaluating') AND user_id = ? GROUP BY quest_id"
  ).all(userId) as { quest_id: number; n: number }[];
  return new Map(rows.map((r) => [r.quest_id, r.n]));
}

/**
 * What counts against each quest's daily limit: the submissions scored on the user's local day,
 * plus those still in flight (they will be scored today), so a burst of uploads cannot overrun it.
 */
export function dailyLimitCounts(db: Db, userId: number, localDay: string): Map<number, number> {
  const counts = scoredCountsOnDay(db, userId, localDay);
  for (const [questId, n] of pendingCounts(db, userId)) counts.set(questId, (counts.get(questId) ?? 0) + n);
  return counts;
}

export function countUnfinishedSubmissions(db: Db): number {
  return (
    stmt(db, "SELECT count(*) AS n FROM submissions WHERE status IN ('queued', 'evaluating')").get() as { n: number }
  ).n;
}

/** The distinct local days from `fromDay` on with a scored submission of the user, oldest first. */
export function activeDaysSince(db: Db, userId: number, fromDay: string): string[] {
  const rows = stmt(
    db,
    "SELECT DISTINCT local_day FROM submissions INDEXED BY submissions_user_day_idx WHERE user_id = ? AND status = 'scored' AND local_day >= ? ORDER BY local_day"
  ).all(userId, fromDay) as { local_day: string }[];
  return rows.map((r) => r.local_day);
}
