/** Every badge, earned or not, for one user (or for nobody). */
import type { Badge } from '../../shared/api';
import type { Db } from '../db/database';
import { activeBadges, findLevel, findQuest } from '../db/repositories/catalog';
import { earnedBadges } from '../db/repositories/progress';
import { conditionText } from './badge-text';

export function badgeList(db: Db, userId: number | null): Badge[] {
  const earned = userId === null ? new Map<string, string>() : earnedBadges(db, userId);
  return activeBadges(db).map((b) => ({
    id: b.id,
    name: b.name,
    description: b.description,
    icon: b.icon,
    condition: b.condition,
    condition_text: conditionText(b.condition, (id) => findQuest(db, id)?.title, (id) => findLevel(db, id)?.name),
    earned: earned.has(b.id),
    earned_at: earned.get(b.id) ?? null
  }));
}
