/**
 * The game rules applied when a submission is scored: quest progress (best score, attempts), XP on
 * the first pass only (database-enforced), player level, streak (user's timezone) and badges
 * (each once). Synchronous; runs inside the caller's open transaction or opens an IMMEDIATE one.
 */
import type { BadgeCondition, NewBadge } from '../../shared/api';
import { isBetterScore, isPerfectScore } from '../catalog/metrics-info';
import { immediate, type Db } from '../db/database';
import { activeBadges, activeQuests, findLevel, findQuest } from '../db/repositories/catalog';
import {
  awardBadge,
  claimQuestXp,
  completedQuestIds,
  earnedBadges,
  findProgress,
  markCompleted,
  recordAttempt,
  setSubmissionAward
} from '../db/repositories/progress';
import { addXp, findUserById, saveStreak } from '../db/repositories/users';
import { badgeConditionHolds } from '../rules/badge-conditions';
import { localDay } from '../rules/calendar';
import { playerLevel } from '../rules/player-level';
import { advanceStreak, streakState } from '../rules/streak';
import { conditionText } from '../views/badge-text';
import { newBadgeView } from '../views/badges';
import { playerLevelFormula } from './player-level-formula';

export interface ScoredSubmission {
  userId: number;
  questId: number;
  /** The submission row (its xp_awarded and local_day are filled in); null when there is none. */
  submissionId: number | null;
  score: number;
  passed: boolean;
  scoredAt: Date;
}

export interface ScoredOutcome {
  xp_awarded: number;
  total_xp: number;
  level: number;
  level_up: boolean;
  streak: number;
  new_badges: NewBadge[];
}

/** A scored submission names a user or quest that does not exist (a bug, not a player's mistake). */
export class GameRuleError extends Error {}

export function applyScoredSubmission(db: Db, s: ScoredSubmission): ScoredOutcome {
  return immediate(db, () => {
    const at = s.scoredAt.toISOString();
    const user = findUserById(db, s.userId);
    if (!user) throw new GameRuleError(`user ${s.userId} does not exist`);
    const quest = findQuest(db, s.questId);
    if (!quest) throw new GameRuleError(`quest ${s.questId} does not exist`);
    const formula = playerLevelFormula(db);
    const levelBefore = playerLevel(user.total_xp, formula);

    // Quest progress: attempts and best score in the metric's direction.
    const prev = findProgress(db, s.userId, s.questId);
    const improves = prev?.best_score == null || isBetterScore(quest.metric, s.score, prev.best_score);
    recordAttempt(db, s.userId, s.questId, improves ? s.score : prev!.best_score, improves ? at : prev!.best_at);

    // XP once per quest: the xp_awards primary key decides.
    let xpAwarded = 0;
    if (s.passed && claimQuestXp(db, s.userId, s.questId, s.submissionId, quest.xp_reward, at)) {
      xpAwarded = quest.xp_reward;
      markCompleted(db, s.userId, s.questId, xpAwarded, at);
      addXp(db, s.userId, xpAwarded, 1, at);
    }

    // Streak in the user's own timezone.
    const day = localDay(user.timezone, s.scoredAt);
    const streak = advanceStreak(streakState(user), day);
    saveStreak(db, s.userId, streak.current, streak.longest, streak.lastActiveDay);
    if (s.submissionId !== null) setSubmissionAward(db, s.submissionId, xpAwarded, day);

    const totalXp = user.total_xp + xpAwarded;
    const level = playerLevel(totalXp, formula);
    const newBadges = awardBadges(db, {
      userId: s.userId,
      submissionId: s.submissionId,
      at,
      totalXp,
      level,
      streak: streak.current,
      perfect: isPerfectScore(quest.metric, s.score)
    });
    return { xp_awarded: xpAwarded, total_xp: totalXp, level, level_up: level > levelBefore, streak: streak.current, new_badges: newBadges };
  });
}

interface BadgeFacts {
  userId: number;
  submissionId: number | null;
  at: string;
  totalXp: number;
  level: number;
  streak: number;
  perfect: boolean;
}

function awardBadges(db: Db, f: BadgeFacts): NewBadge[] {
  const earned = earnedBadges(db, f.userId);
  const pending = activeBadges(db).filter((b) => !earned.has(b.id));
  if (pending.length === 0) return [];
  const completed = completedQuestIds(db, f.userId);
  const quests = activeQuests(db);
  const facts = {
    completed,
    totalXp: f.totalXp,
    level: f.level,
    streak: f.streak,
    perfect: f.perfect,
    questsOfLevel: (levelId: number) => quests.filter((q) => q.level_id === levelId).map((q) => q.id)
  };
  const out: NewBadge[] = [];
  for (const b of pending) {
    if (badgeConditionHolds(b.condition, facts) && awardBadge(db, f.userId, b.id, f.submissionId, f.at)) {
      out.push(newBadgeView(b, badgeConditionText(db, b.condition)));
    }
  }
  return out;
}

/** A badge condition in words, with the quest's title or the level's name it refers to. */
export function badgeConditionText(db: Db, c: BadgeCondition): string {
  return conditionText(
    c,
    (id) => findQuest(db, id)?.title,
    (id) => findLevel(db, id)?.name
  );
}
