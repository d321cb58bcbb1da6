/**
 * POST /quests/{id}/submit (multipart `model_file`), GET /submissions/{id},
 * GET /quests/{id}/submissions. The upload is read by hand (server/http/read-upload.ts) so that
 * no more than the size cap is ever held; its route is documented here and registered as is.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { RouteConfig } from '@hono/zod-openapi';
import { ErrorBody, Pagination, SubmissionHistory, SubmissionResult } from '../../../shared/api';
import { requireUser } from '../../http/current-user';
import { bearerSecurity, errors, jsonContent, QuestIdParam } from '../../http/openapi-helpers';

const SubmissionIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,11}$/, 'submission id must be a positive integer')
    .transform(Number)
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' })
});

export const SUBMIT_PATH = '/quests/:id/submit';

/** The OpenAPI description of POST /quests/{id}/submit. */
export const submitDoc: RouteConfig = {
  method: 'post',
  path: '/quests/{id}/submit',
  tags: ['submissions'],
  summary: 'Submit an ONNX model; it is scored on the hidden test set',
  description:
    'Multipart upload with the model in the field `model_file`. Replies 200 with the result when scoring ' +
    'finishes within MLQUEST_SUBMIT_WAIT_S seconds, else 202 with the submission id (poll GET /submissions/{id}). ' +
    'A file that is not a usable ONNX model gets 422 with a message that says how to export one.',
  security: bearerSecurity,
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
};

export const getSubmission = createRoute({
  method: 'get',
  path: '/submissions/{id}',
  tags: ['submissions'],
  summary: "One of the caller's submissions: its status, and the result once evaluated",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: SubmissionIdParam },
  responses: {
    200: jsonContent(SubmissionResult, 'The submission.'),
    400: errors[400],
    401: errors[401],
    404: errors[404]
  }
});

export const listSubmissions = createRoute({
  method: 'get',
  path: '/quests/{id}/submissions',
  tags: ['submissions'],
  summary: "The caller's submissions for a quest, newest first",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: QuestIdParam, query: Pagination },
  responses: {
    200: jsonContent(SubmissionHistory, 'The history.'),
    400: errors[400],
    401: errors[401],
    404: errors[404]
  }
});
