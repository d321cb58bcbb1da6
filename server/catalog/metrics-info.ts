/** Facts about each metric that the game rules and the evaluator share. */
import type { MetricName } from '../../shared/api';

const HIGHER_IS_BETTER: Record<MetricName, boolean> = {
  r2: true,
  accuracy: true,
  precision: true,
  recall: true,
  f1: true,
  roc_auc: true,
  adjusted_rand_score: true,
  mse: false,
  rmse: false,
  mae: false,
  log_loss: false
};

export const PERFECT_TOLERANCE = 1e-12;

export function higherIsBetter(metric: MetricName): boolean {
  return HIGHER_IS_BETTER[metric];
}

/** The metric's best possible value: 1 for scores, 0 for errors and losses. */
export function perfectValue(metric: MetricName): number {
  return HIGHER_IS_BETTER[metric] ? 1 : 0;
}

export function isPerfectScore(metric: MetricName, score: number): boolean {
  return Math.abs(score - perfectValue(metric)) <= PERFECT_TOLERANCE;
}

/** Whether `score` passes `threshold` in the metric's direction (ties pass). */
export function passesThreshold(metric: MetricName, score: number, threshold: number): boolean {
  return higherIsBetter(metric) ? score >= threshold : score <= threshold;
}

/** Whether score `a` is strictly better than `b` in the metric's direction. */
export function isBetterScore(metric: MetricName, a: number, b: number): boolean {
  return higherIsBetter(metric) ? a > b : a < b;
}
