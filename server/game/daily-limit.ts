/** The daily submission limit of a quest, counted on the user's local calendar day. */
import type { Db } from '../db/database';
import { findQuest } from '../db/repositories/catalog';
import { countScoredOnDay } from '../db/repositories/progress';
import { findUserById } from '../db/repositories/users';
import { localDay, nextLocalMidnight } from './calendar';

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
  const used = user && quest ? countScoredOnDay(db, userId, questId, localDay(tz, now)) : 0;
  return { used, limit, left: Math.max(0, limit - used), resets_at: nextLocalMidnight(tz, now).toISOString() };
}
