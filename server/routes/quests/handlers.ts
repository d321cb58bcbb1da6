import type { RouteHandler } from '@hono/zod-openapi';
import type { QuestSummary } from '../../../shared/api';
import type { AppEnv } from '../../http/app-env';
import { currentUser } from '../../http/current-user';
import { jsonBytes } from '../../http/json-bytes';
import type * as routes from './routes';

export const list: RouteHandler<typeof routes.list, AppEnv> = (c) => {
  const { quests } = c.get('deps').services;
  const user = currentUser(c);
  if (!user) return c.json(quests.list(undefined), 200);
  // The same JSON as c.json(quests.list(user)), cached between database changes.
  return jsonBytes<QuestSummary[], 200>(c, quests.listJson(user), 200);
};

export const detail: RouteHandler<typeof routes.detail, AppEnv> = (c) =>
  c.json(c.get('deps').services.quests.detail(currentUser(c), c.req.valid('param').id), 200);

export const dataset: RouteHandler<typeof routes.dataset, AppEnv> = (c) => {
  const { bytes, filename } = c.get('deps').services.quests.trainSplit(c.req.valid('param').id);
  return c.body(bytes, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `inline; filename="${filename}"`
  });
};

export const notebook: RouteHandler<typeof routes.notebook, AppEnv> = (c) => {
  const { bytes, filename } = c.get('deps').services.quests.notebook(c.req.valid('param').id);
  // The notebook's own bytes, sent unchanged.
  return jsonBytes<Record<string, unknown>, 200>(c, bytes, 200, 'application/x-ipynb+json', {
    'Content-Disposition': `attachment; filename="${filename}"`
  });
};
