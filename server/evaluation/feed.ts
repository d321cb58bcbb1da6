/**
 * Builds a model's input tensors from a dataset split's feature columns, following the pre-scan's
 * input plan: one [N, k] matrix in the dataset's column order, or one [N, 1] column per input
 * matched by name (string columns as string tensors), each in the element type the model
 * declares. The tensors are plain typed arrays, so they can cross to the evaluator process.
 */
import type { DatasetSplit } from '../catalog/pack-types';
import type { FeedElementType, InputPlan } from './model-plan';
import { ModelRejection } from './model-plan';

export interface FeedTensor {
  name: string;
  type: FeedElementType;
  dims: number[];
  data: Float32Array | Float64Array | BigInt64Array | Int32Array | string[];
}

function numericData(
  type: FeedElementType,
  rows: number,
  cols: Float64Array[],
  input: InputPlan,
  featureNames: string[]
): FeedTensor['data'] {
  const k = cols.length;
  if (type === 'float32' || type === 'float64') {
    const out = type === 'float32' ? new Float32Array(rows * k) : new Float64Array(rows * k);
    for (let j = 0; j < k; j++) {
      const col = cols[j];
      for (let r = 0; r < rows; r++) out[r * k + j] = col[r];
    }
    return out;
  }
  const out = type === 'int64' ? new BigInt64Array(rows * k) : new Int32Array(rows * k);
  for (let j = 0; j < k; j++) {
    const col = cols[j];
    for (let r = 0; r < rows; r++) {
      const v = col[r];
      if (!Number.isInteger(v)) {
        throw new ModelRejection(
          'input_type',
          `The model's input "${input.name}" takes integers (${type}), but the feature "${featureNames[j]}" has ` +
            'fractional values. Export the model with float inputs, e.g. to_onnx(model, X_train[:1].astype("float32")).'
        );
      }
      if (out instanceof BigInt64Array) out[r * k + j] = BigInt(v);
      else out[r * k + j] = v;
    }
  }
  return out;
}

/** One input tensor per planned input, with the split's rows as the batch dimension. */
export function buildFeeds(inputs: InputPlan[], split: DatasetSplit): FeedTensor[] {
  const rows = split.rows;
  return inputs.map((input) => {
    const k = input.featureIndexes.length;
    const dims = input.rank === 1 ? [rows] : [rows, k];
    const names = input.featureIndexes.map((i) => split.features[i].name);
    if (input.elementType === 'string') {
      const cols = input.featureIndexes.map((i) => split.columns[i]);
      const data = new Array<string>(rows * k);
      for (let j = 0; j < k; j++) {
        const col = cols[j];
        for (let r = 0; r < rows; r++) data[r * k + j] = String(col[r]);
      }
      return { name: input.name, type: 'string', dims, data };
    }
    const cols = input.featureIndexes.map((i) => {
      const col = split.columns[i];
      if (!(col instanceof Float64Array)) {
        throw new ModelRejection(
          'input_type',
          `The model's input "${input.name}" is numeric, but the feature "${split.features[i].name}" is text.`
        );
      }
      return col;
    });
    return {
      name: input.name,
      type: input.elementType,
      dims,
      data: numericData(input.elementType, rows, cols, input, names)
    };
  });
}
