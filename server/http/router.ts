/** A router of one resource: strict-slash off and the validation hook that replies 400 with the field to fix. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { validationHook } from './validation-hook';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });
}
