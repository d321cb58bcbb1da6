/**
 * onnxruntime's own time for a model, the physical floor under submit-to-result: in one plain
 * Node process, InferenceSession.create() from the model bytes plus run() on the quest's hidden
 * split, repeated. The feeds are built with the server's own code (pre-scan plan + buildFeeds),
 * so the input is identical to what the evaluator receives, and the session options are the
 * evaluator's (one thread, sequential, all graph optimisations).
 *
 * Usage: node lib/bench/ort-baseline.js '<OrtBaselineJob JSON>' → one OrtBaselineReport JSON on stdout.
 */
import fs from 'node:fs';
import * as ort from 'onnxruntime-node';
import { EVALUATOR_SESSION_OPTIONS } from '../server/evaluation/session-options';
import { loadCatalog } from '../server/catalog/load-pack';
import { buildFeeds } from '../server/evaluation/feed';
import { prescanModel } from '../server/evaluation/prescan';
import { questEvaluationTarget } from '../server/evaluation/quest-context';
import { summarize, type LatencySummary } from './stats';
import { mainJsonChild } from './child-process-json';

export interface OrtBaselineJob {
  packDir: string;
  modelFile: string;
  questId: number;
  repetitions: number;
  warmup: number;
}

export interface OrtBaselineReport {
  create_plus_run: LatencySummary;
  create: LatencySummary;
  run: LatencySummary;
  rows: number;
}

export async function runOrtBaseline(job: OrtBaselineJob): Promise<OrtBaselineReport> {
  const catalog = loadCatalog(job.packDir);
  const target = questEvaluationTarget(catalog, job.questId);
  if (!target) throw new Error(`quest ${job.questId} is not in the pack`);
  const model = new Uint8Array(fs.readFileSync(job.modelFile));
  const plan = prescanModel(model, target.ctx);
  const feeds = buildFeeds(plan.inputs, target.split);
  const total: number[] = [];
  const create: number[] = [];
  const run: number[] = [];
  for (let i = 0; i < job.warmup + job.repetitions; i++) {
    const t0 = performance.now();
    const session = await ort.InferenceSession.create(model, EVALUATOR_SESSION_OPTIONS);
    const t1 = performance.now();
    const tensors: Record<string, ort.Tensor> = {};
    for (const f of feeds) tensors[f.name] = new ort.Tensor(f.type, f.data, f.dims);
    await session.run(tensors, plan.fetch);
    const t2 = performance.now();
    await session.release();
    if (i >= job.warmup) {
      total.push(t2 - t0);
      create.push(t1 - t0);
      run.push(t2 - t1);
    }
  }
  return { create_plus_run: summarize(total), create: summarize(create), run: summarize(run), rows: target.split.rows };
}

mainJsonChild(module, runOrtBaseline);
