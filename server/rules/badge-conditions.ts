/** Whether a badge's condition holds for a player's facts at the moment a submission is scored. */
import type { BadgeCondition } from '../../shared/api';

export interface BadgeFacts {
  /** Quests the player has completed (after this submission). */
  completed: ReadonlySet<number>;
  totalXp: number;
  level: number;
  streak: number;
  /** Whether this submission reached the metric's perfect value. */
  perfect: boolean;
  /** The active quests of a course level. */
  questsOfLevel: (levelId: number) => number[];
}

export function badgeConditionHolds(c: BadgeCondition, f: BadgeFacts): boolean {
  switch (c.type) {
    case 'first_submission':
      return true;
    case 'quests_completed':
      return f.completed.size >= c.count;
    case 'xp':
      return f.totalXp >= c.xp;
    case 'streak':
      return f.streak >= c.days;
    case 'perfect_score':
      return f.perfect;
    case 'level_reached':
      return f.level >= c.level;
    case 'quest_completed':
      return f.completed.has(c.quest);
    case 'course_level_completed': {
      const inLevel = f.questsOfLevel(c.level);
      return inLevel.length > 0 && inLevel.every((q) => f.completed.has(q));
    }
  }
}
