/** Per-user quest progress, the XP ledger (once per quest) and earned badges. */
import type { Db } from '../database';
import { stmt } from '../statements';

export interface ProgressRow {
  user_id: number;
  quest_id: number;
  best_score: number | null;
  best_at: string | null;
  attempts: number;
  completed_at: string | null;
  xp_awarded: number;
}

export function findProgress(db: Db, userId: number, questId: number): ProgressRow | undefined {
  return stmt(db, 'SELECT * FROM quest_progress WHERE user_id = ? AND quest_id = ?').get(userId, questId) as
    ProgressRow | undefined;
}

export function userProgress(db: Db, userId: number): ProgressRow[] {
  return stmt(db, 'SELECT * FROM quest_progress WHERE user_id = ?').all(userId) as ProgressRow[];
}

export function recordAttempt(
  db: Db,
  userId: number,
  questId: number,
  bestScore: number | null,
  bestAt: string | null
): void {
  stmt(
    db,
    `INSERT INTO quest_progress (user_id, quest_id, best_score, best_at, attempts) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT(user_id, quest_id) DO UPDATE SET attempts = attempts + 1, best_score = excluded.best_score, best_at = excluded.best_at`
  ).run(userId, questId, bestScore, bestAt);
}

/**
 * Claims the quest's XP for this user. The primary key (user_id, quest_id) of xp_awards makes a
 * second claim a no-op, so this returns true at most once per user and quest, whatever the
 * concurrency.
 */
export function claimQuestXp(
  db: Db,
  userId: number,
  questId: number,
  submissionId: number | null,
  xp: number,
  at: string
): boolean {
  const r = stmt(
    db,
    'INSERT INTO xp_awards (user_id, quest_id, submission_id, xp, awarded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'
  ).run(userId, questId, submissionId, xp, at);
  return r.changes === 1;
}

export function markCompleted(db: Db, userId: number, questId: number, xp: number, at: string): void {
  stmt(
    db,
    'UPDATE quest_progress SET completed_at = ?, xp_awarded = ? WHERE user_id = ? AND quest_id = ? AND completed_at IS NULL'
  ).run(at, xp, userId, questId);
}

export function completedQuestIds(db: Db, userId: number): Set<number> {
  const rows = stmt(db, 'SELECT quest_id FROM quest_progress WHERE user_id = ? AND completed_at IS NOT NULL').all(
    userId
  ) as { quest_id: number }[];
  return new Set(rows.map((r) => r.quest_id));
}

export function earnedBadges(db: Db, userId: number): Map<string, string> {
  const rows = stmt(db, 'SELECT badge_id, earned_at FROM user_badges WHERE user_id = ?').all(userId) as {
    badge_id: string;
    earned_at: string;
  }[];
  return new Map(rows.map((r) => [r.badge_id, r.earned_at]));
}

/** Returns true only for the call that actually awarded the badge. */
export function awardBadge(db: Db, userId: number, badgeId: string, submissionId: number | null, at: string): boolean {
  return (
    stmt(
      db,
      'INSERT INTO user_badges (user_id, badge_id, earned_at, submission_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'
    ).run(userId, badgeId, at, submissionId).changes === 1
  );
}

export function setSubmissionAward(db: Db, submissionId: number, xp: number, localDay: string): void {
  stmt(db, 'UPDATE submissions SET xp_awarded = ?, local_day = ? WHERE id = ?').run(xp, localDay, submissionId);
}
