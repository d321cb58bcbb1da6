/**
 * The app factory: one place for the error handler, the not-found/405 reply, CORS, body limits,
 * the route modules (one per resource, under server/routes/) and the OpenAPI document. It is
 * handed ready services by the composition root (server/compose.ts) and builds nothing else.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { errorBody } from './http/api-error';
import type { AppDeps, AppEnv } from './http/app-env';
import { registerDocsRoutes } from './http/docs-page';
import { errorReply } from './http/error-reply';
import { allowedMethods } from './http/method-not-allowed';
import { validationHook } from './http/validation-hook';
import { authRoutes } from './routes/auth';
import { badgeRoutes } from './routes/badges';
import { healthRoutes } from './routes/health';
import { leaderboardRoutes } from './routes/leaderboard';
import { levelRoutes } from './routes/levels';
import { questRoutes } from './routes/quests';
import { submissionRoutes } from './routes/submissions';
import { userRoutes } from './routes/user';
import { SERVER_VERSION } from './version';

function appMiddleware(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { config } = deps;
  app.onError((err, c) => errorReply(err, c, config.logLevel !== 'silent'));

  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '));
      const message = `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}.`;
      return c.json(errorBody('method_not_allowed', message), 405);
    }
    return c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}; see /docs for the API.`), 404);
  });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  const corsOrigin = config.corsOrigins.includes('*') ? '*' : config.corsOrigins;
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
  const maxBytes = (config.maxModelMb + 1) * 1024 * 1024;
  const limitBody = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(errorBody('payload_too_large', `The request body is over ${config.maxModelMb + 1} MB.`), 413)
  });
  // GET/HEAD carry no body; asking for one makes @hono/node-server build a full Request per call.
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });
  appMiddleware(app, deps);
  const routed = app
    .route('/', healthRoutes())
    .route('/', authRoutes())
    .route('/', userRoutes())
    .route('/', levelRoutes())
    .route('/', questRoutes())
    .route('/', badgeRoutes())
    .route('/', leaderboardRoutes())
    .route('/', submissionRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The access_token from POST /auth/login.'
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ML Quest API',
      version: SERVER_VERSION,
      description: 'Accounts, quest catalog, submissions, XP, levels, streaks, badges and leaderboards.'
    }
  });
  registerDocsRoutes(app, '/openapi.json', 'ML Quest API');
  return routed;
}

export type App = ReturnType<typeof createApp>;
/** The API's routes and their typed replies, for Hono's typed client (`hc<AppType>` from `hono/client`). */
export type AppType = App;
