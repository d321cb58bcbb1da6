/** The user profile as the API shows it. */
import type { UserProfile } from '../../shared/api';
import type { Db } from '../db/database';
import type { UserRow } from '../db/repositories/users';
import { playerLevelFormula } from '../game/formula';
import { playerLevel } from '../game/player-level';

export function profileOf(db: Db, u: UserRow): UserProfile {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    display_name: u.display_name,
    timezone: u.timezone,
    created_at: u.created_at,
    total_xp: u.total_xp,
    level: playerLevel(u.total_xp, playerLevelFormula(db))
  };
}
