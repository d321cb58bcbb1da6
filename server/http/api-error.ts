/** Errors of the HTTP layer itself (headers, uploads): `{ "error": { "code", "message" } }` and a 4xx status. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNAUTHORIZED_HEADERS: Record<string, string> = { 'WWW-Authenticate': 'Bearer' };

export const badRequest = (message: string, code = 'bad_request') => new ApiError(400, code, message);
export const unauthorized = (
  message = 'Sign in first: send "Authorization: Bearer <token>" with a token from POST /auth/login.'
) => new ApiError(401, 'unauthorized', message, UNAUTHORIZED_HEADERS);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
