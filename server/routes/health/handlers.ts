import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import type * as routes from './routes';

export const health: RouteHandler<typeof routes.health, AppEnv> = (c) =>
  c.json(c.get('deps').services.health.health(), 200);
