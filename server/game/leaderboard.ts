/** The overall and per-quest leaderboards, with ranks that respect ties and the caller's own row. */
import type { Leaderboard, LeaderboardEntry, QuestLeaderboard, QuestLeaderboardEntry } from '../../shared/api';
import type { Db } from '../db/database';
import {
  boardPage,
  boardUser,
  countAhead,
  countBoardUsers,
  countQuestBoard,
  questBoardPage,
  questBoardUser,
  questCountAhead,
  type BoardUserRow,
  type QuestBoardRow
} from '../db/repositories/leaderboard';
import { localDay } from './calendar';
import { playerLevelFormula } from './formula';
import { playerLevel } from './player-level';
import { requireActiveQuest } from './quest-views';
import { streakOf, streakShownOn } from '../rules/streak';
import type { PlayerLevelFormula } from '../catalog/pack-types';

/** Today's date per timezone at `now`, computed once per timezone (Intl formatting is not cheap). */
function todayByTimezone(now: Date): (tz: string) => string {
  const days = new Map<string, string>();
  return (tz) => {
    let d = days.get(tz);
    if (d === undefined) {
      d = localDay(tz, now);
      days.set(tz, d);
    }
    return d;
  };
}

function entry(r: BoardUserRow, rank: number, f: PlayerLevelFormula, today: (tz: string) => string): LeaderboardEntry {
  return {
    rank,
    username: r.username,
    display_name: r.display_name,
    total_xp: r.total_xp,
    level: playerLevel(r.total_xp, f),
    quests_completed: r.quests_completed,
    current_streak: streakShownOn(streakOf(r), today(r.timezone)).current
  };
}

const sameKey = (a: BoardUserRow, b: BoardUserRow) => a.total_xp === b.total_xp && a.quests_completed === b.quests_completed && a.xp_reached_at === b.xp_reached_at;

export function leaderboard(db: Db, callerId: number | null, limit: number, offset: number, now: Date): Leaderboard {
  const f = playerLevelFormula(db);
  const today = todayByTimezone(now);
  const rows = boardPage(db, limit, offset);
  const entries: LeaderboardEntry[] = [];
  let rank = 0;
  rows.forEach((r, i) => {
    if (i === 0) rank = countAhead(db, r.total_xp, r.quests_completed, r.xp_reached_at) + 1;
    else if (!sameKey(rows[i - 1], r)) rank = offset + i + 1;
    entries.push(entry(r, rank, f, today));
  });
  let me: LeaderboardEntry | null = null;
  if (callerId !== null) {
    const mine = boardUser(db, callerId);
    if (mine) me = entry(mine, countAhead(db, mine.total_xp, mine.quests_completed, mine.xp_reached_at) + 1, f, today);
  }
  return { entries, total: countBoardUsers(db), limit, offset, me };
}

function questEntry(r: QuestBoardRow, rank: number): QuestLeaderboardEntry {
  return { rank, username: r.username, display_name: r.display_name, best_score: r.best_score, achieved_at: r.best_at };
}

export function questLeaderboard(db: Db, questId: number, callerId: number | null, limit: number, offset: number): QuestLeaderboard {
  const q = requireActiveQuest(db, questId);
  const hib = q.higher_is_better === 1;
  const rows = questBoardPage(db, questId, hib, limit, offset);
  const entries: QuestLeaderboardEntry[] = [];
  let rank = 0;
  rows.forEach((r, i) => {
    if (i === 0) rank = questCountAhead(db, questId, hib, r.best_score, r.best_at) + 1;
    else if (!(rows[i - 1].best_score === r.best_score && rows[i - 1].best_at === r.best_at)) rank = offset + i + 1;
    entries.push(questEntry(r, rank));
  });
  let me: QuestLeaderboardEntry | null = null;
  if (callerId !== null) {
    const mine = questBoardUser(db, questId, callerId);
    if (mine) me = questEntry(mine, questCountAhead(db, questId, hib, mine.best_score, mine.best_at) + 1);
  }
  return { quest_id: questId, metric: q.metric, higher_is_better: hib, entries, total: countQuestBoard(db, questId), limit, offset, me };
}
