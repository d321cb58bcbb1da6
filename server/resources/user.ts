/** GET /user/me, PATCH /user/me, GET /user/progress */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { Progress, UpdateProfileRequest, UserProfile } from '../../shared/api';
import { requireUser } from '../auth/current-user';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { immediate } from '../db/database';
import { deleteUserSessionsExcept } from '../db/repositories/sessions';
import { emailTaken, findUserById, updateProfile, type ProfileChanges } from '../db/repositories/users';
import { isValidTimezone } from '../game/calendar';
import { progressView } from '../game/progress-view';
import { ApiError, badRequest, conflict } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { bearerSecurity, errors, jsonBody, jsonBodyLimit, jsonContent } from './openapi-helpers';
import { profileOf } from './profile';

const me = createRoute({
  method: 'get',
  path: '/user/me',
  tags: ['user'],
  summary: 'The caller\'s profile',
  security: bearerSecurity,
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(UserProfile, 'The profile.'), 401: errors[401] }
});

const patchMe = createRoute({
  method: 'patch',
  path: '/user/me',
  tags: ['user'],
  summary: 'Change email, timezone, display name or password (with the current password)',
  security: bearerSecurity,
  middleware: [requireUser, jsonBodyLimit] as const,
  request: { body: jsonBody(UpdateProfileRequest) },
  responses: { 200: jsonContent(UserProfile, 'The updated profile.'), 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409], 415: errors[415] }
});

const progress = createRoute({
  method: 'get',
  path: '/user/progress',
  tags: ['user'],
  summary: 'Levels, quests, XP, player level, streaks, badges and the last submissions',
  security: bearerSecurity,
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(Progress, 'The caller\'s progress.'), 401: errors[401] }
});

export function registerUserRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(me, (c) => c.json(profileOf(c.get('deps').db, c.get('user')), 200));

  app.openapi(patchMe, async (c) => {
    const { db } = c.get('deps');
    const user = c.get('user');
    const body = c.req.valid('json');
    if (Object.keys(body).length === 0) throw badRequest('Nothing to change: send at least one of email, timezone, display_name, new_password.', 'validation_error');
    const changes: ProfileChanges = {};
    if (body.timezone !== undefined) {
      if (!isValidTimezone(body.timezone)) throw badRequest(`body.timezone: "${body.timezone}" is not an IANA timezone name such as "Europe/Berlin" or "UTC"`, 'validation_error');
      changes.timezone = body.timezone;
    }
    if (body.display_name !== undefined) changes.displayName = body.display_name;
    if (body.email !== undefined && body.email.toLowerCase() !== user.email.toLowerCase()) {
      if (emailTaken(db, body.email, user.id)) throw conflict(`email "${body.email}" is already registered to another account`, 'email_taken');
      changes.email = body.email;
    } else if (body.email !== undefined) {
      changes.email = body.email;
    }
    if (body.current_password !== undefined && body.new_password === undefined) throw badRequest('body.new_password: required when current_password is sent', 'validation_error');
    if (body.new_password !== undefined) {
      if (body.current_password === undefined) throw badRequest('body.current_password: required to change the password', 'validation_error');
      if (!(await verifyPassword(user.password_hash, body.current_password))) throw new ApiError(403, 'wrong_password', 'current_password is not your current password; the password was not changed.');
      changes.passwordHash = await hashPassword(body.new_password);
    }
    immediate(db, () => {
      if (changes.email !== undefined && emailTaken(db, changes.email, user.id)) throw conflict(`email "${changes.email}" is already registered to another account`, 'email_taken');
      updateProfile(db, user.id, changes);
      if (changes.passwordHash !== undefined) deleteUserSessionsExcept(db, user.id, c.get('session').id);
    });
    return c.json(profileOf(db, findUserById(db, user.id)!), 200);
  });

  app.openapi(progress, (c) => {
    const { db, now } = c.get('deps');
    return c.json(progressView(db, c.get('user'), now()), 200);
  });
}
