/** The quest catalog as stored in the database (synced from the pack at start-up). */
import type { BadgeCondition, MetricName, TaskType } from '../../../shared/api';
import { databaseVersion } from '../data-version';
import type { Db } from '../database';
import { stmt } from '../statements';

export interface LevelRow {
  id: number;
  name: string;
  description: string;
  required_xp: number;
  position: number;
  active: number;
}

export interface QuestRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  level_id: number;
  task_type: TaskType;
  dataset: string;
  metric: MetricName;
  average: 'binary' | 'macro' | 'weighted' | null;
  higher_is_better: number;
  threshold: number;
  xp_reward: number;
  daily_submission_limit: number;
  notebook: string | null;
  position: number;
  active: number;
  updated_at: string;
}

export interface BadgeRow {
  id: string;
  name: string;
  description: string;
  icon: string;
  condition: BadgeCondition;
  position: number;
  active: number;
}

/**
 * The active catalog rows are read on most requests but change only when the pack is synced.
 * They are cached per connection until this connection writes anything or another connection
 * commits (total_changes / data_version move); callers must treat the rows as read-only.
 */
const catalogCache = new WeakMap<Db['sqlite'], { version: string; levels?: LevelRow[]; quests?: QuestRow[] }>();

function cachedCatalog(db: Db): { version: string; levels?: LevelRow[]; quests?: QuestRow[] } {
  const version = databaseVersion(db);
  let entry = catalogCache.get(db.sqlite);
  if (!entry || entry.version !== version) {
    entry = { version };
    catalogCache.set(db.sqlite, entry);
  }
  return entry;
}

export function activeLevels(db: Db): LevelRow[] {
  const cache = cachedCatalog(db);
  return (cache.levels ??= stmt(
    db,
    'SELECT * FROM levels WHERE active = 1 ORDER BY required_xp, position'
  ).all() as LevelRow[]);
}

export function findLevel(db: Db, id: number): LevelRow | undefined {
  return stmt(db, 'SELECT * FROM levels WHERE id = ?').get(id) as LevelRow | undefined;
}

export function activeQuests(db: Db): QuestRow[] {
  const cache = cachedCatalog(db);
  return (cache.quests ??= stmt(db, 'SELECT * FROM quests WHERE active = 1 ORDER BY position').all() as QuestRow[]);
}

/** Any quest, hidden ones included (their history stays readable). */
export function findQuest(db: Db, id: number): QuestRow | undefined {
  return stmt(db, 'SELECT * FROM quests WHERE id = ?').get(id) as QuestRow | undefined;
}

export function activeBadges(db: Db): BadgeRow[] {
  const rows = stmt(
    db,
    'SELECT id, name, description, icon, condition_json, position, active FROM badges WHERE active = 1 ORDER BY position'
  ).all() as (Omit<BadgeRow, 'condition'> & { condition_json: string })[];
  return rows.map(({ condition_json, ...r }) => ({ ...r, condition: JSON.parse(condition_json) as BadgeCondition }));
}

export function getMeta(db: Db, key: string): string | undefined {
  return (stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value
  );
}
