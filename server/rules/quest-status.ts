/** A quest's status for a player: completed, available (its level is unlocked) or locked. */
import type { QuestStatus } from '../../shared/api';

/** `userXp` null means nobody is signed in: only quests of levels that need no XP are available. */
export function questStatus(
  userXp: number | null,
  requiredXp: number,
  completedAt: string | null | undefined
): QuestStatus {
  if (completedAt) return 'completed';
  // Stryker disable next-line ConditionalExpression: without this line `null >= requiredXp` coerces null to 0 and
  // answers the same; the branch says outright what a signed-out visitor sees.
  if (userXp === null) return requiredXp > 0 ? 'locked' : 'available';
  return userXp >= requiredXp ? 'available' : 'locked';
}

/** Whether a player with `userXp` may submit to a quest whose level needs `requiredXp`. */
export function levelUnlocked(userXp: number, requiredXp: number): boolean {
  return userXp >= requiredXp;
}
