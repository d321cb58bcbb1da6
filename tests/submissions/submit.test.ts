/**
 * POST /quests/{id}/submit, GET /submissions/{id} and GET /quests/{id}/submissions through the
 * real app, the real quest pack, real evaluator processes and the committed fixture models.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { TestUser } from '../server/helpers/test-server';
import { makeSubmissionServer, type SubmissionTestServer } from './helpers';

interface ExpectedModel {
  file: string;
  quest_id: number;
  onnx_score: number;
}
const expected = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'expected_scores.json'), 'utf8')) as {
  models: ExpectedModel[];
};

let s: SubmissionTestServer;
let player: TestUser;

beforeAll(async () => {
  s = await makeSubmissionServer();
  player = await s.registerAndLogin();
  s.grantXp(player, 5000); // every level unlocked: this file tests scoring, not unlocking
});

afterAll(async () => {
  await s.shutdown();
});

test.each(expected.models.map((m) => [m.file, m] as const))(
  '%s scores through HTTP as scikit-learn says',
  async (_f, m) => {
    const res = await s.submit(m.quest_id, m.file, player.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.status).toBe('scored');
    expect(Math.abs((body.score as number) - m.onnx_score)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(m.onnx_score))
    );
    const quest = s.catalog.quest(m.quest_id)!;
    const passes =
      quest.direction === 'higher_is_better' ? m.onnx_score >= quest.threshold : m.onnx_score <= quest.threshold;
    expect(body).toMatchObject({
      quest_id: m.quest_id,
      metric: quest.metric,
      threshold: quest.threshold,
      higher_is_better: quest.direction === 'higher_is_better',
      passed: passes
    });
    expect(typeof body.message).toBe('string');
    expect(body.limit_resets_at).toEqual(expect.any(String));
    expect(res.headers.get('location')).toBe(`/submissions/${String(body.submission_id)}`);
  }
);

test('a pickle is refused with 422, says how to export ONNX, is listed as rejected and does not count', async () => {
  const before = (await (await s.request('/quests/1', { token: player.token })).json()) as {
    submissions_left_today: number;
  };
  const res = await s.submit(1, 'not_onnx_model.pkl', player.token);
  expect(res.status).toBe(422);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('not_onnx_pickle');
  expect(body.error.message).toMatch(/to_onnx\(model, X_train\[:1\], options=\{"zipmap": False\}\)/);
  const history = (await (await s.request('/quests/1/submissions', { token: player.token })).json()) as {
    submissions: { status: string; message: string }[];
  };
  expect(history.submissions[0]).toMatchObject({ status: 'rejected' });
  expect(history.submissions[0].message).toMatch(/pickle/);
  const after = (await (await s.request('/quests/1', { token: player.token })).json()) as {
    submissions_left_today: number;
  };
  expect(after.submissions_left_today).toBe(before.submissions_left_today);
});

test('a model rejected while running (wrong number of rows) ends rejected with the reason', async () => {
  const res = await s.submit(1, 'broken_wrong_length_output.onnx', player.token);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { status: string; message: string; score: number | null; xp_awarded: number };
  expect(body).toMatchObject({ status: 'rejected', score: null, xp_awarded: 0 });
  expect(body.message).toMatch(/199 rows for the 200 rows/);
});

test("the history is the caller's own, newest first, and other players cannot read a submission", async () => {
  const res = await s.submit(7, 'delivery_scaled_linear_pipeline.onnx', player.token);
  const { submission_id } = (await res.json()) as { submission_id: number };
  const again = await s.submit(7, 'delivery_scaled_linear_pipeline.onnx', player.token);
  const second = ((await again.json()) as { submission_id: number }).submission_id;
  const history = (await (await s.request('/quests/7/submissions', { token: player.token })).json()) as {
    submissions: { submission_id: number }[];
    total: number;
  };
  expect(history.submissions.map((h) => h.submission_id).slice(0, 2)).toEqual([second, submission_id]);
  const other = await s.registerAndLogin();
  expect((await s.request(`/submissions/${submission_id}`, { token: other.token })).status).toBe(404);
  const otherHistory = (await (await s.request('/quests/7/submissions', { token: other.token })).json()) as {
    total: number;
  };
  expect(otherHistory.total).toBe(0);
});

test('without a token, on an unknown or locked quest, without a file or as JSON: clear 4xx errors', async () => {
  const noToken = await s.request('/quests/1/submit', { method: 'POST', body: new FormData() });
  expect(noToken.status).toBe(401);
  expect((await s.submit(999, 'housing_linear_regression.onnx', player.token)).status).toBe(404);

  const newcomer = await s.registerAndLogin();
  const locked = await s.submit(12, 'segments_kmeans.onnx', newcomer.token);
  expect(locked.status).toBe(403);
  const lockedBody = (await locked.json()) as { error: { code: string; message: string } };
  expect(lockedBody.error.code).toBe('quest_locked');
  expect(lockedBody.error.message).toMatch(/1300 XP/);

  const form = new FormData();
  form.append('other_field', new Blob([Buffer.from('x')]), 'x.onnx');
  const missing = await s.request('/quests/1/submit', { method: 'POST', body: form, token: player.token });
  expect(missing.status).toBe(400);
  expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/model_file/);

  const json = await s.request('/quests/1/submit', { method: 'POST', json: { model: 'x' }, token: player.token });
  expect(json.status).toBe(415);
});

test('GET /health reports the evaluator pool', async () => {
  const health = (await (await s.request('/health')).json()) as { evaluators: { size: number } };
  expect(health.evaluators.size).toBe(2);
});
