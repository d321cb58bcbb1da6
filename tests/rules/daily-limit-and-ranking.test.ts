/** Daily-limit arithmetic, quest status and leaderboard ranks with ties, without a database. */
import { secondsUntil, submissionsLeft } from '../../server/rules/daily-limit';
import { rankPage, sameOverallKey, sameQuestKey } from '../../server/rules/leaderboard-ranking';
import { levelUnlocked, questStatus } from '../../server/rules/quest-status';

test('submissions left never go below 0', () => {
  expect([submissionsLeft(5, 0), submissionsLeft(5, 4), submissionsLeft(5, 5), submissionsLeft(5, 7)]).toEqual([
    5, 1, 0, 0
  ]);
});

test('the wait until the reset is rounded up to whole seconds, and at least 1', () => {
  const now = new Date('2026-03-01T23:59:58.200Z');
  expect(secondsUntil(new Date('2026-03-02T00:00:00Z'), now)).toBe(2);
  expect(secondsUntil(now, now)).toBe(1);
});

test('quest status: completed wins, signed-out callers see only XP-free levels, XP unlocks a level', () => {
  expect(questStatus(0, 100, '2026-03-01T10:00:00Z')).toBe('completed');
  expect([questStatus(null, 0, null), questStatus(null, 100, null)]).toEqual(['available', 'locked']);
  expect([questStatus(99, 100, undefined), questStatus(100, 100, undefined)]).toEqual(['locked', 'available']);
  expect([levelUnlocked(99, 100), levelUnlocked(100, 100)]).toEqual([false, true]);
});

test('competition ranks: equal keys share a rank, the next row takes its position; the first row counts who is ahead', () => {
  const row = (total_xp: number, quests_completed = 1, xp_reached_at = 'a') => ({
    total_xp,
    quests_completed,
    xp_reached_at
  });
  const rows = [row(500), row(400), row(400), row(300), row(300, 1, 'b')];
  expect(rankPage(rows, 0, () => 0, sameOverallKey)).toEqual([1, 2, 2, 4, 5]);
  // The second page starts with a row tied with the last of the first page: it keeps that rank.
  expect(rankPage([row(400), row(300)], 2, () => 1, sameOverallKey)).toEqual([2, 4]);
  expect(rankPage([], 0, () => 0, sameOverallKey)).toEqual([]);
});

test('quest board ties need the same best score and the same time it was reached', () => {
  expect(sameQuestKey({ best_score: 0.9, best_at: 't1' }, { best_score: 0.9, best_at: 't1' })).toBe(true);
  expect(sameQuestKey({ best_score: 0.9, best_at: 't1' }, { best_score: 0.9, best_at: 't2' })).toBe(false);
});
