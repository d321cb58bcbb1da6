/**
 * Authentication middleware: `requireUser` answers 401 unless `Authorization: Bearer <token>`
 * names a live session, then puts `user` and `session` on the context; `optionalUser` does the
 * same but lets anonymous requests through. Use `c.get('user')` in handlers.
 */
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { ValidSession } from '../auth/sessions';
import { unauthorized } from './api-error';
import type { AppEnv } from './app-env';

function bearerToken(c: Context<AppEnv>): string | null | undefined {
  const h = c.req.header('authorization');
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : null;
}

function authenticate(c: Context<AppEnv>): ValidSession | null | undefined {
  const token = bearerToken(c);
  if (token === undefined) return undefined;
  if (token === null) throw unauthorized('The Authorization header must be "Bearer <token>".');
  return c.get('deps').services.accounts.authenticate(token);
}

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const s = authenticate(c);
  if (s === undefined) throw unauthorized();
  if (s === null) throw unauthorized('Your session token is invalid or expired: sign in again with POST /auth/login.');
  c.set('user', s.user);
  c.set('session', s.session);
  await next();
});

export const optionalUser = createMiddleware<AppEnv>(async (c, next) => {
  const s = authenticate(c);
  if (s === null) {
    throw unauthorized(
      'Your session token is invalid or expired: sign in again with POST /auth/login, or send no Authorization header.'
    );
  }
  if (s) {
    c.set('user', s.user);
    c.set('session', s.session);
  }
  await next();
});

/** The signed-in user, or undefined (after optionalUser). */
export function currentUser(c: Context<AppEnv>) {
  return c.get('user') as AppEnv['Variables']['user'] | undefined;
}
