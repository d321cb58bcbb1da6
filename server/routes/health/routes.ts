/** GET /health */
import { createRoute } from '@hono/zod-openapi';
import { Health } from '../../../shared/api';
import { jsonContent } from '../../http/openapi-helpers';

export const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'Liveness: database reachable, evaluator pool, queue length',
  responses: { 200: jsonContent(Health, 'The server is up.') }
});
