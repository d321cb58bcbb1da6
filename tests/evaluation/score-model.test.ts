/**
 * Scoring the committed fixture models (made by tests/fixtures/make_fixtures.py with
 * scikit-learn and skl2onnx) on the real quest pack, in real evaluator processes with real
 * onnxruntime. The server must reproduce the score scikit-learn gives the ONNX model's own
 * predictions to 1e-9; the ONNX model computes in float32, so against the fitted scikit-learn
 * model's score (float64) the tolerance is the float32 one recorded below.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadCatalog, type Catalog } from '../../server/catalog/load-pack';
import { EvaluatorPool } from '../../server/evaluation/evaluator-pool';
import { questEvaluationTarget } from '../../server/evaluation/quest-context';
import { scoreModel, type ScoreOutcome } from '../../server/evaluation/score-model';

interface ExpectedModel {
  file: string;
  quest_id: number;
  model: string;
  sklearn_score: number;
  onnx_score: number;
}

const fixtures = join(__dirname, '..', 'fixtures');
const expected = JSON.parse(readFileSync(join(fixtures, 'expected_scores.json'), 'utf8')) as {
  models: ExpectedModel[];
};
const modelBytes = (file: string): Uint8Array => new Uint8Array(readFileSync(join(fixtures, 'models', file)));

let catalog: Catalog;
let pool: EvaluatorPool;

beforeAll(async () => {
  catalog = loadCatalog(join(__dirname, '..', '..', 'datasets'));
  pool = new EvaluatorPool({ size: 2, timeoutMs: 4000, memoryMb: 1024 });
  await pool.whenReady();
});

afterAll(async () => {
  await pool.close();
});

async function score(file: string, questId: number): Promise<ScoreOutcome> {
  const target = questEvaluationTarget(catalog, questId);
  if (!target) throw new Error(`quest ${questId} is not in the pack`);
  return scoreModel(pool, modelBytes(file), target.ctx, target.split);
}

test('there is a fixture model for every quest of the pack', () => {
  const covered = new Set(expected.models.map((m) => m.quest_id));
  expect(catalog.pack.quests.filter((q) => !covered.has(q.id)).map((q) => q.id)).toEqual([]);
});

describe.each(expected.models.map((m) => [m.file, m] as const))('fixture %s', (_file, m) => {
  test(`scores as scikit-learn says (quest ${m.quest_id}, ${m.model})`, async () => {
    const outcome = await score(m.file, m.quest_id);
    expect(outcome.status).toBe('scored');
    if (outcome.status !== 'scored') return;
    expect(Math.abs(outcome.score - m.onnx_score)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(m.onnx_score)));
    // float32 inference vs float64 scikit-learn: a few test rows may fall on the other side of a tree threshold.
    expect(Math.abs(outcome.score - m.sklearn_score)).toBeLessThanOrEqual(
      0.01 * Math.max(1, Math.abs(m.sklearn_score))
    );
  });
});

test('a model submitted to a quest with another feature set is rejected before it runs', async () => {
  const outcome = await score('housing_linear_regression.onnx', 2);
  expect(outcome).toMatchObject({ status: 'rejected', code: 'input_shape' });
  if (outcome.status === 'rejected') expect(outcome.message).toMatch(/8 features/);
});

test('probabilities only as a ZipMap are rejected for a probability metric, with the export option to use', async () => {
  const outcome = await score('loan_zipmap_only.onnx', 10);
  expect(outcome.status).toBe('rejected');
  if (outcome.status === 'rejected') expect(outcome.message).toMatch(/zipmap": False/);
});

test('log loss needs the probability tensor too, while a ZipMap classifier is scored on its labels for accuracy', async () => {
  const forLogLoss = await score('loan_zipmap_only.onnx', 11);
  expect(forLogLoss).toMatchObject({ status: 'rejected', code: 'output_type' });
  const forAccuracy = await score('churn_column_transformer_logreg_zipmap.onnx', 3);
  expect(forAccuracy.status).toBe('scored');
});

test('labels that are not classes of the quest are rejected, naming them', async () => {
  const outcome = await score('iris_unknown_labels.onnx', 4);
  expect(outcome.status).toBe('rejected');
  if (outcome.status === 'rejected') expect(outcome.message).toMatch(/not among this quest's classes/);
});
