import type { RouteHandler } from '@hono/zod-openapi';
import { createFactory } from 'hono/factory';
import { badRequest, errorBody } from '../../http/api-error';
import type { AppEnv } from '../../http/app-env';
import { requireUser } from '../../http/current-user';
import { QuestIdParam } from '../../http/openapi-helpers';
import { readModelUpload } from '../../http/read-upload';
import type * as routes from './routes';

/** POST /quests/{id}/submit: the reply's types are kept (handlers made by Hono's factory). */
export const submit = createFactory<AppEnv>().createHandlers(requireUser, async (c) => {
  const { config, services } = c.get('deps');
  const parsed = QuestIdParam.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw badRequest('quest id must be a positive integer', 'validation_error');
  const outcome = await services.submissions.upload(c.get('user'), parsed.data.id, () =>
    readModelUpload(c.req.raw, config.maxModelMb)
  );
  if (outcome.kind === 'rejected') return c.json(errorBody(outcome.code, outcome.message), 422);
  c.header('Location', `/submissions/${outcome.result.submission_id}`);
  return c.json(outcome.result, outcome.pending ? 202 : 200);
});

export const getSubmission: RouteHandler<typeof routes.getSubmission, AppEnv> = (c) =>
  c.json(c.get('deps').services.submissions.get(c.get('user'), c.req.valid('param').id), 200);

export const listSubmissions: RouteHandler<typeof routes.listSubmissions, AppEnv> = (c) => {
  const { limit, offset } = c.req.valid('query');
  const history = c.get('deps').services.submissions.history(c.get('user'), c.req.valid('param').id, limit, offset);
  return c.json(history, 200);
};
