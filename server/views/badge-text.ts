/** A badge condition in words, e.g. "Complete 5 quests". */
import type { BadgeCondition } from '../../shared/api';

export function conditionText(
  c: BadgeCondition,
  questTitle?: (id: number) => string | undefined,
  levelName?: (id: number) => string | undefined
): string {
  switch (c.type) {
    case 'first_submission':
      return 'Get your first submission scored';
    case 'quests_completed':
      return c.count === 1 ? 'Complete a quest' : `Complete ${c.count} quests`;
    case 'xp':
      return `Earn ${c.xp} XP`;
    case 'streak':
      return `Submit on ${c.days} days in a row`;
    case 'perfect_score':
      return 'Reach a perfect score on a quest';
    case 'level_reached':
      return `Reach player level ${c.level}`;
    case 'quest_completed':
      return `Complete the quest "${questTitle?.(c.quest) ?? `#${c.quest}`}"`;
    case 'course_level_completed':
      return `Complete every quest of level "${levelName?.(c.level) ?? `#${c.level}`}"`;
  }
}
