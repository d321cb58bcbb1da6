/** Turns a zod validation failure into a 400 that says which field to fix. */
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { errorBody } from './api-error';

const PLACE: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  form: 'form',
  header: 'header',
  cookie: 'cookie'
};

export function describeZodError(error: ZodError, target: string): string {
  return error.issues
    .slice(0, 6)
    .map((i) => {
      const where = [PLACE[target] ?? target, ...i.path.map(String)].join('.');
      if (i.code === 'unrecognized_keys')
        return `${where}: unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}; remove them`;
      // zod reports an absent field as an invalid_type whose value was undefined.
      if (i.code === 'invalid_type' && /received undefined$/.test(i.message)) return `${where}: required`;
      // A message that names its field already ("password must be at least 8 characters") is
      // shown as a sentence, without the internal location prefix.
      const field = String(i.path[i.path.length - 1] ?? '');
      if (field && i.message.startsWith(`${field} `)) return i.message;
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

export function validationHook(result: { success: boolean; target: string; error?: ZodError }, c: Context) {
  if (!result.success && result.error) {
    return c.json(errorBody('validation_error', describeZodError(result.error, result.target)), 400);
  }
  return undefined;
}
