/**
 * Pre-scan of an uploaded model, before it is queued: the bytes must decode as an ONNX model
 * that onnxruntime-node 1.30 can load (IR version, opsets, domains), carry no external data,
 * and have inputs that ML Quest can feed from the quest's feature columns and outputs it can
 * read. Every rejection carries a message that tells the learner what to change.
 */
import { HOW_TO_EXPORT, sniffNonOnnx } from './file-sniff';
import { metricNeedsProbabilities } from './metrics';
import type { FeedElementType, InputPlan, ModelPlan, OutputReading, QuestModelContext } from './model-plan';
import { ModelRejection } from './model-plan';
import {
  ONNX_ELEMENT_TYPES,
  type OnnxGraph,
  type OnnxModel,
  type OnnxNode,
  type OnnxSparseTensor,
  type OnnxTensor,
  type OnnxType,
  decodeOnnxModel,
  int64
} from './onnx-proto';

/** What onnxruntime-node 1.30 loads (measured: opsets above these fail at session creation). */
export const SUPPORTED_OPSETS: Record<string, { min: number; max: number }> = {
  '': { min: 7, max: 26 },
  'ai.onnx.ml': { min: 1, max: 5 }
};
export const SUPPORTED_IR_VERSIONS = { min: 3, max: 13 };

const NUMERIC_FEED_TYPES: FeedElementType[] = ['float32', 'float64', 'int64', 'int32'];

function normaliseDomain(domain: string | undefined): string {
  return !domain || domain === 'ai.onnx' ? '' : domain;
}

function domainLabel(domain: string): string {
  return domain === '' ? 'ai.onnx' : domain;
}

function reject(code: string, message: string): never {
  throw new ModelRejection(code, message);
}

function decode(bytes: Uint8Array): OnnxModel {
  const sniffed = sniffNonOnnx(bytes);
  if (sniffed) reject(`not_onnx_${sniffed.kind}`, sniffed.message);
  let model: OnnxModel;
  try {
    model = decodeOnnxModel(bytes);
  } catch (err) {
    const truncated = err instanceof RangeError || /index out of range/i.test(String((err as Error).message));
    if (truncated && bytes[0] === 0x08) {
      reject(
        'onnx_truncated',
        `The ONNX file ends early (it is truncated: ${bytes.length} bytes). Upload the complete file; if the ` +
          `upload was interrupted, try again. ${HOW_TO_EXPORT}`
      );
    }
    reject('not_onnx', `The file is not an ONNX model (it does not decode as one). ${HOW_TO_EXPORT}`);
  }
  const graph = model.graph;
  if (!graph || !graph.node?.length || !graph.output?.length || int64(model.ir_version) <= 0) {
    reject('not_onnx', `The file is not a complete ONNX model (no graph with nodes and outputs). ${HOW_TO_EXPORT}`);
  }
  return model;
}

function checkVersions(model: OnnxModel): void {
  const ir = int64(model.ir_version);
  if (ir < SUPPORTED_IR_VERSIONS.min || ir > SUPPORTED_IR_VERSIONS.max) {
    reject(
      'unsupported_ir_version',
      `The model has ONNX IR version ${ir}; ML Quest's runtime loads IR versions ${SUPPORTED_IR_VERSIONS.min} to ` +
        `${SUPPORTED_IR_VERSIONS.max}. Re-export with the pinned skl2onnx/onnx versions of the starter notebook.`
    );
  }
  const opsets = model.opset_import ?? [];
  if (opsets.length === 0)
    reject('unsupported_opset', 'The model declares no opset (opset_import is empty); re-export it.');
  for (const opset of opsets) {
    const domain = normaliseDomain(opset.domain);
    const version = int64(opset.version);
    const range = SUPPORTED_OPSETS[domain];
    if (!range) {
      reject(
        'unsupported_domain',
        `The model uses operators from the domain "${domain}", which ML Quest does not run; only ai.onnx and ` +
          `ai.onnx.ml operators are allowed. Export without custom operators (skl2onnx and torch.onnx use the ` +
          `standard domains by default).`
      );
    }
    if (version < range.min || version > range.max) {
      reject(
        'unsupported_opset',
        `The model uses ${domainLabel(domain)} opset ${version}; ML Quest's runtime supports ${domainLabel(domain)} ` +
          `opsets ${range.min} to ${range.max}. Re-export with a supported opset, e.g. ` +
          `to_onnx(model, X_train[:1], target_opset={"": 18, "ai.onnx.ml": 3}) or torch.onnx.export(..., opset_version=18).`
      );
    }
  }
}

function isExternal(t: OnnxTensor | undefined): boolean {
  return !!t && (t.data_location === 1 || (t.external_data?.length ?? 0) > 0);
}

function isExternalSparse(t: OnnxSparseTensor | undefined): boolean {
  return !!t && (isExternal(t.values) || isExternal(t.indices));
}

const EXTERNAL_DATA_MESSAGE =
  'The model stores weights as external data (in separate files next to the .onnx file). ML Quest needs ' +
  'one self-contained file: save it with onnx.save_model(model, "model.onnx", save_as_external_data=False) ' +
  '(models under 2 GB fit in one file).';

interface Walk {
  allowedFunctions: Set<string>;
}

function checkNodes(nodes: OnnxNode[] | undefined, walk: Walk): void {
  for (const node of nodes ?? []) {
    const domain = normaliseDomain(node.domain);
    const isLocalFunction = walk.allowedFunctions.has(`${domain}\u0000${node.op_type ?? ''}`);
    if (!SUPPORTED_OPSETS[domain] && !isLocalFunction) {
      reject(
        'unsupported_domain',
        `The model's node "${node.name || node.op_type}" uses the operator ${node.op_type} from the domain ` +
          `"${domain}"; only ai.onnx and ai.onnx.ml operators are allowed. Export without custom operators.`
      );
    }
    for (const attr of node.attribute ?? []) {
      if (
        isExternal(attr.t) ||
        (attr.tensors ?? []).some(isExternal) ||
        isExternalSparse(attr.sparse_tensor) ||
        (attr.sparse_tensors ?? []).some(isExternalSparse)
      ) {
        reject('external_data', EXTERNAL_DATA_MESSAGE);
      }
      if (attr.g) checkGraph(attr.g, walk);
      for (const g of attr.graphs ?? []) checkGraph(g, walk);
    }
  }
}

function checkGraph(graph: OnnxGraph, walk: Walk): void {
  if ((graph.initializer ?? []).some(isExternal) || (graph.sparse_initializer ?? []).some(isExternalSparse)) {
    reject('external_data', EXTERNAL_DATA_MESSAGE);
  }
  checkNodes(graph.node, walk);
}

function checkContents(model: OnnxModel): void {
  const functions = model.functions ?? [];
  const walk: Walk = {
    allowedFunctions: new Set(functions.map((f) => `${normaliseDomain(f.domain)}\u0000${f.name ?? ''}`))
  };
  checkGraph(model.graph as OnnxGraph, walk);
  for (const f of functions) {
    for (const opset of f.opset_import ?? []) {
      const domain = normaliseDomain(opset.domain);
      if (!SUPPORTED_OPSETS[domain] && !functions.some((g) => normaliseDomain(g.domain) === domain)) {
        reject(
          'unsupported_domain',
          `The model's function "${f.name}" imports the domain "${domain}"; only ai.onnx and ai.onnx.ml are allowed.`
        );
      }
    }
    checkNodes(f.node, walk);
  }
}

// ---------------------------------------------------------------- inputs

interface DeclaredTensor {
  name: string;
  elementType: string | null;
  dims: (number | null)[] | null;
  kind: 'tensor' | 'sequence' | 'map' | 'other';
}

function describeType(name: string, type: OnnxType | undefined): DeclaredTensor {
  if (type?.tensor_type) {
    const t = type.tensor_type;
    const dims = t.shape?.dim
      ? t.shape.dim.map((d) => (d.dim_value !== undefined && int64(d.dim_value) > 0 ? int64(d.dim_value) : null))
      : null;
    return { name, elementType: ONNX_ELEMENT_TYPES[t.elem_type ?? 0] ?? null, dims, kind: 'tensor' };
  }
  if (type?.sequence_type) return { name, elementType: null, dims: null, kind: 'sequence' };
  if (type?.map_type) return { name, elementType: null, dims: null, kind: 'map' };
  return { name, elementType: null, dims: null, kind: 'other' };
}

function shapeText(dims: (number | null)[] | null): string {
  return dims ? `[${dims.map((d) => (d === null ? 'N' : String(d))).join(', ')}]` : '[unknown]';
}

function checkBatchDimension(input: DeclaredTensor, ctx: QuestModelContext): void {
  const batch = input.dims?.[0];
  if (batch !== null && batch !== undefined && batch !== ctx.rows) {
    reject(
      'input_shape',
      `The model's input "${input.name}" has a fixed batch size of ${batch} rows (shape ${shapeText(input.dims)}), ` +
        `but the hidden test set has ${ctx.rows} rows. Export with a dynamic first dimension: skl2onnx does this ` +
        `when you pass X_train[:1]; with torch.onnx.export pass dynamic_axes={"input": {0: "batch"}}.`
    );
  }
}

function feedType(input: DeclaredTensor): FeedElementType | null {
  const t = input.elementType;
  return t === 'float32' || t === 'float64' || t === 'int64' || t === 'int32' || t === 'string' ? t : null;
}

function singleMatrixInput(input: DeclaredTensor, ctx: QuestModelContext): InputPlan {
  const names = ctx.features.map((f) => f.name);
  const type = feedType(input);
  if (!type) {
    reject(
      'input_type',
      `The model's input "${input.name}" has element type ${input.elementType ?? 'unknown'}; ML Quest feeds float, ` +
        `double or int64 matrices (or string columns). Export with float inputs, e.g. to_onnx(model, X_train[:1].astype("float32")).`
    );
  }
  const rank = input.dims ? input.dims.length : 2;
  const width = input.dims && input.dims.length === 2 ? input.dims[1] : null;
  if (rank === 1 && ctx.features.length === 1) {
    checkBatchDimension(input, ctx);
    return { name: input.name, elementType: type, featureIndexes: [0], rank: 1 };
  }
  if (rank !== 2) {
    reject(
      'input_shape',
      `The model's input "${input.name}" has shape ${shapeText(input.dims)}; ML Quest feeds a 2-D matrix ` +
        `[rows, ${names.length}] with the features ${names.join(', ')} in this order.`
    );
  }
  if (width !== null && width !== names.length) {
    reject(
      'input_shape',
      `The model expects ${width} feature columns (input "${input.name}" has shape ${shapeText(input.dims)}), but this ` +
        `quest has ${names.length} features: ${names.join(', ')}. Train on all of them, in this order.`
    );
  }
  checkBatchDimension(input, ctx);
  const stringFeatures = ctx.features.filter((f) => f.type === 'string').map((f) => f.name);
  if (type !== 'string' && stringFeatures.length > 0) {
    reject(
      'input_type',
      `The model takes one numeric matrix, but this quest has text columns (${stringFeatures.join(', ')}). ` +
        'Encode them inside the model: build a Pipeline with a ColumnTransformer and a OneHotEncoder, fit it on the ' +
        'pandas DataFrame, and export with to_onnx(pipeline, X_train[:1]) so every column becomes its own input.'
    );
  }
  if (type === 'string' && stringFeatures.length !== names.length) {
    reject(
      'input_type',
      `The model's input "${input.name}" is a string matrix, but this quest's features are numeric. Export with float inputs.`
    );
  }
  return { name: input.name, elementType: type, featureIndexes: names.map((_, i) => i), rank: 2 };
}

function columnInputs(inputs: DeclaredTensor[], ctx: QuestModelContext): InputPlan[] {
  const index = new Map(ctx.features.map((f, i) => [f.name, i]));
  const unknown = inputs.filter((i) => !index.has(i.name)).map((i) => i.name);
  if (unknown.length > 0) {
    reject(
      'input_names',
      `The model has ${inputs.length} inputs, so ML Quest feeds one feature column per input, matched by name, but ` +
        `${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length === 1 ? 'is not a feature' : 'are not features'} of ` +
        `this quest. The features are: ${ctx.features.map((f) => f.name).join(', ')}. Fit on a DataFrame with exactly ` +
        'these column names, or export with a single matrix input.'
    );
  }
  return inputs.map((input) => {
    const i = index.get(input.name) as number;
    const feature = ctx.features[i];
    const type = feedType(input);
    const isString = feature.type === 'string';
    if (!type || (isString && type !== 'string') || (!isString && !NUMERIC_FEED_TYPES.includes(type))) {
      reject(
        'input_type',
        `The model's input "${input.name}" has element type ${input.elementType ?? 'unknown'}, but the feature ` +
          `"${feature.name}" is ${isString ? 'text (feed as a string tensor)' : 'numeric (float, double or int64)'}. ` +
          "Fit on the DataFrame from the quest's train.csv without changing column types, then export again."
      );
    }
    const dims = input.dims;
    const rank = dims ? dims.length : 2;
    if (rank === 2 && dims && dims[1] !== null && dims[1] !== 1) {
      reject(
        'input_shape',
        `The model's input "${input.name}" has shape ${shapeText(dims)}; a per-column input must be [N, 1].`
      );
    }
    if (rank !== 1 && rank !== 2) {
      reject(
        'input_shape',
        `The model's input "${input.name}" has shape ${shapeText(dims)}; a per-column input must be [N, 1].`
      );
    }
    checkBatchDimension(input, ctx);
    return { name: input.name, elementType: type, featureIndexes: [i], rank: rank as 1 | 2 };
  });
}

function planInputs(graph: OnnxGraph, ctx: QuestModelContext): InputPlan[] {
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name ?? ''));
  const inputs = (graph.input ?? [])
    .filter((vi) => !initializers.has(vi.name ?? ''))
    .map((vi) => describeType(vi.name ?? '', vi.type));
  if (inputs.length === 0)
    reject(
      'input_shape',
      'The model has no inputs, so it cannot read the test set. Export it again with an example input.'
    );
  for (const input of inputs) {
    if (input.kind !== 'tensor') {
      reject(
        'input_type',
        `The model's input "${input.name}" is a ${input.kind}, not a tensor; ML Quest feeds tensors.`
      );
    }
  }
  if (inputs.length > 1) return columnInputs(inputs, ctx);
  const only = inputs[0];
  const isOneFeatureColumn =
    ctx.features.length > 1 &&
    ctx.features.some((f) => f.name === only.name) &&
    !!only.dims &&
    (only.dims.length === 1 || only.dims[1] === 1);
  return isOneFeatureColumn ? columnInputs(inputs, ctx) : [singleMatrixInput(only, ctx)];
}

// ---------------------------------------------------------------- outputs

const ZIPMAP_MESSAGE =
  'The model returns its class probabilities only as a ZipMap (a list of dictionaries), which ML Quest cannot ' +
  'read. Export with options={"zipmap": False}: to_onnx(model, X_train[:1], options={"zipmap": False}).';

function planOutputs(graph: OnnxGraph, ctx: QuestModelContext): OutputReading {
  const outputs = (graph.output ?? []).map((vi) => describeType(vi.name ?? '', vi.type));
  const tensors = outputs.filter((o) => o.kind === 'tensor');
  const named = (name: string): DeclaredTensor | undefined => tensors.find((o) => o.name === name);
  const isFloat = (o: DeclaredTensor): boolean => o.elementType === 'float32' || o.elementType === 'float64';
  const outputList = outputs.map((o) => `${o.name} (${o.kind}${o.elementType ? ` ${o.elementType}` : ''})`).join(', ');
  if (tensors.length === 0) {
    const zip = outputs.some((o) => o.kind === 'sequence' || o.kind === 'map');
    reject(
      'output_type',
      zip ? ZIPMAP_MESSAGE : `The model has no tensor output (outputs: ${outputList}); ML Quest reads tensor outputs.`
    );
  }
  if (ctx.taskType === 'regression') {
    const out =
      named('variable') ?? named('predictions') ?? (tensors.length === 1 ? tensors[0] : tensors.find(isFloat));
    if (!out) reject('output_type', `ML Quest could not find the prediction among the model's outputs: ${outputList}.`);
    return { kind: 'values', output: out.name };
  }
  if (ctx.taskType === 'clustering') {
    const out = named('label') ?? named('output_label') ?? (tensors.length === 1 ? tensors[0] : undefined);
    if (!out)
      reject(
        'output_type',
        `A clustering model must output a "label" tensor of cluster ids; its outputs are: ${outputList}.`
      );
    return { kind: 'labels', output: out.name };
  }
  if (metricNeedsProbabilities(ctx.metric)) {
    const others = tensors.filter((o) => o.name !== 'label' && o.name !== 'output_label' && isFloat(o));
    const out = named('probabilities') ?? named('output_probability') ?? (others.length === 1 ? others[0] : undefined);
    if (!out) {
      const zip = outputs.some((o) => o.kind === 'sequence' || o.kind === 'map');
      reject(
        'output_type',
        zip
          ? `This quest's metric (${ctx.metric}) needs class probabilities. ${ZIPMAP_MESSAGE}`
          : `This quest's metric (${ctx.metric}) needs class probabilities, but the model has no probability tensor ` +
              `(outputs: ${outputList}). Export a classifier with predict_proba, with options={"zipmap": False}.`
      );
    }
    return { kind: 'probabilities', output: out.name };
  }
  // skl2onnx names them label/probabilities, or output_label/output_probability for pipelines.
  const label = named('label') ?? named('output_label');
  if (label) return { kind: 'labels', output: label.name };
  const probabilities = named('probabilities') ?? named('output_probability');
  if (probabilities) return { kind: 'labels_or_scores', output: probabilities.name };
  if (tensors.length === 1) return { kind: 'labels_or_scores', output: tensors[0].name };
  reject(
    'output_type',
    `ML Quest could not tell which output holds the predicted class; name it "label". Outputs: ${outputList}.`
  );
}

/**
 * Checks an uploaded model against the quest and returns how to feed it and read it, or throws
 * a ModelRejection whose message tells the learner what to change.
 */
export function prescanModel(bytes: Uint8Array, ctx: QuestModelContext): ModelPlan {
  const model = decode(bytes);
  checkVersions(model);
  checkContents(model);
  const graph = model.graph as OnnxGraph;
  const inputs = planInputs(graph, ctx);
  const reading = planOutputs(graph, ctx);
  return {
    inputs,
    reading,
    fetch: [reading.output],
    irVersion: int64(model.ir_version),
    producer: [model.producer_name, model.producer_version].filter(Boolean).join(' ')
  };
}
