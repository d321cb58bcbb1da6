/** Player level from XP without a database, for both formulas of the pack, at and around every boundary. */
import { levelInfo, levelStartXp, playerLevel } from '../../server/rules/player-level';

const sqrt = { formula: 'sqrt' as const, xp_per_level: 100 };
const linear = { formula: 'linear' as const, xp_per_level: 250 };

test('levels start at (level - 1)² × xp_per_level (sqrt) or (level - 1) × xp_per_level (linear)', () => {
  expect([0, 1, 2, 3, 4, 11].map((l) => levelStartXp(l, sqrt))).toEqual([0, 0, 100, 400, 900, 10_000]);
  expect([0, 1, 2, 3, 4, 11].map((l) => levelStartXp(l, linear))).toEqual([0, 0, 250, 500, 750, 2500]);
  expect(levelStartXp(3)).toBe(400); // the default is the sqrt formula with 100
  expect(levelStartXp(2, { formula: 'sqrt', xp_per_level: 2.5 })).toBe(3); // whole XP: rounded up
});

test('sqrt: floor(sqrt(xp / 100)) + 1, exact at each boundary', () => {
  const xp = [-50, 0, 99, 100, 101, 399, 400, 899, 900, 9_999, 10_000, 1_000_000];
  expect(xp.map((x) => playerLevel(x, sqrt))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 10, 11, 101]);
  expect(xp.map((x) => playerLevel(x))).toEqual(xp.map((x) => playerLevel(x, sqrt)));
});

test('linear: floor(xp / 250) + 1', () => {
  expect([0, 249, 250, 499, 500, 2_500].map((x) => playerLevel(x, linear))).toEqual([1, 1, 2, 2, 3, 11]);
});

test('a formula whose division is inexact in floating point still lands on the boundary', () => {
  // Levels begin at whole XP: with 0.1 XP per level, levels 2 to 11 all begin at 1 XP, level 12 at 2.
  const tenth = { formula: 'linear' as const, xp_per_level: 0.1 };
  expect([2, 4, 11, 12].map((l) => levelStartXp(l, tenth))).toEqual([1, 1, 1, 2]);
  expect(playerLevel(0.3, tenth)).toBe(1); // the division says level 3; no level above 1 has begun
  expect(playerLevel(1, tenth)).toBe(11);
  // 33 / 1.1 is 29.999999999999996: the estimate says level 30, but level 31 begins at 33 XP.
  expect(levelStartXp(31, { formula: 'linear', xp_per_level: 1.1 })).toBe(33);
  expect(playerLevel(33, { formula: 'linear', xp_per_level: 1.1 })).toBe(31);
  expect(playerLevel(4410, { formula: 'sqrt', xp_per_level: 4.9 })).toBe(31); // sqrt(4410 / 4.9) is just under 30
  // Above the estimate: 1.5 / 1.1 says level 2, which begins only at ceil(1.1) = 2 XP.
  expect(playerLevel(1.5, { formula: 'linear', xp_per_level: 1.1 })).toBe(1);
  for (let l = 2; l <= 30; l++) {
    const f = { formula: 'sqrt' as const, xp_per_level: 7 };
    expect(playerLevel(levelStartXp(l, f), f)).toBe(l);
    expect(playerLevel(levelStartXp(l, f) - 1, f)).toBe(l - 1);
  }
});

test('levelInfo: the level, where it began, where the next begins and the XP still to earn', () => {
  expect(levelInfo(0)).toEqual({ level: 1, level_xp: 0, next_level_xp: 100, xp_to_next_level: 100 });
  expect(levelInfo(450, sqrt)).toEqual({ level: 3, level_xp: 400, next_level_xp: 900, xp_to_next_level: 450 });
  expect(levelInfo(500, linear)).toEqual({ level: 3, level_xp: 500, next_level_xp: 750, xp_to_next_level: 250 });
});
