/**
 * Opening the SQLite database: pragmas (WAL, busy_timeout, foreign keys), the drizzle handle,
 * committed migrations, and the one way to run a write transaction (`immediate`).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Db {
  /** The raw better-sqlite3 connection (prepared statements, transactions). */
  sqlite: BetterSqlite3.Database;
  /** The drizzle handle over the same connection. */
  orm: Orm;
  path: string;
  close(): void;
}

/** Opens (creating the folder if needed) a SQLite file with the project's pragmas. */
export function openDatabase(filePath: string): Db {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const sqlite = new BetterSqlite3(filePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const orm = drizzle(sqlite, { schema });
  return {
    sqlite,
    orm,
    path: filePath,
    close: () => {
      if (sqlite.open) sqlite.close();
    }
  };
}

/** Folder of the committed SQL migrations, from source (ts-jest/tsx) or from lib/ (compiled). */
export function migrationsFolder(): string {
  const candidates = [path.join(__dirname, 'migrations'), path.resolve(__dirname, '../../../server/db/migrations')];
  for (const c of candidates) {
    if (fs.existsSync(path.join(c, 'meta', '_journal.json'))) return c;
  }
  throw new Error(`SQL migrations not found (looked in ${candidates.join(', ')})`);
}

/** Applies every committed migration not yet applied. Idempotent. */
export function migrateDatabase(db: Db): void {
  migrate(db.orm, { migrationsFolder: migrationsFolder() });
}

/**
 * Runs `fn` in a synchronous BEGIN IMMEDIATE transaction, or directly when the connection is
 * already inside a transaction (so services can be called from a caller's open transaction).
 * `fn` must be synchronous: an async callback would run outside the transaction.
 */
export function immediate<T>(db: Db, fn: () => T): T {
  if (db.sqlite.inTransaction) return fn();
  return db.sqlite.transaction(fn).immediate();
}

export { schema };

/** Throws when the database cannot answer a trivial query (for GET /health). */
export function pingDatabase(db: Db): void {
  db.sqlite.prepare('SELECT 1').get();
}
