/** The player-level formula of the synced pack (stored in the meta table). */
import type { PlayerLevelFormula } from '../catalog/pack-types';
import { META_PLAYER_LEVEL } from '../catalog/sync-catalog';
import type { Db } from '../db/database';
import { getMeta } from '../db/repositories/catalog';
import { DEFAULT_PLAYER_LEVEL } from '../rules/player-level';

export function playerLevelFormula(db: Db): PlayerLevelFormula {
  const raw = getMeta(db, META_PLAYER_LEVEL);
  return raw ? (JSON.parse(raw) as PlayerLevelFormula) : DEFAULT_PLAYER_LEVEL;
}
