/** The overall and per-quest leaderboards, with ranks that respect ties and the caller's own row. */
import type { Leaderboard, LeaderboardEntry, QuestLeaderboard, QuestLeaderboardEntry } from '../../shared/api';
import type { PlayerLevelFormula } from '../catalog/pack-types';
import {
  boardPage,
  boardUser,
  countAhead,
  countBoardUsers,
  countQuestBoard,
  questBoardPage,
  questBoardUser,
  questCountAhead,
  type BoardUserRow
} from '../db/repositories/leaderboard';
import { localDay } from '../rules/calendar';
import { rankPage, sameOverallKey, sameQuestKey } from '../rules/leaderboard-ranking';
import { playerLevel } from '../rules/player-level';
import { streakShownOn, streakState } from '../rules/streak';
import { leaderboardEntry, questLeaderboardEntry } from '../views/leaderboard';
import type { ServiceDeps } from './deps';
import { playerLevelFormula } from './player-level-formula';
import { requireActiveQuest } from './quests';

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

export class LeaderboardService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'now'>) {}

  overall(callerId: number | null, limit: number, offset: number): Leaderboard {
    const { db } = this.deps;
    const f: PlayerLevelFormula = playerLevelFormula(db);
    const today = todayByTimezone(this.deps.now());
    const entry = (r: BoardUserRow, rank: number): LeaderboardEntry =>
      leaderboardEntry(r, rank, playerLevel(r.total_xp, f), streakShownOn(streakState(r), today(r.timezone)).current);
    const ahead = (r: BoardUserRow) => countAhead(db, r.total_xp, r.quests_completed, r.xp_reached_at);
    const rows = boardPage(db, limit, offset);
    const ranks = rankPage(rows, offset, ahead, sameOverallKey);
    const mine = callerId === null ? undefined : boardUser(db, callerId);
    return {
      entries: rows.map((r, i) => entry(r, ranks[i])),
      total: countBoardUsers(db),
      limit,
      offset,
      me: mine ? entry(mine, ahead(mine) + 1) : null
    };
  }

  quest(questId: number, callerId: number | null, limit: number, offset: number): QuestLeaderboard {
    const { db } = this.deps;
    const q = requireActiveQuest(db, questId);
    const hib = q.higher_is_better === 1;
    const ahead = (r: { best_score: number; best_at: string }) =>
      questCountAhead(db, questId, hib, r.best_score, r.best_at);
    const rows = questBoardPage(db, questId, hib, limit, offset);
    const ranks = rankPage(rows, offset, ahead, sameQuestKey);
    const mine = callerId === null ? undefined : questBoardUser(db, questId, callerId);
    const me: QuestLeaderboardEntry | null = mine ? questLeaderboardEntry(mine, ahead(mine) + 1) : null;
    return {
      quest_id: questId,
      metric: q.metric,
      higher_is_better: hib,
      entries: rows.map((r, i) => questLeaderboardEntry(r, ranks[i])),
      total: countQuestBoard(db, questId),
      limit,
      offset,
      me
    };
  }
}
