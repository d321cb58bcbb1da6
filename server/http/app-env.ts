/** What the app factory is built from, and what handlers find on the Hono context. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Catalog } from '../catalog/load-pack';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { UserRow } from '../db/repositories/users';
import type { SessionRow } from '../db/repositories/sessions';
import type { LoginRateLimiter } from '../auth/login-rate-limiter';

export interface EvaluatorStatus {
  ready: number;
  busy: number;
  size: number;
}

/** Registers extra routes (e.g. the submission routes) on the app. */
export type RouteModule = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

export interface AppDeps {
  db: Db;
  catalog: Catalog;
  config: Config;
  /** Extra route modules, registered after the core routes (the evaluation engineer's submission routes). */
  routes?: RouteModule[];
  /** The evaluator pool's status for GET /health. */
  evaluatorStatus?: () => EvaluatorStatus;
  /** The clock (tests may move it). */
  now?: () => Date;
  /** Shared login limiter (created by createApp when absent). */
  loginLimiter?: LoginRateLimiter;
}

export interface ResolvedDeps extends AppDeps {
  now: () => Date;
  loginLimiter: LoginRateLimiter;
}

export interface AppEnv {
  Variables: {
    deps: ResolvedDeps;
    user: UserRow;
    session: SessionRow;
  };
}
