/**
 * How a metric is named to people: the one table the sidebar, the toasts and the server's
 * OpenAPI and quest descriptions all read, so that `r2` reads "R²" everywhere. Pure; types only
 * from the API contract.
 */
import type { MetricName } from './api';

export const METRIC_DISPLAY_NAMES: Readonly<Record<MetricName, string>> = {
  r2: 'R²',
  mse: 'MSE',
  rmse: 'RMSE',
  mae: 'MAE',
  accuracy: 'accuracy',
  precision: 'precision',
  recall: 'recall',
  f1: 'F1',
  roc_auc: 'ROC AUC',
  log_loss: 'log loss',
  adjusted_rand_score: 'adjusted Rand index'
};

/** Metrics whose value depends on how per-class scores are averaged. */
const AVERAGED: ReadonlySet<MetricName> = new Set<MetricName>(['precision', 'recall', 'f1']);

/**
 * The display name of a quest's metric, with its averaging where that matters:
 * `f1` + `macro` → "F1 (macro)"; a binary average names no average ("F1").
 */
export function metricDisplayName(metric: MetricName, average?: 'binary' | 'macro' | 'weighted' | null): string {
  const name = METRIC_DISPLAY_NAMES[metric] ?? metric;
  return average && average !== 'binary' && AVERAGED.has(metric) ? `${name} (${average})` : name;
}

/** "r2 (R²), mae (MAE), …": the codes with their names, for API documentation. */
export function metricGlossary(): string {
  return (Object.keys(METRIC_DISPLAY_NAMES) as MetricName[])
    .map((code) => `${code} (${METRIC_DISPLAY_NAMES[code]})`)
    .join(', ');
}
