/**
 * The catalog check: refuses a pack in which a level cannot be unlocked or a badge cannot be
 * earned with the XP and quests the pack offers. Returns every problem found, in words.
 */
import type { QuestPack } from './pack-types';
import { playerLevel } from '../rules/player-level';

export interface Reachability {
  reachableLevels: Set<number>;
  maxXp: number;
  reachableQuests: number;
}

/** Unlocks levels in order of required XP while the XP of unlocked quests allows. */
export function reachability(pack: QuestPack): Reachability {
  const reachableLevels = new Set<number>();
  let xp = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const level of pack.levels) {
      if (!reachableLevels.has(level.id) && level.required_xp <= xp) {
        reachableLevels.add(level.id);
        xp += pack.quests.filter((q) => q.level === level.id).reduce((s, q) => s + q.xp_reward, 0);
        changed = true;
      }
    }
  }
  const reachableQuests = pack.quests.filter((q) => reachableLevels.has(q.level)).length;
  return { reachableLevels, maxXp: xp, reachableQuests };
}

export function catalogProblems(pack: QuestPack): string[] {
  const problems: string[] = [];
  const r = reachability(pack);
  for (const level of pack.levels) {
    if (!r.reachableLevels.has(level.id)) {
      problems.push(
        `pack.json: levels[id=${level.id}] "${level.name}" needs required_xp ${level.required_xp} but the quests of the levels that can be unlocked offer only ${r.maxXp} XP`
      );
    }
  }
  const maxLevel = playerLevel(r.maxXp, pack.player_level);
  for (const b of pack.badges) {
    const where = `pack.json: badges[id=${b.id}].condition`;
    const c = b.condition;
    switch (c.type) {
      case 'xp':
        if (c.xp > r.maxXp)
          problems.push(`${where}: asks for ${c.xp} XP but the pack offers only ${r.maxXp} XP in total`);
        break;
      case 'quests_completed':
        if (c.count > r.reachableQuests)
          problems.push(
            `${where}: asks for ${c.count} completed quests but only ${r.reachableQuests} quests can be completed`
          );
        break;
      case 'level_reached':
        if (c.level > maxLevel)
          problems.push(
            `${where}: asks for player level ${c.level} but ${r.maxXp} XP (all the pack offers) reaches only level ${maxLevel}`
          );
        break;
      case 'quest_completed': {
        const q = pack.quests.find((x) => x.id === c.quest);
        if (!q) problems.push(`${where}: quest ${c.quest} does not exist`);
        else if (!r.reachableLevels.has(q.level))
          problems.push(`${where}: quest ${c.quest} is in level ${q.level}, which cannot be unlocked`);
        break;
      }
      case 'course_level_completed': {
        const n = pack.quests.filter((q) => q.level === c.level).length;
        if (!pack.levels.some((l) => l.id === c.level)) problems.push(`${where}: level ${c.level} does not exist`);
        else if (n === 0) problems.push(`${where}: level ${c.level} has no quests to complete`);
        else if (!r.reachableLevels.has(c.level)) problems.push(`${where}: level ${c.level} cannot be unlocked`);
        break;
      }
      case 'perfect_score':
        if (r.reachableQuests === 0) problems.push(`${where}: no quest can be attempted`);
        break;
      case 'first_submission':
      case 'streak':
        if (r.reachableQuests === 0) problems.push(`${where}: no quest can be attempted`);
        break;
    }
  }
  return problems;
}
