/** Quests as a given caller sees them: locked / available / completed, best score, limits. */
import type { QuestDetail, QuestStatus, QuestSummary } from '../../shared/api';
import type { Catalog } from '../catalog/load-pack';
import type { Db } from '../db/database';
import { activeLevels, activeQuests, findLevel, findQuest, type LevelRow, type QuestRow } from '../db/repositories/catalog';
import { userProgress, type ProgressRow } from '../db/repositories/progress';
import { dailyLimitCounts } from '../db/repositories/submissions-read';
import type { UserRow } from '../db/repositories/users';
import { forbidden, notFound } from '../http/api-error';
import { revealedHints } from '../rules/hints';
import { localDay } from './calendar';

export function questStatus(userXp: number | null, requiredXp: number, progress: ProgressRow | undefined): QuestStatus {
  if (progress?.completed_at) return 'completed';
  if (userXp === null) return requiredXp > 0 ? 'locked' : 'available';
  return userXp >= requiredXp ? 'available' : 'locked';
}

function summary(q: QuestRow, level: LevelRow | undefined, user: UserRow | undefined, p: ProgressRow | undefined, usedToday: number): QuestSummary {
  return {
    id: q.id,
    slug: q.slug,
    title: q.title,
    description: q.description,
    level: q.level_id,
    task_type: q.task_type,
    dataset: q.dataset,
    metric: q.metric,
    average: q.average,
    higher_is_better: q.higher_is_better === 1,
    threshold: q.threshold,
    xp_reward: q.xp_reward,
    daily_submission_limit: q.daily_submission_limit,
    notebook: q.notebook,
    status: questStatus(user ? user.total_xp : null, level?.required_xp ?? 0, p),
    best_score: p?.best_score ?? null,
    attempts: p?.attempts ?? 0,
    submissions_left_today: Math.max(0, q.daily_submission_limit - usedToday)
  };
}

export function listQuestSummaries(db: Db, user: UserRow | undefined, now: Date): QuestSummary[] {
  const levels = new Map(activeLevels(db).map((l) => [l.id, l]));
  const progress = new Map((user ? userProgress(db, user.id) : []).map((p) => [p.quest_id, p]));
  const used = user ? dailyLimitCounts(db, user.id, localDay(user.timezone, now)) : new Map<number, number>();
  return activeQuests(db).map((q) => summary(q, levels.get(q.level_id), user, progress.get(q.id), used.get(q.id) ?? 0));
}

/** An active quest or a 404 that says so. */
export function requireActiveQuest(db: Db, questId: number): QuestRow {
  const q = findQuest(db, questId);
  if (!q) throw notFound(`Quest ${questId} does not exist; GET /quests/ lists them.`, 'quest_not_found');
  if (q.active !== 1) throw notFound(`Quest ${questId} is no longer offered; GET /quests/ lists the current quests.`, 'quest_not_found');
  return q;
}

/**
 * For submissions: the quest, or 404 (unknown or hidden) / 403 when the user has not unlocked its
 * level yet, with the XP that unlocks it.
 */
export function requireUnlockedQuest(db: Db, user: UserRow, questId: number): QuestRow {
  const q = requireActiveQuest(db, questId);
  const level = findLevel(db, q.level_id);
  const required = level?.required_xp ?? 0;
  if (user.total_xp < required) {
    throw forbidden(
      `Quest ${questId} is locked: level "${level?.name ?? q.level_id}" unlocks at ${required} XP and you have ${user.total_xp} XP; earn ${required - user.total_xp} more XP in earlier quests.`,
      'quest_locked'
    );
  }
  return q;
}

export function questDetail(db: Db, catalog: Catalog, user: UserRow | undefined, questId: number, now: Date): QuestDetail {
  const q = requireActiveQuest(db, questId);
  const level = findLevel(db, q.level_id);
  const p = user ? userProgress(db, user.id).find((r) => r.quest_id === q.id) : undefined;
  const used = user ? (dailyLimitCounts(db, user.id, localDay(user.timezone, now)).get(q.id) ?? 0) : 0;
  const ds = catalog.datasets.get(q.dataset);
  const hints = catalog.quest(q.id)?.hints ?? [];
  return {
    ...summary(q, level, user, p, used),
    features: ds ? ds.features.map((f) => ({ name: f.name, type: f.type })) : [],
    target: ds?.target ?? '',
    classes: ds?.classes ?? null,
    train_rows: ds?.train.rows ?? 0,
    test_rows: ds?.test.rows ?? 0,
    dataset_url: `/quests/${q.id}/dataset`,
    hints: revealedHints(hints, { failedAttempts: p?.attempts ?? 0, passed: Boolean(p?.completed_at) }),
    hints_total: hints.length,
    unlock_xp: level?.required_xp ?? 0
  };
}
