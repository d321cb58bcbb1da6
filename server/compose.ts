/**
 * The composition root: builds every part of the server once, in order, from a Config —
 * configuration → database (migrated) → catalog (loaded, synced) → evaluator pool → services →
 * app. `server/main.ts`, the tests' servers and the benchmark all build the server here.
 * Nothing is built lazily; `start()` then starts the evaluators and resumes unfinished work.
 */
import { createApp, type App } from './app';
import { loadCatalog, type Catalog } from './catalog/load-pack';
import { syncCatalog } from './catalog/sync-catalog';
import type { Config } from './config';
import { migrateDatabase, openDatabase, type Db } from './db/database';
import { deleteExpiredSessions } from './db/repositories/sessions';
import { EvaluatorPool } from './evaluation/evaluator-pool';
import { createServices, type Services } from './services';

export interface ComposeOptions {
  /** The clock (tests may move it). */
  now?: () => Date;
}

export interface Server {
  config: Config;
  db: Db;
  catalog: Catalog;
  pool: EvaluatorPool;
  services: Services;
  app: App;
  /** Starts the evaluator processes and evaluates again what a crash left unfinished; returns those ids. */
  start(): number[];
  /** Stops the evaluators and closes the database. */
  close(): Promise<void>;
}

/** Builds the server. Throws PackError on a bad quest pack (after closing what it opened). */
export function compose(config: Config, options: ComposeOptions = {}): Server {
  const now = options.now ?? (() => new Date());
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
  const pool = new EvaluatorPool({
    size: config.evalWorkers,
    timeoutMs: config.evalTimeoutS * 1000,
    memoryMb: config.evalMemoryMb,
    autoStart: false
  });
  const log = config.logLevel === 'silent' ? undefined : (m: string) => console.error(`[mlquest] ${m}`);
  const services = createServices({ db, catalog, config, now }, pool, log);
  const app = createApp({ config, services });
  return {
    config,
    db,
    catalog,
    pool,
    services,
    app,
    start: () => {
      pool.start();
      return services.submissions.resumeUnfinished();
    },
    close: async () => {
      await pool.close();
      db.close();
    }
  };
}
