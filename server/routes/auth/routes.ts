/** POST /auth/register, /auth/login, /auth/logout */
import { createRoute } from '@hono/zod-openapi';
import { LoginRequest, RegisterRequest, TokenResponse, UserProfile } from '../../../shared/api';
import { requireUser } from '../../http/current-user';
import { bearerSecurity, errors, jsonBody, jsonBodyLimit, jsonContent } from '../../http/openapi-helpers';

export const register = createRoute({
  method: 'post',
  path: '/auth/register',
  tags: ['auth'],
  summary: 'Create an account',
  middleware: [jsonBodyLimit] as const,
  request: { body: jsonBody(RegisterRequest) },
  responses: {
    201: jsonContent(UserProfile, 'The new profile.'),
    400: errors[400],
    409: errors[409],
    413: errors[413],
    415: errors[415]
  }
});

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in with username or email; returns a bearer token',
  middleware: [jsonBodyLimit] as const,
  request: { body: jsonBody(LoginRequest) },
  responses: {
    200: jsonContent(TokenResponse, 'A session token.'),
    400: errors[400],
    401: errors[401],
    415: errors[415],
    429: errors[429]
  }
});

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the session; the token stops working at once',
  security: bearerSecurity,
  middleware: [requireUser] as const,
  responses: { 204: { description: 'Signed out.' }, 401: errors[401] }
});
