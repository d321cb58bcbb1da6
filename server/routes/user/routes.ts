/** GET /user/me, PATCH /user/me, GET /user/progress */
import { createRoute } from '@hono/zod-openapi';
import { Progress, UpdateProfileRequest, UserProfile } from '../../../shared/api';
import { requireUser } from '../../http/current-user';
import { bearerSecurity, errors, jsonBody, jsonBodyLimit, jsonContent } from '../../http/openapi-helpers';

export const me = createRoute({
  method: 'get',
  path: '/user/me',
  tags: ['user'],
  summary: "The caller's profile",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(UserProfile, 'The profile.'), 401: errors[401] }
});

export const patchMe = createRoute({
  method: 'patch',
  path: '/user/me',
  tags: ['user'],
  summary: 'Change email, timezone, display name or password (with the current password)',
  security: bearerSecurity,
  middleware: [requireUser, jsonBodyLimit] as const,
  request: { body: jsonBody(UpdateProfileRequest) },
  responses: {
    200: jsonContent(UserProfile, 'The updated profile.'),
    400: errors[400],
    401: errors[401],
    403: errors[403],
    409: errors[409],
    415: errors[415]
  }
});

export const progress = createRoute({
  method: 'get',
  path: '/user/progress',
  tags: ['user'],
  summary: 'Levels, quests, XP, player level, streaks, badges and the last submissions',
  security: bearerSecurity,
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(Progress, "The caller's progress."), 401: errors[401] }
});
