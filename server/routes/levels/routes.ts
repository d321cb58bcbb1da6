/** GET /levels */
import { createRoute, z } from '@hono/zod-openapi';
import { Level } from '../../../shared/api';
import { optionalUser } from '../../http/current-user';
import { errors, jsonContent } from '../../http/openapi-helpers';

export const list = createRoute({
  method: 'get',
  path: '/levels',
  tags: ['catalog'],
  summary: 'The course levels and the XP that unlocks each',
  middleware: [optionalUser] as const,
  responses: { 200: jsonContent(z.array(Level), 'Levels in unlock order.'), 401: errors[401] }
});
