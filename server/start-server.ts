/** Builds everything the server needs from a Config: database (migrated), catalog (synced), app. */
import { createApp, type App } from './app';
import { loadCatalog, type Catalog } from './catalog/load-pack';
import { syncCatalog } from './catalog/sync-catalog';
import type { Config } from './config';
import { migrateDatabase, openDatabase, type Db } from './db/database';
import { deleteExpiredSessions } from './db/repositories/sessions';
import type { AppDeps } from './http/app-env';

export interface ServerParts {
  db: Db;
  catalog: Catalog;
  app: App;
}

/** Opens and migrates the database, loads and syncs the pack, builds the app. Throws PackError on a bad pack. */
export function buildServer(config: Config, extra: Omit<AppDeps, 'db' | 'catalog' | 'config'> = {}): ServerParts {
  const catalog = loadCatalog(config.questPackDir);
  const db = openDatabase(config.databasePath);
  try {
    migrateDatabase(db);
    syncCatalog(db, catalog.pack);
    deleteExpiredSessions(db, Date.now());
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, catalog, app: createApp({ db, catalog, config, ...extra }) };
}
