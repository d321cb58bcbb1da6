/**
 * The course as the learner walks it: chapters (the API's course levels) in the order they
 * unlock, each quest numbered by its place on that path ("Quest 3" is the third quest the
 * learner meets, whatever its id in the pack). Pure; the sidebar, the course map, the submit
 * dialog and the notebook toolbar all number quests from here.
 */
import type { Progress, QuestSummary } from '../shared/api';

export interface IPathQuest {
  /** 1-based place on the course path. */
  number: number;
  quest: QuestSummary;
}

export interface IChapter {
  /** 1-based place among the chapters. */
  number: number;
  id: number;
  name: string;
  requiredXp: number;
  unlocked: boolean;
  questsCompleted: number;
  quests: IPathQuest[];
}

export function coursePath(levels: Progress['levels'], quests: QuestSummary[]): IChapter[] {
  const ordered = [...levels].sort((a, b) => a.required_xp - b.required_xp || a.id - b.id);
  let number = 0;
  return ordered.map((level, index) => {
    const own = quests.filter((q) => q.level === level.id).map((quest) => ({ number: ++number, quest }));
    return {
      number: index + 1,
      id: level.id,
      name: level.name,
      requiredXp: level.required_xp,
      unlocked: level.unlocked,
      questsCompleted: own.filter((q) => q.quest.status === 'completed').length,
      quests: own
    };
  });
}

/** The first chapter still locked, and the XP the learner still needs for it; null when all are open. */
export function nextChapter(chapters: IChapter[], totalXp: number): { chapter: IChapter; xpNeeded: number } | null {
  const chapter = chapters.find((c) => !c.unlocked);
  return chapter ? { chapter, xpNeeded: Math.max(0, chapter.requiredXp - totalXp) } : null;
}

/** A quest's place on the path, by quest id. */
export function questNumbers(chapters: IChapter[]): Map<number, number> {
  return new Map(chapters.flatMap((c) => c.quests.map((q) => [q.quest.id, q.number] as [number, number])));
}

/** Chapters unlocked in `after` that were locked in `before` (by id), in path order. */
export function newlyUnlocked(before: IChapter[], after: IChapter[]): IChapter[] {
  const wasOpen = new Map(before.map((c) => [c.id, c.unlocked]));
  return after.filter((c) => c.unlocked && wasOpen.get(c.id) === false);
}
