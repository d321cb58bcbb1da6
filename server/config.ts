/**
 * Server configuration: read from environment variables once, validated with zod. A bad value
 * stops start-up with a message naming the variable (see `loadConfigOrExit`).
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

function intVar(name: string, def: number, min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return def;
      const n = Number(v.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be an integer from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });
}

function strVar(def: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? def : v.trim()));
}

const EnvSchema = z.object({
  PORT: intVar('PORT', 8000, 0, 65535),
  HOST: strVar('127.0.0.1'),
  DATABASE_URL: strVar('sqlite:./data/mlquest.db').transform((v, ctx) => {
    const m = /^sqlite:(.+)$/.exec(v);
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: `DATABASE_URL must look like "sqlite:PATH" (e.g. sqlite:./data/mlquest.db), got "${v}"`
      });
      return z.NEVER;
    }
    return m[1].replace(/^\/\/(?=\/)/, '');
  }),
  MLQUEST_QUEST_PACK: strVar('./datasets'),
  MLQUEST_NOTEBOOKS: strVar('./notebooks'),
  MLQUEST_CORS_ORIGINS: strVar('http://localhost:8888,http://127.0.0.1:8888').transform((v, ctx) => {
    const origins = v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    for (const o of origins) {
      if (o === '*') continue;
      if (!/^https?:\/\/[^/\s]+$/.test(o)) {
        ctx.addIssue({
          code: 'custom',
          message: `MLQUEST_CORS_ORIGINS: "${o}" is not an origin like http://localhost:8888 (scheme and host, no path)`
        });
        return z.NEVER;
      }
    }
    return origins;
  }),
  MLQUEST_SESSION_DAYS: intVar('MLQUEST_SESSION_DAYS', 30, 1, 3650),
  MLQUEST_MAX_MODEL_MB: intVar('MLQUEST_MAX_MODEL_MB', 50, 1, 2048),
  MLQUEST_EVAL_WORKERS: intVar('MLQUEST_EVAL_WORKERS', Math.max(1, os.cpus().length), 1, 256),
  MLQUEST_EVAL_TIMEOUT_S: intVar('MLQUEST_EVAL_TIMEOUT_S', 10, 1, 3600),
  MLQUEST_EVAL_MEMORY_MB: intVar('MLQUEST_EVAL_MEMORY_MB', 1024, 64, 65536),
  MLQUEST_SUBMIT_WAIT_S: intVar('MLQUEST_SUBMIT_WAIT_S', 10, 0, 600),
  MLQUEST_LOG_LEVEL: strVar('info').pipe(
    z.enum(LOG_LEVELS, { message: `MLQUEST_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  ),
  MLQUEST_LOGIN_MAX_FAILURES_PER_ACCOUNT: intVar('MLQUEST_LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 1, 100000),
  MLQUEST_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: intVar('MLQUEST_LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 30, 1, 100000),
  MLQUEST_LOGIN_WINDOW_S: intVar('MLQUEST_LOGIN_WINDOW_S', 900, 1, 86400),
  MLQUEST_TRUST_PROXY: strVar('false').pipe(
    z.enum(['true', 'false', '1', '0'], { message: 'MLQUEST_TRUST_PROXY must be true or false' })
  )
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** File path of the SQLite database (from DATABASE_URL=sqlite:PATH), or ":memory:". */
  databasePath: string;
  questPackDir: string;
  notebooksDir: string;
  corsOrigins: string[];
  sessionDays: number;
  maxModelMb: number;
  evalWorkers: number;
  evalTimeoutS: number;
  evalMemoryMb: number;
  submitWaitS: number;
  logLevel: LogLevel;
  loginMaxFailuresPerAccount: number;
  loginMaxAttemptsPerAddress: number;
  loginWindowS: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment into a Config; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      return i.message.includes(name) ? i.message : `${name}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dbPath = e.DATABASE_URL === ':memory:' ? ':memory:' : path.resolve(cwd, e.DATABASE_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: dbPath,
    questPackDir: path.resolve(cwd, e.MLQUEST_QUEST_PACK),
    notebooksDir: path.resolve(cwd, e.MLQUEST_NOTEBOOKS),
    corsOrigins: e.MLQUEST_CORS_ORIGINS,
    sessionDays: e.MLQUEST_SESSION_DAYS,
    maxModelMb: e.MLQUEST_MAX_MODEL_MB,
    evalWorkers: e.MLQUEST_EVAL_WORKERS,
    evalTimeoutS: e.MLQUEST_EVAL_TIMEOUT_S,
    evalMemoryMb: e.MLQUEST_EVAL_MEMORY_MB,
    submitWaitS: e.MLQUEST_SUBMIT_WAIT_S,
    logLevel: e.MLQUEST_LOG_LEVEL,
    loginMaxFailuresPerAccount: e.MLQUEST_LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxAttemptsPerAddress: e.MLQUEST_LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    loginWindowS: e.MLQUEST_LOGIN_WINDOW_S,
    trustProxy: e.MLQUEST_TRUST_PROXY === 'true' || e.MLQUEST_TRUST_PROXY === '1'
  };
}

/** For main.ts: the config, or a message on stderr and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
