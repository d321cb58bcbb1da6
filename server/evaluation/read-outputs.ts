/**
 * Turns the tensors a model returned into what the quest's metric scores: values (regression),
 * labels (classification, clustering; a score matrix becomes labels by argmax over the quest's
 * class list) or a [N, K] probability matrix. Wrong row counts, NaN or infinite values and
 * labels that are not classes of the quest reject the submission with a message.
 */
import type { Label } from './metrics';
import type { OutputReading, QuestModelContext } from './model-plan';
import { ModelRejection } from './model-plan';

export interface OutputTensor {
  type: string;
  dims: readonly number[];
  data: ArrayLike<number | bigint | string | boolean>;
}

export type Predictions =
  | { kind: 'values'; values: Float64Array }
  | { kind: 'labels'; labels: Label[] }
  | { kind: 'probabilities'; probabilities: Float64Array; columns: number };

function reject(message: string): never {
  throw new ModelRejection('bad_output', message);
}

function shape(dims: readonly number[]): string {
  return `[${dims.join(', ')}]`;
}

function toNumbers(name: string, t: OutputTensor): Float64Array {
  if (t.type === 'string') reject(`The model's output "${name}" holds text, but numbers were expected.`);
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < t.data.length; i++) {
    const v = Number(t.data[i]);
    if (!Number.isFinite(v)) {
      reject(
        `The model's output "${name}" contains ${Number.isNaN(v) ? 'NaN' : 'infinite'} values (row ${Math.floor(i / Math.max(1, t.dims[1] ?? 1)) + 1}); check for missing values or overflow in your pipeline.`
      );
    }
    out[i] = v;
  }
  return out;
}

function requireRows(name: string, t: OutputTensor, rows: number): void {
  if ((t.dims[0] ?? t.data.length) !== rows) {
    reject(
      `The model's output "${name}" has shape ${shape(t.dims)}: ${t.dims[0] ?? t.data.length} rows for the ${rows} rows ` +
        'of the test set. A model must return one prediction per input row.'
    );
  }
}

function requireOneColumn(name: string, t: OutputTensor, rows: number): void {
  requireRows(name, t, rows);
  if (t.data.length !== rows || t.dims.length > 2) {
    reject(
      `The model's output "${name}" has shape ${shape(t.dims)}; expected one value per row, [${rows}] or [${rows}, 1].`
    );
  }
}

function labelsFrom(name: string, t: OutputTensor, ctx: QuestModelContext): Label[] {
  requireOneColumn(name, t, ctx.rows);
  const raw: Label[] = t.type === 'string' ? Array.from(t.data as ArrayLike<string>) : Array.from(toNumbers(name, t));
  if (!ctx.classes) return raw;
  const byText = new Map<string, Label>(ctx.classes.map((c) => [String(c), c]));
  const unknown = new Set<string>();
  const labels = raw.map((v) => {
    const c = byText.get(String(v));
    if (c === undefined) unknown.add(String(v));
    return c as Label;
  });
  if (unknown.size > 0 && t.type !== 'string' && ctx.classes.every((c) => typeof c === 'string')) {
    const k = ctx.classes.length;
    if (raw.every((v) => Number.isInteger(v) && Number(v) >= 0 && Number(v) < k)) {
      reject(
        `The model predicts class numbers 0..${k - 1}, which are not among this quest's classes ` +
          `[${ctx.classes.map((c) => JSON.stringify(c)).join(', ')}]: it was trained on encoded labels (XGBoost's ` +
          "XGBClassifier only takes 0..K-1). Train on the target column of train.csv as it is, e.g. with LightGBM's " +
          'LGBMClassifier or a scikit-learn classifier, which keep the labels.'
      );
    }
  }
  if (unknown.size > 0) {
    const shown = [...unknown]
      .slice(0, 5)
      .map((u) => JSON.stringify(u))
      .join(', ');
    reject(
      `The model predicted ${unknown.size === 1 ? 'a label' : 'labels'} (${shown}) that ${unknown.size === 1 ? 'is' : 'are'} not ` +
        `among this quest's classes [${ctx.classes.map((c) => JSON.stringify(c)).join(', ')}]. Train on the target column ` +
        'of train.csv as it is, without re-encoding it.'
    );
  }
  return labels;
}

function argmaxLabels(name: string, t: OutputTensor, ctx: QuestModelContext): Label[] {
  const classes = ctx.classes as Label[];
  const k = classes.length;
  const scores = toNumbers(name, t);
  const labels = new Array<Label>(ctx.rows);
  for (let r = 0; r < ctx.rows; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (scores[r * k + j] > scores[r * k + best]) best = j;
    labels[r] = classes[best];
  }
  return labels;
}

function probabilitiesFrom(name: string, t: OutputTensor, ctx: QuestModelContext): Predictions {
  const classes = ctx.classes ?? [];
  const k = classes.length;
  requireRows(name, t, ctx.rows);
  const values = toNumbers(name, t);
  let matrix: Float64Array;
  if (t.dims.length === 2 && t.dims[1] === k) {
    matrix = values;
  } else if (k === 2 && values.length === ctx.rows && t.dims.length <= 2) {
    matrix = new Float64Array(ctx.rows * 2);
    for (let r = 0; r < ctx.rows; r++) {
      matrix[r * 2] = 1 - values[r];
      matrix[r * 2 + 1] = values[r];
    }
  } else {
    reject(
      `The model's output "${name}" has shape ${shape(t.dims)}; expected class probabilities [${ctx.rows}, ${k}], one ` +
        `column per class in the order [${classes.map((c) => JSON.stringify(c)).join(', ')}].`
    );
  }
  if (ctx.metric === 'log_loss') {
    for (let i = 0; i < matrix.length; i++) {
      const p = matrix[i];
      if (p < -1e-6 || p > 1 + 1e-6) {
        reject(
          `The model's output "${name}" holds ${p}, which is not a probability (log loss needs values between 0 and 1). Export predict_proba, not decision_function.`
        );
      }
      matrix[i] = Math.min(1, Math.max(0, p));
    }
  }
  return { kind: 'probabilities', probabilities: matrix, columns: k };
}

/** Reads the predictions the quest's metric needs from the fetched output tensors. */
export function readPredictions(
  reading: OutputReading,
  outputs: Record<string, OutputTensor>,
  ctx: QuestModelContext
): Predictions {
  const t = outputs[reading.output];
  if (!t) reject(`The model did not return its output "${reading.output}".`);
  switch (reading.kind) {
    case 'values': {
      requireOneColumn(reading.output, t, ctx.rows);
      return { kind: 'values', values: toNumbers(reading.output, t) };
    }
    case 'labels':
      return { kind: 'labels', labels: labelsFrom(reading.output, t, ctx) };
    case 'labels_or_scores': {
      const k = ctx.classes?.length ?? 0;
      const isScoreMatrix = t.type !== 'string' && t.dims.length === 2 && k > 1 && t.dims[1] === k;
      if (isScoreMatrix) {
        requireRows(reading.output, t, ctx.rows);
        return { kind: 'labels', labels: argmaxLabels(reading.output, t, ctx) };
      }
      return { kind: 'labels', labels: labelsFrom(reading.output, t, ctx) };
    }
    case 'probabilities':
      return probabilitiesFrom(reading.output, t, ctx);
  }
}
