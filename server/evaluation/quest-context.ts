/** Builds what the evaluator needs to know about a quest from the loaded catalog. */
import type { Catalog } from '../catalog/load-pack';
import type { DatasetSplit } from '../catalog/pack-types';
import type { QuestModelContext } from './model-plan';

export interface QuestEvaluationTarget {
  ctx: QuestModelContext;
  split: DatasetSplit;
}

/** The quest's metric, features and classes, and its hidden (test) split; null for an unknown quest. */
export function questEvaluationTarget(catalog: Catalog, questId: number): QuestEvaluationTarget | null {
  const quest = catalog.quest(questId);
  const dataset = catalog.datasetOf(questId);
  if (!quest || !dataset) return null;
  const classes = dataset.classes ?? null;
  const ctx: QuestModelContext = {
    taskType: dataset.task_type,
    metric: quest.metric,
    average: quest.average ?? (classes && classes.length > 2 && quest.metric === 'roc_auc' ? 'macro' : null),
    features: dataset.features.map((f) => ({ name: f.name, type: f.type })),
    classes,
    positiveLabel: dataset.positive_class,
    rows: dataset.test.rows
  };
  return { ctx, split: dataset.test };
}
