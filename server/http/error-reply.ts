/**
 * The one mapping from errors to HTTP replies: domain errors thrown by the services (status,
 * code, message, headers), ApiErrors of the HTTP layer, Hono's own HTTPExceptions (body limits,
 * malformed JSON), and anything else as a 500 without a stack trace.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AlreadyTaken,
  DomainError,
  InvalidCredentials,
  InvalidInput,
  NotFound,
  QuestLocked,
  TryLater,
  WrongPassword
} from '../services/errors';
import { ApiError, errorBody, UNAUTHORIZED_HEADERS } from './api-error';

function domainStatus(err: DomainError): ContentfulStatusCode {
  if (err instanceof InvalidInput) return 400;
  if (err instanceof InvalidCredentials) return 401;
  if (err instanceof QuestLocked || err instanceof WrongPassword) return 403;
  if (err instanceof NotFound) return 404;
  if (err instanceof AlreadyTaken) return 409;
  if (err instanceof TryLater) return 429;
  return 400;
}

function domainHeaders(err: DomainError): Record<string, string> {
  if (err instanceof TryLater) return { 'Retry-After': String(err.retryAfterS) };
  if (err instanceof InvalidCredentials) return UNAUTHORIZED_HEADERS;
  return {};
}

function httpExceptionCode(e: HTTPException): { code: string; message: string } {
  if (e.status === 415) {
    return { code: 'unsupported_media_type', message: 'Send the body as JSON with "Content-Type: application/json".' };
  }
  if (e.status === 413) return { code: 'payload_too_large', message: e.message };
  if (e.message.startsWith('Malformed JSON')) {
    return { code: 'malformed_json', message: 'The request body is not valid JSON: check quotes, commas and braces.' };
  }
  return { code: e.status === 400 ? 'bad_request' : 'http_error', message: e.message || 'Bad request.' };
}

export function errorReply(err: Error, c: Context, logErrors: boolean): Response {
  if (err instanceof DomainError) {
    for (const [k, v] of Object.entries(domainHeaders(err))) c.header(k, v);
    return c.json(errorBody(err.code, err.message), domainStatus(err));
  }
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(errorBody(err.code, err.message), err.status);
  }
  if (err instanceof HTTPException) {
    const { code, message } = httpExceptionCode(err);
    const status = (err.status >= 400 && err.status < 500 ? err.status : 400) as ContentfulStatusCode;
    return c.json(errorBody(code, message), status);
  }
  if (logErrors) console.error(`[mlquest] ${c.req.method} ${c.req.path}:`, err);
  const message = 'Something went wrong on the server; try again, and tell the instructor if it persists.';
  return c.json(errorBody('internal_error', message), 500);
}
