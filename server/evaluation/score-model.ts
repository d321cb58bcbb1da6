/**
 * Scores one uploaded model on a quest's hidden split: pre-scan, build the feeds, run it in an
 * evaluator process, read the predictions and compute the quest's metric. The outcome is the
 * submission's terminal state: scored (with the score), rejected or failed (with a message).
 */
import type { DatasetSplit } from '../catalog/pack-types';
import type { EvaluatorPool } from './evaluator-pool';
import { buildFeeds } from './feed';
import { MetricInputError, computeMetric } from './metrics';
import type { QuestModelContext } from './model-plan';
import { ModelRejection, type ModelPlan } from './model-plan';
import { prescanModel } from './prescan';
import { readPredictions } from './read-outputs';

export type ScoreOutcome =
  | { status: 'scored'; score: number; createMs: number; runMs: number }
  | { status: 'rejected'; code: string; message: string }
  | { status: 'failed'; message: string }
  | { status: 'aborted'; message: string };

export async function scoreModel(
  pool: EvaluatorPool,
  model: Uint8Array,
  ctx: QuestModelContext,
  split: DatasetSplit,
  /** The pre-scan's plan when the caller already made it for these bytes and this quest. */
  knownPlan?: ModelPlan
): Promise<ScoreOutcome> {
  try {
    const plan = knownPlan ?? prescanModel(model, ctx);
    const feeds = buildFeeds(plan.inputs, split);
    const outcome = await pool.evaluate(model, feeds, plan.fetch);
    if (outcome.status !== 'ok') {
      return outcome.status === 'rejected'
        ? { status: 'rejected', code: 'model_error', message: outcome.message }
        : outcome;
    }
    const predictions = readPredictions(plan.reading, outcome.outputs, ctx);
    const values =
      predictions.kind === 'values'
        ? predictions.values
        : predictions.kind === 'labels'
          ? predictions.labels
          : predictions.probabilities;
    const score = computeMetric(
      { metric: ctx.metric, average: ctx.average, classes: ctx.classes, positiveLabel: ctx.positiveLabel },
      split.target,
      values
    );
    if (!Number.isFinite(score)) {
      return {
        status: 'failed',
        message: `The ${ctx.metric} of the predictions is not a finite number; please report this quest.`
      };
    }
    return { status: 'scored', score, createMs: outcome.createMs, runMs: outcome.runMs };
  } catch (err) {
    if (err instanceof ModelRejection) return { status: 'rejected', code: err.code, message: err.message };
    if (err instanceof MetricInputError) {
      return { status: 'rejected', code: 'bad_output', message: `The predictions cannot be scored: ${err.message}.` };
    }
    throw err;
  }
}
