/**
 * Loads the quest pack (datasets/pack.json + every dataset's CSV splits), validates it against
 * schema/quest-pack.schema.json, checks its cross-references and runs the catalog check.
 * Throws PackError with a message that names the file and the field.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { MetricName, TaskType } from '../../shared/api';
import { catalogProblems } from './catalog-check';
import { readSplit } from './csv-split';
import { higherIsBetter } from './metrics-info';
import { PackError } from './pack-error';
import type { DatasetSplit, PackDataset, PackQuest, QuestPack } from './pack-types';

export interface CatalogDataset extends PackDataset {
  train: DatasetSplit;
  test: DatasetSplit;
  dirPath: string;
  cardPath: string | null;
}

export interface Catalog {
  pack: QuestPack;
  dir: string;
  datasets: Map<string, CatalogDataset>;
  quest(id: number): PackQuest | undefined;
  /** The dataset of a quest, both splits loaded. */
  datasetOf(questId: number): CatalogDataset | undefined;
}

const METRICS_FOR_TASK: Record<TaskType, MetricName[]> = {
  regression: ['r2', 'mse', 'rmse', 'mae'],
  binary_classification: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'],
  multiclass_classification: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'],
  clustering: ['adjusted_rand_score']
};

export function findSchemaFile(): string {
  const candidates = [
    path.resolve(__dirname, '../../schema/quest-pack.schema.json'),
    path.resolve(__dirname, '../../../schema/quest-pack.schema.json')
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`quest-pack.schema.json not found (looked in ${candidates.join(', ')})`);
  return found;
}

let validatorCache: ReturnType<Ajv['compile']> | null = null;
function packValidator() {
  if (!validatorCache) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validatorCache = ajv.compile(JSON.parse(fs.readFileSync(findSchemaFile(), 'utf8')));
  }
  return validatorCache;
}

function duplicates<T>(items: T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const i of items) (seen.has(i) ? dup : seen).add(i);
  return [...dup];
}

/** Validates pack.json's content (schema + cross-references + catalog check); no file access. */
export function validatePack(raw: unknown, file = 'pack.json'): QuestPack {
  const validate = packValidator();
  if (!validate(raw)) {
    const errors = (validate.errors ?? [])
      .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if')
      .slice(0, 8)
      .map(
        (e) =>
          `${file}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`
      );
    throw new PackError(`The quest pack does not match schema/quest-pack.schema.json:\n  ${errors.join('\n  ')}`);
  }
  const pack = raw as QuestPack;
  const problems: string[] = [];
  const dupCheck = (what: string, ids: (string | number)[]) => {
    for (const d of duplicates(ids)) problems.push(`${file}: ${what} "${d}" appears more than once`);
  };
  dupCheck(
    'levels[].id',
    pack.levels.map((l) => l.id)
  );
  dupCheck(
    'datasets[].id',
    pack.datasets.map((d) => d.id)
  );
  dupCheck(
    'quests[].id',
    pack.quests.map((q) => q.id)
  );
  dupCheck(
    'quests[].slug',
    pack.quests.map((q) => q.slug)
  );
  dupCheck(
    'badges[].id',
    pack.badges.map((b) => b.id)
  );
  for (const ds of pack.datasets) {
    const where = `${file}: datasets[id=${ds.id}]`;
    dupCheck(
      `datasets[id=${ds.id}].features[].name`,
      ds.features.map((f) => f.name)
    );
    if (ds.features.some((f) => f.name === ds.target))
      problems.push(`${where}.target: "${ds.target}" is also listed as a feature`);
    const isClassification = ds.task_type.endsWith('classification');
    if (isClassification && !ds.classes) problems.push(`${where}.classes: required for ${ds.task_type}`);
    if (ds.task_type === 'binary_classification' && ds.classes && ds.classes.length !== 2)
      problems.push(`${where}.classes: binary classification needs exactly 2 classes, got ${ds.classes.length}`);
    if (ds.classes) dupCheck(`datasets[id=${ds.id}].classes[]`, ds.classes.map(String));
    if (ds.positive_class !== undefined && !(ds.classes ?? []).some((c) => c === ds.positive_class))
      problems.push(`${where}.positive_class: "${ds.positive_class}" is not one of classes`);
  }
  for (const q of pack.quests) {
    const where = `${file}: quests[id=${q.id}]`;
    if (!pack.levels.some((l) => l.id === q.level))
      problems.push(`${where}.level: level ${q.level} is not defined in levels`);
    const ds = pack.datasets.find((d) => d.id === q.dataset);
    if (!ds) problems.push(`${where}.dataset: dataset "${q.dataset}" is not defined in datasets`);
    else if (!METRICS_FOR_TASK[ds.task_type].includes(q.metric))
      problems.push(
        `${where}.metric: "${q.metric}" does not fit the ${ds.task_type} dataset "${ds.id}" (use one of ${METRICS_FOR_TASK[ds.task_type].join(', ')})`
      );
    const expected = higherIsBetter(q.metric) ? 'higher_is_better' : 'lower_is_better';
    if (q.direction !== expected)
      problems.push(`${where}.direction: ${q.metric} is ${expected}, the pack says ${q.direction}`);
  }
  if (problems.length === 0) problems.push(...catalogProblems(pack));
  if (problems.length > 0) throw new PackError(`The quest pack is not usable:\n  ${problems.join('\n  ')}`);
  return pack;
}

/** Loads and validates a pack directory (pack.json plus each dataset's train.csv and test.csv). */
export function loadCatalog(dir: string): Catalog {
  const packFile = path.join(dir, 'pack.json');
  if (!fs.existsSync(packFile))
    throw new PackError(`${packFile}: not found (set MLQUEST_QUEST_PACK to the folder holding pack.json)`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(packFile, 'utf8'));
  } catch (err) {
    throw new PackError(`${packFile}: not valid JSON: ${(err as Error).message}`);
  }
  const pack = validatePack(raw, packFile);
  const datasets = new Map<string, CatalogDataset>();
  for (const ds of pack.datasets) {
    const dirPath = path.join(dir, ds.dir);
    const trainPath = path.join(dirPath, 'train.csv');
    const testPath = path.join(dirPath, 'test.csv');
    const train = readSplit(trainPath, ds, trainPath);
    const test = readSplit(testPath, ds, testPath);
    const card = path.join(dirPath, 'card.md');
    datasets.set(ds.id, { ...ds, train, test, dirPath, cardPath: fs.existsSync(card) ? card : null });
  }
  const questById = new Map(pack.quests.map((q) => [q.id, q]));
  return {
    pack,
    dir,
    datasets,
    quest: (id) => questById.get(id),
    datasetOf: (id) => {
      const q = questById.get(id);
      return q ? datasets.get(q.dataset) : undefined;
    }
  };
}
