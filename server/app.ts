/**
 * The app factory: one place for the error handler, the not-found/405 reply, the validation
 * hook, CORS, body limits, the core routes, extra route modules and the OpenAPI document.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { ApiError, errorBody } from './http/api-error';
import type { AppDeps, AppEnv, ResolvedDeps } from './http/app-env';
import { registerDocsRoutes } from './http/docs-page';
import { allowedMethods } from './http/method-not-allowed';
import { validationHook } from './http/validation-hook';
import { registerAuthRoutes } from './resources/auth';
import { registerBadgeRoutes } from './resources/badges';
import { registerHealthRoutes } from './resources/health';
import { registerLeaderboardRoutes } from './resources/leaderboard';
import { registerLevelRoutes } from './resources/levels';
import { registerQuestRoutes } from './resources/quests';
import { registerUserRoutes } from './resources/user';
import { SERVER_VERSION } from './version';

export type App = OpenAPIHono<AppEnv>;

export function resolveDeps(deps: AppDeps): ResolvedDeps {
  return {
    ...deps,
    now: deps.now ?? (() => new Date()),
    loginLimiter:
      deps.loginLimiter ??
      new LoginRateLimiter({
        maxPerAddress: deps.config.loginMaxAttemptsPerAddress,
        maxFailuresPerAccount: deps.config.loginMaxFailuresPerAccount,
        windowMs: deps.config.loginWindowS * 1000
      })
  };
}

function httpExceptionCode(e: HTTPException): { code: string; message: string } {
  if (e.status === 415) return { code: 'unsupported_media_type', message: 'Send the body as JSON with "Content-Type: application/json".' };
  if (e.status === 413) return { code: 'payload_too_large', message: e.message };
  if (e.message.startsWith('Malformed JSON')) return { code: 'malformed_json', message: 'The request body is not valid JSON: check quotes, commas and braces.' };
  return { code: e.status === 400 ? 'bad_request' : 'http_error', message: e.message || 'Bad request.' };
}

export function createApp(deps: AppDeps): App {
  const resolved = resolveDeps(deps);
  const app = new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(err.code, err.message), err.status);
    }
    if (err instanceof HTTPException) {
      const { code, message } = httpExceptionCode(err);
      const status = (err.status >= 400 && err.status < 500 ? err.status : 400) as ContentfulStatusCode;
      return c.json(errorBody(code, message), status);
    }
    if (resolved.config.logLevel !== 'silent') console.error(`[mlquest] ${c.req.method} ${c.req.path}:`, err);
    return c.json(errorBody('internal_error', 'Something went wrong on the server; try again, and tell the instructor if it persists.'), 500);
  });

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '));
      return c.json(errorBody('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}.`), 405);
    }
    return c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}; see /docs for the API.`), 404);
  });

  app.use('*', async (c, next) => {
    c.set('deps', resolved);
    await next();
  });
  const corsOrigin = resolved.config.corsOrigins.includes('*') ? '*' : resolved.config.corsOrigins;
  const preflight = cors({
    origin: corsOrigin,
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600
  });
  // Other requests get the same CORS headers, set after the handler: hono's cors() touches c.res
  // before it, which makes every reply be rebuilt and streamed (a fifth of a GET's CPU).
  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const origin = c.req.header('origin') ?? '';
    const allowed = corsOrigin === '*' ? '*' : corsOrigin.includes(origin) ? origin : null;
    const headers = c.res.headers;
    if (allowed) headers.set('Access-Control-Allow-Origin', allowed);
    headers.set('Access-Control-Expose-Headers', 'Retry-After');
    if (corsOrigin !== '*') headers.append('Vary', 'Origin');
  });
  const maxBytes = (resolved.config.maxModelMb + 1) * 1024 * 1024;
  const limitBody = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(errorBody('payload_too_large', `The request body is over ${resolved.config.maxModelMb + 1} MB.`), 413)
  });
  // GET/HEAD carry no body; asking for one makes @hono/node-server build a full Request per call.
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  registerHealthRoutes(app);
  registerAuthRoutes(app);
  registerUserRoutes(app);
  registerLevelRoutes(app);
  registerQuestRoutes(app);
  registerBadgeRoutes(app);
  registerLeaderboardRoutes(app);
  for (const register of deps.routes ?? []) register(app, resolved);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'The access_token from POST /auth/login.' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'ML Quest API', version: SERVER_VERSION, description: 'Accounts, quest catalog, submissions, XP, levels, streaks, badges and leaderboards.' }
  });
  registerDocsRoutes(app, '/openapi.json', 'ML Quest API');
  return app;
}
