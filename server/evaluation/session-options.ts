/**
 * How an evaluator creates its onnxruntime session: one thread, sequential execution, CPU only,
 * so that one evaluation uses one core and a pool of N evaluators uses N. The benchmark's
 * onnxruntime baseline uses the same options, so that it measures the same work.
 */
import type { InferenceSession } from 'onnxruntime-node';

export const EVALUATOR_SESSION_OPTIONS: InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  logSeverityLevel: 3
};
