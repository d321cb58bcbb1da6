/**
 * The shapes that the pre-scan hands to the evaluator: how to feed a model from a quest's
 * feature columns and which of its outputs to read. Types only.
 */
import type { MetricName, TaskType } from '../../shared/api';
import type { Average, Label } from './metrics';

export type FeedElementType = 'float32' | 'float64' | 'int64' | 'int32' | 'string';

export interface InputPlan {
  name: string;
  elementType: FeedElementType;
  /** Feature indexes (pack order) that make up this input's columns. */
  featureIndexes: number[];
  /** 2 for an [N, k] input, 1 for an [N] input. */
  rank: 1 | 2;
}

/** How the predictions are read from the outputs. */
export type OutputReading =
  | { kind: 'values'; output: string }
  | { kind: 'labels'; output: string }
  | { kind: 'labels_or_scores'; output: string }
  | { kind: 'probabilities'; output: string };

export interface ModelPlan {
  inputs: InputPlan[];
  reading: OutputReading;
  /** Output names to fetch from onnxruntime (never a ZipMap). */
  fetch: string[];
  irVersion: number;
  producer: string;
}

/** What the pre-scan and the output reader need to know about the quest being scored. */
export interface QuestModelContext {
  taskType: TaskType;
  metric: MetricName;
  average: Average | null;
  features: { name: string; type: 'float' | 'int' | 'string' }[];
  classes: Label[] | null;
  positiveLabel?: Label;
  rows: number;
}

export class ModelRejection extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}
