/** The user profile as the API shows it. */
import type { UserProfile } from '../../shared/api';
import type { PlayerLevelFormula } from '../catalog/pack-types';
import type { UserRow } from '../db/repositories/users';
import { playerLevel } from '../rules/player-level';

export function profileView(u: UserRow, formula: PlayerLevelFormula): UserProfile {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    display_name: u.display_name,
    timezone: u.timezone,
    created_at: u.created_at,
    total_xp: u.total_xp,
    level: playerLevel(u.total_xp, formula)
  };
}
