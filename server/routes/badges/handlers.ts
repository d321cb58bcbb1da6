import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import { currentUser } from '../../http/current-user';
import type * as routes from './routes';

export const list: RouteHandler<typeof routes.list, AppEnv> = (c) =>
  c.json(c.get('deps').services.progress.badges(currentUser(c)?.id ?? null), 200);
