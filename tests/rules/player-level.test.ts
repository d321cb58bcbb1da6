/** Player level from total XP, by both formulas of the pack, without a database. */
import { levelInfo, levelStartXp, playerLevel } from '../../server/rules/player-level';

test('player level follows floor(sqrt(xp / 100)) + 1', () => {
  expect([0, 99, 100, 399, 400, 900, 10_000].map((x) => playerLevel(x))).toEqual([1, 1, 2, 2, 3, 4, 11]);
});

test('a linear formula gives one level per xp_per_level, and negative XP stays at level 1', () => {
  const linear = { formula: 'linear' as const, xp_per_level: 250 };
  expect([-5, 0, 249, 250, 499, 500].map((x) => playerLevel(x, linear))).toEqual([1, 1, 1, 2, 2, 3]);
  expect(levelStartXp(3, linear)).toBe(500);
});

test('level info names the XP where this level began and the XP still needed for the next', () => {
  expect(levelInfo(450)).toEqual({ level: 3, level_xp: 400, next_level_xp: 900, xp_to_next_level: 450 });
});
