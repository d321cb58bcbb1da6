/** Player level from total XP, by the pack's formula (default: floor(sqrt(xp / 100)) + 1). */
import type { PlayerLevelFormula } from '../catalog/pack-types';

export const DEFAULT_PLAYER_LEVEL: PlayerLevelFormula = { formula: 'sqrt', xp_per_level: 100 };

/** Total XP at which player level `level` begins (level 1 begins at 0). */
export function levelStartXp(level: number, f: PlayerLevelFormula = DEFAULT_PLAYER_LEVEL): number {
  if (level <= 1) return 0;
  const n = level - 1;
  return Math.ceil(f.formula === 'sqrt' ? n * n * f.xp_per_level : n * f.xp_per_level);
}

export function playerLevel(xp: number, f: PlayerLevelFormula = DEFAULT_PLAYER_LEVEL): number {
  const x = Math.max(0, xp);
  let level = Math.floor(f.formula === 'sqrt' ? Math.sqrt(x / f.xp_per_level) : x / f.xp_per_level) + 1;
  // Correct floating-point rounding at exact boundaries.
  while (level > 1 && levelStartXp(level, f) > x) level--;
  while (levelStartXp(level + 1, f) <= x) level++;
  return level;
}

export interface LevelInfo {
  level: number;
  level_xp: number;
  next_level_xp: number;
  xp_to_next_level: number;
}

export function levelInfo(xp: number, f: PlayerLevelFormula = DEFAULT_PLAYER_LEVEL): LevelInfo {
  const level = playerLevel(xp, f);
  const next = levelStartXp(level + 1, f);
  return { level, level_xp: levelStartXp(level, f), next_level_xp: next, xp_to_next_level: Math.max(0, next - xp) };
}
