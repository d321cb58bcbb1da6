/** Badges as the API shows them: in the list (earned or not) and as a newly earned badge. */
import type { Badge, NewBadge } from '../../shared/api';
import type { BadgeRow } from '../db/repositories/catalog';

export function newBadgeView(b: BadgeRow, conditionText: string): NewBadge {
  return { id: b.id, name: b.name, description: b.description, icon: b.icon, condition_text: conditionText };
}

/** `earnedAt` is the date the player earned it, or undefined when not (yet) earned. */
export function badgeView(b: BadgeRow, conditionText: string, earnedAt: string | undefined): Badge {
  return {
    ...newBadgeView(b, conditionText),
    condition: b.condition,
    earned: earnedAt !== undefined,
    earned_at: earnedAt ?? null
  };
}
