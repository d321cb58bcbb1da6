/**
 * The few places where a test must look at what the server stored rather than at what it
 * answers (e.g. "only a hash of the session secret is stored"). Every such read is here, so that
 * moving the database layer means porting this one file. Each read opens its own read-only
 * connection to the SQLite file, as another process would.
 */
import Database from 'better-sqlite3';

function withReadOnly<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every stored session, each row's values as strings (whatever the columns are called). */
export function storedSessions(dbPath: string): string[][] {
  return withReadOnly(dbPath, (db) =>
    (db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[]).map((row) =>
      Object.values(row).map(String)
    )
  );
}

/** The journal mode the database file is in ("wal" when write-ahead logging is on). */
export function journalMode(dbPath: string): string {
  return withReadOnly(dbPath, (db) => String(db.pragma('journal_mode', { simple: true })));
}
