/** Pure rules: which hints a learner sees, and which course levels an XP gain unlocks. */
import { revealedHints } from '../../server/rules/hints';
import { newlyUnlockedLevels } from '../../server/rules/unlocked-levels';

const hints = ['first', 'second', 'third'];

test('the first hint from the start, one more per failed scored attempt, in the pack order', () => {
  expect([0, 1, 2, 3, 9].map((failedAttempts) => revealedHints(hints, { failedAttempts, passed: false }))).toEqual([
    ['first'],
    ['first', 'second'],
    hints,
    hints,
    hints
  ]);
});

test('every hint after a pass, also on the first attempt; none for a quest without hints', () => {
  expect(revealedHints(hints, { failedAttempts: 0, passed: true })).toEqual(hints);
  expect(revealedHints([], { failedAttempts: 4, passed: false })).toEqual([]);
  expect(revealedHints([], { failedAttempts: 0, passed: true })).toEqual([]);
});

test('levels unlock when the total XP first reaches their required XP, several at once in order', () => {
  const levels = [
    { id: 3, name: 'Three', required_xp: 400 },
    { id: 1, name: 'One', required_xp: 0 },
    { id: 2, name: 'Two', required_xp: 100 }
  ];
  expect(newlyUnlockedLevels(levels, 0, 0)).toEqual([]);
  expect(newlyUnlockedLevels(levels, 0, 99)).toEqual([]);
  expect(newlyUnlockedLevels(levels, 0, 100)).toEqual([{ id: 2, name: 'Two' }]);
  expect(newlyUnlockedLevels(levels, 100, 399)).toEqual([]);
  expect(newlyUnlockedLevels(levels, 50, 500)).toEqual([
    { id: 2, name: 'Two' },
    { id: 3, name: 'Three' }
  ]);
});

test('levels that open at the same XP are named in id order (the default pack has two at 900 XP)', () => {
  const levels = [
    { id: 6, name: 'Real Data', required_xp: 900 },
    { id: 4, name: 'Probabilities', required_xp: 900 },
    { id: 3, name: 'Beyond Straight Lines', required_xp: 400 }
  ];
  expect(newlyUnlockedLevels(levels, 300, 900).map((l) => l.name)).toEqual([
    'Beyond Straight Lines',
    'Probabilities',
    'Real Data'
  ]);
});
