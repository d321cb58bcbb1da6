/** Leaderboard rows as the API shows them. */
import type { LeaderboardEntry, QuestLeaderboardEntry } from '../../shared/api';
import type { BoardUserRow, QuestBoardRow } from '../db/repositories/leaderboard';

export function leaderboardEntry(
  r: BoardUserRow,
  rank: number,
  level: number,
  currentStreak: number
): LeaderboardEntry {
  return {
    rank,
    username: r.username,
    display_name: r.display_name,
    total_xp: r.total_xp,
    level,
    quests_completed: r.quests_completed,
    current_streak: currentStreak
  };
}

export function questLeaderboardEntry(r: QuestBoardRow, rank: number): QuestLeaderboardEntry {
  return { rank, username: r.username, display_name: r.display_name, best_score: r.best_score, achieved_at: r.best_at };
}
