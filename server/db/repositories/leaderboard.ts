/**
 * Leaderboard queries. Order: total_xp DESC, quests_completed DESC, xp_reached_at ASC (who reached
 * that XP first), id ASC. Served by users_leaderboard_idx; a rank is the number of rows strictly
 * ahead plus one, summed from per-key counts (no scan that grows with the board).
 */
import type { Db } from '../database';
import { stmt } from '../statements';

export interface BoardUserRow {
  id: number;
  username: string;
  display_name: string | null;
  timezone: string;
  total_xp: number;
  quests_completed: number;
  xp_reached_at: string;
  current_streak: number;
  longest_streak: number;
  last_active_day: string | null;
  streak_freezes: number;
}

const COLS =
  'id, username, display_name, timezone, total_xp, quests_completed, xp_reached_at, current_streak, longest_streak, last_active_day, streak_freezes';

export function boardPage(db: Db, limit: number, offset: number): BoardUserRow[] {
  return stmt(
    db,
    `SELECT ${COLS} FROM users INDEXED BY users_leaderboard_idx ORDER BY total_xp DESC, quests_completed DESC, xp_reached_at ASC, id ASC LIMIT ? OFFSET ?`
  ).all(limit, offset) as BoardUserRow[];
}

export function boardUser(db: Db, id: number): BoardUserRow | undefined {
  return stmt(db, `SELECT ${COLS} FROM users WHERE id = ?`).get(id) as BoardUserRow | undefined;
}

/**
 * Users strictly ahead of this key (ties on all three keys share a rank). The per-key counts in
 * leaderboard_counts / leaderboard_day_counts (kept by triggers) cover everyone with more XP, more
 * quests at equal XP, or an earlier day at equal XP and quests; only the players who reached the
 * same key on the same day are counted in the index. The cost does not grow with the board.
 */
export function countAhead(db: Db, xp: number, questsCompleted: number, reachedAt: string): number {
  const day = reachedAt.slice(0, 10);
  const a = stmt(
    db,
    `SELECT coalesce(sum(n), 0) AS n FROM leaderboard_counts WHERE total_xp > ? OR (total_xp = ? AND quests_completed > ?)`
  ).get(xp, xp, questsCompleted) as { n: number };
  const b = stmt(
    db,
    'SELECT coalesce(sum(n), 0) AS n FROM leaderboard_day_counts WHERE total_xp = ? AND quests_completed = ? AND reached_day < ?'
  ).get(xp, questsCompleted, day) as { n: number };
  const c = stmt(
    db,
    'SELECT count(*) AS n FROM users WHERE total_xp = ? AND quests_completed = ? AND xp_reached_at >= ? AND xp_reached_at < ?'
  ).get(xp, questsCompleted, day, reachedAt) as { n: number };
  return a.n + b.n + c.n;
}

export function countBoardUsers(db: Db): number {
  return (stmt(db, 'SELECT coalesce(sum(n), 0) AS n FROM leaderboard_counts').get() as { n: number }).n;
}

export interface QuestBoardRow {
  user_id: number;
  username: string;
  display_name: string | null;
  best_score: number;
  best_at: string;
}

export function questBoardPage(
  db: Db,
  questId: number,
  higherIsBetter: boolean,
  limit: number,
  offset: number
): QuestBoardRow[] {
  const dir = higherIsBetter ? 'DESC' : 'ASC';
  return stmt(
    db,
    `SELECT p.user_id, u.username, u.display_name, p.best_score, p.best_at FROM quest_progress p JOIN users u ON u.id = p.user_id
     WHERE p.quest_id = ? AND p.best_score IS NOT NULL ORDER BY p.best_score ${dir}, p.best_at ASC, p.user_id ASC LIMIT ? OFFSET ?`
  ).all(questId, limit, offset) as QuestBoardRow[];
}

export function questBoardUser(db: Db, questId: number, userId: number): QuestBoardRow | undefined {
  return stmt(
    db,
    `SELECT p.user_id, u.username, u.display_name, p.best_score, p.best_at FROM quest_progress p JOIN users u ON u.id = p.user_id
     WHERE p.quest_id = ? AND p.user_id = ? AND p.best_score IS NOT NULL`
  ).get(questId, userId) as QuestBoardRow | undefined;
}

export function questCountAhead(
  db: Db,
  questId: number,
  higherIsBetter: boolean,
  score: number,
  bestAt: string
): number {
  const cmp = higherIsBetter ? '>' : '<';
  const a = stmt(db, `SELECT count(*) AS n FROM quest_progress WHERE quest_id = ? AND best_score ${cmp} ?`).get(
    questId,
    score
  ) as { n: number };
  const b = stmt(
    db,
    'SELECT count(*) AS n FROM quest_progress WHERE quest_id = ? AND best_score = ? AND best_at < ?'
  ).get(questId, score, bestAt) as { n: number };
  return a.n + b.n;
}

export function countQuestBoard(db: Db, questId: number): number {
  return (
    stmt(db, 'SELECT count(*) AS n FROM quest_progress WHERE quest_id = ? AND best_score IS NOT NULL').get(questId) as {
      n: number;
    }
  ).n;
}
