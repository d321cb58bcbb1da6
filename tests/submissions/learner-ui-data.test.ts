/**
 * The data the learner's UI shows, through HTTP with real evaluations on the real pack: hints
 * revealed one per failed scored attempt (all after a pass) with their total, the course levels a
 * submission's XP unlocks, streak freezes earned, held, used and shown, and the active days of the
 * streak calendar. Every reply is checked against the shared zod schema.
 */
import { Progress, QuestDetail, SubmissionResult } from '../../shared/api';
import { makeSubmissionServer, type SubmissionTestServer } from './helpers';

let clock = new Date('2026-03-02T09:00:00Z');
let s: SubmissionTestServer;

beforeAll(async () => {
  s = await makeSubmissionServer({ now: () => clock });
});

afterAll(async () => {
  await s.shutdown();
});

const PASSES_1 = 'housing_linear_regression.onnx'; // R² 0.886, needs 0.8
const FAILS_7 = 'delivery_scaled_linear_pipeline.onnx'; // MAE 7.99, needs at most 4

async function submit(questId: number, file: string, token: string): Promise<SubmissionResult> {
  const res = await s.submit(questId, file, token);
  expect(res.status).toBe(200);
  return SubmissionResult.parse(await res.json());
}

async function detail(questId: number, token?: string): Promise<QuestDetail> {
  return QuestDetail.parse(await (await s.request(`/quests/${questId}`, { token })).json());
}

async function progress(token: string): Promise<Progress> {
  return Progress.parse(await (await s.request('/user/progress', { token })).json());
}

test('hints: the first from the start, one more per failed scored attempt, all after a pass; rejected files reveal none', async () => {
  const player = await s.registerAndLogin();
  const hints7 = s.catalog.quest(7)!.hints!;
  expect(hints7.length).toBeGreaterThanOrEqual(2);
  expect(await detail(7)).toMatchObject({ hints: hints7.slice(0, 1), hints_total: hints7.length });
  expect(await detail(7, player.token)).toMatchObject({ hints: hints7.slice(0, 1), hints_total: hints7.length });
  expect((await s.submit(7, 'not_onnx_model.pkl', player.token)).status).toBe(422);
  expect((await detail(7, player.token)).hints).toEqual(hints7.slice(0, 1));
  expect((await submit(7, FAILS_7, player.token)).passed).toBe(false);
  expect((await detail(7, player.token)).hints).toEqual(hints7.slice(0, 2));
  // A pass at the first attempt reveals every hint of that quest.
  const hints1 = s.catalog.quest(1)!.hints!;
  expect(hints1.length).toBeGreaterThanOrEqual(2);
  expect((await detail(1, player.token)).hints).toEqual(hints1.slice(0, 1));
  expect((await submit(1, PASSES_1, player.token)).passed).toBe(true);
  expect(await detail(1, player.token)).toMatchObject({ hints: hints1, hints_total: hints1.length });
});

test('unlocked_levels names the course level that the first pass of quest 1 unlocks, and nothing after', async () => {
  const player = await s.registerAndLogin();
  const level2 = s.catalog.pack.levels.find((l) => l.required_xp === 100)!;
  expect(await submit(7, FAILS_7, player.token)).toMatchObject({ unlocked_levels: [], streak_freeze_used: false });
  expect(await submit(1, PASSES_1, player.token)).toMatchObject({
    xp_awarded: 100,
    unlocked_levels: [{ id: level2.id, name: level2.name }]
  });
  expect((await submit(1, PASSES_1, player.token)).unlocked_levels).toEqual([]);
  // The stored result (GET /submissions/{id}) says the same.
  const first = (await (await s.request('/quests/1/submissions', { token: player.token })).json()) as {
    submissions: { submission_id: number }[];
  };
  const oldest = first.submissions.at(-1)!.submission_id;
  const stored = SubmissionResult.parse(
    await (await s.request(`/submissions/${oldest}`, { token: player.token })).json()
  );
  expect(stored.unlocked_levels).toEqual([{ id: level2.id, name: level2.name }]);
});

test('a 7-day streak earns a freeze; a missed day uses it; the streak shows it and falls to 0 without one', async () => {
  const player = await s.registerAndLogin(undefined, { timezone: 'America/New_York' });
  const at = (day: string) => new Date(`${day}T15:00:00Z`); // 10:00 or 11:00 in New York
  const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];
  for (const [i, day] of days.entries()) {
    clock = at(day);
    expect(await submit(7, FAILS_7, player.token)).toMatchObject({ streak: i + 1, streak_freeze_used: false });
  }
  expect(await progress(player.token)).toMatchObject({ current_streak: 7, streak_freezes: 1 });
  // 2026-03-09 passes without a submission: on the 10th the streak still shows, the freeze is spoken for.
  clock = at('2026-03-10');
  expect(await progress(player.token)).toMatchObject({ current_streak: 7, streak_freezes: 0 });
  expect(await submit(7, FAILS_7, player.token)).toMatchObject({ streak: 8, streak_freeze_used: true });
  expect(await submit(7, FAILS_7, player.token)).toMatchObject({ streak: 8, streak_freeze_used: false });
  const row = s.db.sqlite.prepare('SELECT current_streak, streak_freezes FROM users WHERE id = ?').get(player.id);
  expect(row).toEqual({ current_streak: 8, streak_freezes: 0 });
  const p = await progress(player.token);
  expect(p).toMatchObject({ current_streak: 8, streak_freezes: 0 });
  expect(p.active_days).toEqual([...days, '2026-03-10']);
  // Two days later with no freeze left: the shown streak is 0, also in a rejected submission's result.
  clock = at('2026-03-12');
  expect(await progress(player.token)).toMatchObject({ current_streak: 0, streak_freezes: 0 });
  const rejected = await s.submit(7, 'not_onnx_model.pkl', player.token);
  expect(rejected.status).toBe(422);
  const history = (await (await s.request('/quests/7/submissions', { token: player.token })).json()) as {
    submissions: { submission_id: number }[];
  };
  const stored = SubmissionResult.parse(
    await (await s.request(`/submissions/${history.submissions[0].submission_id}`, { token: player.token })).json()
  );
  expect(stored).toMatchObject({ status: 'rejected', streak: 0 });
  // The leaderboard shows the same streak.
  const board = (await (await s.request('/leaderboard/', { token: player.token })).json()) as {
    me: { current_streak: number };
  };
  expect(board.me.current_streak).toBe(0);
});

test('active_days: only scored submissions, local days of the learner, the last 8 weeks', async () => {
  const player = await s.registerAndLogin(undefined, { timezone: 'Asia/Tokyo' });
  clock = new Date('2026-01-10T01:00:00Z'); // 10:00 on 01-10 in Tokyo: 9 weeks before 03-14
  await submit(7, FAILS_7, player.token);
  clock = new Date('2026-01-17T16:00:00Z'); // 01:00 on 01-18 in Tokyo: within 8 weeks of 03-14
  await submit(7, FAILS_7, player.token);
  clock = new Date('2026-03-13T16:00:00Z'); // 01:00 on 03-14 in Tokyo
  expect((await s.submit(7, 'not_onnx_model.pkl', player.token)).status).toBe(422);
  expect((await progress(player.token)).active_days).toEqual(['2026-01-18']);
  await submit(7, FAILS_7, player.token);
  expect((await progress(player.token)).active_days).toEqual(['2026-01-18', '2026-03-14']);
});

test('the OpenAPI document describes the new fields', async () => {
  const doc = JSON.stringify(await (await s.request('/openapi.json')).json());
  for (const field of ['hints_total', 'streak_freezes', 'active_days', 'streak_freeze_used', 'unlocked_levels']) {
    expect(doc).toContain(`"${field}"`);
  }
});
