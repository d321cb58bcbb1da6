/** Prepared-statement cache per connection (repositories call `stmt(db, sql)`). */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './database';

const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function stmt(db: Db, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(db.sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(db.sqlite, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.sqlite.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
