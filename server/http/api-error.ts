/** Errors the API replies with: `{ "error": { "code", "message" } }` and a 4xx status. */
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

export const badRequest = (message: string, code = 'bad_request') => new ApiError(400, code, message);
export const unauthorized = (message = 'Sign in first: send "Authorization: Bearer <token>" with a token from POST /auth/login.') =>
  new ApiError(401, 'unauthorized', message, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (message: string, code = 'forbidden') => new ApiError(403, code, message);
export const notFound = (message: string, code = 'not_found') => new ApiError(404, code, message);
export const conflict = (message: string, code = 'conflict') => new ApiError(409, code, message);
export const tooManyRequests = (message: string, retryAfterS: number) =>
  new ApiError(429, 'rate_limited', message, { 'Retry-After': String(retryAfterS) });

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
