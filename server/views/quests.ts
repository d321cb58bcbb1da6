/** Quests as a given caller sees them: the summary in GET /quests/ and the detail of one quest. */
import type { Level, QuestDetail, QuestSummary } from '../../shared/api';
import type { CatalogDataset } from '../catalog/load-pack';
import type { PackQuest } from '../catalog/pack-types';
import type { LevelRow, QuestRow } from '../db/repositories/catalog';
import type { ProgressRow } from '../db/repositories/progress';
import { submissionsLeft } from '../rules/daily-limit';
import { questStatus } from '../rules/quest-status';

/** `userXp` null: nobody is signed in. */
export function questSummaryView(
  q: QuestRow,
  level: LevelRow | undefined,
  userXp: number | null,
  p: ProgressRow | undefined,
  usedToday: number
): QuestSummary {
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
    status: questStatus(userXp, level?.required_xp ?? 0, p?.completed_at),
    best_score: p?.best_score ?? null,
    attempts: p?.attempts ?? 0,
    submissions_left_today: submissionsLeft(q.daily_submission_limit, usedToday)
  };
}

export function questDetailView(
  summary: QuestSummary,
  ds: CatalogDataset | undefined,
  packQuest: PackQuest | undefined,
  unlockXp: number
): QuestDetail {
  return {
    ...summary,
    features: ds ? ds.features.map((f) => ({ name: f.name, type: f.type })) : [],
    target: ds?.target ?? '',
    classes: ds?.classes ?? null,
    train_rows: ds?.train.rows ?? 0,
    test_rows: ds?.test.rows ?? 0,
    dataset_url: `/quests/${summary.id}/dataset`,
    hints: packQuest?.hints ?? [],
    unlock_xp: unlockXp
  };
}

/** `userXp` null: nobody is signed in, so only levels that need no XP are unlocked. */
export function levelView(l: LevelRow, userXp: number | null): Level {
  return {
    id: l.id,
    name: l.name,
    description: l.description,
    required_xp: l.required_xp,
    unlocked: userXp !== null ? userXp >= l.required_xp : l.required_xp === 0
  };
}
