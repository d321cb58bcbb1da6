/** The quest catalog as stored in the database (synced from the pack at start-up). */
import type { BadgeCondition, MetricName, TaskType } from '../../../shared/api';
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

export function activeLevels(db: Db): LevelRow[] {
  return stmt(db, 'SELECT * FROM levels WHERE active = 1 ORDER BY required_xp, position').all() as LevelRow[];
}

export function findLevel(db: Db, id: number): LevelRow | undefined {
  return stmt(db, 'SELECT * FROM levels WHERE id = ?').get(id) as LevelRow | undefined;
}

export function activeQuests(db: Db): QuestRow[] {
  return stmt(db, 'SELECT * FROM quests WHERE active = 1 ORDER BY position').all() as QuestRow[];
}

/** Any quest, hidden ones included (their history stays readable). */
export function findQuest(db: Db, id: number): QuestRow | undefined {
  return stmt(db, 'SELECT * FROM quests WHERE id = ?').get(id) as QuestRow | undefined;
}

export function activeBadges(db: Db): BadgeRow[] {
  const rows = stmt(db, 'SELECT id, name, description, icon, condition_json, position, active FROM badges WHERE active = 1 ORDER BY position').all() as (Omit<BadgeRow, 'condition'> & { condition_json: string })[];
  return rows.map(({ condition_json, ...r }) => ({ ...r, condition: JSON.parse(condition_json) as BadgeCondition }));
}

export function getMeta(db: Db, key: string): string | undefined {
  return (stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
