/** GET /health */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { Health } from '../../shared/api';
import { countUnfinishedSubmissions } from '../db/repositories/submissions-read';
import type { AppEnv } from '../http/app-env';
import { SERVER_VERSION } from '../version';
import { jsonContent } from './openapi-helpers';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  summary: 'Liveness: database reachable, evaluator pool, queue length',
  responses: { 200: jsonContent(Health, 'The server is up.') }
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(health, (c) => {
    const { db, evaluatorStatus } = c.get('deps');
    db.sqlite.prepare('SELECT 1').get();
    return c.json(
      {
        status: 'ok' as const,
        version: SERVER_VERSION,
        database: 'ok' as const,
        evaluators: evaluatorStatus ? evaluatorStatus() : { ready: 0, busy: 0, size: 0 },
        queued_submissions: countUnfinishedSubmissions(db)
      },
      200
    );
  });
}
