/**
 * The streak shown today (GET /user/progress and the leaderboard): it stays while the learner
 * can still continue it (today or yesterday active, on the learner's local calendar) and shows 0
 * once a whole local day has passed without a scored submission; the longest streak stays.
 */
import { applyScoredSubmission } from '../../server/services/apply-scored-submission';
import { makeTestServer, type TestServer } from './helpers/test-server';

let clock = new Date('2026-06-01T12:00:00Z');
let s: TestServer;
beforeEach(() => (s = makeTestServer({ now: () => clock })));
afterEach(() => s.cleanup());

const scoreAt = (userId: number, at: string) =>
  applyScoredSubmission(s.db, {
    userId,
    questId: 2,
    submissionId: null,
    score: 0.1,
    passed: false,
    scoredAt: new Date(at)
  });

async function shown(token: string): Promise<{ progress: number; longest: number; board: number | undefined }> {
  const res = await s.request('/user/progress', { token });
  expect(res.status).toBe(200);
  const progress = (await res.json()) as { current_streak: number; longest_streak: number };
  const board = (await (await s.request('/leaderboard/', { token })).json()) as {
    me: { current_streak: number } | null;
  };
  return { progress: progress.current_streak, longest: progress.longest_streak, board: board.me?.current_streak };
}

test('a two-day streak shows on the day after, and falls to 0 after a whole missed day', async () => {
  const u = await s.registerAndLogin('daily');
  scoreAt(u.id, '2026-06-01T10:00:00Z');
  scoreAt(u.id, '2026-06-02T10:00:00Z');

  clock = new Date('2026-06-02T23:00:00Z'); // the same day
  expect(await shown(u.token)).toEqual({ progress: 2, longest: 2, board: 2 });
  clock = new Date('2026-06-03T23:59:00Z'); // the next day: still alive, not yet continued
  expect(await shown(u.token)).toEqual({ progress: 2, longest: 2, board: 2 });
  clock = new Date('2026-06-04T00:01:00Z'); // June 3rd passed without a submission
  expect(await shown(u.token)).toEqual({ progress: 0, longest: 2, board: 0 });
  clock = new Date('2026-06-20T12:00:00Z'); // weeks later (the session is still valid)
  expect(await shown(u.token)).toEqual({ progress: 0, longest: 2, board: 0 });
});

test("the missed day is the learner's local day, not UTC's", async () => {
  // Tokyo is UTC+9: 2026-06-02T16:00Z is already June 3rd there.
  const u = await s.registerAndLogin('tokyo', { timezone: 'Asia/Tokyo' });
  scoreAt(u.id, '2026-06-01T01:00:00Z'); // June 1st, 10:00 JST
  clock = new Date('2026-06-02T14:59:00Z'); // June 2nd, 23:59 JST: alive
  expect(await shown(u.token)).toMatchObject({ progress: 1, board: 1 });
  clock = new Date('2026-06-02T15:00:00Z'); // June 3rd, 00:00 JST (June 2nd in UTC): gone
  expect(await shown(u.token)).toMatchObject({ progress: 0, board: 0 });
});

test('a learner who never submitted shows 0', async () => {
  const u = await s.registerAndLogin('fresh');
  expect(await shown(u.token)).toEqual({ progress: 0, longest: 0, board: 0 });
});
