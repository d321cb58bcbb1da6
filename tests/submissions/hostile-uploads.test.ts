/**
 * Hostile and broken uploads through HTTP: each ends in the right status with a clear message,
 * while GET /health keeps answering (onnxruntime never runs on the server's event loop: if it did,
 * a /health request would wait for the whole evaluation, which the 2 s time limit lets run for
 * seconds). The latency itself is a benchmark figure (bench/), not a timed assertion here. Also the size cap: 413 from the declared length, and from counting a streamed body.
 */
import type { TestUser } from '../server/helpers/test-server';
import { makeSubmissionServer, type SubmissionTestServer } from './helpers';

let s: SubmissionTestServer;
let player: TestUser;

beforeAll(async () => {
  s = await makeSubmissionServer({ timeoutS: 2, env: { MLQUEST_SUBMIT_WAIT_S: '0', MLQUEST_MAX_MODEL_MB: '1' } });
  player = await s.registerAndLogin();
});

afterAll(async () => {
  await s.shutdown();
});

/** Measures GET /health round trips until `until` settles; returns the slowest, in ms. */
async function slowestHealthWhile(until: Promise<unknown>): Promise<{ slowest: number; count: number }> {
  let settled = false;
  void until.finally(() => (settled = true));
  let slowest = 0;
  let count = 0;
  while (!settled) {
    const t0 = performance.now();
    const res = await s.request('/health');
    expect(res.status).toBe(200);
    await res.json();
    slowest = Math.max(slowest, performance.now() - t0);
    count++;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { slowest, count };
}

test.each([
  ['hostile_infinite_loop.onnx', 'failed', /took too long/],
  ['hostile_huge_allocation.onnx', 'failed', /more memory than an evaluator may use/],
  ['broken_nan_output.onnx', 'rejected', /NaN/],
  ['broken_wrong_length_output.onnx', 'rejected', /one prediction per input row/]
])('%s ends %s with a clear message while /health keeps answering', async (file, status, pattern) => {
  const res = await s.submit(1, file, player.token);
  expect(res.status).toBe(202);
  const { submission_id } = (await res.json()) as { submission_id: number };
  const result = s.waitForResult(submission_id, player.token);
  const health = await slowestHealthWhile(result);
  const body = await result;
  expect(body.status).toBe(status);
  expect(body.message).toMatch(pattern);
  expect(body.xp_awarded).toBe(0);
  expect(health.count).toBeGreaterThan(0);
  // Generous for a busy 2-core machine, far below an evaluation blocking the loop.
  expect(health.slowest).toBeLessThan(1000);
});

test.each([
  ['hostile_external_data.onnx', 'external_data', /external data.*save_as_external_data=False/],
  ['hostile_external_data_subgraph.onnx', 'external_data', /external data.*save_as_external_data=False/],
  ['broken_custom_domain.onnx', 'unsupported_domain', /domain/],
  ['broken_future_opset.onnx', 'unsupported_opset', /opset/],
  ['broken_wrong_feature_count.onnx', 'input_shape', /expects 3 feature columns.*has 6 features.*Train on all of them/],
  ['broken_wrong_input_type.onnx', 'input_type', /type/],
  ['broken_wrong_input_names.onnx', 'input_names', /name/],
  ['not_onnx_predictions.csv', 'not_onnx_csv', /CSV.*skl2onnx/],
  ['not_onnx_empty.onnx', 'not_onnx_empty', /empty/],
  ['not_onnx_truncated.onnx', 'onnx_truncated', /truncated/i],
  ['not_onnx_random.bin', 'not_onnx', /not an ONNX model.*skl2onnx/],
  ['not_onnx_checkpoint.zip', 'not_onnx_zip', /ZIP archive.*skl2onnx/],
  ['not_onnx_model.joblib.z', 'not_onnx_compressed', /compressed.*skl2onnx/]
])(
  '%s is refused before queueing with 422 %s, a message naming the problem and what to do',
  async (file, code, phrase) => {
    const res = await s.submit(1, file, player.token);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(phrase);
  }
);

test('a file over MLQUEST_MAX_MODEL_MB gets 413 before it is held in memory', async () => {
  const big = new Uint8Array(1024 * 1024 + 200 * 1024);
  const res = await s.submit(1, big, player.token);
  expect(res.status).toBe(413);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.message).toMatch(/1 MB/);
});

test('a streamed body without Content-Length is counted and cut off at the cap', async () => {
  const boundary = 'mlquest-test-boundary';
  const chunk = new Uint8Array(256 * 1024);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0)
        controller.enqueue(
          new TextEncoder().encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="model_file"; filename="m.onnx"\r\n\r\n`
          )
        );
      if (sent >= 40) {
        controller.close();
        return;
      }
      sent++;
      controller.enqueue(chunk);
    }
  });
  const res = await s.app.request('/quests/1/submit', {
    method: 'POST',
    body: stream,
    headers: { Authorization: `Bearer ${player.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    duplex: 'half'
  } as RequestInit);
  expect(res.status).toBe(413);
  expect(sent).toBeLessThan(40);
});
