/** POST /auth/register, /auth/login, /auth/logout. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { LoginRequest, RegisterRequest, TokenResponse, UserProfile } from '../../shared/api';
import { hashPassword, verifyDummyPassword, verifyPassword } from '../auth/passwords';
import { createSession, invalidateSession } from '../auth/sessions';
import { requireUser } from '../auth/current-user';
import { immediate } from '../db/database';
import { emailTaken, findUserById, findUserByLogin, insertUser, usernameTaken } from '../db/repositories/users';
import { isValidTimezone } from '../game/calendar';
import { badRequest, conflict, tooManyRequests, unauthorized } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { clientAddress } from './client-address';
import { bearerSecurity, errors, jsonBody, jsonBodyLimit, jsonContent } from './openapi-helpers';
import { profileOf } from './profile';

const WRONG_CREDENTIALS = 'Wrong username or password.';

const register = createRoute({
  method: 'post',
  path: '/auth/register',
  tags: ['auth'],
  summary: 'Create an account',
  middleware: [jsonBodyLimit] as const,
  request: { body: jsonBody(RegisterRequest) },
  responses: { 201: jsonContent(UserProfile, 'The new profile.'), 400: errors[400], 409: errors[409], 413: errors[413], 415: errors[415] }
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with username or email; returns a bearer token',
  middleware: [jsonBodyLimit] as const,
  request: { body: jsonBody(LoginRequest) },
  responses: { 200: jsonContent(TokenResponse, 'A session token.'), 400: errors[400], 401: errors[401], 415: errors[415], 429: errors[429] }
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the session; the token stops working at once',
  security: bearerSecurity,
  middleware: [requireUser] as const,
  responses: { 204: { description: 'Signed out.' }, 401: errors[401] }
});

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(register, async (c) => {
    const { db, now } = c.get('deps');
    const body = c.req.valid('json');
    const timezone = body.timezone ?? 'UTC';
    if (!isValidTimezone(timezone)) throw badRequest(`body.timezone: "${timezone}" is not an IANA timezone name such as "Europe/Berlin" or "UTC"`, 'validation_error');
    const checkTaken = () => {
      if (usernameTaken(db, body.username)) throw conflict(`username "${body.username}" is already taken; choose another`, 'username_taken');
      if (emailTaken(db, body.email)) throw conflict(`email "${body.email}" is already registered; sign in instead`, 'email_taken');
    };
    checkTaken();
    const passwordHash = await hashPassword(body.password);
    const id = immediate(db, () => {
      checkTaken();
      return insertUser(db, { username: body.username, email: body.email, passwordHash, timezone, displayName: body.display_name ?? null, now: now().toISOString() });
    });
    return c.json(profileOf(db, findUserById(db, id)!), 201);
  });

  app.openapi(login, async (c) => {
    const { db, config, loginLimiter, now } = c.get('deps');
    const body = c.req.valid('json');
    const address = clientAddress(c);
    const nowMs = now().getTime();
    const user = findUserByLogin(db, body.username);
    const account = user ? `user:${user.id}` : `login:${body.username.toLowerCase()}`;
    const wait = loginLimiter.check(address, account, nowMs);
    if (wait > 0) throw tooManyRequests(`Too many sign-in attempts; try again in ${wait} seconds.`, wait);
    loginLimiter.recordAttempt(address, nowMs);
    const ok = user ? await verifyPassword(user.password_hash, body.password) : await verifyDummyPassword(body.password);
    if (!user || !ok) {
      loginLimiter.recordFailure(account, nowMs);
      throw unauthorized(WRONG_CREDENTIALS);
    }
    loginLimiter.recordSuccess(account);
    const session = createSession(db, user.id, config.sessionDays * 86_400_000, now());
    return c.json({ access_token: session.token, token_type: 'bearer' as const, expires_at: session.expiresAt.toISOString() }, 200);
  });

  app.openapi(logout, (c) => {
    invalidateSession(c.get('deps').db, c.get('session').id);
    return c.body(null, 204);
  });
}
