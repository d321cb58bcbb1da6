/**
 * Scoring metrics, computed the way scikit-learn 1.8 computes them (same definitions, same edge
 * cases, same defaults: zero_division=0, force_finite r2, eps clipping in log_loss), so that a
 * learner's score on ML Quest equals the score they get with sklearn.metrics in their notebook.
 * Pure functions over plain arrays; the parity with scikit-learn is proven by
 * tests/evaluation/metrics-parity.test.ts against fixtures that scikit-learn itself wrote.
 */
import type { MetricName } from '../../shared/api';

export type Label = number | string;
export type Average = 'binary' | 'macro' | 'weighted';

/** An input the metric cannot be computed on (for example a test set with a single class). */
export class MetricInputError extends Error {}

function requireSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw new MetricInputError(`found ${a.length} true values but ${b.length} predictions`);
  }
  if (a.length === 0) throw new MetricInputError('there are no samples to score');
}

/** numpy-style pairwise summation, so long sums round like np.sum does. */
function pairwiseSum(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n < 8) {
    let s = 0;
    for (let i = start; i < end; i++) s += values[i];
    return s;
  }
  if (n <= 128) {
    const r = [
      values[start],
      values[start + 1],
      values[start + 2],
      values[start + 3],
      values[start + 4],
      values[start + 5],
      values[start + 6],
      values[start + 7]
    ];
    let i = start + 8;
    for (; i < end - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k] += values[i + k];
    }
    let s = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < end; i++) s += values[i];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(values, start, start + half) + pairwiseSum(values, start + half, end);
}

function mean(values: ArrayLike<number>): number {
  return pairwiseSum(values) / values.length;
}

// ---------------------------------------------------------------- regression

export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  requireSameLength(yTrue, yPred);
  const sq = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) sq[i] = (yTrue[i] - yPred[i]) ** 2;
  return mean(sq);
}

export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred));
}

export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  requireSameLength(yTrue, yPred);
  const abs = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) abs[i] = Math.abs(yTrue[i] - yPred[i]);
  return mean(abs);
}

/** Coefficient of determination; like sklearn, 1 for a perfect fit of a constant target, else 0. */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  requireSameLength(yTrue, yPred);
  const n = yTrue.length;
  const yMean = mean(yTrue);
  const res = new Float64Array(n);
  const tot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    res[i] = (yTrue[i] - yPred[i]) ** 2;
    tot[i] = (yTrue[i] - yMean) ** 2;
  }
  const numerator = pairwiseSum(res);
  const denominator = pairwiseSum(tot);
  if (denominator === 0) return numerator === 0 ? 1 : 0;
  return 1 - numerator / denominator;
}

// ---------------------------------------------------------------- classification

/** Sorted distinct labels, as numpy sorts them (numbers numerically, strings by code unit). */
export function uniqueLabels(...arrays: ArrayLike<Label>[]): Label[] {
  const set = new Set<Label>();
  for (const a of arrays) for (let i = 0; i < a.length; i++) set.add(a[i]);
  return sortLabels([...set]);
}

export function sortLabels(labels: Label[]): Label[] {
  return labels.slice().sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}

export function accuracyScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>): number {
  requireSameLength(yTrue, yPred);
  const hits = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) hits[i] = yTrue[i] === yPred[i] ? 1 : 0;
  return mean(hits);
}

interface ClassCounts {
  labels: Label[];
  tp: number[];
  predicted: number[];
  actual: number[];
}

function classCounts(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>): ClassCounts {
  const labels = uniqueLabels(yTrue, yPred);
  const index = new Map<Label, number>(labels.map((l, i) => [l, i]));
  const tp = new Array<number>(labels.length).fill(0);
  const predicted = new Array<number>(labels.length).fill(0);
  const actual = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]) as number;
    const p = index.get(yPred[i]) as number;
    actual[t]++;
    predicted[p]++;
    if (t === p) tp[t]++;
  }
  return { labels, tp, predicted, actual };
}

type PerClass = (tp: number, predicted: number, actual: number) => number;

const divideOrZero = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const precisionOf: PerClass = (tp, predicted) => divideOrZero(tp, predicted);
const recallOf: PerClass = (tp, _predicted, actual) => divideOrZero(tp, actual);
const f1Of: PerClass = (tp, predicted, actual) => divideOrZero(2 * tp, predicted + actual);

function averaged(
  perClass: PerClass,
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  average: Average,
  positiveLabel?: Label
): number {
  requireSameLength(yTrue, yPred);
  const c = classCounts(yTrue, yPred);
  if (average === 'binary') {
    if (c.labels.length > 2) {
      throw new MetricInputError(
        `average "binary" needs at most two classes but found ${c.labels.length}; use "macro" or "weighted"`
      );
    }
    const pos = positiveLabel ?? c.labels[c.labels.length - 1];
    const k = c.labels.indexOf(pos);
    if (k < 0) {
      if (c.labels.length === 2) {
        throw new MetricInputError(`the positive class ${JSON.stringify(pos)} is not among the labels`);
      }
      return 0;
    }
    return perClass(c.tp[k], c.predicted[k], c.actual[k]);
  }
  const scores = c.labels.map((_, k) => perClass(c.tp[k], c.predicted[k], c.actual[k]));
  if (average === 'macro') return mean(scores);
  const support = pairwiseSum(c.actual);
  if (support === 0) return 0;
  const weighted = scores.map((s, k) => s * c.actual[k]);
  return pairwiseSum(weighted) / support;
}

export function precisionScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  average: Average = 'binary',
  positiveLabel?: Label
): number {
  return averaged(precisionOf, yTrue, yPred, average, positiveLabel);
}

export function recallScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  average: Average = 'binary',
  positiveLabel?: Label
): number {
  return averaged(recallOf, yTrue, yPred, average, positiveLabel);
}

export function f1Score(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  average: Average = 'binary',
  positiveLabel?: Label
): number {
  return averaged(f1Of, yTrue, yPred, average, positiveLabel);
}

// ---------------------------------------------------------------- probabilistic

/** Area under the ROC curve of one positive-vs-rest problem (trapezoids over distinct thresholds). */
function binaryRocAuc(isPositive: ArrayLike<boolean>, score: ArrayLike<number>): number {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  let positives = 0;
  for (let i = 0; i < n; i++) if (isPositive[i]) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) {
    throw new MetricInputError('ROC AUC needs both classes in the true labels; only one is present');
  }
  let tps = 0;
  let fps = 0;
  let prevTpr = 0;
  let prevFpr = 0;
  let area = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    if (isPositive[i]) tps++;
    else fps++;
    const lastOfThreshold = j === n - 1 || score[order[j + 1]] !== score[i];
    if (lastOfThreshold) {
      const tpr = tps / positives;
      const fpr = fps / negatives;
      area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
      prevTpr = tpr;
      prevFpr = fpr;
    }
  }
  return area;
}

/**
 * ROC AUC. Binary: `scores` is the positive class's score per sample (or a row-major [N, K]
 * matrix over `classes`, of which the positive column is used). Multiclass: one-vs-rest over
 * `classes` with the [N, K] probability matrix, averaged by `average` (macro or weighted).
 */
export function rocAucScore(
  yTrue: ArrayLike<Label>,
  scores: ArrayLike<number>,
  classes: Label[],
  average: Average = 'binary',
  positiveLabel?: Label
): number {
  const n = yTrue.length;
  if (n === 0) throw new MetricInputError('there are no samples to score');
  const k = classes.length;
  if (average === 'binary' || k === 2) {
    const pos = positiveLabel ?? classes[k - 1];
    let posScore: ArrayLike<number> = scores;
    if (scores.length === n * k && k > 1 && scores.length !== n) {
      const column = classes.indexOf(pos);
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = scores[i * k + column];
      posScore = col;
    }
    requireSameLength(yTrue, posScore);
    const isPos = Array.from({ length: n }, (_, i) => yTrue[i] === pos);
    return binaryRocAuc(isPos, posScore);
  }
  if (scores.length !== n * k) {
    throw new MetricInputError(`expected ${n}×${k} class probabilities but found ${scores.length} values`);
  }
  const aucs: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < k; c++) {
    const col = new Float64Array(n);
    const isPos = new Array<boolean>(n);
    let support = 0;
    for (let i = 0; i < n; i++) {
      col[i] = scores[i * k + c];
      isPos[i] = yTrue[i] === classes[c];
      if (isPos[i]) support++;
    }
    aucs.push(binaryRocAuc(isPos, col));
    weights.push(support);
  }
  if (average === 'weighted') {
    return pairwiseSum(aucs.map((a, c) => a * weights[c])) / pairwiseSum(weights);
  }
  return mean(aucs);
}

/**
 * Cross-entropy of class probabilities. `probabilities` is row-major [N, K] over `classes`, or
 * [N] for the positive (last) class of a binary problem. Values are clipped to [eps, 1 - eps].
 */
export function logLoss(yTrue: ArrayLike<Label>, probabilities: ArrayLike<number>, classes: Label[]): number {
  const n = yTrue.length;
  if (n === 0) throw new MetricInputError('there are no samples to score');
  const k = classes.length;
  if (k < 2) throw new MetricInputError('log loss needs at least two classes');
  const oneColumn = k === 2 && probabilities.length === n;
  if (!oneColumn && probabilities.length !== n * k) {
    throw new MetricInputError(`expected ${n}×${k} class probabilities but found ${probabilities.length} values`);
  }
  const eps = Number.EPSILON;
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = index.get(yTrue[i]);
    if (c === undefined) throw new MetricInputError(`the true label ${JSON.stringify(yTrue[i])} is not a known class`);
    let p = oneColumn ? (c === 1 ? probabilities[i] : 1 - probabilities[i]) : probabilities[i * k + c];
    p = Math.min(Math.max(p, eps), 1 - eps);
    losses[i] = -Math.log(p);
  }
  return mean(losses);
}

// ---------------------------------------------------------------- clustering

/** Adjusted Rand index from the pair confusion matrix, in exact integer arithmetic. */
export function adjustedRandScore(labelsTrue: ArrayLike<Label>, labelsPred: ArrayLike<Label>): number {
  if (labelsTrue.length !== labelsPred.length) {
    throw new MetricInputError(`found ${labelsTrue.length} true values but ${labelsPred.length} predictions`);
  }
  const n = BigInt(labelsTrue.length);
  const cells = new Map<string, bigint>();
  const rows = new Map<Label, bigint>();
  const cols = new Map<Label, bigint>();
  for (let i = 0; i < labelsTrue.length; i++) {
    const t = labelsTrue[i];
    const p = labelsPred[i];
    const key = `${typeof t}:${String(t)}\u0000${typeof p}:${String(p)}`;
    cells.set(key, (cells.get(key) ?? 0n) + 1n);
    rows.set(t, (rows.get(t) ?? 0n) + 1n);
    cols.set(p, (cols.get(p) ?? 0n) + 1n);
  }
  let sumSquares = 0n;
  for (const v of cells.values()) sumSquares += v * v;
  let rowSquares = 0n;
  for (const v of rows.values()) rowSquares += v * v;
  let colSquares = 0n;
  for (const v of cols.values()) colSquares += v * v;
  const tp = sumSquares - n;
  const fp = colSquares - sumSquares;
  const fn = rowSquares - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  if (fn === 0n && fp === 0n) return 1;
  const numerator = 2n * (tp * tn - fn * fp);
  const denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return bigRatio(numerator, denominator);
}

/** numerator / denominator as a double, without losing precision on huge integers. */
function bigRatio(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n !== denominator < 0n;
  let a = numerator < 0n ? -numerator : numerator;
  let b = denominator < 0n ? -denominator : denominator;
  const limit = 1n << 52n;
  while (a > limit || b > limit) {
    a >>= 1n;
    b >>= 1n;
  }
  const r = Number(a) / Number(b);
  return negative ? -r : r;
}

// ---------------------------------------------------------------- dispatch

export interface MetricSpec {
  metric: MetricName;
  average: Average | null;
  classes: Label[] | null;
  positiveLabel?: Label;
}

/** What a metric needs from the model: predicted values/labels, or class probabilities. */
export function metricNeedsProbabilities(metric: MetricName): boolean {
  return metric === 'roc_auc' || metric === 'log_loss';
}

/**
 * Computes `spec.metric`. `predictions` are values (regression), labels (classification and
 * clustering) or, for roc_auc/log_loss, a row-major [N, K] probability matrix over spec.classes.
 */
export function computeMetric(
  spec: MetricSpec,
  yTrue: ArrayLike<Label>,
  predictions: ArrayLike<Label> | ArrayLike<number>
): number {
  const average = spec.average ?? 'binary';
  const classes = spec.classes ?? [];
  switch (spec.metric) {
    case 'r2':
      return r2Score(yTrue as ArrayLike<number>, predictions as ArrayLike<number>);
    case 'mse':
      return meanSquaredError(yTrue as ArrayLike<number>, predictions as ArrayLike<number>);
    case 'rmse':
      return rootMeanSquaredError(yTrue as ArrayLike<number>, predictions as ArrayLike<number>);
    case 'mae':
      return meanAbsoluteError(yTrue as ArrayLike<number>, predictions as ArrayLike<number>);
    case 'accuracy':
      return accuracyScore(yTrue, predictions as ArrayLike<Label>);
    case 'precision':
      return precisionScore(yTrue, predictions as ArrayLike<Label>, average, spec.positiveLabel);
    case 'recall':
      return recallScore(yTrue, predictions as ArrayLike<Label>, average, spec.positiveLabel);
    case 'f1':
      return f1Score(yTrue, predictions as ArrayLike<Label>, average, spec.positiveLabel);
    case 'roc_auc':
      return rocAucScore(yTrue, predictions as ArrayLike<number>, classes, average, spec.positiveLabel);
    case 'log_loss':
      return logLoss(yTrue, predictions as ArrayLike<number>, classes);
    case 'adjusted_rand_score':
      return adjustedRandScore(yTrue, predictions as ArrayLike<Label>);
  }
}
