/** GET /badges */
import { createRoute, z } from '@hono/zod-openapi';
import { Badge } from '../../../shared/api';
import { optionalUser } from '../../http/current-user';
import { errors, jsonContent } from '../../http/openapi-helpers';

export const list = createRoute({
  method: 'get',
  path: '/badges',
  tags: ['game'],
  summary: 'Every badge, earned or not, with the date earned',
  middleware: [optionalUser] as const,
  responses: { 200: jsonContent(z.array(Badge), 'Badges in pack order.'), 401: errors[401] }
});
