/**
 * Hostile and broken uploads (committed fixtures from tests/fixtures/make_fixtures.py) end in the
 * right terminal state with a message a learner can act on, and never take down the evaluator
 * pool: a runaway model is killed on the timeout, a crashed evaluator is replaced.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadCatalog, type Catalog } from '../../server/catalog/load-pack';
import { EvaluatorPool } from '../../server/evaluation/evaluator-pool';
import { questEvaluationTarget } from '../../server/evaluation/quest-context';
import { scoreModel, type ScoreOutcome } from '../../server/evaluation/score-model';

const models = join(__dirname, '..', 'fixtures', 'models');
let catalog: Catalog;
let pool: EvaluatorPool;

beforeAll(async () => {
  catalog = loadCatalog(join(__dirname, '..', '..', 'datasets'));
  pool = new EvaluatorPool({ size: 2, timeoutMs: 1500, memoryMb: 1024 });
  await pool.whenReady();
});

afterAll(async () => {
  await pool.close();
});

async function score(file: string, questId = 1): Promise<ScoreOutcome> {
  const target = questEvaluationTarget(catalog, questId);
  if (!target) throw new Error(`no quest ${questId}`);
  return scoreModel(pool, new Uint8Array(readFileSync(join(models, file))), target.ctx, target.split);
}

const HOW_TO = /skl2onnx/;

test.each([
  ['not_onnx_model.pkl', 'not_onnx_pickle', /pickle.*never loads/],
  ['not_onnx_model.joblib.z', 'not_onnx_compressed', /compressed/],
  ['not_onnx_checkpoint.zip', 'not_onnx_zip', /ZIP archive/],
  ['not_onnx_predictions.csv', 'not_onnx_csv', /does not accept predictions/],
  ['not_onnx_empty.onnx', 'not_onnx_empty', /empty/],
  ['not_onnx_truncated.onnx', 'onnx_truncated', /truncated/],
  ['not_onnx_random.bin', 'not_onnx', /not an ONNX model/]
])('%s is rejected as not ONNX (%s) with how to export ONNX', async (file, code, pattern) => {
  const outcome = await score(file);
  expect(outcome).toMatchObject({ status: 'rejected', code });
  if (outcome.status === 'rejected') {
    expect(outcome.message).toMatch(pattern);
    expect(outcome.message).toMatch(HOW_TO);
  }
});

test.each([
  ['hostile_external_data.onnx', 'external_data', /external data/],
  ['hostile_external_data_abs_path.onnx', 'external_data', /save_as_external_data=False/],
  ['hostile_external_data_subgraph.onnx', 'external_data', /external data/],
  ['broken_custom_domain.onnx', 'unsupported_domain', /com\.example\.evil/],
  ['broken_future_opset.onnx', 'unsupported_opset', /opset 30.*7 to 26/],
  ['broken_wrong_feature_count.onnx', 'input_shape', /expects 3 feature columns.*6 features/],
  ['broken_wrong_input_type.onnx', 'input_type', /float16/],
  ['broken_wrong_input_names.onnx', 'input_names', /"col0".*not features/],
  ['broken_fixed_batch.onnx', 'input_shape', /fixed batch size of 1/],
  ['broken_wrong_length_output.onnx', 'bad_output', /199 rows for the 200 rows/],
  ['broken_nan_output.onnx', 'bad_output', /NaN/]
])('%s is rejected (%s) with a message that says what to change', async (file, code, pattern) => {
  const outcome = await score(file);
  expect(outcome).toMatchObject({ status: 'rejected', code });
  if (outcome.status === 'rejected') expect(outcome.message).toMatch(pattern);
});

test('an infinite Loop is stopped on the timeout with SIGKILL, and the pool replaces the evaluator', async () => {
  const before = pool.pids().map((p) => p.pid);
  const started = Date.now();
  const outcome = await score('hostile_infinite_loop.onnx');
  expect(outcome.status).toBe('failed');
  if (outcome.status === 'failed') expect(outcome.message).toMatch(/took too long.*1\.5 s/);
  // Stopped by the 1.5 s limit, not earlier; the upper bound is generous (a busy 2-core machine), a hang is caught.
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(1400);
  expect(elapsed).toBeLessThan(15_000);
  await pool.whenReady();
  const after = pool.pids().map((p) => p.pid);
  expect(after.filter((pid) => !before.includes(pid))).toHaveLength(1);
  expect((await score('housing_linear_regression.onnx')).status).toBe('scored');
});

test('a huge allocation hits the memory cap and fails with a memory message', async () => {
  const outcome = await score('hostile_huge_allocation.onnx');
  expect(outcome.status).toBe('failed');
  if (outcome.status === 'failed') expect(outcome.message).toMatch(/more memory than an evaluator may use \(1024 MB\)/);
  expect((await score('housing_linear_regression.onnx')).status).toBe('scored');
});

test('an evaluator that dies mid-run fails only its own model', async () => {
  const running = score('hostile_infinite_loop.onnx');
  const other = score('housing_linear_regression.onnx');
  let busy: number | undefined;
  for (let i = 0; i < 200 && busy === undefined; i++) {
    await new Promise((r) => setTimeout(r, 10));
    busy = pool.pids().find((p) => p.busy)?.pid;
  }
  expect(busy).toBeDefined();
  process.kill(busy as number, 'SIGKILL');
  const outcome = await running;
  expect(outcome.status).toBe('failed');
  if (outcome.status === 'failed') expect(outcome.message).toMatch(/crashed|took too long/);
  expect((await other).status).toBe('scored');
  await pool.whenReady();
  expect(pool.stats().size).toBe(2);
});
