/**
 * Game effects of submissions through HTTP: concurrent passing submissions of one quest award
 * its XP once; the daily limit of scored submissions answers 429 with the reset time, rejected
 * files do not count, and the limit resets at the user's local midnight.
 */
import { makeSubmissionServer, type SubmissionTestServer } from './helpers';

let clock = new Date('2026-03-10T09:00:00Z');
let s: SubmissionTestServer;

beforeAll(async () => {
  s = await makeSubmissionServer({ now: () => clock });
});

afterAll(async () => {
  await s.shutdown();
});

test('eight concurrent passing submissions of one quest award its XP exactly once', async () => {
  const player = await s.registerAndLogin();
  const replies = await Promise.all(
    Array.from({ length: 8 }, () => s.submit(1, 'housing_linear_regression.onnx', player.token))
  );
  const bodies = (await Promise.all(replies.map((r) => r.json()))) as {
    status: string;
    passed: boolean;
    xp_awarded: number;
  }[];
  expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
  expect(bodies.every((b) => b.status === 'scored' && b.passed)).toBe(true);
  const xp = s.catalog.quest(1)!.xp_reward;
  expect(bodies.filter((b) => b.xp_awarded === xp)).toHaveLength(1);
  expect(bodies.filter((b) => b.xp_awarded === 0)).toHaveLength(7);
  const me = (await (await s.request('/user/me', { token: player.token })).json()) as { total_xp: number };
  expect(me.total_xp).toBe(xp);
  const awards = s.db.sqlite
    .prepare('SELECT count(*) AS n FROM submissions WHERE user_id = ? AND xp_awarded > 0')
    .get(player.id) as { n: number };
  expect(awards.n).toBe(1);
});

test('the daily limit: 429 with the reset time after the last scored submission, rejected files do not count, reset at local midnight', async () => {
  const player = await s.registerAndLogin(undefined, { timezone: 'Asia/Tokyo' });
  const limit = s.catalog.quest(7)!.daily_submission_limit ?? 50;
  clock = new Date('2026-03-10T09:00:00Z'); // 18:00 in Tokyo
  for (let i = 0; i < limit - 1; i++) {
    const res = await s.submit(7, 'delivery_scaled_linear_pipeline.onnx', player.token);
    expect(res.status).toBe(200);
  }
  expect((await s.submit(7, 'not_onnx_model.pkl', player.token)).status).toBe(422);
  const last = await s.submit(7, 'delivery_scaled_linear_pipeline.onnx', player.token);
  expect(last.status).toBe(200);
  const lastBody = (await last.json()) as { submissions_left_today: number; limit_resets_at: string };
  expect(lastBody.submissions_left_today).toBe(0);
  expect(lastBody.limit_resets_at).toBe('2026-03-10T15:00:00.000Z'); // midnight in Tokyo

  const refused = await s.submit(7, 'delivery_scaled_linear_pipeline.onnx', player.token);
  expect(refused.status).toBe(429);
  const body = (await refused.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('daily_limit_reached');
  expect(body.error.message).toContain('2026-03-10T15:00:00.000Z');
  expect(Number(refused.headers.get('retry-after'))).toBe(6 * 3600);
  const quest = (await (await s.request('/quests/7', { token: player.token })).json()) as {
    submissions_left_today: number;
  };
  expect(quest.submissions_left_today).toBe(0);

  // Other quests keep their own limit.
  expect((await s.submit(1, 'housing_linear_regression.onnx', player.token)).status).toBe(200);

  clock = new Date('2026-03-10T15:00:01Z'); // just after midnight in Tokyo
  const nextDay = await s.submit(7, 'delivery_scaled_linear_pipeline.onnx', player.token);
  expect(nextDay.status).toBe(200);
  expect(((await nextDay.json()) as { submissions_left_today: number }).submissions_left_today).toBe(limit - 1);
}, 60_000);

test('a submission still being evaluated counts against the daily limit, in the 429 and in GET /quests/ alike', async () => {
  const wait = await makeSubmissionServer({ env: { MLQUEST_SUBMIT_WAIT_S: '0' }, timeoutS: 30, workers: 1 });
  try {
    const player = await wait.registerAndLogin();
    const limit = wait.catalog.quest(1)!.daily_submission_limit ?? 50;
    const leftToday = async () =>
      (
        (await (await wait.request('/quests/', { token: player.token })).json()) as {
          id: number;
          submissions_left_today: number;
        }[]
      ).find((q) => q.id === 1)!.submissions_left_today;
    // Use all but one of today's submissions, then send a slow model that stays in flight.
    for (let i = 0; i < limit - 1; i++) {
      const res = await wait.submit(1, 'housing_linear_regression.onnx', player.token);
      await wait.waitForResult(((await res.json()) as { submission_id: number }).submission_id, player.token);
    }
    expect(await leftToday()).toBe(1);
    const slow = await wait.submit(1, 'slow_housing_linear.onnx', player.token);
    expect(slow.status).toBe(202);
    const slowId = ((await slow.json()) as { submission_id: number }).submission_id;
    expect(await leftToday()).toBe(0);
    const refused = await wait.submit(1, 'housing_linear_regression.onnx', player.token);
    expect(refused.status).toBe(429);
    // Once scored it still counts, exactly once.
    const done = await wait.waitForResult(slowId, player.token, 30_000);
    expect(done.status).toBe('scored');
    expect(done.submissions_left_today).toBe(0);
    expect(await leftToday()).toBe(0);
  } finally {
    await wait.shutdown();
  }
}, 120_000);
