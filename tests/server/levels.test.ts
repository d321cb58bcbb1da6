/** GET /levels: which course levels the caller has unlocked (XP at or above the level's required XP). */
import { applyScoredSubmission } from '../../server/services/apply-scored-submission';
import { makeTestServer, type TestServer } from './helpers/test-server';

let s: TestServer;
beforeEach(() => (s = makeTestServer()));
afterEach(() => s.cleanup());

const pass = (userId: number, questId: number) =>
  applyScoredSubmission(s.db, {
    userId,
    questId,
    submissionId: null,
    score: 0.9,
    passed: true,
    scoredAt: new Date('2026-06-01T10:00:00Z')
  });

async function unlocked(token?: string): Promise<[number, number, boolean][]> {
  const res = await s.request('/levels', { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: number; required_xp: number; unlocked: boolean }[]).map((l) => [
    l.id,
    l.required_xp,
    l.unlocked
  ]);
}

test('anonymous callers and new learners see only the free level unlocked', async () => {
  expect(await unlocked()).toEqual([
    [1, 0, true],
    [2, 100, false]
  ]);
  const u = await s.registerAndLogin('newbie');
  expect(await unlocked(u.token)).toEqual([
    [1, 0, true],
    [2, 100, false]
  ]);
});

test('a level unlocks at exactly its required XP, not before', async () => {
  const half = await s.registerAndLogin('half');
  pass(half.id, 2); // 50 XP
  expect(await unlocked(half.token)).toEqual([
    [1, 0, true],
    [2, 100, false]
  ]);
  const exact = await s.registerAndLogin('exact');
  pass(exact.id, 1); // 100 XP
  expect(await unlocked(exact.token)).toEqual([
    [1, 0, true],
    [2, 100, true]
  ]);
  // Signed out, the same server still shows level 2 locked.
  expect(await unlocked()).toEqual([
    [1, 0, true],
    [2, 100, false]
  ]);
});
