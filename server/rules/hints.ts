/**
 * Which of a quest's hints a learner sees: the first from the start, one more after each failed
 * scored attempt, every hint once the quest is passed. The pack's order is the reveal order.
 */
export interface HintProgress {
  /** Scored attempts that did not pass (rejected or failed submissions are not attempts). */
  failedAttempts: number;
  passed: boolean;
}

export function revealedHints(hints: readonly string[], p: HintProgress): string[] {
  if (p.passed) return [...hints];
  return hints.slice(0, 1 + Math.max(0, p.failedAttempts));
}
