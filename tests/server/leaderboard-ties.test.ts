/**
 * Tie-breaks of both leaderboards, built so that each rule decides alone: the players who lead on
 * the next rule are deliberately behind on every later one (and on user id), so reversing any one
 * rule, in the page query or in the rank count, changes the answer.
 */
import { applyScoredSubmission } from '../../server/services/apply-scored-submission';
import { makeTestServer, type TestServer } from './helpers/test-server';

let s: TestServer;
beforeEach(() => (s = makeTestServer()));
afterEach(() => s.cleanup());

const pass = (userId: number, questId: number, at: string, score = 0.9) =>
  applyScoredSubmission(s.db, { userId, questId, submissionId: null, score, passed: true, scoredAt: new Date(at) });

interface Row {
  rank: number;
  username: string;
  total_xp?: number;
  quests_completed?: number;
}
const get = async (path: string, token?: string) => {
  const res = await s.request(path, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as { entries: Row[]; me: Row | null; total: number };
};
const ranks = (rows: Row[]) => rows.map((r) => [r.rank, r.username]);

test('at equal XP more quests completed ranks first, even when the other player reached that XP earlier', async () => {
  // solo: one quest worth 100 XP, reached first, and registered first (lower id).
  const solo = await s.registerAndLogin('solo');
  const duo = await s.registerAndLogin('duo');
  pass(solo.id, 1, '2026-06-01T08:00:00Z'); // 100 XP, 1 quest, at 08:00
  pass(duo.id, 2, '2026-06-01T09:00:00Z'); // 50 XP
  pass(duo.id, 3, '2026-06-01T10:00:00Z'); // 100 XP, 2 quests, at 10:00

  const board = await get('/leaderboard/');
  expect(board.entries.map((r) => [r.rank, r.username, r.total_xp, r.quests_completed])).toEqual([
    [1, 'duo', 100, 2],
    [2, 'solo', 100, 1]
  ]);
  // The rank of a page's first row and the caller's own row come from the rank count, not the page.
  expect(ranks((await get('/leaderboard/?limit=1&offset=1')).entries)).toEqual([[2, 'solo']]);
  expect((await get('/leaderboard/?limit=1', solo.token)).me).toMatchObject({ rank: 2, username: 'solo' });
  expect((await get('/leaderboard/?limit=1', duo.token)).me).toMatchObject({ rank: 1, username: 'duo' });
});

test('at equal XP and quests the player who reached that XP first ranks first; a player behind on XP is counted behind', async () => {
  const late = await s.registerAndLogin('late');
  const early = await s.registerAndLogin('early');
  const low = await s.registerAndLogin('low');
  pass(late.id, 1, '2026-06-02T10:00:00Z');
  pass(early.id, 1, '2026-06-01T10:00:00Z'); // a day earlier: the day counts are used
  pass(low.id, 2, '2026-05-01T10:00:00Z'); // 50 XP, two quests would not matter: less XP

  expect(ranks((await get('/leaderboard/')).entries)).toEqual([
    [1, 'early'],
    [2, 'late'],
    [3, 'low']
  ]);
  expect((await get('/leaderboard/?limit=1', late.token)).me).toMatchObject({ rank: 2 });
  expect((await get('/leaderboard/?limit=1', low.token)).me).toMatchObject({ rank: 3 });
  expect((await get('/leaderboard/?limit=1', early.token)).me).toMatchObject({ rank: 1 });
  expect(ranks((await get('/leaderboard/?limit=2&offset=1')).entries)).toEqual([
    [2, 'late'],
    [3, 'low']
  ]);
});

test('at equal XP and quests on the same day the earlier time ranks first', async () => {
  const late = await s.registerAndLogin('late');
  const early = await s.registerAndLogin('early');
  pass(late.id, 1, '2026-06-01T18:00:00Z');
  pass(early.id, 1, '2026-06-01T07:00:00Z');
  expect(ranks((await get('/leaderboard/')).entries)).toEqual([
    [1, 'early'],
    [2, 'late']
  ]);
  expect((await get('/leaderboard/', late.token)).me).toMatchObject({ rank: 2 });
  expect((await get('/leaderboard/?limit=1&offset=1')).entries[0]).toMatchObject({ rank: 2, username: 'late' });
});

test('quest leaderboard: at an equal best score the one who reached it first ranks first', async () => {
  const late = await s.registerAndLogin('late'); // lower user id, so only achieved_at can put early first
  const early = await s.registerAndLogin('early');
  const best = await s.registerAndLogin('best');
  pass(late.id, 1, '2026-06-03T10:00:00Z', 0.8);
  pass(early.id, 1, '2026-06-01T10:00:00Z', 0.8);
  pass(best.id, 1, '2026-06-05T10:00:00Z', 0.95);

  const board = await get('/quests/1/leaderboard');
  expect(board.entries.map((r) => [r.rank, r.username])).toEqual([
    [1, 'best'],
    [2, 'early'],
    [3, 'late']
  ]);
  expect((await get('/quests/1/leaderboard', late.token)).me).toMatchObject({ rank: 3, username: 'late' });
  expect((await get('/quests/1/leaderboard', early.token)).me).toMatchObject({ rank: 2, username: 'early' });
  expect(ranks((await get('/quests/1/leaderboard?limit=1&offset=2')).entries)).toEqual([[3, 'late']]);
});

test('quest leaderboard: a lower-is-better metric keeps the earlier of two equal errors first', async () => {
  const late = await s.registerAndLogin('late');
  const early = await s.registerAndLogin('early');
  pass(late.id, 3, '2026-06-03T10:00:00Z', 4);
  pass(early.id, 3, '2026-06-02T10:00:00Z', 4);
  expect(ranks((await get('/quests/3/leaderboard')).entries)).toEqual([
    [1, 'early'],
    [2, 'late']
  ]);
  expect((await get('/quests/3/leaderboard', late.token)).me).toMatchObject({ rank: 2 });
});
