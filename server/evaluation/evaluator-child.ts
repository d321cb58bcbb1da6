/**
 * Evaluator child process: loads one untrusted ONNX model at a time with onnxruntime, runs it on
 * the feeds it is sent and sends back the requested outputs. It runs in an empty temporary
 * working directory under an OS memory limit, and the server kills it with SIGKILL when it takes
 * too long; it holds no state between models. Started by evaluator-pool.ts, never imported.
 */
import * as ort from 'onnxruntime-node';
import { EVALUATOR_SESSION_OPTIONS } from './session-options';
import type { EvaluateReply, EvaluateRequest, ReadyMessage } from './evaluator-messages';
import type { OutputTensor } from './read-outputs';

/** onnxruntime's messages start with its source path; keep the part a learner can read. */
function cleanMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .replace(/\/?onnxruntime_src\/\S+\s*/g, '')
    .replace(/[\w:<>*&\s]*onnxruntime::[\w:<>]+\([^)]*\)(\s*const)?\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 600);
}

function send(message: EvaluateReply | ReadyMessage): void {
  process.send?.(message);
}

async function evaluate(req: EvaluateRequest): Promise<EvaluateReply> {
  const t0 = performance.now();
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(req.model, EVALUATOR_SESSION_OPTIONS);
  } catch (err) {
    return { id: req.id, ok: false, stage: 'load', message: cleanMessage(err) };
  }
  const t1 = performance.now();
  try {
    const feeds: Record<string, ort.Tensor> = {};
    for (const f of req.feeds) feeds[f.name] = new ort.Tensor(f.type, f.data, f.dims);
    const results = await session.run(feeds, req.fetch);
    const outputs: Record<string, OutputTensor> = {};
    for (const name of req.fetch) {
      const t = results[name];
      outputs[name] = { type: t.type, dims: [...t.dims], data: t.data as OutputTensor['data'] };
    }
    return { id: req.id, ok: true, outputs, createMs: t1 - t0, runMs: performance.now() - t1 };
  } catch (err) {
    return { id: req.id, ok: false, stage: 'run', message: cleanMessage(err) };
  } finally {
    await session.release().catch(() => undefined);
  }
}

process.on('message', (req: EvaluateRequest) => {
  evaluate(req).then(send, (err) => send({ id: req.id, ok: false, stage: 'run', message: cleanMessage(err) }));
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });
