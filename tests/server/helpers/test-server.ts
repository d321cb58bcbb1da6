/**
 * A real ML Quest server on a temporary SQLite file, for tests (also used by the evaluation and
 * extension tests), built by the same composition root as `npm run server`. The evaluator pool
 * is built but not started: `server.start()` starts it (the submission tests do).
 * `makeTestServer({ packDir })` copies nothing: it reads the pack in place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hc } from 'hono/client';
import type { App, AppType } from '../../../server/app';
import type { Catalog } from '../../../server/catalog/load-pack';
import { compose, type Server } from '../../../server/compose';
import { loadConfig, type Config } from '../../../server/config';
import type { Db } from '../../../server/db/database';

export const FIXTURE_PACKS = path.resolve(__dirname, '../fixtures/packs');
export const BASIC_PACK = path.join(FIXTURE_PACKS, 'basic');
export const FIXTURE_NOTEBOOKS = path.resolve(__dirname, '../fixtures/notebooks');

export interface TestServerOptions {
  packDir?: string;
  /** Extra environment variables for the config (e.g. MLQUEST_SESSION_DAYS). */
  env?: Record<string, string>;
  /** Reuse this temp folder (to "restart" on the same database file). */
  dir?: string;
  now?: () => Date;
}

export interface TestUser {
  id: number;
  username: string;
  email: string;
  password: string;
  token: string;
}

/** Hono's typed client of the app, calling it in-process (no socket). */
export type TestClient = ReturnType<typeof hc<AppType>>;

export interface TestServer {
  app: App;
  /** Everything the composition root built (services, evaluator pool, `start()`). */
  server: Server;
  client: TestClient;
  db: Db;
  catalog: Catalog;
  config: Config;
  dir: string;
  dbPath: string;
  /** Closes the database (the temp folder stays until `cleanup`). */
  close(): void;
  /** Closes and deletes the temp folder. */
  cleanup(): void;
  request(pathname: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  register(
    username?: string,
    extra?: Record<string, unknown>
  ): Promise<{ id: number; username: string; email: string; password: string }>;
  login(username: string, password: string): Promise<string>;
  registerAndLogin(username?: string, extra?: Record<string, unknown>): Promise<TestUser>;
}

let counter = 0;

export function makeTestServer(opts: TestServerOptions = {}): TestServer {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mlquest-test-'));
  const dbPath = path.join(dir, 'mlquest.db');
  const config = loadConfig({
    DATABASE_URL: `sqlite:${dbPath}`,
    MLQUEST_QUEST_PACK: opts.packDir ?? BASIC_PACK,
    MLQUEST_NOTEBOOKS: FIXTURE_NOTEBOOKS,
    MLQUEST_LOG_LEVEL: 'silent',
    MLQUEST_EVAL_WORKERS: '1',
    ...opts.env
  });
  const server = compose(config, { now: opts.now });
  const { app, db, catalog } = server;
  const client = hc<AppType>('http://mlquest.test', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init)
  });

  const request: TestServer['request'] = (pathname, init = {}) => {
    const { token, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let body = rest.body;
    if (json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(json);
    }
    return Promise.resolve(app.request(pathname, { ...rest, headers, body }));
  };

  const register: TestServer['register'] = async (username, extra = {}) => {
    const name = username ?? `player${++counter}_${process.pid}`;
    const email = `${name.toLowerCase()}@example.com`;
    const password = 'correct horse battery';
    const res = await client.auth.register.$post({ json: { username: name, email, password, ...extra } });
    if (res.status !== 201) throw new Error(`register ${name}: ${res.status} ${await res.text()}`);
    const profile = await res.json();
    return { id: profile.id, username: name, email, password };
  };

  const login: TestServer['login'] = async (username, password) => {
    const res = await client.auth.login.$post({ json: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return (await res.json()).access_token;
  };

  return {
    app,
    server,
    client,
    db,
    catalog,
    config,
    dir,
    dbPath,
    close: () => db.close(),
    cleanup: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    request,
    register,
    login,
    registerAndLogin: async (username, extra) => {
      const u = await register(username, extra);
      return { ...u, token: await login(u.username, u.password) };
    }
  };
}
