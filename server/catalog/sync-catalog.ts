/**
 * Copies the pack's levels, quests and badges into the database, idempotently: a restart keeps
 * all progress, changed fields (threshold, XP reward, ...) are updated in place, and anything
 * no longer in the pack is hidden (active = 0), never deleted with its history.
 */
import { immediate, type Db } from '../db/database';
import { setMeta } from '../db/repositories/catalog';
import { stmt } from '../db/statements';
import { higherIsBetter } from './metrics-info';
import type { QuestPack } from './pack-types';

export const META_PLAYER_LEVEL = 'player_level';

export function syncCatalog(db: Db, pack: QuestPack, now: Date = new Date()): void {
  const ts = now.toISOString();
  const datasetTask = new Map(pack.datasets.map((d) => [d.id, d.task_type]));
  immediate(db, () => {
    pack.levels.forEach((l, i) => {
      stmt(
        db,
        `INSERT INTO levels (id, name, description, required_xp, position, active) VALUES (?, ?, ?, ?, ?, 1)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description,
           required_xp = excluded.required_xp, position = excluded.position, active = 1`
      ).run(l.id, l.name, l.description, l.required_xp, i);
    });
    stmt(db, 'UPDATE levels SET active = 0 WHERE id NOT IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(pack.levels.map((l) => l.id))
    );

    pack.quests.forEach((q, i) => {
      stmt(
        db,
        `INSERT INTO quests (id, slug, title, description, level_id, task_type, dataset, metric, average, higher_is_better,
           threshold, xp_reward, daily_submission_limit, notebook, position, active, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT(id) DO UPDATE SET slug = excluded.slug, title = excluded.title, description = excluded.description,
           level_id = excluded.level_id, task_type = excluded.task_type, dataset = excluded.dataset, metric = excluded.metric,
           average = excluded.average, higher_is_better = excluded.higher_is_better, threshold = excluded.threshold,
           xp_reward = excluded.xp_reward, daily_submission_limit = excluded.daily_submission_limit,
           notebook = excluded.notebook, position = excluded.position, active = 1,
           updated_at = CASE WHEN quests.threshold IS excluded.threshold AND quests.xp_reward IS excluded.xp_reward
             AND quests.metric IS excluded.metric AND quests.title IS excluded.title THEN quests.updated_at ELSE excluded.updated_at END`
      ).run(
        q.id,
        q.slug,
        q.title,
        q.description,
        q.level,
        datasetTask.get(q.dataset) ?? 'regression',
        q.dataset,
        q.metric,
        q.average ?? null,
        higherIsBetter(q.metric) ? 1 : 0,
        q.threshold,
        q.xp_reward,
        q.daily_submission_limit ?? 50,
        q.notebook ?? null,
        i,
        ts
      );
    });
    stmt(db, 'UPDATE quests SET active = 0 WHERE id NOT IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(pack.quests.map((q) => q.id))
    );

    pack.badges.forEach((b, i) => {
      stmt(
        db,
        `INSERT INTO badges (id, name, description, icon, condition_json, position, active) VALUES (?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description, icon = excluded.icon,
           condition_json = excluded.condition_json, position = excluded.position, active = 1`
      ).run(b.id, b.name, b.description, b.icon, JSON.stringify(b.condition), i);
    });
    stmt(db, 'UPDATE badges SET active = 0 WHERE id NOT IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(pack.badges.map((b) => b.id))
    );

    setMeta(db, META_PLAYER_LEVEL, JSON.stringify(pack.player_level));
    setMeta(db, 'pack_name', pack.name);
    setMeta(db, 'pack_version', String(pack.version));
  });
}
