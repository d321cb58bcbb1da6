/** The course levels that an XP gain unlocks: required XP above the total before, at most the total after. */
export interface CourseLevel {
  id: number;
  name: string;
  required_xp: number;
}

export function newlyUnlockedLevels(
  levels: readonly CourseLevel[],
  xpBefore: number,
  xpAfter: number
): { id: number; name: string }[] {
  return levels
    .filter((l) => l.required_xp > xpBefore && l.required_xp <= xpAfter)
    .sort((a, b) => a.required_xp - b.required_xp || a.id - b.id)
    .map((l) => ({ id: l.id, name: l.name }));
}
