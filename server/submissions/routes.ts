/**
 * Submission routes: POST /quests/{id}/submit (multipart `model_file`), GET /submissions/{id},
 * GET /quests/{id}/submissions. Thin: parse, call the submission service, shape the reply.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ErrorBody, Pagination, SubmissionHistory, SubmissionResult } from '../../shared/api';
import { requireUser } from '../auth/current-user';
import { ApiError, notFound } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { dailyLimitStatus } from '../game/daily-limit';
import { requireActiveQuest, requireUnlockedQuest } from '../game/quest-views';
import { errors, jsonContent, QuestIdParam } from '../resources/openapi-helpers';
import { readModelUpload } from './read-upload';
import type { SubmissionService } from './submission-service';
import { findSubmission, listForUserQuest } from './submission-store';

const SubmissionIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,11}$/, 'submission id must be a positive integer')
    .transform(Number)
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' })
});

const getSubmission = createRoute({
  method: 'get',
  path: '/submissions/{id}',
  tags: ['submissions'],
  summary: "One of the caller's submissions: its status, and the result once evaluated",
  security: [{ bearer: [] }],
  middleware: [requireUser] as const,
  request: { params: SubmissionIdParam },
  responses: {
    200: jsonContent(SubmissionResult, 'The submission.'),
    400: errors[400],
    401: errors[401],
    404: errors[404]
  }
});

const listSubmissions = createRoute({
  method: 'get',
  path: '/quests/{id}/submissions',
  tags: ['submissions'],
  summary: "The caller's submissions for a quest, newest first",
  security: [{ bearer: [] }],
  middleware: [requireUser] as const,
  request: { params: QuestIdParam, query: Pagination },
  responses: {
    200: jsonContent(SubmissionHistory, 'The history.'),
    400: errors[400],
    401: errors[401],
    404: errors[404]
  }
});

export function registerSubmissionRoutes(app: OpenAPIHono<AppEnv>, service: SubmissionService): void {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/quests/{id}/submit',
    tags: ['submissions'],
    summary: 'Submit an ONNX model; it is scored on the hidden test set',
    description:
      'Multipart upload with the model in the field `model_file`. Replies 200 with the result when scoring ' +
      'finishes within MLQUEST_SUBMIT_WAIT_S seconds, else 202 with the submission id (poll GET /submissions/{id}). ' +
      'A file that is not a usable ONNX model gets 422 with a message that says how to export one.',
    security: [{ bearer: [] }],
    request: {
      params: QuestIdParam,
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({ model_file: z.string().openapi({ type: 'string', format: 'binary' }) })
          }
        }
      }
    },
    responses: {
      200: jsonContent(SubmissionResult, 'Scored, rejected or failed within the wait.'),
      202: jsonContent(SubmissionResult, 'Queued or evaluating; poll GET /submissions/{id}.'),
      400: errors[400],
      401: errors[401],
      403: errors[403],
      404: errors[404],
      413: errors[413],
      415: errors[415],
      422: jsonContent(ErrorBody, 'Not a usable ONNX model; the message says what to change.'),
      429: jsonContent(ErrorBody, 'Daily submission limit reached; see Retry-After and the reset time in the message.')
    }
  });

  app.post('/quests/:id/submit', requireUser, async (c) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const parsed = QuestIdParam.safeParse({ id: c.req.param('id') });
    if (!parsed.success) throw new ApiError(400, 'validation_error', 'quest id must be a positive integer');
    const questId = parsed.data.id;
    requireUnlockedQuest(deps.db, user, questId);
    const now = deps.now();
    const limit = dailyLimitStatus(deps.db, user.id, questId, now);
    if (limit.left <= 0) {
      const retryAfter = Math.max(1, Math.ceil((Date.parse(limit.resets_at) - now.getTime()) / 1000));
      throw new ApiError(
        429,
        'daily_limit_reached',
        `You have used all ${limit.limit} scored submissions for quest ${questId} today. The limit resets at ` +
          `${limit.resets_at} (midnight in your timezone); rejected files do not count.`,
        { 'Retry-After': String(retryAfter) }
      );
    }
    const model = await readModelUpload(c.req.raw, deps.config.maxModelMb);
    const outcome = service.submit(user.id, questId, model);
    if (outcome.kind === 'rejected') {
      return c.json({ error: { code: outcome.code, message: outcome.message } }, 422);
    }
    await service.waitFor(outcome.id, deps.config.submitWaitS * 1000);
    const row = findSubmission(deps.db, outcome.id);
    if (!row) throw notFound(`Submission ${outcome.id} disappeared.`);
    const result = service.result(row);
    const pending = row.status === 'queued' || row.status === 'evaluating';
    c.header('Location', `/submissions/${row.id}`);
    return c.json(result, pending ? 202 : 200);
  });

  app.openapi(getSubmission, (c) => {
    const { db } = c.get('deps');
    const user = c.get('user');
    const { id } = c.req.valid('param');
    const row = findSubmission(db, id);
    if (!row || row.user_id !== user.id) {
      throw notFound(`You have no submission ${id}; GET /quests/{id}/submissions lists yours.`, 'submission_not_found');
    }
    return c.json(service.result(row), 200);
  });

  app.openapi(listSubmissions, (c) => {
    const { db } = c.get('deps');
    const user = c.get('user');
    const { id } = c.req.valid('param');
    const { limit, offset } = c.req.valid('query');
    requireActiveQuest(db, id);
    const rows = listForUserQuest(db, user.id, id, limit, offset);
    const total = (
      db.sqlite.prepare('SELECT count(*) AS n FROM submissions WHERE user_id = ? AND quest_id = ?').get(user.id, id) as { n: number }
    ).n;
    return c.json({ submissions: rows.map((r) => service.summary(r)), total }, 200);
  });
}
