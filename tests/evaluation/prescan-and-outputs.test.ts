/**
 * The pre-scan's plan for real skl2onnx exports (how each is fed and read), and the output
 * reader's rules on hand-made tensors (argmax over the quest's classes, one-column binary
 * probabilities, row counts, unknown labels).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadCatalog, type Catalog } from '../../server/catalog/load-pack';
import { buildFeeds } from '../../server/evaluation/feed';
import type { QuestModelContext } from '../../server/evaluation/model-plan';
import { ModelRejection } from '../../server/evaluation/model-plan';
import { prescanModel } from '../../server/evaluation/prescan';
import { questEvaluationTarget } from '../../server/evaluation/quest-context';
import { readPredictions } from '../../server/evaluation/read-outputs';

let catalog: Catalog;
beforeAll(() => {
  catalog = loadCatalog(join(__dirname, '..', '..', 'datasets'));
});

const bytes = (file: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'models', file)));
const ctxOf = (questId: number): QuestModelContext => questEvaluationTarget(catalog, questId)!.ctx;

test('a DataFrame pipeline gets one [N, 1] input per column, text columns as string tensors', () => {
  const plan = prescanModel(bytes('churn_column_transformer_forest.onnx'), ctxOf(8));
  const features = ctxOf(8).features;
  expect(plan.inputs.map((i) => [i.name, i.elementType])).toEqual(
    features.map((f) => [f.name, f.type === 'string' ? 'string' : f.type === 'int' ? 'int64' : 'float32'])
  );
  const split = questEvaluationTarget(catalog, 8)!.split;
  const feeds = buildFeeds(plan.inputs, split);
  const contract = feeds.find((f) => f.name === 'contract')!;
  expect(contract.dims).toEqual([split.rows, 1]);
  expect((contract.data as string[])[0]).toBe(
    (split.columns[features.findIndex((f) => f.name === 'contract')] as string[])[0]
  );
  expect(plan.reading).toEqual({ kind: 'labels', output: 'label' });
  // With ZipMap, skl2onnx names the outputs output_label/output_probability: only the label is fetched.
  expect(prescanModel(bytes('churn_column_transformer_logreg_zipmap.onnx'), ctxOf(3)).fetch).toEqual(['output_label']);
});

test('a float64 export is fed a double matrix in the dataset column order', () => {
  const plan = prescanModel(bytes('housing_linear_regression_double.onnx'), ctxOf(1));
  expect(plan.inputs).toHaveLength(1);
  expect(plan.inputs[0]).toMatchObject({ elementType: 'float64', rank: 2, featureIndexes: [0, 1, 2, 3, 4, 5] });
  const split = questEvaluationTarget(catalog, 1)!.split;
  const [feed] = buildFeeds(plan.inputs, split);
  expect(feed.data).toBeInstanceOf(Float64Array);
  expect((feed.data as Float64Array)[7]).toBe((split.columns[1] as Float64Array)[1]);
  expect(plan.reading).toEqual({ kind: 'values', output: 'variable' });
});

test('probability metrics read the probability tensor; a logits-only model is read by argmax', () => {
  expect(prescanModel(bytes('loan_logistic_regression_proba.onnx'), ctxOf(10)).reading).toEqual({
    kind: 'probabilities',
    output: 'probabilities'
  });
  expect(prescanModel(bytes('iris_logits_matrix.onnx'), ctxOf(4)).reading).toEqual({
    kind: 'labels_or_scores',
    output: 'logits'
  });
  expect(prescanModel(bytes('rings_mlp_classifier.onnx'), ctxOf(9)).fetch).toEqual(['label']);
});

const iris: QuestModelContext = {
  taskType: 'multiclass_classification',
  metric: 'accuracy',
  average: null,
  features: [{ name: 'a', type: 'float' }],
  classes: ['setosa', 'versicolor', 'virginica'],
  rows: 3
};

test('a score matrix becomes labels by argmax over the class list (first maximum wins ties)', () => {
  const p = readPredictions(
    { kind: 'labels_or_scores', output: 'y' },
    { y: { type: 'float32', dims: [3, 3], data: new Float32Array([0.1, 0.7, 0.2, 0.5, 0.5, 0, 0, 0.1, 0.9]) } },
    iris
  );
  expect(p).toEqual({ kind: 'labels', labels: ['versicolor', 'setosa', 'virginica'] });
});

test('one probability column of a binary quest is the positive (last) class', () => {
  const ctx: QuestModelContext = {
    ...iris,
    taskType: 'binary_classification',
    metric: 'log_loss',
    classes: [0, 1],
    rows: 2
  };
  const p = readPredictions(
    { kind: 'probabilities', output: 'p' },
    { p: { type: 'float64', dims: [2], data: new Float64Array([0.25, 0.5]) } },
    ctx
  );
  expect(p.kind === 'probabilities' && Array.from(p.probabilities)).toEqual([0.75, 0.25, 0.5, 0.5]);
});

test('class numbers 0..K-1 for a quest with string classes are rejected with the encoded-labels advice', () => {
  const encoded = { l: { type: 'int64', dims: [3], data: new BigInt64Array([0n, 2n, 1n]) } };
  expect(() => readPredictions({ kind: 'labels', output: 'l' }, encoded, iris)).toThrow(
    /class numbers 0\.\.2, which are not among this quest's classes \["setosa", "versicolor", "virginica"\]: .*encoded labels.*LGBMClassifier/
  );
  const outOfRange = { l: { type: 'int64', dims: [3], data: new BigInt64Array([0n, 7n, 1n]) } };
  expect(() => readPredictions({ kind: 'labels', output: 'l' }, outOfRange, iris)).toThrow(
    /not among this quest's classes/
  );
});

test('numeric labels match numeric classes; unknown labels and wrong row counts are rejected', () => {
  const ctx: QuestModelContext = { ...iris, classes: [0, 1], rows: 3 };
  expect(
    readPredictions(
      { kind: 'labels', output: 'l' },
      { l: { type: 'int64', dims: [3], data: new BigInt64Array([0n, 1n, 1n]) } },
      ctx
    )
  ).toEqual({
    kind: 'labels',
    labels: [0, 1, 1]
  });
  expect(() =>
    readPredictions(
      { kind: 'labels', output: 'l' },
      { l: { type: 'int64', dims: [3], data: new BigInt64Array([0n, 2n, 1n]) } },
      ctx
    )
  ).toThrow(/label \("2"\) that is not among this quest's classes \[0, 1\]/);
  expect(() =>
    readPredictions(
      { kind: 'labels', output: 'l' },
      { l: { type: 'int64', dims: [2], data: new BigInt64Array([0n, 1n]) } },
      ctx
    )
  ).toThrow(ModelRejection);
});
