import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import type * as routes from './routes';

export const me: RouteHandler<typeof routes.me, AppEnv> = (c) =>
  c.json(c.get('deps').services.accounts.profile(c.get('user')), 200);

export const patchMe: RouteHandler<typeof routes.patchMe, AppEnv> = async (c) => {
  const { accounts } = c.get('deps').services;
  return c.json(await accounts.updateProfile(c.get('user'), c.get('session').id, c.req.valid('json')), 200);
};

export const progress: RouteHandler<typeof routes.progress, AppEnv> = (c) =>
  c.json(c.get('deps').services.progress.progress(c.get('user')), 200);
