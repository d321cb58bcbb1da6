import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import { currentUser } from '../../http/current-user';
import type * as routes from './routes';

export const overall: RouteHandler<typeof routes.overall, AppEnv> = (c) => {
  const { limit, offset } = c.req.valid('query');
  return c.json(c.get('deps').services.leaderboard.overall(currentUser(c)?.id ?? null, limit, offset), 200);
};

export const perQuest: RouteHandler<typeof routes.perQuest, AppEnv> = (c) => {
  const { limit, offset } = c.req.valid('query');
  const { id } = c.req.valid('param');
  return c.json(c.get('deps').services.leaderboard.quest(id, currentUser(c)?.id ?? null, limit, offset), 200);
};
