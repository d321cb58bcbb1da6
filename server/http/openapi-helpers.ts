/** Shared pieces of the route definitions: JSON bodies, error responses, id parameters. */
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { ErrorBody } from '../../shared/api';
import { errorBody } from './api-error';

export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/** Route middleware: JSON request bodies over 64 KB get 413. */
export const jsonBodyLimit = bodyLimit({
  maxSize: JSON_BODY_LIMIT_BYTES,
  onError: (c) =>
    c.json(errorBody('payload_too_large', `The JSON body is over ${JSON_BODY_LIMIT_BYTES / 1024} KB.`), 413)
});

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const err = (description: string) => jsonContent(ErrorBody, description);

export const errors = {
  400: err('Invalid input: the message says which field to fix.'),
  401: err('Missing, invalid or expired token.'),
  403: err('Not allowed (e.g. the quest is locked).'),
  404: err('Unknown id.'),
  409: err('Conflict (e.g. username or email taken).'),
  413: err('Body too large.'),
  415: err('Wrong content type.'),
  429: err('Too many attempts; see Retry-After.')
} as const;

export const QuestIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'quest id must be a positive integer')
    .transform(Number)
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: 1 })
});

export const bearerSecurity = [{ bearer: [] as string[] }];
