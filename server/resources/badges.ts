/** GET /badges */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Badge } from '../../shared/api';
import { currentUser, optionalUser } from '../auth/current-user';
import { badgeList } from '../game/badge-views';
import type { AppEnv } from '../http/app-env';
import { errors, jsonContent } from './openapi-helpers';

const list = createRoute({
  method: 'get',
  path: '/badges',
  tags: ['game'],
  summary: 'Every badge, earned or not, with the date earned',
  middleware: [optionalUser] as const,
  responses: { 200: jsonContent(z.array(Badge), 'Badges in pack order.'), 401: errors[401] }
});

export function registerBadgeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, (c) => c.json(badgeList(c.get('deps').db, currentUser(c)?.id ?? null), 200));
}
