/** Boundaries of the badge, ranking-key and quest-status rules that the mutation run found untested. */
import { badgeConditionHolds, type BadgeFacts } from '../../server/rules/badge-conditions';
import { sameOverallKey, sameQuestKey } from '../../server/rules/leaderboard-ranking';
import { questStatus } from '../../server/rules/quest-status';

const facts = (over: Partial<BadgeFacts>): BadgeFacts => ({
  completed: new Set(),
  totalXp: 0,
  level: 1,
  streak: 0,
  perfect: false,
  questsOfLevel: () => [],
  ...over
});

test('a level badge holds from exactly that player level on', () => {
  const c = { type: 'level_reached' as const, level: 3 };
  expect([2, 3, 4].map((level) => badgeConditionHolds(c, facts({ level })))).toEqual([false, true, true]);
});

test('a course-level badge needs every quest of the level, not some', () => {
  const c = { type: 'course_level_completed' as const, level: 1 };
  const questsOfLevel = (id: number) => (id === 1 ? [1, 2, 3] : []);
  expect(badgeConditionHolds(c, facts({ questsOfLevel, completed: new Set([1, 2]) }))).toBe(false);
  expect(badgeConditionHolds(c, facts({ questsOfLevel, completed: new Set([1, 2, 3]) }))).toBe(true);
});

test('ranking keys are equal only when every part is', () => {
  const k = { total_xp: 100, quests_completed: 2, xp_reached_at: '2026-06-01T10:00:00.000Z' };
  expect(sameOverallKey(k, { ...k })).toBe(true);
  expect(sameOverallKey(k, { ...k, total_xp: 101 })).toBe(false);
  expect(sameOverallKey(k, { ...k, quests_completed: 1 })).toBe(false);
  expect(sameOverallKey(k, { ...k, xp_reached_at: '2026-06-01T10:00:00.001Z' })).toBe(false);
  const q = { best_score: 0.9, best_at: '2026-06-01T10:00:00.000Z' };
  expect(sameQuestKey(q, { ...q })).toBe(true);
  expect(sameQuestKey(q, { ...q, best_score: 0.91 })).toBe(false);
  expect(sameQuestKey(q, { ...q, best_at: '2026-06-02T10:00:00.000Z' })).toBe(false);
});

test('signed out, a quest of a level that needs XP is locked and a free one available', () => {
  expect(questStatus(null, 100, null)).toBe('locked');
  expect(questStatus(null, 0, null)).toBe('available');
  expect(questStatus(0, 100, null)).toBe('locked');
  expect(questStatus(100, 100, undefined)).toBe('available');
});
