/**
 * Parts 1 and 2: submit-to-result latency over HTTP (authenticated, real multipart upload of a
 * fixture model, POST /quests/{id}/submit answering with the terminal result) at concurrency 1
 * and 8, beside onnxruntime's own create+run for the same model and split (ort-baseline, its own
 * process); then GET /health latency while 8 evaluations of the slowest fixture run at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runJsonChild } from './child-process-json';
import type { LatencyJob, LatencyReport } from './latency-client';
import type { OrtBaselineJob, OrtBaselineReport } from './ort-baseline';
import { seedDatabase } from './seed-database';
import { startServer } from './server-process';

export interface EvalFixture {
  name: string;
  file: string;
  questId: number;
}

/** The three fixtures of the issue (made by tests/fixtures/make_fixtures.py). */
export const EVAL_FIXTURES: EvalFixture[] = [
  { name: 'linear_regression', file: 'tests/fixtures/models/housing_linear_regression.onnx', questId: 1 },
  { name: 'random_forest', file: 'tests/fixtures/models/crop_random_forest_regressor.onnx', questId: 2 },
  {
    name: 'categorical_pipeline',
    file: 'tests/fixtures/models/churn_column_transformer_logreg_zipmap.onnx',
    questId: 3
  }
];

export interface EvalBenchOptions {
  repoRoot: string;
  workDir: string;
  requestsC1: number;
  requestsC8: number;
  baselineRepetitions: number;
  healthLoadMs: number;
  log: (msg: string) => void;
}

export interface FixtureMeasurement {
  fixture: string;
  model_file: string;
  model_bytes: number;
  quest_id: number;
  test_rows: number;
  submit_c1: LatencyReport;
  submit_c8: LatencyReport;
  onnxruntime: OrtBaselineReport;
  /** Median submit-to-result (c=1) minus onnxruntime's median create+run. */
  overhead_median_ms: number | null;
  /** Median submit-to-result (c=1) divided by onnxruntime's median create+run. */
  ratio_median: number | null;
}

export interface HealthMeasurement {
  fixture: string;
  idle: LatencyReport;
  during_8_evaluations: LatencyReport;
  evaluations_during: LatencyReport;
}

export interface EvalBenchResult {
  evaluator_workers: number;
  fixtures: FixtureMeasurement[];
  health: HealthMeasurement;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export async function runEvalBench(o: EvalBenchOptions): Promise<EvalBenchResult> {
  const dbPath = path.join(o.workDir, 'eval.db');
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
  // Players who unlocked every fixture's quest; each has 50 scored submissions a day per quest.
  // Submissions to one quest: both concurrency runs plus the /health load (at most ~250/s).
  const perQuest = o.requestsC1 + o.requestsC8 + Math.ceil(o.healthLoadMs / 4) + 200;
  const players = Math.max(40, Math.ceil(perQuest / 30));
  const seeded = seedDatabase({
    dbPath,
    packDir: path.join(o.repoRoot, 'datasets'),
    users: players * 3,
    submissions: players * 3 * 40,
    tokens: players,
    tokenMinXp: 1000
  });
  if (seeded.tokens.length < players / 2)
    throw new Error(`only ${seeded.tokens.length} seeded players unlocked the fixture quests`);
  const server = await startServer(o.repoRoot, dbPath);
  const health = (await (await fetch(`${server.url}/health`)).json()) as { evaluators: { size: number } };
  let tokenOffset = 0;
  const submitJob = (fx: EvalFixture, connections: number, requests: number, maxMs?: number): LatencyJob => {
    // Each job starts with other players, so no player hits a quest's daily limit.
    const n = seeded.tokens.length;
    const tokens = [...seeded.tokens.slice(tokenOffset % n), ...seeded.tokens.slice(0, tokenOffset % n)];
    tokenOffset += requests + connections * 3;
    return {
      baseUrl: server.url,
      method: 'POST',
      path: `/quests/${fx.questId}/submit`,
      tokens,
      connections,
      requests,
      warmup: 3,
      modelFile: path.join(o.repoRoot, fx.file),
      expectStatus: 200,
      bodyStatus: 'scored',
      maxMs
    };
  };
  try {
    const fixtures: FixtureMeasurement[] = [];
    for (const fx of EVAL_FIXTURES) {
      const c1 = await runJsonChild<LatencyReport>('latency-client.js', submitJob(fx, 1, o.requestsC1));
      const c8 = await runJsonChild<LatencyReport>('latency-client.js', submitJob(fx, 8, o.requestsC8));
      const ort = await runJsonChild<OrtBaselineReport>('ort-baseline.js', {
        packDir: path.join(o.repoRoot, 'datasets'),
        modelFile: path.join(o.repoRoot, fx.file),
        questId: fx.questId,
        repetitions: o.baselineRepetitions,
        warmup: 5
      } satisfies OrtBaselineJob);
      const base = ort.create_plus_run.p50_ms;
      fixtures.push({
        fixture: fx.name,
        model_file: fx.file,
        model_bytes: fs.statSync(path.join(o.repoRoot, fx.file)).size,
        quest_id: fx.questId,
        test_rows: ort.rows,
        submit_c1: c1,
        submit_c8: c8,
        onnxruntime: ort,
        overhead_median_ms: c1.p50_ms !== null && base !== null ? round(c1.p50_ms - base) : null,
        ratio_median: c1.p50_ms !== null && base ? round(c1.p50_ms / base) : null
      });
      o.log(
        `${fx.name}: submit p50 ${c1.p50_ms} ms (c=1), p99 ${c8.p99_ms} ms (c=8); onnxruntime create+run p50 ${base} ms`
      );
    }

    // Part 2: the slowest fixture (by onnxruntime's own time) under 8 concurrent evaluations.
    const slowest = [...fixtures].sort(
      (a, b) => (b.onnxruntime.create_plus_run.p50_ms ?? 0) - (a.onnxruntime.create_plus_run.p50_ms ?? 0)
    )[0];
    const fx = EVAL_FIXTURES.find((f) => f.name === slowest.fixture) as EvalFixture;
    const healthJob = (maxMs: number): LatencyJob => ({
      baseUrl: server.url,
      method: 'GET',
      path: '/health',
      tokens: [],
      connections: 1,
      requests: 1_000_000,
      warmup: 5,
      intervalMs: 5,
      maxMs,
      expectStatus: 200
    });
    const idle = await runJsonChild<LatencyReport>('latency-client.js', healthJob(Math.min(3000, o.healthLoadMs)));
    const load = runJsonChild<LatencyReport>('latency-client.js', submitJob(fx, 8, 1_000_000, o.healthLoadMs + 500));
    await new Promise((r) => setTimeout(r, 500)); // let the 8 evaluations get going
    const during = await runJsonChild<LatencyReport>('latency-client.js', healthJob(o.healthLoadMs));
    const evaluations = await load;
    o.log(`/health during 8 evaluations of ${fx.name}: p50 ${during.p50_ms} ms, p99 ${during.p99_ms} ms`);
    return {
      evaluator_workers: health.evaluators.size,
      fixtures,
      health: { fixture: fx.name, idle, during_8_evaluations: during, evaluations_during: evaluations }
    };
  } finally {
    await server.stop();
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
  }
}
