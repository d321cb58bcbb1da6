/**
 * A token that changes whenever the database may have changed: any write on this connection
 * (`total_changes()`) or a commit by any other connection, in this process or another one
 * (`PRAGMA data_version`). Read caches compare it before serving a cached value, so they are
 * exactly as fresh as the database. Read the token BEFORE reading the rows that are cached
 * under it: a commit in between then only makes the next request read again.
 */
import type { Db } from './database';
import { stmt } from './statements';

export function databaseVersion(db: Db): string {
  const v = stmt(db, 'SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS d').get() as {
    t: number;
    d: number;
  };
  return `${v.t}:${v.d}`;
}

/**
 * A bounded map whose entries are all dropped when the database version moves. `entries(db)`
 * reads the version once and returns the map that is valid for it.
 */
export class VersionedCache<K, V> {
  private version = '';
  private readonly map = new Map<K, V>();

  constructor(private readonly maxEntries: number) {}

  /** The entries valid at the database's current version (emptied when it moved). */
  current(db: Db): { get(key: K): V | undefined; set(key: K, value: V): void } {
    const version = databaseVersion(db);
    if (version !== this.version) {
      this.map.clear();
      this.version = version;
    }
    return {
      get: (key) => (this.version === version ? this.map.get(key) : undefined),
      set: (key, value) => {
        if (this.version !== version) return; // the database moved while the value was built
        if (this.map.size >= this.maxEntries && !this.map.has(key)) {
          const oldest = this.map.keys().next();
          if (!oldest.done) this.map.delete(oldest.value);
        }
        this.map.set(key, value);
      }
    };
  }
}
