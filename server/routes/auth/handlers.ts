import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import type * as routes from './routes';

export const register: RouteHandler<typeof routes.register, AppEnv> = async (c) =>
  c.json(await c.get('deps').services.accounts.register(c.req.valid('json')), 201);

export const login: RouteHandler<typeof routes.login, AppEnv> = async (c) => {
  const { username, password } = c.req.valid('json');
  return c.json(await c.get('deps').services.accounts.login(username, password, clientAddress(c)), 200);
};

export const logout: RouteHandler<typeof routes.logout, AppEnv> = (c) => {
  c.get('deps').services.accounts.logout(c.get('session').id);
  return c.body(null, 204);
};
