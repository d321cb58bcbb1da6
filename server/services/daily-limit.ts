/** The daily submission limit of a quest, counted on the user's local calendar day (scored plus in flight). */
import type { Db } from '../db/database';
import { findQuest } from '../db/repositories/catalog';
import { dailyLimitCounts } from '../db/repositories/submissions-read';
import { findUserById } from '../db/repositories/users';
import { localDay, nextLocalMidnight } from '../rules/calendar';
import { submissionsLeft } from '../rules/daily-limit';

export interface DailyLimitStatus {
  used: number;
  limit: number;
  left: number;
  /** ISO instant of the user's next local midnight. */
  resets_at: string;
}

export function dailyLimitStatus(db: Db, userId: number, questId: number, now: Date = new Date()): DailyLimitStatus {
  const user = findUserById(db, userId);
  const quest = findQuest(db, questId);
  const tz = user?.timezone ?? 'UTC';
  const limit = quest?.daily_submission_limit ?? 0;
  // Scored today plus still in flight: the same count GET /quests/ shows.
  const used = user && quest ? (dailyLimitCounts(db, userId, localDay(tz, now)).get(questId) ?? 0) : 0;
  return { used, limit, left: submissionsLeft(limit, used), resets_at: nextLocalMidnight(tz, now).toISOString() };
}
