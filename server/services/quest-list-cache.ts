/**
 * GET /quests/ as ready-to-send JSON bytes, cached per player between database changes. A list
 * depends on the catalog, the player's XP, progress and today's scored submissions, and on which
 * local day it is for the player. An entry is served only while (1) the database version has not
 * moved (any write in any process drops every entry, see data-version.ts) and (2) `now` is still
 * within the player's local day the list was built for (daily limits reset at local midnight).
 */
import type { QuestSummary } from '../../shared/api';
import { VersionedCache } from '../db/data-version';
import type { Db } from '../db/database';
import { findUserById, type UserRow } from '../db/repositories/users';
import { localDaySpan } from '../rules/calendar';

interface CachedList {
  body: Uint8Array<ArrayBuffer>;
  /** The player's local day the list is valid for: [fromMs, untilMs). */
  fromMs: number;
  untilMs: number;
}

const MAX_PLAYERS = 4096;
const caches = new WeakMap<Db['sqlite'], VersionedCache<number, CachedList>>();

function cacheOf(db: Db): VersionedCache<number, CachedList> {
  let cache = caches.get(db.sqlite);
  if (!cache) {
    cache = new VersionedCache(MAX_PLAYERS);
    caches.set(db.sqlite, cache);
  }
  return cache;
}

/** The JSON body of GET /quests/ for this player at `now`, from the cache when still exact. */
export function questListJson(
  db: Db,
  user: UserRow,
  now: Date,
  build: (fresh: UserRow) => QuestSummary[]
): Uint8Array<ArrayBuffer> {
  const entries = cacheOf(db).current(db);
  const nowMs = now.getTime();
  const hit = entries.get(user.id);
  if (hit && hit.fromMs <= nowMs && nowMs < hit.untilMs) return hit.body;
  // Read the player again after the version: the row from the session lookup may predate it.
  const fresh = findUserById(db, user.id) ?? user;
  const body = Buffer.from(JSON.stringify(build(fresh)));
  const { fromMs, untilMs } = localDaySpan(fresh.timezone, now);
  entries.set(user.id, { body, fromMs, untilMs });
  return body;
}
