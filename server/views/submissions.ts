/** Submissions as the API shows them: a summary row of a history, and the full result. */
import type { NewBadge, SubmissionResult, SubmissionSummary, UnlockedLevel } from '../../shared/api';
import type { QuestRow } from '../db/repositories/catalog';
import type { SubmissionRow } from '../db/repositories/submissions-read';

/** The stored 0/1/NULL `passed` column as the API's boolean or null (not scored). */
export function passedOf(row: { passed: number | null }): boolean | null {
  return row.passed === null ? null : row.passed === 1;
}

export function submissionSummary(row: SubmissionRow): SubmissionSummary {
  return {
    submission_id: row.id,
    quest_id: row.quest_id,
    status: row.status,
    score: row.score,
    passed: passedOf(row),
    xp_awarded: row.xp_awarded,
    message: row.message,
    created_at: row.created_at,
    finished_at: row.finished_at
  };
}

/** What the game rules made of a scored submission. */
export interface ScoredOutcome {
  xp_awarded: number;
  total_xp: number;
  level: number;
  level_up: boolean;
  streak: number;
  streak_freeze_used: boolean;
  new_badges: NewBadge[];
  unlocked_levels: UnlockedLevel[];
}

/** What a result shows besides the submission: the game's outcome (or the player's stored state) and the limit. */
export interface ResultGameFacts extends ScoredOutcome {
  submissions_left_today: number;
  limit_resets_at: string;
}

export function submissionResult(
  row: SubmissionRow,
  quest: QuestRow,
  higherIsBetter: boolean,
  g: ResultGameFacts
): SubmissionResult {
  return {
    submission_id: row.id,
    quest_id: row.quest_id,
    status: row.status,
    score: row.score,
    metric: quest.metric,
    higher_is_better: higherIsBetter,
    threshold: quest.threshold,
    passed: passedOf(row),
    xp_awarded: g.xp_awarded,
    total_xp: g.total_xp,
    level: g.level,
    level_up: g.level_up,
    streak: g.streak,
    streak_freeze_used: g.streak_freeze_used,
    new_badges: g.new_badges,
    unlocked_levels: g.unlocked_levels,
    submissions_left_today: g.submissions_left_today,
    limit_resets_at: g.limit_resets_at,
    message: row.message,
    created_at: row.created_at,
    finished_at: row.finished_at
  };
}
