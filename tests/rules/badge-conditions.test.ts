/** Every kind of badge condition, decided from a player's facts without a database. */
import type { BadgeCondition } from '../../shared/api';
import { badgeConditionHolds, type BadgeFacts } from '../../server/rules/badge-conditions';

const facts = (over: Partial<BadgeFacts> = {}): BadgeFacts => ({
  completed: new Set([1, 2]),
  totalXp: 300,
  level: 2,
  streak: 3,
  perfect: false,
  questsOfLevel: (level) => (level === 1 ? [1, 2] : level === 2 ? [3, 4] : []),
  ...over
});

test.each<[BadgeCondition, boolean, boolean]>([
  // condition, holds for facts(), holds for the facts of a fresh player
  [{ type: 'first_submission' }, true, true],
  [{ type: 'quests_completed', count: 2 }, true, false],
  [{ type: 'quests_completed', count: 3 }, false, false],
  [{ type: 'xp', xp: 300 }, true, false],
  [{ type: 'xp', xp: 301 }, false, false],
  [{ type: 'streak', days: 3 }, true, false],
  [{ type: 'level_reached', level: 3 }, false, false],
  [{ type: 'quest_completed', quest: 2 }, true, false],
  [{ type: 'course_level_completed', level: 1 }, true, false],
  [{ type: 'course_level_completed', level: 2 }, false, false],
  // a level without active quests can never be completed
  [{ type: 'course_level_completed', level: 9 }, false, false]
])('%j holds: %s (fresh player: %s)', (condition, holds, holdsFresh) => {
  expect(badgeConditionHolds(condition, facts())).toBe(holds);
  const fresh = facts({ completed: new Set(), totalXp: 0, level: 1, streak: 1 });
  expect(badgeConditionHolds(condition, fresh)).toBe(holdsFresh);
});

test('perfect_score holds only for a perfect submission', () => {
  expect(badgeConditionHolds({ type: 'perfect_score' }, facts())).toBe(false);
  expect(badgeConditionHolds({ type: 'perfect_score' }, facts({ perfect: true }))).toBe(true);
});
