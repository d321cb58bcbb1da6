/**
 * The read caches (session lookups and GET /quests/ per player) must be exactly as fresh as the
 * database. Each step changes the state in one of the ways that matter — a submission scored, a
 * write from another process, a pack change, a new local day, a timezone change, a logout — and
 * the next GET must equal the list computed from the database without any cache.
 */
import { spawnSync } from 'node:child_process';
import { loadCatalog } from '../../server/catalog/load-pack';
import { syncCatalog } from '../../server/catalog/sync-catalog';
import { findUserById } from '../../server/db/repositories/users';
import { listQuestSummaries } from '../../server/services/quests';
import { DATASETS, makeSubmissionServer, type SubmissionTestServer } from '../submissions/helpers';
import type { TestUser } from './helpers/test-server';

let clock = new Date('2026-03-10T09:00:00Z');
let s: SubmissionTestServer;
let player: TestUser;

beforeAll(async () => {
  s = await makeSubmissionServer({ now: () => clock });
  player = await s.registerAndLogin(undefined, { timezone: 'Asia/Tokyo' });
});

afterAll(async () => {
  await s.shutdown();
});

/** GET /quests/ as the player, parsed. */
async function questList(token = player.token): Promise<Record<string, unknown>[]> {
  const res = await s.request('/quests/', { token });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as Record<string, unknown>[];
}

/** The same list computed straight from the database, with no cache involved. */
function uncachedList(): unknown[] {
  return JSON.parse(JSON.stringify(listQuestSummaries(s.db, findUserById(s.db, player.id), clock))) as unknown[];
}

/** Runs SQL on the database file from another process (its own connection). */
function writeFromAnotherProcess(sql: string, ...params: (string | number)[]): void {
  const script = `const db = require('better-sqlite3')(process.argv[1]); db.pragma('busy_timeout = 5000'); db.prepare(process.argv[2]).run(...JSON.parse(process.argv[3])); db.close();`;
  const r = spawnSync(process.execPath, ['-e', script, s.dbPath, sql, JSON.stringify(params)], {
    cwd: process.cwd(),
    encoding: 'utf8'
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

const quest = (list: Record<string, unknown>[], id: number) => list.find((q) => q.id === id) as Record<string, unknown>;

test('GET /quests/ served from the cache equals the uncached list, and a scored submission shows at once', async () => {
  const first = await questList();
  expect(first).toEqual(uncachedList());
  expect(await questList()).toEqual(first); // the second read is the cached one

  const before = quest(first, 1);
  const res = await s.submit(1, 'housing_linear_regression.onnx', player.token);
  expect(res.status).toBe(200);
  const result = (await res.json()) as { status: string; score: number; passed: boolean };
  expect(result.status).toBe('scored');

  const after = await questList();
  expect(after).toEqual(uncachedList());
  expect(quest(after, 1).attempts).toBe((before.attempts as number) + 1);
  expect(quest(after, 1).best_score).toBe(result.score);
  expect(quest(after, 1).submissions_left_today).toBe((before.submissions_left_today as number) - 1);
  expect(quest(after, 1).status).toBe(result.passed ? 'completed' : 'available');
});

test('a write by another process (XP that unlocks a level) shows on the next GET', async () => {
  const cached = await questList();
  const xp = findUserById(s.db, player.id)!.total_xp;
  const nextLevel = [...s.catalog.pack.levels]
    .sort((a, b) => a.required_xp - b.required_xp)
    .find((l) => l.required_xp > xp)!;
  const lockedQuest = s.catalog.pack.quests.find((q) => q.level === nextLevel.id)!;
  expect(quest(cached, lockedQuest.id).status).toBe('locked');
  writeFromAnotherProcess('UPDATE users SET total_xp = ? WHERE id = ?', nextLevel.required_xp, player.id);
  const after = await questList();
  expect(quest(after, lockedQuest.id).status).toBe('available');
  expect(after).toEqual(uncachedList());
});

test('a pack change (new threshold) shows on the next GET', async () => {
  const cached = await questList();
  const catalog = loadCatalog(DATASETS);
  const pack = structuredClone(catalog.pack);
  const q1 = pack.quests.find((q) => q.id === 1)!;
  q1.threshold = (quest(cached, 1).threshold as number) / 2;
  syncCatalog(s.db, pack, clock);
  try {
    const after = await questList();
    expect(quest(after, 1).threshold).toBe(q1.threshold);
    expect(after).toEqual(uncachedList());
  } finally {
    syncCatalog(s.db, catalog.pack, clock);
  }
  expect(quest(await questList(), 1).threshold).toBe(quest(cached, 1).threshold);
});

test("a new local day resets today's counts, with no write in between", async () => {
  const today = await questList();
  expect(quest(today, 1).submissions_left_today).toBeLessThan(quest(today, 1).daily_submission_limit as number);
  clock = new Date('2026-03-10T14:59:59Z'); // 23:59:59 in Tokyo: still the same day
  expect(await questList()).toEqual(today);
  clock = new Date('2026-03-10T15:00:00Z'); // midnight in Tokyo
  const tomorrow = await questList();
  expect(quest(tomorrow, 1).submissions_left_today).toBe(quest(tomorrow, 1).daily_submission_limit);
  expect(tomorrow).toEqual(uncachedList());
  clock = new Date('2026-03-10T09:00:00Z'); // back to the day of the submission (a clock may step back)
  expect(await questList()).toEqual(today);
});

test('a timezone change moves the local day on the next GET', async () => {
  clock = new Date('2026-03-10T16:00:00Z'); // 01:00 on the 11th in Tokyo, 16:00 on the 10th in UTC
  const inTokyo = await questList();
  expect(quest(inTokyo, 1).submissions_left_today).toBe(quest(inTokyo, 1).daily_submission_limit);
  const res = await s.request('/user/me', { method: 'PATCH', token: player.token, json: { timezone: 'UTC' } });
  expect(res.status).toBe(200);
  const inUtc = await questList();
  expect(quest(inUtc, 1).submissions_left_today).toBeLessThan(quest(inUtc, 1).daily_submission_limit as number);
  expect(inUtc).toEqual(uncachedList());
  clock = new Date('2026-03-10T09:00:00Z');
});

test('a cached session stops working at logout, at a deletion by another process, and at expiry', async () => {
  const other = await s.registerAndLogin();
  expect((await s.request('/user/me', { token: other.token })).status).toBe(200);
  expect((await s.request('/user/me', { token: other.token })).status).toBe(200); // cached
  expect((await s.request('/auth/logout', { method: 'POST', token: other.token })).status).toBe(204);
  expect((await s.request('/quests/', { token: other.token })).status).toBe(401);

  const second = await s.login(other.username, other.password);
  expect((await s.request('/quests/', { token: second })).status).toBe(200);
  writeFromAnotherProcess('DELETE FROM sessions WHERE user_id = ?', other.id);
  expect((await s.request('/quests/', { token: second })).status).toBe(401);

  const third = await s.login(other.username, other.password);
  const [id, secret] = third.split('.');
  expect((await s.request('/quests/', { token: `${id}.${secret}` })).status).toBe(200);
  const wrong = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
  expect((await s.request('/quests/', { token: wrong })).status).toBe(401); // wrong secret, cached row
  const saved = clock;
  clock = new Date(saved.getTime() + (s.config.sessionDays + 1) * 86_400_000);
  try {
    expect((await s.request('/quests/', { token: third })).status).toBe(401);
  } finally {
    clock = saved;
  }
});

test('anonymous GET /quests/ equals the uncached list for no player', async () => {
  const res = await s.request('/quests/');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual(JSON.parse(JSON.stringify(listQuestSummaries(s.db, undefined, clock))));
});
