import { applyScoredSubmission } from '../../server/services/apply-scored-submission';
import { dailyLimitStatus } from '../../server/services/daily-limit';
import { localDay, nextLocalMidnight } from '../../server/rules/calendar';
import { makeTestServer, type TestServer } from './helpers/test-server';

let s: TestServer;
beforeEach(() => (s = makeTestServer()));
afterEach(() => s.cleanup());

function score(userId: number, questId: number, at: string, sc: number, passed: boolean) {
  const sub = Number(
    s.db.sqlite
      .prepare(
        "INSERT INTO submissions (user_id, quest_id, status, score, passed, created_at) VALUES (?, ?, 'scored', ?, ?, ?)"
      )
      .run(userId, questId, sc, passed ? 1 : 0, at).lastInsertRowid
  );
  return applyScoredSubmission(s.db, { userId, questId, submissionId: sub, score: sc, passed, scoredAt: new Date(at) });
}

test('streak: consecutive days, same day twice, a gap restarts at 1, longest kept', async () => {
  const u = await s.register('streaky');
  expect(score(u.id, 2, '2026-04-01T10:00:00Z', 0.1, false).streak).toBe(1);
  expect(score(u.id, 2, '2026-04-01T18:00:00Z', 0.1, false).streak).toBe(1);
  expect(score(u.id, 2, '2026-04-02T09:00:00Z', 0.1, false).streak).toBe(2);
  expect(score(u.id, 2, '2026-04-03T23:59:00Z', 0.1, false).streak).toBe(3);
  expect(score(u.id, 2, '2026-04-05T08:00:00Z', 0.1, false).streak).toBe(1);
  const row = s.db.sqlite.prepare('SELECT current_streak, longest_streak FROM users WHERE id = ?').get(u.id);
  expect(row).toEqual({ current_streak: 1, longest_streak: 3 });
});

test('streak counts local days in the user timezone, across the America/New_York spring DST change', async () => {
  const u = await s.register('nyc', { timezone: 'America/New_York' });
  // 2026-03-07 23:30 EST (04:30Z on the 8th), 2026-03-08 23:30 EDT (03:30Z on the 9th): consecutive local days.
  expect(score(u.id, 2, '2026-03-08T04:30:00Z', 0.1, false).streak).toBe(1);
  expect(localDay('America/New_York', new Date('2026-03-08T04:30:00Z'))).toBe('2026-03-07');
  expect(score(u.id, 2, '2026-03-09T03:30:00Z', 0.1, false).streak).toBe(2);
  // 23:45 EDT on 2026-03-08: the same local day as before, so no double count.
  expect(score(u.id, 2, '2026-03-09T03:45:00Z', 0.1, false).streak).toBe(2);
  expect(score(u.id, 2, '2026-03-10T03:59:00Z', 0.1, false).streak).toBe(3);
});

test('streak across the Europe/Berlin autumn DST change (a 25-hour day) and a timezone change', async () => {
  const u = await s.register('berlin', { timezone: 'Europe/Berlin' });
  expect(score(u.id, 2, '2026-10-24T20:00:00Z', 0.1, false).streak).toBe(1); // 22:00 CEST on the 24th
  expect(score(u.id, 2, '2026-10-24T22:30:00Z', 0.1, false).streak).toBe(2); // 00:30 CEST on the 25th
  expect(score(u.id, 2, '2026-10-25T22:30:00Z', 0.1, false).streak).toBe(2); // 23:30 CET, still the 25-hour 25th
  expect(localDay('Europe/Berlin', new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
  expect(score(u.id, 2, '2026-10-26T22:59:00Z', 0.1, false).streak).toBe(3); // 23:59 CET on the 26th
  // Moving west makes "today" an earlier local date than the last active day: no change, no double.
  s.db.sqlite.prepare("UPDATE users SET timezone = 'America/Los_Angeles' WHERE id = ?").run(u.id);
  expect(score(u.id, 2, '2026-10-27T01:00:00Z', 0.1, false).streak).toBe(3); // 18:00 PDT on the 26th
  expect(score(u.id, 2, '2026-10-27T20:00:00Z', 0.1, false).streak).toBe(4); // the 27th in Los Angeles
});

test('every badge type is awarded exactly once and reported as new once; XP only on the first pass', async () => {
  const u = await s.register('collector');
  const ids = (o: { new_badges: { id: string }[] }) => o.new_badges.map((b) => b.id).sort();
  const a = score(u.id, 2, '2026-06-01T10:00:00Z', 0.5, false);
  expect(ids(a)).toEqual(['first']);
  expect(a.xp_awarded).toBe(0);
  const b = score(u.id, 1, '2026-06-02T10:00:00Z', 0.7, true);
  expect(b).toMatchObject({ xp_awarded: 100, total_xp: 100, level: 2, level_up: true, streak: 2 });
  expect(ids(b)).toEqual(['level-2', 'quest-1']);
  const again = score(u.id, 1, '2026-06-02T11:00:00Z', 0.8, true);
  expect(again).toMatchObject({ xp_awarded: 0, total_xp: 100, level_up: false, new_badges: [] });
  const c = score(u.id, 2, '2026-06-03T10:00:00Z', 1, true);
  expect(c).toMatchObject({ xp_awarded: 50, total_xp: 150, streak: 3 });
  expect(ids(c)).toEqual(['level-1-done', 'perfect', 'streak-3', 'two-quests', 'xp-150']);
  const d = score(u.id, 3, '2026-06-04T10:00:00Z', 0, true);
  expect(d.new_badges).toEqual([]);
  const badges = (await (await s.request('/badges', { token: await s.login(u.username, u.password) })).json()) as {
    id: string;
    earned: boolean;
    earned_at: string | null;
  }[];
  expect(badges.every((x) => x.earned && x.earned_at !== null)).toBe(true);
  expect(
    (s.db.sqlite.prepare('SELECT count(*) AS n FROM user_badges WHERE user_id = ?').get(u.id) as { n: number }).n
  ).toBe(8);
});

test('best score follows the metric direction; attempts count', async () => {
  const u = await s.register('scorer');
  s.db.sqlite.prepare('UPDATE users SET total_xp = 100 WHERE id = ?').run(u.id);
  score(u.id, 3, '2026-06-01T10:00:00Z', 20, false);
  score(u.id, 3, '2026-06-01T11:00:00Z', 5, true);
  score(u.id, 3, '2026-06-01T12:00:00Z', 8, true);
  expect(
    s.db.sqlite.prepare('SELECT best_score, attempts FROM quest_progress WHERE user_id = ? AND quest_id = 3').get(u.id)
  ).toEqual({ best_score: 5, attempts: 3 });
});

test('daily limit counts scored submissions of the local day and resets at local midnight', async () => {
  const u = await s.register('limited', { timezone: 'Asia/Tokyo' });
  score(u.id, 1, '2026-06-01T14:00:00Z', 0.1, false); // 23:00 JST on June 1st
  score(u.id, 1, '2026-06-01T15:30:00Z', 0.1, false); // 00:30 JST on June 2nd
  score(u.id, 1, '2026-06-01T16:00:00Z', 0.1, false);
  const st = dailyLimitStatus(s.db, u.id, 1, new Date('2026-06-01T17:00:00Z'));
  expect(st).toEqual({ used: 2, limit: 3, left: 1, resets_at: '2026-06-02T15:00:00.000Z' });
  expect(nextLocalMidnight('America/New_York', new Date('2026-03-08T12:00:00Z')).toISOString()).toBe(
    '2026-03-09T04:00:00.000Z'
  );
});
