/**
 * Leaderboard ordering: ranks that respect ties. A page's first row is ranked by how many players
 * are strictly ahead of it; each further row shares the rank of the row before when their sort keys
 * are equal, and otherwise takes its position (competition ranking: 1, 2, 2, 4).
 */

/** Ranks of one page of rows sorted by the board's order. */
export function rankPage<R>(
  rows: readonly R[],
  offset: number,
  aheadOfFirst: (first: R) => number,
  sameKey: (a: R, b: R) => boolean
): number[] {
  const ranks: number[] = [];
  rows.forEach((r, i) => {
    if (i === 0) ranks.push(aheadOfFirst(r) + 1);
    else ranks.push(sameKey(rows[i - 1], r) ? ranks[i - 1] : offset + i + 1);
  });
  return ranks;
}

/** Overall board order: XP, then quests completed, then who reached that XP first. */
export interface OverallKey {
  total_xp: number;
  quests_completed: number;
  xp_reached_at: string;
}

export const sameOverallKey = (a: OverallKey, b: OverallKey): boolean =>
  a.total_xp === b.total_xp && a.quests_completed === b.quests_completed && a.xp_reached_at === b.xp_reached_at;

/** Quest board order: best score in the metric's direction, then who reached it first. */
export interface QuestKey {
  best_score: number;
  best_at: string;
}

export const sameQuestKey = (a: QuestKey, b: QuestKey): boolean =>
  a.best_score === b.best_score && a.best_at === b.best_at;
