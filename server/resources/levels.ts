/** GET /levels */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Level } from '../../shared/api';
import { optionalUser, currentUser } from '../auth/current-user';
import { activeLevels } from '../db/repositories/catalog';
import type { AppEnv } from '../http/app-env';
import { errors, jsonContent } from './openapi-helpers';

const list = createRoute({
  method: 'get',
  path: '/levels',
  tags: ['catalog'],
  summary: 'The course levels and the XP that unlocks each',
  middleware: [optionalUser] as const,
  responses: { 200: jsonContent(z.array(Level), 'Levels in unlock order.'), 401: errors[401] }
});

export function registerLevelRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, (c) => {
    const user = currentUser(c);
    const levels = activeLevels(c.get('deps').db).map((l) => ({
      id: l.id,
      name: l.name,
      description: l.description,
      required_xp: l.required_xp,
      unlocked: user ? user.total_xp >= l.required_xp : l.required_xp === 0
    }));
    return c.json(levels, 200);
  });
}
