/** TypeScript shape of datasets/pack.json (validated by schema/quest-pack.schema.json). */
import type { BadgeCondition, MetricName, TaskType } from '../../shared/api';

export type FeatureType = 'float' | 'int' | 'string';

export interface PackFeature {
  name: string;
  type: FeatureType;
  description?: string;
}

export interface PackLevel {
  id: number;
  name: string;
  description: string;
  required_xp: number;
}

export interface PackDataset {
  id: string;
  title: string;
  dir: string;
  task_type: TaskType;
  target: string;
  features: PackFeature[];
  classes?: (string | number)[];
  positive_class?: string | number;
}

export interface PackQuest {
  id: number;
  slug: string;
  title: string;
  description: string;
  level: number;
  dataset: string;
  metric: MetricName;
  average?: 'binary' | 'macro' | 'weighted';
  direction: 'higher_is_better' | 'lower_is_better';
  threshold: number;
  xp_reward: number;
  daily_submission_limit?: number;
  notebook?: string;
  baseline_score?: number;
  reference_score?: number;
  hints?: string[];
}

export interface PackBadge {
  id: string;
  name: string;
  description: string;
  icon: string;
  condition: BadgeCondition;
}

export interface PlayerLevelFormula {
  formula: 'sqrt' | 'linear';
  xp_per_level: number;
}

export interface QuestPack {
  name: string;
  version: number;
  player_level: PlayerLevelFormula;
  levels: PackLevel[];
  datasets: PackDataset[];
  quests: PackQuest[];
  badges: PackBadge[];
}

export interface DatasetSplit {
  rows: number;
  features: { name: string; type: FeatureType }[];
  /** One per feature, pack order; numeric features as Float64Array. */
  columns: (Float64Array | string[])[];
  /** Numbers for regression/clustering and numeric class labels, else strings. */
  target: (number | string)[];
  csvPath: string;
}
